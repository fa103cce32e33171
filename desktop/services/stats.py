"""Counting the work for a period, per village, grid or handler: raw counts, then the configured measures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select

from desktop.domain.lifecycle import Action, Status
from desktop.domain.measures import Counts, Measures, rank, score
from desktop.domain.roles import Permission
from desktop.store.models import Division, Event, FollowUp, Grid, Matter, MediationSession
from desktop.store.queries import visible_clause

from .context import Workspace, config_value
from .lists import viewer_of


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
    closed = and_(Matter.closed_at >= start, Matter.closed_at < end)
    due_end = func.julianday(Matter.due_on, "+1 day")
    with ws.read() as s:
        rows = s.execute(
            select(
                column,
                func.sum(case((and_(Matter.registered_at >= start, Matter.registered_at < end), 1), else_=0)),
                func.sum(case((closed, 1), else_=0)),
                func.sum(case((and_(closed, Matter.outcome.in_(["agreement", "resolved"])), 1), else_=0)),
                func.sum(case((and_(closed, func.julianday(Matter.closed_at) < due_end), 1), else_=0)),
                func.sum(
                    case(
                        (
                            and_(
                                Matter.status == str(Status.REPEAT),
                                Matter.reported_at >= start,
                                Matter.reported_at < end,
                            ),
                            1,
                        ),
                        else_=0,
                    )
                ),
                func.sum(
                    case(
                        (
                            and_(
                                Matter.is_group.is_(True),
                                Matter.reported_at >= start,
                                Matter.reported_at < end,
                            ),
                            1,
                        ),
                        else_=0,
                    )
                ),
            )
            .where(in_period)
            .group_by(column)
        ).all()
        counts = {
            key: Counts(
                registered=r or 0,
                closed=c or 0,
                resolved=v or 0,
                closed_on_time=t or 0,
                repeat_orders=p or 0,
                group_matters=g or 0,
            )
            for key, r, c, v, t, p, g in rows
        }
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
        for key, n in s.execute(
            select(column, func.count())
            .select_from(Event)
            .join(Matter, Matter.id == Event.matter_id)
            .where(in_period, Event.action == str(Action.ESCALATE), Event.at >= start, Event.at < end)
            .group_by(column)
        ):
            counts.setdefault(key, Counts()).escalations = n
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
    units = []
    for key, c in counts.items():
        if c == Counts():
            continue  # nothing happened there in this period
        m = Measures.of(c)
        units.append(UnitMeasures(key or "", names.get(key, "（未指定）"), c, m, score(m, weights)))
    places = {name: place for place, name, _ in rank({u.key: u.score for u in units})}
    return sorted(
        (UnitMeasures(u.key, u.name, u.counts, u.measures, u.score, places[u.key]) for u in units),
        key=lambda u: (u.place, u.name),
    )


def month(ws: Workspace, year: int, month_no: int, by: str = "village") -> list[UnitMeasures]:
    start, end = month_bounds(year, month_no)
    return assessment(ws, start, end, by)
