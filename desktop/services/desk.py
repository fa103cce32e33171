"""The work desk: the counts on its tiles, the matters due soon and, for the township, each village's load;
every tile counted through the ledger's own filters, so a tile and the list it opens always agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from desktop.store.models import Account, Division, Event, Grid, Household, Matter, Org
from desktop.store.queries import (
    MatterFilter,
    colour_clause,
    list_matters,
    list_visits,
    lowered_unconfirmed,
    matter_where,
    visible_clause,
    yellow_ratio,
)
from sync.core.domain.lifecycle import (
    OPEN_STATUSES,
    TIMED_STATUSES,
    Action,
    Level,
    Status,
    lowering,
    sent_down_by_county,
)
from sync.core.domain.roles import Permission, Role

from . import calendar, petitions, syncing
from .context import Workspace
from .county_desk import CountyRow, row_of
from .duplicates import count_duplicates
from .key_persons import count_due, count_key_persons
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
    # A township being set up: each first step and whether it is done (shown until all are).
    first_steps: list[FirstStep] = field(default_factory=list)
    # Sync conflicts still open on this laptop (syncing.ConflictRow): a tile and a notice until settled.
    conflicts: list[Any] = field(default_factory=list)
    # While an open matter's deadline runs into a year whose holidays are not entered (services.calendar).
    calendar_note: str = ""
    # 重点人员 whose contact under their 稳控 plan is due today or overdue (重点人员 待走访).
    key_persons_due: int = 0
    # 交下级落实: open matters the county sent down to this township, with the county's deadline (township)
    from_county: list[CountyRow] = field(default_factory=list)


@dataclass(frozen=True)
class FirstStep:
    key: str  # one of FIRST_STEPS; the window words it
    done: bool


FIRST_STEPS = ("villages", "grids", "orgs", "accounts", "households")


def first_steps(ws: Workspace, s: Session) -> list[FirstStep]:
    """What a new township does first, each ticked once done; nothing once everything is."""

    def some(model: Any, *where: Any) -> bool:
        found = s.execute(select(model.id).where(model.deleted.is_(False), *where).limit(1)).first()
        return found is not None

    done = {
        "villages": some(Division, Division.level == "village"),
        "grids": some(Grid),
        "orgs": some(Org, Org.kind.in_(["unit", "team"])),
        "accounts": some(Account, Account.id != ws.actor.account_id),
        "households": some(Household),
    }
    steps = [FirstStep(key, done[key]) for key in FIRST_STEPS]
    return [] if all(step.done for step in steps) else steps


DUE_SOON_ROWS = 12
HANDLING_ROLES = (Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR, Role.HOUSEHOLD_HEAD)
# Roles that accept dispatched work themselves: their tile counts what was sent to them, not to everyone.
ACCEPTING_ROLES = (Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR)
CONFIRMATION_REMINDER_DAYS = 5


def tile_filters(ws: Workspace) -> dict[str, MatterFilter]:
    """What each matter tile counts, as the ledger's filter: the tile counts with it and the list it opens
    lists with it, so the two cannot disagree."""
    mine = sorted(viewer_of(ws).handler_keys) or ["-"]  # no handler key: nothing is sent to me
    accepting = ws.has_role(*ACCEPTING_ROLES)
    # Those who handle matters are shown their own late ones (我的超期和临期事项): the red and yellow tiles
    # count those too, or a grid worker's tile counted the whole grid's while the list below it showed hers.
    late = mine if ws.has_role(*HANDLING_ROLES) else []
    return {
        "red": MatterFilter(colour="red", handlers=late),
        "yellow": MatterFilter(colour="yellow", handlers=late),
        "open": MatterFilter(statuses=[str(x) for x in TIMED_STATUSES]),
        "to_accept": MatterFilter(statuses=[str(Status.DISPATCHED)], handlers=mine if accepting else []),
        "to_claim": MatterFilter(statuses=[str(Status.OPEN_FOR_CLAIM)]),
        "to_register": MatterFilter(statuses=[str(Status.REPORTED)]),
        "follow_ups": MatterFilter(statuses=[str(Status.CHECKED)]),
        "confirmations": MatterFilter(
            confirmation_due=(CONFIRMATION_WINDOW_DAYS, CONFIRMATION_REMINDER_DAYS)
        ),
        "supervised": MatterFilter(supervised=True),
        "in_charge": MatterFilter(leader_id=ws.actor.account_id),
        "warnings": MatterFilter(warning=True),
    }


def desk(ws: Workspace) -> DeskCounts:
    ws.require(Permission.VIEW_MATTERS)
    viewer = viewer_of(ws)
    now = ws.now()
    base = [Matter.deleted.is_(False), visible_clause(viewer)]
    may_see_residents = ws.may(Permission.VIEW_RESIDENTS)
    county = ws.actor.scope.kind == "county"
    conflicts = syncing.open_conflicts(ws)

    with ws.read() as s:

        def count(*where: ColumnElement[bool]) -> int:
            return s.execute(select(func.count()).select_from(Matter).where(*base, *where)).scalar() or 0

        def filtered(f: MatterFilter) -> int:
            return count(*matter_where(s, viewer, f, now))

        ratio = yellow_ratio(s)
        tiles = {key: filtered(f) for key, f in tile_filters(ws).items()}
        # Counted by the 走访 page's own query with the page's own options: the tile is the page's total.
        month = list_visits(s, viewer, limit=1, **month_visits(ws)).total if may_see_residents else 0
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
            open_matters=tiles["open"],
            yellow=tiles["yellow"],
            red=tiles["red"],
            to_accept=tiles["to_accept"],
            to_claim=tiles["to_claim"],
            follow_ups_due=tiles["follow_ups"],
            to_register=tiles["to_register"],
            visits_this_month=month if may_see_residents else 0,
            yellow_ratio=ratio,
            confirmations_due=tiles["confirmations"],
            supervised=tiles["supervised"],
            in_charge=tiles["in_charge"],
            warnings=tiles["warnings"],
            key_persons=count_key_persons(s, viewer) if may_see_residents else 0,
            duplicates=count_duplicates(s, viewer) if may_see_residents else 0,
            by_status=by_status,
            by_category=by_category,
            due_soon=_due_soon(ws, s, now),
            by_village=_by_village(s, base, now, ratio) if ws.actor.scope.kind == "township" else [],
            # (the township's set-up: not the county's to finish)
            first_steps=first_steps(ws, s) if ws.may(Permission.CONFIGURE) and not county else [],
            conflicts=conflicts,
            calendar_note=calendar.desk_note(ws, s),
            key_persons_due=count_due(s, viewer, now.date()) if may_see_residents else 0,
            from_county=[] if county else from_county(ws, s, now.date()),
        )


def from_county(ws: Workspace, s: Session, today: date) -> list[CountyRow]:
    """交下级落实 as the township sees it: its open matters whose latest sending-down came from the county,
    by the county's deadline (the matter's due date since), late ones first."""
    referred = select(Event.matter_id).where(Event.action == str(Action.REFER_DOWN), Event.deleted.is_(False))
    found = s.scalars(
        select(Matter)
        .where(
            Matter.deleted.is_(False),
            visible_clause(viewer_of(ws)),
            Matter.status.in_([str(x) for x in OPEN_STATUSES]),
            Matter.level != Level.COUNTY.value,
            Matter.id.in_(referred),
        )
        .order_by(Matter.due_on.is_(None), Matter.due_on, Matter.serial)
    )
    return [
        row_of(m, today) for m in found if sent_down_by_county((e.action, e.data) for e in history(s, m.id))
    ]


def _due_soon(ws: Workspace, s: Session, now: datetime) -> list[DueRow]:
    """Through the red and yellow tiles' own filters (tile_filters), so a row here, the tile's count and the
    ledger the tile opens always agree."""
    viewer = viewer_of(ws)
    filters = tile_filters(ws)
    mine = filters["red"].handlers
    rows = []
    for colour in ("red", "yellow"):
        f = filters[colour]
        page = list_matters(s, viewer, f, now, limit=DUE_SOON_ROWS, order="due_on", descending=False)
        rows += [
            DueRow(r.id, r.serial, r.title, r.due_on, colour, r.village, r.handler_name) for r in page.rows
        ]
    if not mine:  # the office's own 信访 windows (受理告知, 复查 / 复核意见): to those who decide them
        rows = sorted(rows + _petition_due(ws, s, now), key=lambda r: (r.colour != "red", r.due_on))
    return rows[:DUE_SOON_ROWS]


def _petition_due(ws: Workspace, s: Session, now: datetime) -> list[DueRow]:
    """Petitions whose acceptance decision, or answer to 复查 / 复核, is near or past its window
    (信访工作条例), coloured as a dispute's deadline; the handling window is the matter's own due date,
    listed above."""
    waiting = select(Matter).where(
        Matter.deleted.is_(False),
        Matter.kind == "petition",
        visible_clause(viewer_of(ws)),
        (Matter.status == str(Status.REPORTED))
        | Matter.petition_stage.in_([petitions.Stage.REVIEW_REQUESTED, petitions.Stage.RECHECK_REQUESTED]),
    )
    found = list(s.scalars(waiting))
    ratio = yellow_ratio(s)
    villages: dict[str, str] = dict(s.execute(select(Division.id, Division.name)).all())
    rows = []
    for matter, f in zip(found, petitions.facts(s, found), strict=True):
        window = petitions.running_window(f)
        colour = window.colour(now, ratio) if window is not None else None
        if window is None or colour not in ("red", "yellow"):
            continue
        title = f"【{window.label}】{matter.title}"
        rows.append(
            DueRow(
                matter.id,
                matter.serial,
                title,
                window.due,
                str(colour),
                villages.get(matter.village_id, ""),
                matter.handler_name or "",
            )
        )
    return rows


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


def month_visits(ws: Workspace) -> dict[str, Any]:
    """What the 本月走访 tile counts, as the 走访 page's own options (lists.visits): the visits in scope from
    the first of this month to today. The tile counts with them and the page it opens lists with them."""
    today = ws.now().date()
    return {"date_from": today.replace(day=1), "date_to": today}


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
            # the latest step that lowered it: 立案定级 below the signals, or a 更正事实 signalling less
            step = next(e for e in reversed(history(s, matter.id)) if lowering(e.action, e.data))
            signals, chosen, reason = lowering(step.action, step.data) or ("", "", "")
            rows.append(
                LoweredRow(matter.id, matter.serial, matter.title, signals, chosen, step.actor_name, reason)
            )
        return rows
