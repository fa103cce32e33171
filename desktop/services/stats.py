"""Counting the work for a period, per village, grid or handler: raw counts, then the configured measures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Account,
    AssessmentMark,
    Division,
    Event,
    FollowUp,
    Grid,
    Matter,
    MediationSession,
    Org,
)
from desktop.store.queries import visible_clause
from sync.core.domain import petitions
from sync.core.domain.deadlines import DeadlineCalculator
from sync.core.domain.lifecycle import (
    DONE_STATUSES,
    TIMED_STATUSES,
    Action,
    MatterState,
    Outcome,
    Refused,
    advance,
    place_in_history,
)
from sync.core.domain.measures import MARK_KINDS, Counts, Measures, criminal_risk, rank, score
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from .context import Workspace, config_value
from .lists import viewer_of

RESOLVED = (Outcome.AGREEMENT, Outcome.RESOLVED_OTHERWISE)


@dataclass(frozen=True)
class UnitMeasures:
    key: str
    name: str
    counts: Counts
    measures: Measures
    score: float  # 公式分: the configured weights over the measures
    place: int = 0
    highlight: float = (
        0.0  # 亮点分: points the 督考办 gave by hand (assessment marks), shown beside the formula
    )

    @property
    def total_score(self) -> float:
        """总分 = 公式分 + 亮点分; the ranking's order."""
        return round(self.score + self.highlight, 2)


@dataclass(frozen=True)
class Mark:
    """亮点工作 (with points), 通报 or 约谈 recorded by the 督考办 against a unit
    (desktop.services.assessment_marks)."""

    kind: str
    on: date
    unit_by: str
    unit_key: str
    unit_name: str
    points: float
    reason: str
    by_name: str

    @property
    def kind_label(self) -> str:
        return MARK_KINDS.get(self.kind, self.kind)

    def encoded(self) -> list[Any]:
        """As a closed month publishes it: plain JSON values in this order."""
        day = self.on.isoformat()
        return [
            self.kind,
            day,
            self.unit_by,
            self.unit_key,
            self.unit_name,
            self.points,
            self.reason,
            self.by_name,
        ]

    @classmethod
    def decoded(cls, raw: list[Any]) -> Mark:
        kind, on, unit_by, unit_key, unit_name, points, reason, by_name = raw
        return cls(kind, date.fromisoformat(on), unit_by, unit_key, unit_name, points, reason, by_name)


def marks_between(s: Session, start: datetime, end: datetime) -> list[Mark]:
    """The marks dated in [start, end), oldest first."""
    rows = s.scalars(
        select(AssessmentMark)
        .where(
            AssessmentMark.deleted.is_(False),
            AssessmentMark.on >= start.date(),
            AssessmentMark.on < end.date(),
        )
        .order_by(AssessmentMark.on, AssessmentMark.unit_name, AssessmentMark.id)
    ).all()
    return [
        Mark(r.kind, r.on, r.unit_by, r.unit_key, r.unit_name, r.points, r.reason, r.by_name) for r in rows
    ]


def highlights(marks: list[Mark], by: str) -> dict[str, float]:
    """亮点分 per unit of one kind."""
    points: dict[str, float] = {}
    for m in marks:
        if m.kind == "highlight" and m.unit_by == by:
            points[m.unit_key] = points.get(m.unit_key, 0) + m.points
    return points


def with_highlights(units: list[UnitMeasures], points: dict[str, float]) -> list[UnitMeasures]:
    """Units with their 亮点分, ranked by 总分 (公式分 + 亮点分), equal totals sharing a place."""
    added = [replace(u, highlight=round(float(points.get(u.key, 0.0)), 2)) for u in units]
    places = {name: place for place, name, _ in rank({u.key: u.total_score for u in added})}
    return sorted((replace(u, place=places[u.key]) for u in added), key=lambda u: (u.place, u.name))


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


BY = ("village", "grid", "unit", "team", "handler", "source", "category")  # what an assessment is counted by
BY_LABELS = {
    "village": "村（社区）",
    "grid": "网格",
    "unit": "单位",
    "team": "队伍",
    "handler": "承办单位/人",
    "source": "来源",
    "category": "类别",
}
TOTAL_KEY = "*"  # the township total row's key: no unit's id is ever "*"


UnitOf = Callable[[str | None], str | None]  # a handler ("account:<id>", "org:<id>") to its unit


def _keys(
    s: Session, by: str, visible: ColumnElement[bool]
) -> tuple[dict[str, str], dict[str, str], UnitOf | None]:
    """Each visible matter's unit of assessment, the units' names, and, where the unit is whoever handles the
    matter, how a handler maps to a unit. A unit (司法所, 派出所 …) or team (律师, 老干部 …) counts what was
    dispatched to it and what its members took on, by dispatch or by claim; the handler is the one at the
    period's end (from the events), so a matter handed on later does not move a finished month's figures."""
    if by not in BY:
        raise ValueError(msg("考核维度“{0}”应为 {1} 之一", by, "、".join(BY)))
    if by in ("village", "grid"):
        column, table = (Matter.village_id, Division) if by == "village" else (Matter.grid_id, Grid)
        keys: dict[str, str] = dict(s.execute(select(Matter.id, column).where(visible)).all())
        return keys, dict(s.execute(select(table.id, table.name)).all()), None
    if by in ("source", "category"):
        # counts by source channel (来源) or category (类别): their names are the words stored on the matter
        column = Matter.source if by == "source" else Matter.category
        keys = {i: value or "" for i, value in s.execute(select(Matter.id, column).where(visible))}
        return keys, {value: value for value in set(keys.values()) if value}, None
    accounts = s.execute(select(Account.id, Account.display_name, Account.org_id)).all()
    if by == "handler":
        names = {f"account:{i}": n for i, n, _ in accounts}
        names |= {f"org:{i}": n for i, n in s.execute(select(Org.id, Org.name))}
        return {}, names, lambda handler: handler or ""  # "": not yet with anyone (（未指定）)
    orgs: dict[str, str] = dict(
        s.execute(select(Org.id, Org.name).where(Org.kind == by, Org.deleted.is_(False))).all()
    )
    member_of = {i: org for i, _, org in accounts if org in orgs}

    def unit_of(handler: str | None) -> str | None:
        kind, _, ident = (handler or "").partition(":")
        org = ident if kind == "org" else member_of.get(ident) if kind == "account" else None
        return org if org in orgs else None

    return {}, orgs, unit_of


def assessment(ws: Workspace, start: datetime, end: datetime, by: str = "village") -> list[UnitMeasures]:
    """Counts and measures per unit for matters in [start, end), ranked by the configured weights."""
    ws.require(Permission.VIEW_MATTERS)
    visible = and_(Matter.deleted.is_(False), visible_clause(viewer_of(ws)))
    with ws.read() as s:
        keys, names, unit_of = _keys(s, by, visible)
        counts = _matter_counts(s, keys, visible, start, end, unit_of, ws.deadlines(s))
        day_from, day_to = start.date(), (end - timedelta(seconds=1)).date()
        for matter_id, agreed in s.execute(
            select(MediationSession.matter_id, MediationSession.outcome == "agreement")
            .join(Matter, Matter.id == MediationSession.matter_id)
            .where(
                visible,
                MediationSession.deleted.is_(False),
                MediationSession.held_on >= day_from,
                MediationSession.held_on <= day_to,
            )
        ):
            if matter_id in keys:
                c = counts.setdefault(keys[matter_id], Counts())
                c.mediations_held += 1
                c.mediations_agreed += bool(agreed)
        for matter_id, satisfaction in s.execute(
            select(FollowUp.matter_id, FollowUp.satisfaction)
            .join(Matter, Matter.id == FollowUp.matter_id)
            .where(visible, FollowUp.deleted.is_(False), FollowUp.on >= day_from, FollowUp.on <= day_to)
        ):
            if matter_id in keys:
                c = counts.setdefault(keys[matter_id], Counts())
                c.follow_ups += 1
                if satisfaction == "满意":
                    c.satisfied += 1
                elif satisfaction == "基本满意":
                    c.basically_satisfied += 1
                else:
                    c.dissatisfied += 1
        weights = config_value(s, "assessment_weights")
        no_data = config_value(s, "assessment_no_data", "rescale")
        points = highlights(marks_between(s, start, end), by)
    units = []
    for key, c in counts.items():
        if c == Counts():
            continue  # nothing happened there in this period
        m = Measures.of(c)
        units.append(UnitMeasures(key or "", names.get(key, "（未指定）"), c, m, score(m, weights, no_data)))
    return with_highlights(units, points)


def unit_names(ws: Workspace, by: str) -> dict[str, str]:
    """Every unit of one kind this account sees, key → name: what a mark may be recorded against."""
    ws.require(Permission.VIEW_MATTERS)
    visible = and_(Matter.deleted.is_(False), visible_clause(viewer_of(ws)))
    with ws.read() as s:
        return dict(_keys(s, by, visible)[1])


# the kinds of unit that share out every matter of the township: their total row is the township's
PARTITIONS = ("village", "source", "category")


def township_total(units: list[UnitMeasures], weights: Any = None, no_data: str = "rescale") -> UnitMeasures:
    """The township's total row (全镇合计): every unit's counts added, with every rate over them (the headline
    化解率 of seed 001: "排查出矛盾纠纷324件，已成功化解299件，整体化解成功率为92.28%"). Made from the units'
    counts, so a closed month's total is re-made from its published figures, identical."""
    total = sum((u.counts for u in units), Counts())
    m = Measures.of(total)
    return UnitMeasures(TOTAL_KEY, msg("全镇合计"), total, m, score(m, weights, no_data))


def _matter_counts(
    s: Session,
    keys: dict[str, str],
    visible: ColumnElement[bool],
    start: datetime,
    end: datetime,
    unit_of: UnitOf | None = None,
    calc: DeadlineCalculator | None = None,
) -> dict[str, Counts]:
    """Counts from each matter's events up to the period's end, so a finished period's figures never move:
    found (立案) is the first registration, not `registered_at` (which escalating or reopening rewrites);
    resolved, done, filed and still-open are the state those events lead to at the end; on time is judged
    against the due date in force when the matter closed (replayed from the events), not today's."""
    matters = {
        matter_id: (kind, is_group, signals)
        for matter_id, kind, is_group, signals in s.execute(
            select(Matter.id, Matter.kind, Matter.is_group, Matter.signals).where(visible)
        )
    }
    # A repeat order counts once, under its first order, whenever it was marked: its own registration,
    # closing or lateness is no finding of the unit's.
    repeats = set(
        s.scalars(
            select(Event.matter_id)
            .join(Matter, Matter.id == Event.matter_id)
            .where(visible, Event.deleted.is_(False), Event.action == Action.MARK_REPEAT.value)
        )
    )
    # follow-ups (回访) by the date they were made, as the follow-up count takes them, up to the period's end
    followed: dict[str, list[date]] = {}
    for matter_id, on in s.execute(
        select(FollowUp.matter_id, FollowUp.on)
        .join(Matter, Matter.id == FollowUp.matter_id)
        .where(visible, FollowUp.deleted.is_(False), FollowUp.on < end.date())
    ):
        followed.setdefault(matter_id, []).append(on)
    # 信访: the petitioners' answers when asked (回访), by the day they were asked, for 群众满意率
    answers: dict[str, list[tuple[date, str]]] = {}
    for matter_id, on, answer in s.execute(
        select(FollowUp.matter_id, FollowUp.on, FollowUp.satisfaction)
        .join(Matter, Matter.id == FollowUp.matter_id)
        .where(visible, Matter.kind == "petition", FollowUp.deleted.is_(False), FollowUp.on < end.date())
    ):
        answers.setdefault(matter_id, []).append((on, answer))
    history: dict[str, list[tuple[str, datetime, dict[str, Any]]]] = {}
    for matter_id, action, at, data in s.execute(
        select(Event.matter_id, Event.action, Event.at, Event.data)
        .join(Matter, Matter.id == Event.matter_id)
        .where(visible, Event.deleted.is_(False), Event.at < end)
    ):
        history.setdefault(matter_id, []).append((action, at, data or {}))
    counts: dict[str, Counts] = {}
    for matter_id, events in history.items():
        events.sort(key=lambda e: (place_in_history(e[2]), e[1]))
        kind, is_group, signals = matters[matter_id]
        life = _life(events, kind, calc)
        state = life.state
        unit = unit_of(state.handler) if unit_of is not None and state is not None else None
        if unit is not None:
            keys[matter_id] = unit  # the handler at the period's end; sessions follow it
        if matter_id not in keys:
            continue  # not counted under this kind of unit (a village committee's matter, by team)
        c = counts.setdefault(keys[matter_id], Counts())
        within = [(action, at) for action, at, _ in events if at >= start]
        c.repeat_orders += any(action == Action.MARK_REPEAT for action, _ in within)
        if matter_id in repeats:
            continue
        if kind == "petition":
            _count_petition(c, events, life, answers.get(matter_id, []), start, end)
        found = next((at for action, at, _ in events if action == Action.REGISTER), None)
        done = state is not None and state.status in DONE_STATUSES
        resolved = done and state is not None and state.outcome is not None and state.outcome in RESOLVED
        archived = done and state is not None and bool(state.archived)
        if found is not None and found >= start:
            c.registered += 1
            c.done += done
            c.resolved += resolved
        closes = [(at, due) for at, due in life.closes if at >= start]
        if closes:
            closed_at, due_then = closes[-1]
            c.closed += 1
            c.closed_on_time += due_then is None or closed_at.date() <= due_then
            c.archived += archived
            if resolved_now := done and state is not None and state.outcome in RESOLVED:
                # settled: a follow-up (回访) is owed, and is counted when made by the period's end
                c.follow_up_due += 1
                c.followed_up += any(on >= closed_at.date() for on in followed.get(matter_id, ()))
            # 民转刑 prevented: a matter that could have turned criminal, settled without a criminal case
            c.criminal_prevented += bool(resolved_now) and criminal_risk(signals)
        elif (
            state is not None
            and state.status in TIMED_STATUSES
            and life.due_on is not None
            and life.due_on < end.date()
        ):
            c.open_overdue += 1
        c.group_matters += bool(is_group) and any(action == Action.REPORT for action, _ in within)
        c.escalations += sum(action == Action.ESCALATE for action, _ in within)
        c.supervised += any(action == Action.SUPERVISE for action, _ in within)
        c.in_charge += any(action == Action.TAKE_CHARGE for action, _ in within)
    return counts


# The steps that decide a received petition: 受理 (立案定级), 不予受理, 转送.
_DECIDING = (Action.REGISTER, Action.REJECT, Action.FORWARD)


def _count_petition(
    c: Counts,
    events: list[tuple[str, datetime, dict[str, Any]]],
    life: _Life,
    answers: list[tuple[date, str]],
    start: datetime,
    end: datetime,
) -> None:
    """信访三率's counts of one petition from its history up to the period's end (sync.core.domain.petitions):
    its first decision, each written reply against the limit then in force, each answer when asked."""
    received = next((at.date() for action, at, _ in events if action == Action.REPORT), None)
    if received is None:
        return
    decided = next((at.date() for action, at, _ in events if action in _DECIDING), None)
    replies = [(at.date(), due) for at, due in life.closes]
    petitions.count_petition(c, received, decided, replies, answers, start.date(), end.date())


@dataclass(frozen=True)
class _Life:
    """What a matter's events up to a period's end amount to: its state, the due date then in force, and
    each closing with the due date in force at that moment."""

    state: MatterState | None
    due_on: date | None
    closes: tuple[tuple[datetime, date | None], ...]


_RESTARTS = (
    Action.REGISTER,
    Action.ESCALATE,
    Action.REOPEN,
)  # the clock starts again (steps._update_deadline)
_RECOMPUTES = (*_RESTARTS, Action.REGRADE, Action.DECIDE_EXTENSION)


def _life(
    events: list[tuple[str, datetime, dict[str, Any]]], kind: str | None, calc: DeadlineCalculator | None
) -> _Life:
    """Replays a history step by step as the steps did (desktop.services.steps._update_deadline), keeping the
    due date in force after each step."""
    state, started, due = MatterState(), None, None
    closes: list[tuple[datetime, date | None]] = []
    try:
        for action_name, at, data in events:
            action = Action(action_name)
            state = advance(state, action, {**data})
            if calc is None:
                continue
            if action in _RESTARTS:
                started = at
            if action in _RECOMPUTES and started is not None and state.grade is not None:
                deadline = calc.for_grade(started, state.grade, extension_days=state.extension_days)
                if kind == "petition":
                    statute = calc.for_petition(started, extension_days=state.extension_days)
                    deadline = min(deadline, statute, key=lambda d: d.due_on)
                due = deadline.due_on
            if action == Action.REFER_DOWN:
                started = at
                due = calc.add_days(at.date(), int(data["days"]))
            if action == Action.CLOSE:
                closes.append((at, due))
    except (Refused, ValueError, IndexError, KeyError, TypeError):
        # a history two offline laptops made together may not replay; such a matter is not counted
        return _Life(None, None, ())
    return _Life(state, due, tuple(closes))


def period_bounds(period: str) -> tuple[datetime, datetime]:
    """ "2026-10" (a month), "2026-Q4" (a quarter) or "2026" (a year) as [start, end)."""
    text = period.strip().upper()
    try:
        if len(text) == 4:
            year = int(text)
            return datetime(year, 1, 1), datetime(year + 1, 1, 1)
        year_text, _, part = text.partition("-")
        year = int(year_text)
        if part.startswith("Q") and part[1:] in ("1", "2", "3", "4"):
            first = (int(part[1:]) - 1) * 3 + 1
            return month_bounds(year, first)[0], month_bounds(year, first + 2)[1]
        return month_bounds(year, int(part))
    except ValueError:
        raise ValueError(msg("考核期间“{0}”应为 2026-10、2026-Q4 或 2026", period)) from None


def month(ws: Workspace, year: int, month_no: int, by: str = "village") -> list[UnitMeasures]:
    start, end = month_bounds(year, month_no)
    return assessment(ws, start, end, by)
