"""Counting the work for a period, per village, grid or handler: raw counts, then the configured measures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select

from desktop.domain.lifecycle import DONE_STATUSES, TIMED_STATUSES, Action, Outcome, Refused, replay
from desktop.domain.measures import Counts, Measures, rank, score
from desktop.domain.messages import msg
from desktop.domain.roles import Permission
from desktop.store.models import Division, Event, FollowUp, Grid, Matter, MediationSession
from desktop.store.queries import visible_clause

from .context import Workspace, config_value
from .lists import viewer_of

RESOLVED = (Outcome.AGREEMENT, Outcome.RESOLVED_OTHERWISE)


@dataclass(frozen=True)
class UnitMeasures:
    key: str
    name: str
    counts: Counts
    measures: Measures
    score: float
    place: int = 0


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


GROUPS = {
    "village": (Matter.village_id, Division),
    "grid": (Matter.grid_id, Grid),
    "handler": (Matter.handler, None),
}


def assessment(ws: Workspace, start: datetime, end: datetime, by: str = "village") -> list[UnitMeasures]:
    """Counts and measures per unit for matters in [start, end), ranked by the configured weights."""
    ws.require(Permission.VIEW_MATTERS)
    column, table = GROUPS[by]
    in_period = and_(Matter.deleted.is_(False), visible_clause(viewer_of(ws)))
    with ws.read() as s:
        counts = _matter_counts(s, column, in_period, start, end)
        day_from, day_to = start.date(), (end - timedelta(seconds=1)).date()
        for key, held, agreed in s.execute(
            select(
                column, func.count(), func.sum(case((MediationSession.outcome == "agreement", 1), else_=0))
            )
            .select_from(MediationSession)
            .join(Matter, Matter.id == MediationSession.matter_id)
            .where(in_period, MediationSession.held_on >= day_from, MediationSession.held_on <= day_to)
            .group_by(column)
        ):
            c = counts.setdefault(key, Counts())
            c.mediations_held, c.mediations_agreed = held, agreed or 0
        for key, satisfaction, n in s.execute(
            select(column, FollowUp.satisfaction, func.count())
            .select_from(FollowUp)
            .join(Matter, Matter.id == FollowUp.matter_id)
            .where(in_period, FollowUp.on >= day_from, FollowUp.on <= day_to)
            .group_by(column, FollowUp.satisfaction)
        ):
            c = counts.setdefault(key, Counts())
            c.follow_ups += n
            if satisfaction == "满意":
                c.satisfied += n
            elif satisfaction == "基本满意":
                c.basically_satisfied += n
            else:
                c.dissatisfied += n
        names = {}
        if table is not None:
            names = dict(
                s.execute(select(table.id, table.name).where(table.id.in_([k for k in counts if k]))).all()
            )
        else:
            names = dict(
                s.execute(
                    select(Matter.handler, Matter.handler_name)
                    .where(Matter.handler.in_([k for k in counts if k]))
                    .distinct()
                ).all()
            )
        weights = config_value(s, "assessment_weights")
        no_data = config_value(s, "assessment_no_data", "rescale")
    units = []
    for key, c in counts.items():
        if c == Counts():
            continue  # nothing happened there in this period
        m = Measures.of(c)
        units.append(UnitMeasures(key or "", names.get(key, "（未指定）"), c, m, score(m, weights, no_data)))
    places = {name: place for place, name, _ in rank({u.key: u.score for u in units})}
    return sorted(
        (UnitMeasures(u.key, u.name, u.counts, u.measures, u.score, places[u.key]) for u in units),
        key=lambda u: (u.place, u.name),
    )


def _matter_counts(s, column, visible, start: datetime, end: datetime) -> dict:
    """Counts from each matter's events up to the period's end, so a finished period's figures never move:
    found (立案) is the first registration, not `registered_at` (which escalating or reopening rewrites); resolved
    and still-open are the state those events lead to at the end."""
    matters = {
        matter_id: (key, due_on, is_group)
        for matter_id, key, due_on, is_group in s.execute(
            select(Matter.id, column, Matter.due_on, Matter.is_group).where(visible)
        )
    }
    history: dict[str, list] = {}
    for matter_id, action, at, data in s.execute(
        select(Event.matter_id, Event.action, Event.at, Event.data)
        .join(Matter, Matter.id == Event.matter_id)
        .where(visible, Event.deleted.is_(False), Event.at < end)
    ):
        history.setdefault(matter_id, []).append((action, at, data or {}))
    counts: dict = {}
    for matter_id, events in history.items():
        key, due_on, is_group = matters[matter_id]
        events.sort(key=lambda e: ((e[2].get("n") or 0), e[1]))
        c = counts.setdefault(key, Counts())
        within = [(action, at) for action, at, _ in events if at >= start]
        found = next((at for action, at, _ in events if action == Action.REGISTER), None)
        state = _state_at_end(events)
        if found is not None and found >= start:
            c.registered += 1
            if state is not None and state.status in DONE_STATUSES and state.outcome in RESOLVED:
                c.resolved += 1
        closes = [at for action, at in within if action == Action.CLOSE]
        if closes:
            c.closed += 1
            c.closed_on_time += due_on is None or closes[-1].date() <= due_on
        elif (
            state is not None
            and state.status in TIMED_STATUSES
            and due_on is not None
            and due_on < end.date()
        ):
            c.open_overdue += 1
        c.repeat_orders += any(action == Action.MARK_REPEAT for action, _ in within)
        c.group_matters += bool(is_group) and any(action == Action.REPORT for action, _ in within)
        c.escalations += sum(action == Action.ESCALATE for action, _ in within)
    return counts


def _state_at_end(events):
    try:
        return replay([(action, {**data}) for action, _, data in events])
    except (Refused, ValueError, IndexError, KeyError):
        return (
            None  # a history two offline laptops made together may not replay; such a matter is not counted
        )


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
