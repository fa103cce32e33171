"""The county's desk (a county account's laptop): the matters waiting at county level, and those it sent down
to a township (交下级落实) with the deadline it gave, their state, and whether they are late — where the
county 督办s the township from. A county laptop holds only matters that are or were at county level (the
township server sends it no other), so the split is by the matter's level now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.store.models import Matter
from desktop.store.queries import visible_clause
from sync.core.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS, Level, Status
from sync.core.domain.roles import Permission

from . import county_stats
from .context import Workspace
from .lists import viewer_of


@dataclass(frozen=True)
class CountyRow:
    id: str
    serial: str
    title: str
    status: str  # its label, as the ledger shows it
    due_on: date | None
    late: bool  # open past the deadline (the county's own, once sent down)
    supervised: int
    handler_name: str
    township: str = ""  # the township the matter belongs to (the pull says whose; empty before it does)


def row_of(m: Matter, today: date, township: str = "") -> CountyRow:
    """A matter as a county list shows it: the county's desk, and the township's list of what it sent down."""
    return CountyRow(
        m.id,
        m.serial or "",
        m.title or "",
        STATUS_LABELS.get(Status(m.status), m.status),
        m.due_on,
        m.due_on is not None and m.due_on < today,
        int(m.supervised or 0),
        m.handler_name or "",
        township,
    )


@dataclass(frozen=True)
class CountyDesk:
    waiting: list[CountyRow]  # at county level and open: the county's own work
    sent_down: list[CountyRow]  # sent down, still open at the township: what the county follows and 督办s
    done: int  # at county level or sent down, and closed


def is_county(ws: Workspace) -> bool:
    return ws.actor.scope.kind == "county"


def county_desk(ws: Workspace) -> CountyDesk:
    ws.require(Permission.VIEW_MATTERS)
    today = ws.now().date()
    open_values = [str(s) for s in OPEN_STATUSES]
    with ws.read() as s:
        matters = list(
            s.scalars(
                select(Matter)
                .where(Matter.deleted.is_(False), visible_clause(viewer_of(ws)))
                .order_by(Matter.due_on.is_(None), Matter.due_on, Matter.serial)
            )
        )
    # which township each matter is of, as the county device's pull said (county_stats.record_townships)
    townships = county_stats.record_townships(ws, "matters")
    waiting: list[CountyRow] = []
    sent_down: list[CountyRow] = []
    done = 0
    for m in matters:
        if m.status not in open_values:
            done += 1
            continue
        row = row_of(m, today, townships.get(m.id, ""))
        (waiting if m.level == Level.COUNTY.value else sent_down).append(row)
    return CountyDesk(waiting, sent_down, done)
