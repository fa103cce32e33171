"""Counting the work of a period from the records themselves: each matter's events replayed up to the period's
end, its sessions and follow-ups, per village, grid, unit, team, handler, source or category. Pure: the laptop
(desktop.services.stats) and the township server (sync.server.periods, which recomputes a closed month's
figures before it takes them) hand over the same plain rows and get the same figures (docs/domain.md,
Measures and Periods)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sync.core.domain import petitions
from sync.core.domain.deadlines import DeadlineCalculator
from sync.core.domain.lifecycle import (
    DONE_STATUSES,
    TIMED_STATUSES,
    Action,
    Level,
    MatterState,
    Outcome,
    Refused,
    advance,
    place_in_history,
)
from sync.core.domain.measures import MARK_KINDS, Counts, Measures, criminal_risk, rank, score
from sync.core.domain.messages import msg

RESOLVED = (Outcome.AGREEMENT, Outcome.RESOLVED_OTHERWISE)
BY = ("village", "grid", "unit", "team", "handler", "source", "category")  # what an assessment is counted by
NO_UNIT = "（未指定）"
NO_UNIT_KEY = ""  # matters not yet with any unit of the kind: a row of their own, never ranked


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
    def ranked(self) -> bool:
        """Whether the row takes a place: the （未指定） row (matters not yet with any unit) does not."""
        return self.key != NO_UNIT_KEY

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


@dataclass(frozen=True)
class MatterFacts:
    """What counting reads of a matter record (never its cached status: that is derived from its events)."""

    kind: str | None
    is_group: bool
    signals: Any
    village_id: str | None
    grid_id: str | None
    source: str | None
    category: str | None


@dataclass
class Book:
    """The rows a count reads, as plain values, deleted ones left out by whoever fills it: the matters counted
    (by id), their events (matter, action, at, data), sessions (matter, held on, agreed), follow-ups (matter,
    on, satisfaction), the names of places and people, and the marks (oldest first)."""

    matters: dict[str, MatterFacts] = field(default_factory=dict)
    events: list[tuple[str, str, datetime, dict[str, Any]]] = field(default_factory=list)
    sessions: list[tuple[str, date, bool]] = field(default_factory=list)
    follow_ups: list[tuple[str, date, str | None]] = field(default_factory=list)
    divisions: dict[str, str] = field(default_factory=dict)
    grids: dict[str, str] = field(default_factory=dict)
    accounts: list[tuple[str, str, str | None]] = field(default_factory=list)  # id, display name, org
    orgs: list[tuple[str, str, str, bool]] = field(default_factory=list)  # id, name, kind, deleted
    marks: list[Mark] = field(default_factory=list)
    weights: Any = None  # configuration "assessment_weights"
    no_data: str = "rescale"  # configuration "assessment_no_data"
    # each matter's history up to a period's end, replayed once for every kind of unit counted (by end)
    replayed: dict[tuple[datetime, int], dict[str, tuple[list[Any], _Life]]] = field(
        default_factory=dict, repr=False, compare=False
    )


UnitOf = Callable[[str | None], str | None]  # a handler ("account:<id>", "org:<id>") to its unit


def keys(book: Book, by: str) -> tuple[dict[str, Any], dict[str, str], UnitOf | None]:
    """Each matter's unit of assessment, the units' names, and, where the unit is whoever handles the matter,
    how a handler maps to a unit. A unit (司法所, 派出所 …) or team (律师, 老干部 …) counts what was
    dispatched to it and what its members took on, by dispatch or by claim; the handler is the one at the
    period's end (from the events), so a matter handed on later does not move a finished month's figures."""
    if by not in BY:
        raise ValueError(msg("考核维度“{0}”应为 {1} 之一", by, "、".join(BY)))
    if by in ("village", "grid"):
        names = book.divisions if by == "village" else book.grids
        column = "village_id" if by == "village" else "grid_id"
        return {i: getattr(m, column) for i, m in book.matters.items()}, dict(names), None
    if by in ("source", "category"):
        # counts by source channel (来源) or category (类别): their names are the words stored on the matter
        found = {i: getattr(m, by) or "" for i, m in book.matters.items()}
        return dict(found), {value: value for value in set(found.values()) if value}, None
    if by == "handler":
        names = {f"account:{i}": n for i, n, _ in book.accounts}
        names |= {f"org:{i}": n for i, n, _, _ in book.orgs}
        return {}, names, lambda handler: handler or ""  # "": not yet with anyone (（未指定）)
    orgs = {i: n for i, n, kind, deleted in book.orgs if kind == by and not deleted}
    member_of = {i: org for i, _, org in book.accounts if org in orgs}

    def unit_of(handler: str | None) -> str | None:
        kind, _, ident = (handler or "").partition(":")
        org = ident if kind == "org" else member_of.get(ident) if kind == "account" else None
        return org if org in orgs else None

    return {}, orgs, unit_of


def highlights(marks: Iterable[Mark], by: str) -> dict[str, float]:
    """亮点分 per unit of one kind."""
    points: dict[str, float] = {}
    for m in marks:
        if m.kind == "highlight" and m.unit_by == by:
            points[m.unit_key] = points.get(m.unit_key, 0) + m.points
    return points


def with_highlights(units: list[UnitMeasures], points: dict[str, float]) -> list[UnitMeasures]:
    """Units with their 亮点分, ranked by 总分 (公式分 + 亮点分), equal totals sharing a place. Matters not
    yet with any unit (（未指定）) are no unit's work: their row takes no place (0) and comes last."""
    added = [replace(u, highlight=round(float(points.get(u.key, 0.0)), 2)) for u in units]
    places = {name: place for place, name, _ in rank({u.key: u.total_score for u in added if u.ranked})}
    placed = (replace(u, place=places.get(u.key, 0)) for u in added)
    return sorted(placed, key=lambda u: (not u.ranked, u.place, u.name))


def marks_between(book: Book, start: datetime, end: datetime) -> list[Mark]:
    return [m for m in book.marks if start.date() <= m.on < end.date()]


def assessment(
    book: Book, start: datetime, end: datetime, by: str, calc: DeadlineCalculator | None
) -> list[UnitMeasures]:
    """Counts and measures per unit for [start, end), ranked by the configured weights."""
    unit_keys, names, unit_of = keys(book, by)
    counts = matter_counts(book, unit_keys, start, end, unit_of, calc)
    day_from, day_to = start.date(), end.date()
    histories = _histories(book, end, calc)
    for matter_id, held_on, agreed in book.sessions:
        if not day_from <= held_on < day_to:
            continue
        key = _session_unit(histories.get(matter_id), held_on, unit_keys.get(matter_id), unit_of, names)
        if key is not None:
            c = counts.setdefault(key, Counts())
            c.mediations_held += 1
            c.mediations_agreed += bool(agreed)
    for matter_id, on, satisfaction in book.follow_ups:
        if matter_id in unit_keys and day_from <= on < day_to:
            c = counts.setdefault(unit_keys[matter_id], Counts())
            c.follow_ups += 1
            if satisfaction == "满意":
                c.satisfied += 1
            elif satisfaction == "基本满意":
                c.basically_satisfied += 1
            else:
                c.dissatisfied += 1
    units = []
    for key, c in counts.items():
        if c == Counts():
            continue  # nothing happened there in this period
        m = Measures.of(c)
        units.append(
            UnitMeasures(
                key or NO_UNIT_KEY, names.get(key, NO_UNIT), c, m, score(m, book.weights, book.no_data)
            )
        )
    return with_highlights(units, highlights(marks_between(book, start, end), by))


def _session_unit(
    life: tuple[list[Any], _Life] | None,
    held_on: date,
    at_end: Any,
    unit_of: UnitOf | None,
    names: dict[str, str],
) -> Any:
    """Whose a session is: the unit that held the matter when the session was recorded (a county unit's
    session is its own even after the matter went down to the township), and, counted by village, grid,
    source or category, no one's when the county held it (the county's work is not a village's 调解成功率),
    nor an unnamed handler's.
    A session whose step is not in the history (made before steps recorded it) follows the holder at the
    period's end, as it always did."""
    held = next((h for on, *h in life[1].sessions if on == held_on.isoformat()), None) if life else None
    if held is None:
        return at_end
    handler, level = held
    if unit_of is None:
        return None if level == Level.COUNTY else at_end
    unit = unit_of(handler)
    # a county session by someone this book does not name (a township's books without the county's units)
    # is no row of its own here: it is the county's work, not an unnamed township unit's
    return None if level == Level.COUNTY and unit not in names else unit


def matter_counts(
    book: Book,
    unit_keys: dict[str, Any],
    start: datetime,
    end: datetime,
    unit_of: UnitOf | None = None,
    calc: DeadlineCalculator | None = None,
) -> dict[Any, Counts]:
    """Counts from each matter's events up to the period's end, so a finished period's figures never move:
    found (立案) is the first registration, not `registered_at` (which escalating or reopening rewrites);
    resolved, done, filed and still-open are the state those events lead to at the end; on time is judged
    against the due date in force when the matter closed (replayed from the events), not today's."""
    # A repeat order counts once, under its first order, whenever it was marked: its own registration,
    # closing or lateness is no finding of the unit's.
    repeats = {
        matter_id
        for matter_id, action, _, _ in book.events
        if action == Action.MARK_REPEAT.value and matter_id in book.matters
    }
    # follow-ups (回访) by the date they were made, as the follow-up count takes them, up to the period's end
    followed: dict[str, list[date]] = {}
    for matter_id, on, _ in book.follow_ups:
        if on < end.date():
            followed.setdefault(matter_id, []).append(on)
    # 信访: the petitioners' answers when asked (回访), by the day they were asked, for 群众满意率
    answers: dict[str, list[tuple[date, str]]] = {}
    for matter_id, on, answer in book.follow_ups:
        facts_of = book.matters.get(matter_id)
        if facts_of is not None and facts_of.kind == "petition" and on < end.date():
            answers.setdefault(matter_id, []).append((on, answer or ""))
    counts: dict[Any, Counts] = {}
    for matter_id, (events, life) in _histories(book, end, calc).items():
        facts = book.matters[matter_id]
        state = life.state
        unit = unit_of(state.handler) if unit_of is not None and state is not None else None
        if unit is not None:
            unit_keys[matter_id] = unit  # the handler at the period's end; sessions follow it
        if matter_id not in unit_keys:
            continue  # not counted under this kind of unit (a village committee's matter, by team)
        c = counts.setdefault(unit_keys[matter_id], Counts())
        within = [(action, at) for action, at, _ in events if at >= start]
        c.repeat_orders += any(action == Action.MARK_REPEAT for action, _ in within)
        if matter_id in repeats:
            continue
        if facts.kind == "petition":
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
            c.criminal_prevented += bool(resolved_now) and criminal_risk(facts.signals)
        elif (
            state is not None
            and state.status in TIMED_STATUSES
            and state.level != Level.COUNTY  # waiting at the county: the county's lateness, not the unit's
            and life.due_on is not None
            and life.due_on < end.date()
        ):
            c.open_overdue += 1
        c.group_matters += bool(facts.is_group) and any(action == Action.REPORT for action, _ in within)
        c.escalations += sum(action == Action.ESCALATE for action, _ in within)
        c.supervised += any(action == Action.SUPERVISE for action, _ in within)
        c.in_charge += any(action == Action.TAKE_CHARGE for action, _ in within)
    return counts


def _histories(
    book: Book, end: datetime, calc: DeadlineCalculator | None
) -> dict[str, tuple[list[Any], _Life]]:
    """Each counted matter's events before `end`, in history order, and what they amount to: replayed once per
    period's end, whatever kind of unit is counted (a month's figures count seven)."""
    key = (end, id(calc))  # the same rules (a book is counted with one calculator, held by the caller)
    if key in book.replayed:
        return book.replayed[key]
    history: dict[str, list[tuple[str, datetime, dict[str, Any]]]] = {}
    for matter_id, action, at, data in book.events:
        if at < end and matter_id in book.matters:
            history.setdefault(matter_id, []).append((action, at, data or {}))
    found = {}
    for matter_id, events in history.items():
        events.sort(key=lambda e: (place_in_history(e[2]), e[1]))
        found[matter_id] = (events, _life(events, book.matters[matter_id].kind, calc))
    book.replayed[key] = found
    return found


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
    # each session step (调解) as recorded: its date ("on"), and who held the matter at which level then
    sessions: tuple[tuple[str | None, str | None, str | None], ...] = ()


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
    sessions: list[tuple[str | None, str | None, str | None]] = []
    try:
        for action_name, at, data in events:
            action = Action(action_name)
            state = advance(state, action, {**data})
            if action == Action.RECORD_SESSION:
                sessions.append((data.get("on"), state.handler, state.level))
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
    return _Life(state, due, tuple(closes), tuple(sessions))
