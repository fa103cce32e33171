"""Counting the work for a period, per village, grid or handler: raw counts, then the configured measures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
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
from desktop.store.queries import source_key, visible_clause
from sync.core.domain import counting
from sync.core.domain.counting import BY, Mark, UnitMeasures, highlights, with_highlights
from sync.core.domain.lifecycle import Action
from sync.core.domain.measures import Counts, Measures, score
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from .context import Workspace, config_value
from .lists import viewer_of

__all__ = ["BY", "Mark", "UnitMeasures", "highlights", "with_highlights"]  # the rules' own, read from here


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


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


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


def book(s: Session, visible: ColumnElement[bool], start: datetime, end: datetime) -> counting.Book:
    """What counting reads for [start, end), from this laptop's records: the visible matters, their events up
    to the end (and every repeat mark, whenever made), sessions in the period, follow-ups up to its end."""
    matters = {
        row.id: counting.MatterFacts(
            row.kind, bool(row.is_group), row.signals, row.village_id, row.grid_id, row.source, row.category
        )
        for row in s.execute(
            select(
                Matter.id,
                Matter.kind,
                Matter.is_group,
                Matter.signals,
                Matter.village_id,
                Matter.grid_id,
                source_key().label(
                    "source"
                ),  # a court's or the police's referral counts under its 三调联动 kind
                Matter.category,
            ).where(visible)
        )
    }
    # Each step at the time it counts at: the server's (timing.counted_time) once synced, else its own.
    counted = func.coalesce(Event.counted_at, Event.at)
    events = [
        (matter_id, action, at, data or {})
        for matter_id, action, at, data in s.execute(
            select(Event.matter_id, Event.action, counted, Event.data)
            .join(Matter, Matter.id == Event.matter_id)
            .where(
                visible,
                Event.deleted.is_(False),
                or_(counted < end, Event.action == Action.MARK_REPEAT.value),
            )
        )
    ]
    sessions = [
        (matter_id, held_on, bool(agreed))
        for matter_id, held_on, agreed in s.execute(
            select(
                MediationSession.matter_id, MediationSession.held_on, MediationSession.outcome == "agreement"
            )
            .join(Matter, Matter.id == MediationSession.matter_id)
            .where(
                visible,
                MediationSession.deleted.is_(False),
                MediationSession.held_on >= start.date(),
                MediationSession.held_on < end.date(),
            )
        )
    ]
    follow_ups = [
        tuple(row)
        for row in s.execute(
            select(FollowUp.matter_id, FollowUp.on, FollowUp.satisfaction)
            .join(Matter, Matter.id == FollowUp.matter_id)
            .where(visible, FollowUp.deleted.is_(False), FollowUp.on < end.date())
        )
    ]
    return counting.Book(
        matters=matters,
        events=events,
        sessions=sessions,
        follow_ups=follow_ups,
        divisions=dict(s.execute(select(Division.id, Division.name)).all()),
        grids=dict(s.execute(select(Grid.id, Grid.name)).all()),
        accounts=[tuple(r) for r in s.execute(select(Account.id, Account.display_name, Account.org_id))],
        orgs=[tuple(r) for r in s.execute(select(Org.id, Org.name, Org.kind, Org.deleted))],
        marks=marks_between(s, start, end),
        weights=config_value(s, "assessment_weights"),
        no_data=config_value(s, "assessment_no_data", "rescale"),
    )


def visible_matters(ws: Workspace) -> ColumnElement[bool]:
    return and_(Matter.deleted.is_(False), visible_clause(viewer_of(ws)))


def assessment(ws: Workspace, start: datetime, end: datetime, by: str = "village") -> list[UnitMeasures]:
    """Counts and measures per unit for matters in [start, end), ranked by the configured weights (the rules:
    sync.core.domain.counting, which the server runs too)."""
    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        counting.keys(counting.Book(), by)  # an unknown kind of unit is refused before anything is read
        return counting.assessment(book(s, visible_matters(ws), start, end), start, end, by, ws.deadlines(s))


def unit_names(ws: Workspace, by: str) -> dict[str, str]:
    """Every unit of one kind this account sees, key → name: what a mark may be recorded against."""
    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        return dict(counting.keys(book(s, visible_matters(ws), datetime.min, datetime.min), by)[1])


# the kinds of unit that share out every matter of the township: their total row is the township's
PARTITIONS = ("village", "source", "category")


def township_total(units: list[UnitMeasures], weights: Any = None, no_data: str = "rescale") -> UnitMeasures:
    """The township's total row (全镇合计): every unit's counts added, with every rate over them (the headline
    化解率 of seed 001: "排查出矛盾纠纷324件，已成功化解299件，整体化解成功率为92.28%"). Made from the units'
    counts, so a closed month's total is re-made from its published figures, identical."""
    total = sum((u.counts for u in units), Counts())
    m = Measures.of(total)
    return UnitMeasures(TOTAL_KEY, msg("全镇合计"), total, m, score(m, weights, no_data))


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
