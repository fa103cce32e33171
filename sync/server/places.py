"""An account's scope given by name, on the server: the places the server holds, resolved by the core's rule
(`sync.core.domain.place_names`): a name that matches nothing or more than one place is refused with the
choices."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.core.domain.place_names import Candidate, PlaceNameError
from sync.core.domain.place_names import resolve as resolve_names

from .models import Record

# scope kind → (table of its members, the field that names one, what one is called)
MEMBERS = {
    "village": ("divisions", "name", "村"),
    "grid": ("grids", "name", "网格"),
    "household": ("households", "number", "住户（户号）"),
}

PlaceError = PlaceNameError


def resolve(session: Session, kind: str, given: list[str]) -> list[str]:
    """The ids of the places given (ids or names), in order; PlaceError naming the choices otherwise."""
    table, field, called = MEMBERS[kind]
    villages = {
        r.id: str(r.data.get("name") or "")
        for r in session.scalars(select(Record).where(Record.table_name == "divisions"))
    }
    candidates = [
        Candidate(
            r.id,
            str(r.data.get(field) or ""),
            "" if kind == "village" else villages.get(str(r.data.get("village_id")), ""),
        )
        for r in session.scalars(select(Record).where(Record.table_name == table))
        if not r.deleted
    ]
    return resolve_names(given, candidates, called)
