"""Read queries for lists: paged, counted, filtered by scope, returning plain objects (no live ORM rows)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from sync.core.domain import deadlines, linkage
from sync.core.domain.deadlines import Colour, DeadlinePolicy
from sync.core.domain.lifecycle import LOWERING_ACTIONS, OPEN_STATUSES, TIMED_STATUSES, Status
from sync.core.domain.masking import shown
from sync.core.domain.risk import Risk
from sync.core.domain.scope import AllOf, Among, Condition, Not, Scope
from sync.core.domain.scope import Viewer as Viewer  # the services name it as the lists' parameter

from . import search
from .base import LISTED, as_listed, chunks
from .models import (
    Account,
    Agreement,
    ConfigEntry,
    Division,
    Event,
    Grid,
    Household,
    Matter,
    Party,
    Person,
    Visit,
)


@dataclass(frozen=True)
class Page:
    rows: list
    total: int
    offset: int


def condition_clause(condition: Condition, column: Callable[[str], ColumnElement], *, negated: bool = False):
    """A rule's condition (sync.core.domain.scope) as SQL over the columns `column` names.

    A negation is pushed down to the fields, where an empty field is among nothing: SQL's NULL then answers as
    the rule does."""
    if isinstance(condition, Not):
        return condition_clause(condition.term, column, negated=not negated)
    if isinstance(condition, Among):
        values = sorted(condition.values, key=str)
        col = column(condition.field)
        return or_(col.is_(None), col.not_in(values)) if negated else col.in_(values)
    terms = [condition_clause(term, column, negated=negated) for term in condition.terms]
    if isinstance(condition, AllOf) != negated:  # all of, or (negated) none of any
        return and_(true(), *terms)
    return or_(false(), *terms)


def _columns(model) -> Callable[[str], ColumnElement]:
    """A model's columns by the rules' field names; a household is its own household."""
    return lambda name: model.id if (model is Household and name == "household_id") else getattr(model, name)


def scope_clause(model, scope: Scope):
    """The records of `model` in the scope, as the scope rule decides."""
    return condition_clause(scope.condition(), _columns(model))


# ------------------------------------------------------------------------------------ households


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    number: str
    address: str
    village: str
    grid: str
    head: str
    members: int
    phone: str  # the head's mobile (else the household's phone), masked
    # for a search, where the text was found: ("户主", "王秀英"), ("配偶", "李四", "手机号"), ("地址",)
    matched: tuple = ()


# Each order ends in the id, so pages never overlap or skip when rows share a value. 户号 repeat from village
# to village, so households are listed village by village; that order is an index, so a page deep in the list
# is as quick as the first.
HOUSEHOLD_ORDER = {
    "number": (Household.village_id, Household.number),
    "village": (Household.village_id, Household.number),
    "address": (Household.address,),
}


# From this many hits a search reads the list in its order (a page of hits is near its start), below it looks
# the hits up and sorts them: about where the two cost the same on a 30,000-household township
# (bench/bench_gui.py). Both give the same rows (tests/services/test_residents.py).
WALK_FROM = 1000


def list_households(
    session: Session,
    viewer: Viewer,
    *,
    text: str = "",
    village_id: str | None = None,
    grid_id: str | None = None,
    offset: int = 0,
    limit: int | None = 100,
    order: str = "number",
    descending: bool = False,
    walk_from: int = WALK_FROM,
) -> Page:
    where = [Household.deleted.is_(False), scope_clause(Household, viewer.scope)]
    if village_id:
        where.append(Household.village_id == village_id)
    if grid_id:
        where.append(Household.grid_id == grid_id)
    keys = [*HOUSEHOLD_ORDER.get(order, HOUSEHOLD_ORDER["number"]), Household.id]
    in_order = [k.desc() if descending else k for k in keys]
    if not text.strip():  # the page's ids from the households' order alone; the count by its index
        ids = session.execute(
            select(Household.id).where(*where).order_by(*in_order).offset(offset).limit(limit)
        )
        ids = ids.scalars().all()
        total = session.execute(select(func.count()).select_from(Household).where(*where)).scalar()
    else:
        whole = viewer.scope.kind == "township" and not village_id and not grid_id
        walk = order in ("number", "village") and search.holds_at_least(session, "household", text, walk_from)
        ids, total = _found_page(session, where, text, in_order, offset, limit, walk=walk, whole=whole)
    return Page(_household_rows(session, ids, text), total, offset)


# A page's households and their residents as the list shows them: columns, not ORM objects (a list shows, it
# never edits). The residents are read once, for the head, the number of members and why a household matched.
HOUSEHOLD_DETAILS = (
    select(
        Household.id,
        Household.number,
        Household.address,
        Household.phone,
        Household.head_id,
        Division.name,
        Grid.name,
    )
    .join(Division, Division.id == Household.village_id)
    .outerjoin(Grid, Grid.id == Household.grid_id)
    .where(Household.id.in_(LISTED))
)
RESIDENTS_OF = (
    select(Person.household_id, Person.id, Person.name, Person.id_number, Person.mobile, Person.relation)
    .where(Person.household_id.in_(LISTED), Person.deleted.is_(False))
    .order_by(Person.relation != "户主", Person.name)  # heads first: a head who holds the text says so first
)


def _household_rows(session: Session, ids: list[str], text: str) -> list[HouseholdRow]:
    if not ids:
        return []
    listed = {"ids": as_listed(ids)}
    residents: dict[str, list[tuple]] = {household_id: [] for household_id in ids}
    for household_id, *person in session.execute(RESIDENTS_OF, listed):
        residents[household_id].append(person)
    needle = "".join(text.split()).lower()
    rows = {}
    for household_id, number, address, phone, head_id, village, grid in session.execute(
        HOUSEHOLD_DETAILS, listed
    ):
        people = residents[household_id]
        head = next((p for p in people if p[0] == head_id), None)
        _, head_name, _, head_mobile, _ = head or (None, "", None, None, None)
        matched = _why_matched(needle, people, number, address, phone) if needle else ()
        rows[household_id] = HouseholdRow(
            household_id,
            number,
            address,
            village,
            grid or "",
            head_name or "",
            len(people),
            shown("mobile", head_mobile) if head_mobile else shown("phone", phone),
            matched,
        )
    return [rows[household_id] for household_id in ids]


def _why_matched(needle: str, people: list[tuple], number: str, address: str, phone: str | None) -> tuple:
    """Where a household holds the text: a resident's name, ID number or mobile, else its own fields."""
    for _, name, id_number, mobile, relation in people:
        who = (relation or "成员", name)
        if needle in "".join((name or "").split()).lower():
            return who
        if needle in (id_number or "").lower():
            return (*who, "身份证号")
        if needle in (mobile or ""):
            return (*who, "手机号")
    own = (("户号", number), ("地址", address), ("电话", phone))
    return (
        next((label for label, value in own if needle in "".join((value or "").split()).lower()), "住户信息"),
    )


def _found_page(
    session: Session,
    where: list,
    text: str,
    in_order: list,
    offset: int,
    limit: int | None,
    *,
    walk: bool,
    whole: bool,
) -> tuple[list[str], int]:
    """The ids of one page of the households that hold the text (theirs or their residents'), and how many.

    Few are looked up and sorted. Text that thousands hold (a surname, a county's ID prefix) is answered in
    list order instead (`walk`): the households are read along the (village, 户号) index and those whose entry
    is a hit kept, which stops at the end of the page. `whole`: the list is the whole township, whose
    households are exactly those with entries (deleting a household or losing it from scope drops its entry),
    so a walk's count is the index's.
    """
    if walk:
        rows = search.entry_rows("household", text).cte("hit").prefix_with("MATERIALIZED")  # read once
        hit = search.entry_in(Household.id, rows)
        counted = select(func.count()).select_from(rows).scalar_subquery() if whole else None
    else:
        hit = Household.id.in_(search.matching("household", text))
        counted = func.count().over()
    page = session.execute(
        select(Household.id, *([] if counted is None else [counted]))
        .where(*where, hit)
        .order_by(*in_order)
        .offset(offset)
        .limit(limit)
    ).all()
    ids = [row[0] for row in page]
    if counted is not None and page:
        return ids, page[0][1]
    if not walk and offset == 0:  # every hit in the list would be on this page: there is none
        return ids, 0
    hits = Household.id.in_(search.matching("household", text))  # a walk stopped at the page: count apart
    return ids, session.execute(select(func.count()).select_from(Household).where(*where, hits)).scalar()


@dataclass(frozen=True)
class PersonRow:
    id: str
    household_id: str | None
    name: str
    sex: str
    birth_date: date | None
    id_number: str  # masked
    mobile: str  # masked
    relation: str
    tags: tuple


def list_persons(
    session: Session,
    viewer: Viewer,
    *,
    household_id: str | None = None,
    text: str = "",
    offset: int = 0,
    limit: int = 100,
) -> Page:
    where = [Person.deleted.is_(False), scope_clause(Household, viewer.scope)]
    if household_id:
        where.append(Person.household_id == household_id)
    if text.strip():
        where.append(Person.id.in_(search.matching("person", text)))
    base = select(Person).join(Household, Household.id == Person.household_id).where(*where)
    total = session.execute(select(func.count()).select_from(base.subquery())).scalar()
    people = session.execute(
        base.order_by(Person.relation != "户主", Person.name).offset(offset).limit(limit)
    ).scalars()
    return Page(
        [
            PersonRow(
                p.id,
                p.household_id,
                p.name,
                p.sex or "",
                p.birth_date,
                shown("id_number", p.id_number),
                shown("mobile", p.mobile),
                p.relation or "",
                tuple(p.tags or ()),
            )
            for p in people
        ],
        total,
        offset,
    )


# ------------------------------------------------------------------------------------ matters


@dataclass
class MatterFilter:
    statuses: list = field(default_factory=list)
    grades: list = field(default_factory=list)
    risks: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    kind: str | None = None
    village_id: str | None = None
    grid_id: str | None = None
    handler: str | None = None
    handlers: list = field(default_factory=list)  # any of these: "my matters" (me, my team, my unit)
    colour: str | None = None  # green / yellow / red
    date_from: date | None = None  # reported on or after
    date_to: date | None = None  # reported on or before
    repeat_only: bool = False
    supervised: bool = False  # 督办件: supervised at least once, still open
    leader_id: str | None = None  # 包案: taken in charge by this leader ("我包的案")
    warning: bool = False  # 风险预警: open and 易激化 (group, fight or criminal signals make it so)
    text: str = ""
    # 司法确认申请将到期: a written agreement in force, not yet taken to court, whose (window) days to apply
    # end within (reminder) days from today: (window, reminder).
    confirmation_due: tuple[int, int] | None = None


@dataclass(frozen=True)
class MatterRow:
    id: str
    serial: str
    kind: str
    source: str
    category: str
    title: str
    village: str
    grid: str
    grade: int | None
    risk: str
    status: str
    level: str
    handler_name: str
    reported_at: datetime
    registered_at: datetime | None
    due_on: date | None
    closed_at: datetime | None
    outcome: str
    satisfaction: str
    people_count: int
    amount: float
    is_group: bool
    supervised: int  # times 督办
    leader_name: str  # 包案领导
    external_no: str  # 12345 / 首发 order number
    closing_reply: str  # 销号回复
    archived: bool  # 卷宗已归档
    colour: str = ""  # filled in by the service, from the township's deadline rules
    # 三调联动 (sync.core.domain.linkage): the court's or police's referral, its number, the result sent back
    referral_kind: str = ""
    referral_no: str = ""
    referral_result: str = ""


def visible_clause(viewer: Viewer):
    """The matters the viewer sees, as the rule decides (sync.core.domain.scope.Viewer.sees_matters)."""
    return condition_clause(viewer.sees_matters(), _columns(Matter))


def yellow_ratio(session: Session) -> float:
    """The configured share of the allowed time after which a matter turns yellow (临期): one rule
    everywhere."""
    entry = session.execute(
        select(ConfigEntry.value).where(ConfigEntry.key == "deadline_policy", ConfigEntry.deleted.is_(False))
    ).scalar()
    return (DeadlinePolicy.from_config(entry) if entry else DeadlinePolicy.default()).yellow_ratio


def colour_clause(colour: str, now: datetime, ratio: float):
    """The matters of one deadline colour, decided by the rule's own formulas (sync.core.domain.deadlines)
    given SQL for the seconds they count in: a running deadline is red, else yellow, else green."""
    timed = and_(
        Matter.status.in_([str(s) for s in TIMED_STATUSES]),
        Matter.registered_at.is_not(None),  # no deadline without both ends (services.steps.deadline_of)
        Matter.due_on.is_not(None),
    )
    at, start, due_day = (
        deadlines.seconds(now),
        func.unixepoch(Matter.registered_at),
        func.unixepoch(Matter.due_on),
    )
    red = deadlines.is_red(at, due_day)
    if colour == Colour.RED:
        return and_(timed, red)
    yellow = deadlines.is_yellow(at, start, due_day, ratio)
    if colour == Colour.YELLOW:
        return and_(timed, ~red, yellow)
    return and_(timed, ~red, ~yellow)


def matter_where(session: Session, viewer: Viewer, f: MatterFilter, now: datetime) -> list:
    where = [Matter.deleted.is_(False), visible_clause(viewer)]
    for values, column in (
        (f.statuses, Matter.status),
        (f.grades, Matter.grade),
        (f.risks, Matter.risk),
        (f.categories, Matter.category),
    ):
        if values:
            where.append(column.in_([str(v) if column is not Matter.grade else v for v in values]))
    if f.sources:
        where.append(source_clause(f.sources))
    for value, column in (
        (f.kind, Matter.kind),
        (f.village_id, Matter.village_id),
        (f.grid_id, Matter.grid_id),
        (f.handler, Matter.handler),
    ):
        if value:
            where.append(column == value)
    if f.handlers:
        where.append(Matter.handler.in_(sorted(f.handlers)))
    if f.colour:
        where.append(colour_clause(f.colour, now, yellow_ratio(session)))
    if f.date_from:
        where.append(Matter.reported_at >= datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to:
        where.append(Matter.reported_at < datetime.combine(f.date_to, datetime.max.time()))
    if f.repeat_only:
        where.append(Matter.status == str(Status.REPEAT))
    open_now = Matter.status.in_([str(s) for s in OPEN_STATUSES])
    if f.supervised:
        where += [Matter.supervised > 0, open_now]
    if f.leader_id:
        where.append(Matter.leader_id == f.leader_id)
    if f.warning:  # 易激化, or registered lower than its signals and not yet confirmed by a leader
        where += [or_(Matter.risk == str(Risk.HIGH), Matter.id.in_(lowered_unconfirmed())), open_now]
    if f.text.strip():
        where.append(Matter.id.in_(search.matching("matter", f.text)))
    if f.confirmation_due:
        where.append(Matter.id.in_(confirmations_due(now.date(), *f.confirmation_due)))
    return where


def source_clause(sources: list) -> ColumnElement[bool]:
    """Matters from any of these sources: a channel (来源) as stored, or a 三调联动 kind by its label
    (诉前调解, 委派调解, 警调对接), which a referral from the court or the police counts under whatever its
    channel."""
    kinds = [k for k, name in linkage.KIND_LABELS.items() if name in sources]
    channels = [str(v) for v in sources if v not in linkage.KIND_LABELS.values()]
    return or_(Matter.source.in_(channels), Matter.referral_kind.in_(kinds))


def source_key() -> ColumnElement[str]:
    """What a matter counts under by source (sync.core.domain.linkage.source_label), as SQL."""
    return case(
        *((Matter.referral_kind == kind, name) for kind, name in linkage.KIND_LABELS.items()),
        else_=Matter.source,
    )


def confirmations_due(today: date, window_days: int, reminder_days: int):
    """The matters with a written agreement whose days to apply for judicial confirmation end soon."""
    last_day = func.date(Agreement.effective_on, f"+{window_days} days")
    return select(Agreement.matter_id).where(
        Agreement.deleted.is_(False),
        Agreement.form == "written",
        Agreement.effective_on.is_not(None),
        Agreement.confirmation_applied_on.is_(None),
        last_day >= today.isoformat(),
        last_day <= (today + timedelta(days=reminder_days)).isoformat(),
    )


MATTER_ORDER = {
    "reported_at": Matter.reported_at,
    "due_on": Matter.due_on,
    "serial": Matter.serial,
    "grade": Matter.grade,
    "status": Matter.status,
    "title": Matter.title,
}


_VILLAGE, _GRID, _LEADER = aliased(Division), aliased(Grid), aliased(Account)
# MatterRow's fields in order, as columns: a list shows, it never edits, so no ORM objects are made for it.
MATTER_ROW = (
    Matter.id,
    Matter.serial,
    Matter.kind,
    Matter.source,
    Matter.category,
    Matter.title,
    _VILLAGE.name,
    _GRID.name,
    Matter.grade,
    Matter.risk,
    Matter.status,
    Matter.level,
    Matter.handler_name,
    Matter.reported_at,
    Matter.registered_at,
    Matter.due_on,
    Matter.closed_at,
    Matter.outcome,
    Matter.satisfaction,
    Matter.people_count,
    Matter.amount,
    Matter.is_group,
    Matter.supervised,
    _LEADER.display_name,
    Matter.external_no,
    Matter.closing_reply,
    Matter.archived,
    Matter.referral_kind,
    Matter.referral_no,
    Matter.referral_result,
)
MATTER_ROW_FIELDS = [f.name for f in fields(MatterRow) if f.name != "colour"]
# Text columns a list shows empty, never as None.
MATTER_TEXTS = (
    "category",
    "village",
    "grid",
    "handler_name",
    "outcome",
    "satisfaction",
    "leader_name",
    "external_no",
    "closing_reply",
    "referral_kind",
    "referral_no",
    "referral_result",
)


def list_matters(
    session: Session,
    viewer: Viewer,
    f: MatterFilter,
    now: datetime,
    *,
    offset: int = 0,
    limit: int | None = 100,
    order: str = "reported_at",
    descending: bool = True,
    colour: Callable[[datetime | None, date | None, str], str] | None = None,
) -> Page:
    """A page of the matters the filter finds; `colour(registered_at, due_on, status)` gives a row its
    deadline colour (the township's rules are the service's)."""
    where = matter_where(session, viewer, f, now)
    # A text search reads every hit to sort them anyway, so it counts them in the same pass (the index is read
    # once); a list without text stops at the page and counts by itself.
    counted = [func.count().over()] if f.text.strip() else []
    column = MATTER_ORDER.get(order, Matter.reported_at)
    query = (
        select(*MATTER_ROW, *counted)
        .outerjoin(_VILLAGE, _VILLAGE.id == Matter.village_id)
        .outerjoin(_GRID, _GRID.id == Matter.grid_id)
        .outerjoin(_LEADER, _LEADER.id == Matter.leader_id)
        .where(*where)
        .order_by(column.desc() if descending else column, Matter.serial)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    found = session.execute(query).all()
    if counted and found:
        total = found[0][-1]
    else:
        total = session.execute(select(func.count()).select_from(Matter).where(*where)).scalar()
    rows = []
    for found_row in found:
        row = dict(zip(MATTER_ROW_FIELDS, found_row, strict=False))  # without the count at the end
        row.update({name: row[name] or "" for name in MATTER_TEXTS})
        row["supervised"], row["archived"] = row["supervised"] or 0, bool(row["archived"])
        rows.append(
            MatterRow(
                **row, colour=colour(row["registered_at"], row["due_on"], row["status"]) if colour else ""
            )
        )
    return Page(rows, total, offset)


def parties_of(session: Session, matter_ids: list[str]) -> dict[str, list[Party]]:
    result: dict[str, list[Party]] = {}
    for ids in chunks(matter_ids):
        for party in session.execute(
            select(Party).where(Party.matter_id.in_(ids), Party.deleted.is_(False))
        ).scalars():
            result.setdefault(party.matter_id, []).append(party)
    return result


def lowered_unconfirmed() -> Select:
    """The matters whose 立案定级 set a risk below their signals', or whose 更正事实 signalled a lower one
    (`lifecycle.LOWERING_ACTIONS`), with no leader's 确认风险等级 after it (the early warning keeps them):
    ids, as a subquery. "After" by the place in the history (`n`), as `lifecycle.risk_lowered_in` reads it."""
    lowering, confirm = aliased(Event), aliased(Event)
    place = func.coalesce(lowering.data["n"].as_integer(), 0)
    confirmed_after = select(confirm.id).where(
        confirm.matter_id == lowering.matter_id,
        confirm.action == "risk_confirmed",
        confirm.deleted.is_(False),
        func.coalesce(confirm.data["n"].as_integer(), 0) >= place,
    )
    return select(lowering.matter_id).where(
        lowering.action.in_([str(a) for a in LOWERING_ACTIONS]),
        lowering.deleted.is_(False),
        lowering.data["risk_lowered_from"].as_string().is_not(None),
        ~confirmed_after.exists(),
    )


# ---------------------------------------------------------------- visits


@dataclass(frozen=True)
class VisitListRow:
    id: str
    household_id: str
    visited_at: datetime
    village: str
    grid: str
    number: str  # the household's 户号
    address: str
    visitor: str
    purpose: str
    findings: str
    needs_follow_up: bool


def list_visits(
    session: Session,
    viewer: Viewer,
    *,
    village_id: str | None = None,
    grid_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    follow_up_only: bool = False,
    offset: int = 0,
    limit: int | None = 100,
) -> Page:
    """The visits to households in scope, the latest first (走访 page)."""
    where = [
        Visit.deleted.is_(False),
        Household.deleted.is_(False),
        scope_clause(Household, viewer.scope),
    ]
    if village_id:
        where.append(Household.village_id == village_id)
    if grid_id:
        where.append(Household.grid_id == grid_id)
    if date_from:
        where.append(Visit.visited_at >= datetime.combine(date_from, datetime.min.time()))
    if date_to:
        where.append(Visit.visited_at <= datetime.combine(date_to, datetime.max.time()))
    if follow_up_only:
        where.append(Visit.needs_follow_up.is_(True))
    joined = select(func.count()).select_from(Visit).join(Household, Household.id == Visit.household_id)
    total = session.execute(joined.where(*where)).scalar() or 0
    query = (
        select(
            Visit.id,
            Visit.household_id,
            Visit.visited_at,
            Division.name,
            Grid.name,
            Household.number,
            Household.address,
            Account.display_name,
            Visit.purpose,
            Visit.findings,
            Visit.needs_follow_up,
        )
        .join(Household, Household.id == Visit.household_id)
        .join(Division, Division.id == Household.village_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .outerjoin(Account, Account.id == Visit.visitor_id)
        .where(*where)
        .order_by(Visit.visited_at.desc(), Visit.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = [
        VisitListRow(i, h, at, v or "", g or "", n, a or "", who or "", p or "", f or "", bool(follow))
        for i, h, at, v, g, n, a, who, p, f, follow in session.execute(query)
    ]
    return Page(rows, total, offset)
