"""Lists for screens and exports: the store's paged queries, seen through the signed-in account's scope."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.deadlines import Deadline
from desktop.domain.lifecycle import TIMED_STATUSES
from desktop.domain.roles import Permission, Role
from desktop.store import queries
from desktop.store.queries import MatterFilter, Page, Viewer

from .context import Workspace


def viewer_of(ws: Workspace) -> Viewer:
    a = ws.actor
    return Viewer(a.scope, a.handler_keys, a.account_id, a.org_id, Role.MEDIATOR in a.roles)


def households(ws: Workspace, **options) -> Page:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_households(s, viewer_of(ws), **options)


def persons(ws: Workspace, **options) -> Page:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        return queries.list_persons(s, viewer_of(ws), **options)


def matters(ws: Workspace, f: MatterFilter | None = None, **options) -> Page:
    """Matters in scope, each row with its deadline colour."""
    ws.require(Permission.VIEW_MATTERS)
    now = ws.now()
    with ws.read() as s:
        page = queries.list_matters(s, viewer_of(ws), f or MatterFilter(), now, **options)
        calc = ws.deadlines(s)
    rows = [
        replace(r, colour=str(calc.colour(_deadline(r), now, closed=r.status not in TIMED_STATUSES)))
        for r in page.rows
    ]
    return Page(rows, page.total, page.offset)


def _deadline(row) -> Deadline | None:
    return Deadline(row.registered_at, row.due_on) if row.registered_at and row.due_on else None
