"""Lists for screens and exports: the store's paged queries, seen through the signed-in account's scope."""

from __future__ import annotations

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


def households(ws: Workspace, **options: Any) -> Page:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_households(s, viewer_of(ws), **options)


def persons(ws: Workspace, **options: Any) -> Page:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_persons(s, viewer_of(ws), **options)


def matters(ws: Workspace, f: MatterFilter | None = None, **options: Any) -> Page:
    """Matters in scope, each row with its deadline colour."""
    ws.require(Permission.VIEW_MATTERS)
    now = ws.now()
    with ws.read() as s:
        calc = ws.deadlines(s)

        def colour(registered_at: datetime | None, due_on: date | None, status: str) -> str:
            deadline = Deadline(registered_at, due_on) if registered_at and due_on else None
            return str(calc.colour(deadline, now, closed=status not in TIMED_STATUSES))

        return queries.list_matters(s, viewer_of(ws), f or MatterFilter(), now, colour=colour, **options)
