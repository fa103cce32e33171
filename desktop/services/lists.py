"""Lists for screens and exports: the store's paged queries, seen through the signed-in account's scope."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from desktop.store import queries
from desktop.store.queries import MatterFilter, Page, Viewer
from sync.core.domain.deadlines import Deadline
from sync.core.domain.lifecycle import TIMED_STATUSES
from sync.core.domain.roles import Permission, Role

from .context import Workspace


def viewer_of(ws: Workspace) -> Viewer:
    a = ws.actor
    return Viewer(a.scope, a.handler_keys, a.account_id, a.org_id, Role.MEDIATOR in a.roles)


def searchable(text: str | None) -> str:
    """What a search box's text can search for. A NUL (pasted from a binary file) ends a string in SQLite and
    a lone surrogate (half of a character, from a broken paste or input method) cannot be encoded: both are
    dropped, and other control characters become spaces, so a search never fails on what was typed."""
    kept = []
    for ch in text or "":
        if ch == "\x00" or "\ud800" <= ch <= "\udfff":
            continue
        kept.append(" " if unicodedata.category(ch) == "Cc" else ch)
    return " ".join("".join(kept).split())


def _searching(options: dict[str, Any]) -> dict[str, Any]:
    return {**options, "text": searchable(options["text"])} if "text" in options else options


def households(ws: Workspace, **options: Any) -> Page:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_households(s, viewer_of(ws), **_searching(options))


def persons(ws: Workspace, **options: Any) -> Page:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_persons(s, viewer_of(ws), **_searching(options))


def matters(ws: Workspace, f: MatterFilter | None = None, **options: Any) -> Page:
    """Matters in scope, each row with its deadline colour."""
    ws.require(Permission.VIEW_MATTERS)
    f = replace(f or MatterFilter(), text=searchable((f or MatterFilter()).text))
    now = ws.now()
    with ws.read() as s:
        calc = ws.deadlines(s)

        def colour(registered_at: datetime | None, due_on: date | None, status: str) -> str:
            deadline = Deadline(registered_at, due_on) if registered_at and due_on else None
            return str(calc.colour(deadline, now, closed=status not in TIMED_STATUSES))

        return queries.list_matters(s, viewer_of(ws), f or MatterFilter(), now, colour=colour, **options)


def visits(ws: Workspace, **options: Any) -> Page:
    """Visits to households in scope, the latest first, filtered by village, grid, dates, follow-up."""
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_visits(s, viewer_of(ws), **options)
