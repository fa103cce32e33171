"""The work desk: the counts on its tiles, the matters due soon and, for the township, each village's load;
every tile counted through the ledger's own filters, so a tile and the list it opens always agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from desktop.store.models import Agreement, Division, Matter, Visit
from desktop.store.queries import (
    MatterFilter,
    colour_clause,
    list_matters,
    lowered_unconfirmed,
    matter_where,
    visible_clause,
    yellow_ratio,
)
from sync.core.domain.lifecycle import (
    OPEN_STATUSES,
    RISK_LOWERED_FROM,
    RISK_REASON,
    TIMED_STATUSES,
    Action,
    Status,
)
from sync.core.domain.roles import Permission, Role

from .context import Workspace
from .duplicates import count_duplicates
from .key_persons import count_key_persons
from .lists import viewer_of
from .matters import history, visible
from .steps import CONFIRMATION_WINDOW_DAYS


@dataclass(frozen=True)
class DueRow:
    id: str
    serial: str
    title: str
    due_on: date
    colour: str  # red / yellow
    village: str
    handler_name: str


@dataclass(frozen=True)
class VillageRow:
    village: str
    open_matters: int
    red: int
    yellow: int


@dataclass(frozen=True)
class DeskCounts:
    open_matters: int
    yellow: int
    red: int
    to_accept: int
    to_claim: int
    follow_ups_due: int
    to_register: int
    visits_this_month: int
    yellow_ratio: float  # the configured share of the time after which a matter is 临期
    # Written agreements whose 30 days to apply for judicial confirmation end within 5 days.
    confirmations_due: int
    supervised: int  # open matters under 督办
    in_charge: int  # open matters this leader took in charge (包案)
    warnings: int  # open 易激化 matters: the risk early warning
    key_persons: int  # residents flagged 重点人员, in scope
    duplicates: int  # ID numbers on more than one resident record, in scope
    by_status: dict[str, int]
    by_category: dict[str, int]
    # What to do next: my open matters past or near their deadline, the most pressing first.
    due_soon: list[DueRow] = field(default_factory=list)
    # For the township's own roles: open, overdue and near-due matters per village.
    by_village: list[VillageRow] = field(default_factory=list)


DUE_SOON_ROWS = 12
HANDLING_ROLES = (Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR, Role.HOUSEHOLD_HEAD)
# Roles that accept dispatched work themselves: their tile counts what was sent to them, not to everyone.
ACCEPTING_ROLES = (Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR)
CONFIRMATION_REMINDER_DAYS = 5


def desk(ws: Workspace) -> DeskCounts:
    ws.require(Permission.VIEW_MATTERS)
    viewer = viewer_of(ws)
    now = ws.now()
    base = [Matter.deleted.is_(False), visible_clause(viewer)]
    may_see_residents = ws.may(Permission.VIEW_RESIDENTS)

    with ws.read() as s:

        def count(*where: ColumnElement[bool]) -> int:
            return s.execute(select(func.count()).select_from(Matter).where(*base, *where)).scalar() or 0

        def filtered(f: MatterFilter) -> int:
            return count(*matter_where(s, viewer, f, now))

        ratio = yellow_ratio(s)
        dispatched = Matter.status == str(Status.DISPATCHED)
        mine = Matter.handler.in_(sorted(viewer.handler_keys))
        by_status: dict[str, int] = dict(
            s.execute(select(Matter.status, func.count()).where(*base).group_by(Matter.status)).all()
        )
        by_category: dict[str, int] = dict(
            s.execute(
                select(Matter.category, func.count())
                .where(*base, Matter.category.is_not(None))
                .group_by(Matter.category)
            ).all()
        )
        return DeskCounts(
            open_matters=count(Matter.status.in_([str(x) for x in TIMED_STATUSES])),
            yellow=count(colour_clause("yellow", now, ratio)),
            red=count(colour_clause("red", now, ratio)),
            to_accept=count(dispatched, mine) if ws.has_role(*ACCEPTING_ROLES) else count(dispatched),
            to_claim=count(Matter.status == str(Status.OPEN_FOR_CLAIM)),
            follow_ups_due=count(Matter.status == str(Status.CHECKED)),
            to_register=count(Matter.status == str(Status.REPORTED)),
            visits_this_month=_visits_this_month(ws, s, now),
            yellow_ratio=ratio,
            confirmations_due=_confirmations_due(s, base, now.date()),
            # the ledger's own filters, so a tile and the list it opens always agree
            supervised=filtered(MatterFilter(supervised=True)),
            in_charge=filtered(MatterFilter(leader_id=ws.actor.account_id)),
            warnings=filtered(MatterFilter(warning=True)),
            key_persons=count_key_persons(s, viewer) if may_see_residents else 0,
            duplicates=count_duplicates(s, viewer) if may_see_residents else 0,
            by_status=by_status,
            by_category=by_category,
            due_soon=_due_soon(ws, s, now),
            by_village=_by_village(s, base, now, ratio) if ws.actor.scope.kind == "township" else [],
        )


def _due_soon(ws: Workspace, s: Session, now: datetime) -> list[DueRow]:
    """Through the ledger's own query, so a row here and the ledger's red and yellow filters always agree."""
    viewer = viewer_of(ws)
    mine = sorted(viewer.handler_keys) if ws.has_role(*HANDLING_ROLES) else []
    rows = []
    for colour in ("red", "yellow"):
        f = MatterFilter(colour=colour, handlers=mine)
        page = list_matters(s, viewer, f, now, limit=DUE_SOON_ROWS, order="due_on", descending=False)
        rows += [
            DueRow(r.id, r.serial, r.title, r.due_on, colour, r.village, r.handler_name) for r in page.rows
        ]
    return rows[:DUE_SOON_ROWS]


def _by_village(s: Session, base: list[Any], now: datetime, ratio: float) -> list[VillageRow]:
    def tally(clause: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.sum(case((clause, 1), else_=0))

    open_now = Matter.status.in_([str(x) for x in TIMED_STATUSES])
    red, yellow = colour_clause("red", now, ratio), colour_clause("yellow", now, ratio)
    rows = s.execute(
        select(Division.name, tally(open_now), tally(red), tally(yellow))
        .join(Division, Division.id == Matter.village_id)
        .where(*base)
        .group_by(Division.id, Division.name)
        .order_by(tally(red).desc(), Division.name)
    ).all()
    return [VillageRow(name, o or 0, r or 0, y or 0) for name, o, r, y in rows]


def _confirmations_due(s: Session, base: list[Any], today: date) -> int:
    last_day = func.date(Agreement.effective_on, f"+{CONFIRMATION_WINDOW_DAYS} days")
    return (
        s.execute(
            select(func.count())
            .select_from(Agreement)
            .join(Matter, Matter.id == Agreement.matter_id)
            .where(
                *base,
                Agreement.deleted.is_(False),
                Agreement.form == "written",
                Agreement.effective_on.is_not(None),
                Agreement.confirmation_applied_on.is_(None),
                last_day >= today.isoformat(),
                last_day <= (today + timedelta(days=CONFIRMATION_REMINDER_DAYS)).isoformat(),
            )
        ).scalar()
        or 0
    )


def _visits_this_month(ws: Workspace, s: Session, now: datetime) -> int:
    start = datetime(now.year, now.month, 1)
    mine = select(func.count()).select_from(Visit)
    return (
        s.execute(mine.where(Visit.visitor_id == ws.actor.account_id, Visit.visited_at >= start)).scalar()
        or 0
    )


@dataclass(frozen=True)
class LoweredRow:
    """A matter the early warning keeps: registered with a risk below its signals', not yet confirmed."""

    matter_id: str
    serial: str
    title: str
    signalled: str  # the level the signals gave (sync.core.domain.risk.Risk)
    chosen: str  # the level it was registered with
    by: str  # who lowered it
    reason: str  # why


def lowered_risks(ws: Workspace) -> list[LoweredRow]:
    """The early-warning list's "lowered by whom, why": until a leader confirms (确认风险等级)."""
    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        rows = []
        open_now = [str(x) for x in OPEN_STATUSES]
        for matter in s.scalars(
            select(Matter).where(
                Matter.id.in_(lowered_unconfirmed()), Matter.deleted.is_(False), Matter.status.in_(open_now)
            )
        ):
            if not visible(ws.actor, matter):
                continue
            step = next(e for e in reversed(history(s, matter.id)) if e.action == Action.REGISTER)
            data = step.data or {}
            rows.append(
                LoweredRow(
                    matter.id,
                    matter.serial,
                    matter.title,
                    str(data.get(RISK_LOWERED_FROM)),
                    str(data.get("risk")),
                    step.actor_name,
                    str(data.get(RISK_REASON) or ""),
                )
            )
        return rows
