"""An account's scope given by name: a village (`新街村`), a grid (`新街村第1网格`, `新街村/第1网格`,
`第1网格` when only one village has it) or a household (its 户号, or `新街村/0012`), or by id. A name that
matches nothing or more than one place is refused with the choices, so an account never silently
sees nothing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Record

MAX_CHOICES = 12  # choices listed in a refusal: enough to spot a typo, short enough to read

# scope kind → (table of its members, the field that names one, what one is called)
MEMBERS = {
    "village": ("divisions", "name", "村"),
    "grid": ("grids", "name", "网格"),
    "household": ("households", "number", "住户（户号）"),
}


class PlaceError(ValueError):
    """A place name that names no place, or several: the message lists the choices."""


def _labels(record: Record, own: str, village: str) -> set[str]:
    """Every way the township writes this place: its own name, and with its village before it."""
    labels = {own}
    if village:
        short = own[len(village) :] if own.startswith(village) and own != village else own
        labels |= {f"{village}/{own}", f"{village}{short}", f"{village}/{short}", short}
    return {label for label in labels if label}


def _shown(own: str, village: str) -> str:
    return own if not village or own.startswith(village) else f"{village}/{own}"


def resolve(session: Session, kind: str, given: list[str]) -> list[str]:
    """The ids of the places given (ids or names), in order; PlaceError naming the choices otherwise."""
    table, field, called = MEMBERS[kind]
    rows = [r for r in session.scalars(select(Record).where(Record.table_name == table)) if not r.deleted]
    villages = {
        r.id: str(r.data.get("name") or "")
        for r in session.scalars(select(Record).where(Record.table_name == "divisions"))
    }
    named = []
    for r in rows:
        own = str(r.data.get(field) or "")
        village = "" if kind == "village" else villages.get(str(r.data.get("village_id")), "")
        named.append((r, own, village, _labels(r, own, village)))
    ids = []
    for entry in given:
        entry = entry.strip()
        if any(r.id == entry for r, *_ in named):
            ids.append(entry)
            continue
        found = [(r, own, village) for r, own, village, labels in named if entry in labels]
        if len(found) == 1:
            ids.append(found[0][0].id)
            continue
        if found:
            choices = [f"{_shown(own, village)}（{r.id}）" for r, own, village in found]
            listed = "、".join(choices[:MAX_CHOICES])
            raise PlaceError(f"找不到唯一的{called}“{entry}”：有 {len(found)} 个同名，请选其一：{listed}")
        near = sorted(_shown(own, village) for _r, own, village, _l in named)
        hint = [n for n in near if entry and (entry in n or n in entry)] or near
        more = "…" if len(hint) > MAX_CHOICES else ""
        listed = "、".join(hint[:MAX_CHOICES]) + more if hint else f"服务器上还没有{called}"
        raise PlaceError(f"找不到唯一的{called}“{entry}”：没有这个名称；可选：{listed}")
    return ids
