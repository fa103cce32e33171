"""What a card or a detail screen shows, gathered in one read: plain objects, numbers masked by default."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select

from desktop.store.models import (
    Account,
    Agreement,
    Attachment,
    Division,
    FollowUp,
    Grid,
    Household,
    Matter,
    MediationSession,
    Org,
    Party,
    Person,
)  # fmt: skip
from sync.core.domain.deadlines import COLOUR_LABELS, GRADE_LABELS
from sync.core.domain.lifecycle import TIMED_STATUSES, Status, allowed_actions
from sync.core.domain.masking import mask_id, mask_phone
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission, Role

from . import matters, repeats
from .context import Workspace
from .duplicates import count_duplicates
from .errors import NotFound
from .key_persons import count_key_persons
from .lists import viewer_of
from .steps import deadline_of, judicial_confirmation_due
from .visits import visits_of


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    parent_id: str | None = None


@dataclass
class Places:
    """One object shared by the window's pages and forms; `take` refreshes it in place when the township's set-up
    changes, so every drop-down opened afterwards offers the new unit, grid or channel."""

    township: str
    villages: tuple
    grids: tuple
    orgs: tuple  # Place(id="org:<id>", name, kind)
    people: tuple  # Place(id="account:<id>", name, roles)
    channels: tuple
    categories: dict
    grades: tuple = ()  # (stars, label) from the township's own grade table

    def take(self, other: Places) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(other, f.name))


def places(ws: Workspace) -> Places:
    """Everything a form's drop-down lists need, in one read."""
    from .context import config_value

    with ws.read() as s:
        live = Division.deleted.is_(False)
        township = s.execute(select(Division.name).where(Division.level == "township", live)).scalar() or ""
        villages = tuple(Place(i, n) for i, n in s.execute(select(Division.id, Division.name).where(Division.level == "village", live).order_by(Division.code, Division.name)))  # fmt: skip
        grids = tuple(Place(i, n, v) for i, n, v in s.execute(select(Grid.id, Grid.name, Grid.village_id).where(Grid.deleted.is_(False)).order_by(Grid.name)))  # fmt: skip
        orgs = tuple(Place(f"org:{i}", n, k) for i, n, k in s.execute(select(Org.id, Org.name, Org.kind).where(Org.deleted.is_(False)).order_by(Org.kind, Org.name)))  # fmt: skip
        people = tuple(
            Place(f"account:{i}", n, r)
            for i, n, r in s.execute(select(Account.id, Account.display_name, Account.roles).where(Account.deleted.is_(False), Account.disabled.is_(False)).order_by(Account.username))
            if "mediator" in r or "grid_worker" in r or "grid_leader" in r
        )  # fmt: skip
        channels = tuple(config_value(s, "channels", []))
        categories = dict(config_value(s, "categories", {}))
        policy = config_value(s, "deadline_policy") or {}
        grades = tuple((int(g["grade"]), g["label"]) for g in policy.get("grades", [])) or tuple(
            GRADE_LABELS.items()
        )
    scope = ws.actor.scope
    if scope.kind == "village":
        villages = tuple(v for v in villages if v.id in scope.ids)
    elif scope.kind == "grid":
        grids = tuple(g for g in grids if g.id in scope.ids)
        villages = tuple(v for v in villages if v.id in {g.parent_id for g in grids})
    return Places(township, villages, grids, orgs, people, channels, categories, grades)


# ------------------------------------------------------------------------------------------ household card


@dataclass(frozen=True)
class MatterLine:
    id: str
    serial: str
    title: str
    status: str
    reported_at: datetime


@dataclass(frozen=True)
class HouseholdDetail:
    id: str
    number: str
    address: str
    village: str
    village_id: str
    grid: str
    grid_id: str | None
    phone: str
    tags: tuple
    note: str
    members: tuple  # PersonRow
    visits: tuple  # VisitRow
    matters: tuple  # MatterLine


def household_detail(ws: Workspace, household_id: str) -> HouseholdDetail:
    ws.require(Permission.VIEW_RESIDENTS)
    from .lists import persons

    with ws.read() as s:
        h = s.get(Household, household_id)
        if h is None or h.deleted or not ws.actor.scope.covers(h.village_id, h.grid_id, h.id):
            raise NotFound(msg("找不到该户，或不在您的范围内"))
        village = s.get(Division, h.village_id).name
        grid = s.get(Grid, h.grid_id).name if h.grid_id else ""
        member_ids = select(Person.id).where(Person.household_id == h.id)
        party_matters = select(Party.matter_id).where(Party.person_id.in_(member_ids))
        lines = tuple(
            MatterLine(m.id, m.serial, m.title, m.status, m.reported_at)
            for m in s.execute(select(Matter).where(Matter.id.in_(party_matters), Matter.deleted.is_(False)).order_by(Matter.reported_at.desc())).scalars()
            if matters.visible(ws.actor, m)
        )  # fmt: skip
    members = tuple(persons(ws, household_id=household_id, limit=500).rows)
    return HouseholdDetail(
        h.id, h.number, h.address, village, h.village_id, grid, h.grid_id, mask_phone(h.phone), tuple(h.tags or ()),
        h.note, members, tuple(visits_of(ws, household_id)), lines,
    )  # fmt: skip


# ------------------------------------------------------------------------------------------ matter detail


@dataclass(frozen=True)
class PartyLine:
    name: str
    role: str
    id_number: str  # masked
    phone: str  # masked
    address: str
    id: str = ""


@dataclass(frozen=True)
class EventLine:
    action: str
    at: datetime
    actor: str
    note: str
    data: dict


@dataclass(frozen=True)
class SessionLine:
    held_on: date
    kind: str
    outcome: str
    place: str
    mediators: str
    record: str
    level: str


@dataclass(frozen=True)
class AgreementLine:
    form: str
    parties: str
    facts: str
    terms: str
    performance: str
    perform_by: date | None
    effective_on: date | None
    confirmation_due: date | None


@dataclass(frozen=True)
class FollowUpLine:
    on: date
    satisfaction: str
    performed: bool | None
    relapse: bool
    next_step: str


@dataclass(frozen=True)
class AttachmentLine:
    id: str
    filename: str
    sha256: str
    size: int
    present: bool
    path: str


@dataclass(frozen=True)
class MatterDetail:
    id: str
    serial: str
    kind: str
    source: str
    category: str
    subcategory: str
    title: str
    facts: str
    place: str
    occurred_at: datetime | None
    village: str
    grid: str
    people_count: int
    amount: float
    risk: str
    signals: tuple
    grade: int | None
    status: str
    level: str
    handler_name: str
    reported_at: datetime
    registered_at: datetime | None
    due_on: date | None
    colour: str
    colour_label: str
    outcome: str
    satisfaction: str
    is_group: bool
    parties: tuple
    events: tuple
    sessions: tuple
    agreements: tuple
    follow_ups: tuple
    attachments: tuple
    actions: tuple  # the lifecycle steps this account may take now
    supervised: int = 0  # times 督办
    explanation_due: bool = False  # supervised since the handler last explained
    leader_name: str = ""  # 包案领导
    external_no: str = ""  # 12345 / 首发 order number
    closing_reply: str = ""  # 销号回复
    archived: bool = False  # 卷宗已归档
    repeat_of: str = ""  # the primary order's serial, for a repeat
    repeats: tuple = ()  # serials of the orders marked as repeats of this one
    possible_repeats: tuple = ()  # repeats.Candidate: earlier matters this one may repeat, while it can be marked


def matter_detail(ws: Workspace, matter_id: str) -> MatterDetail:
    from .attachments import stored_path

    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        m = matters.load(ws, s, matter_id)
        live = {"matter_id": m.id, "deleted": False}
        parties = tuple(PartyLine(p.name, p.role, mask_id(p.id_number), mask_phone(p.phone), p.address, p.id) for p in s.execute(select(Party).filter_by(**live)).scalars())  # fmt: skip
        events = tuple(
            EventLine(e.action, e.at, e.actor_name, e.note, e.data) for e in matters.history(s, m.id)
        )
        sessions = tuple(SessionLine(x.held_on, x.kind, x.outcome, x.place, x.mediators, x.record, x.level) for x in s.execute(select(MediationSession).filter_by(**live).order_by(MediationSession.held_on)).scalars())  # fmt: skip
        agreements = tuple(AgreementLine(a.form, a.parties, a.facts, a.terms, a.performance, a.perform_by, a.effective_on, judicial_confirmation_due(a)) for a in s.execute(select(Agreement).filter_by(**live)).scalars())  # fmt: skip
        follow_ups = tuple(FollowUpLine(f.on, f.satisfaction, f.performed, f.relapse, f.next_step) for f in s.execute(select(FollowUp).filter_by(**live).order_by(FollowUp.on)).scalars())  # fmt: skip
        files = tuple(AttachmentLine(a.id, a.filename, a.sha256, a.size, a.present, str(stored_path(ws, a.sha256))) for a in s.execute(select(Attachment).where(Attachment.owner_kind == "matter", Attachment.owner_id == m.id, Attachment.deleted.is_(False))).scalars())  # fmt: skip
        village = s.get(Division, m.village_id).name if m.village_id else ""
        grid = s.get(Grid, m.grid_id).name if m.grid_id else ""
        colour = ws.deadlines(s).colour(deadline_of(m), ws.now(), closed=m.status not in TIMED_STATUSES)
        actions = tuple(allowed_actions(matters.state_of(m), ws.actor.for_lifecycle()))
        leader = s.get(Account, m.leader_id).display_name if m.leader_id else ""
        primary = s.get(Matter, m.repeat_of).serial if m.repeat_of else ""
        repeated_by = tuple(s.execute(select(Matter.serial).where(Matter.repeat_of == m.id, Matter.deleted.is_(False)).order_by(Matter.serial)).scalars())  # fmt: skip
        possible = (
            tuple(repeats.candidates(s, viewer_of(ws), m))
            if m.status in (Status.REPORTED, Status.REGISTERED)
            else ()
        )
    return MatterDetail(
        m.id, m.serial, m.kind, m.source, m.category or "", m.subcategory or "", m.title, m.facts, m.place,
        m.occurred_at, village, grid, m.people_count, m.amount, m.risk, tuple(m.signals or ()), m.grade, m.status,
        m.level, m.handler_name or "", m.reported_at, m.registered_at, m.due_on, str(colour), COLOUR_LABELS[colour],
        m.outcome or "", m.satisfaction or "", m.is_group, parties, events, sessions, agreements, follow_ups, files,
        actions, m.supervised or 0, bool(m.explanation_due), leader, m.external_no or "", m.closing_reply or "",
        bool(m.archived), primary, repeated_by, possible,
    )  # fmt: skip


# ------------------------------------------------------------------------------------------ the work desk


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
    by_status: dict
    by_category: dict
    # What to do next: my open matters past or near their deadline, the most pressing first.
    due_soon: list = field(default_factory=list)  # DueRow
    # For the township's own roles: open, overdue and near-due matters per village.
    by_village: list = field(default_factory=list)  # VillageRow


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


DUE_SOON_ROWS = 12
HANDLING_ROLES = (Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR, Role.HOUSEHOLD_HEAD)


def _due_soon(ws: Workspace, s, now: datetime) -> list[DueRow]:
    """Through the ledger's own query, so a row here and the ledger's red and yellow filters always agree."""
    from desktop.store.queries import MatterFilter, list_matters

    viewer = viewer_of(ws)
    mine = sorted(viewer.handler_keys) if ws.has_role(*HANDLING_ROLES) else []
    rows = []
    for colour in ("red", "yellow"):
        page = list_matters(s, viewer, MatterFilter(colour=colour, handlers=mine), now, limit=DUE_SOON_ROWS,
                            order="due_on", descending=False)  # fmt: skip
        rows += [
            DueRow(r.id, r.serial, r.title, r.due_on, colour, r.village, r.handler_name) for r in page.rows
        ]
    return rows[:DUE_SOON_ROWS]


def _by_village(s, base: list, now: datetime, ratio: float) -> list[VillageRow]:
    from desktop.store.queries import colour_clause

    def tally(clause):
        return func.sum(case((clause, 1), else_=0))

    open_now = Matter.status.in_([str(x) for x in TIMED_STATUSES])
    rows = s.execute(
        select(
            Division.name,
            tally(open_now),
            tally(colour_clause("red", now, ratio)),
            tally(colour_clause("yellow", now, ratio)),
        )  # fmt: skip
        .join(Division, Division.id == Matter.village_id)
        .where(*base)
        .group_by(Division.id, Division.name)
        .order_by(tally(colour_clause("red", now, ratio)).desc(), Division.name)
    ).all()
    return [VillageRow(name, o or 0, r or 0, y or 0) for name, o, r, y in rows]


def desk(ws: Workspace) -> DeskCounts:
    from desktop.store.queries import MatterFilter, colour_clause, matter_where, visible_clause, yellow_ratio

    ws.require(Permission.VIEW_MATTERS)
    viewer = viewer_of(ws)
    now = ws.now()
    base = [Matter.deleted.is_(False), visible_clause(viewer)]

    def count(*where) -> int:
        return s.execute(select(func.count()).select_from(Matter).where(*base, *where)).scalar()

    with ws.read() as s:
        mine = Matter.handler.in_(sorted(viewer.handler_keys))
        by_status = dict(
            s.execute(select(Matter.status, func.count()).where(*base).group_by(Matter.status)).all()
        )
        by_category = dict(s.execute(select(Matter.category, func.count()).where(*base, Matter.category.is_not(None)).group_by(Matter.category)).all())  # fmt: skip
        result = DeskCounts(
            open_matters=count(Matter.status.in_([str(x) for x in TIMED_STATUSES])),
            yellow=count(colour_clause("yellow", now, yellow_ratio(s))),
            red=count(colour_clause("red", now, yellow_ratio(s))),
            to_accept=count(Matter.status == str(Status.DISPATCHED), mine) if ws.has_role(Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR) else count(Matter.status == str(Status.DISPATCHED)),
            to_claim=count(Matter.status == str(Status.OPEN_FOR_CLAIM)),
            follow_ups_due=count(Matter.status == str(Status.CHECKED)),
            to_register=count(Matter.status == str(Status.REPORTED)),
            visits_this_month=_visits_this_month(ws, s, now),
            yellow_ratio=yellow_ratio(s),
            confirmations_due=_confirmations_due(s, base, now.date()),
            # the ledger's own filters, so a tile and the list it opens always agree
            supervised=count(*matter_where(s, viewer, MatterFilter(supervised=True), now)),
            in_charge=count(*matter_where(s, viewer, MatterFilter(leader_id=ws.actor.account_id), now)),
            warnings=count(*matter_where(s, viewer, MatterFilter(warning=True), now)),
            key_persons=count_key_persons(s, viewer) if ws.may(Permission.VIEW_RESIDENTS) else 0,
            duplicates=count_duplicates(s, viewer) if ws.may(Permission.VIEW_RESIDENTS) else 0,
            by_status=by_status,
            by_category=by_category,
            due_soon=_due_soon(ws, s, now),
            by_village=_by_village(s, base, now, yellow_ratio(s)) if ws.actor.scope.kind == "township" else [],
        )  # fmt: skip
    return result


CONFIRMATION_REMINDER_DAYS = 5


def _confirmations_due(s, base: list, today) -> int:
    from desktop.store.models import Agreement

    last_day = func.date(Agreement.effective_on, "+30 days")
    return s.execute(
        select(func.count()).select_from(Agreement).join(Matter, Matter.id == Agreement.matter_id).where(
            *base, Agreement.deleted.is_(False), Agreement.form == "written", Agreement.effective_on.is_not(None),
            Agreement.confirmation_applied_on.is_(None), last_day >= today.isoformat(),
            last_day <= (today + timedelta(days=CONFIRMATION_REMINDER_DAYS)).isoformat(),
        )
    ).scalar()  # fmt: skip


def _visits_this_month(ws: Workspace, s, now: datetime) -> int:
    from desktop.store.models import Visit

    start = datetime(now.year, now.month, 1)
    return s.execute(select(func.count()).select_from(Visit).where(Visit.visitor_id == ws.actor.account_id, Visit.visited_at >= start)).scalar()  # fmt: skip
