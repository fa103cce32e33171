"""Closed months (月结): closing a month publishes its figures once, as a synced, append-only record; a closed
month's report re-prints exactly those figures, and whatever arrives later about it is counted as an
adjustment in the period open when it arrives (docs/domain.md, Periods).

The figures are the township's: a closed month is read as published by township-wide accounts; an account
whose scope is a village or a grid goes on seeing the live figures of what it sees."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from desktop.store.models import Event, Matter, Period
from sync.core.domain import periods as rules
from sync.core.domain.measures import Counts, Measures
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import stats
from .context import Changed, Workspace, config_value
from .errors import Refused, ServiceError
from .stats import Mark, UnitMeasures

BY = stats.BY  # every kind of unit a report or `fengqiao assessment` shows, published together
COUNT_NAMES = tuple(f.name for f in fields(Counts))


class PeriodRefused(ServiceError):
    """A month that may not be closed now; the message says why."""


@dataclass(frozen=True)
class Published:
    """A closed month as published: who closed it, when, its digest, and its figures."""

    month: str
    closed_by_name: str
    closed_at: datetime
    digest: str
    automatic: bool
    figures: dict[str, Any]

    @property
    def intact(self) -> bool:
        """The figures still match the digest they were published with."""
        return (
            rules.record_problem({"month": self.month, "figures": self.figures, "digest": self.digest})
            is None
        )

    def units(self, by: str) -> list[UnitMeasures]:
        points = stats.highlights(self.marks(), by)
        return [
            UnitMeasures(
                key,
                name,
                counts := _counts(raw),
                Measures.of(counts),
                score,
                place,
                round(float(points.get(key, 0.0)), 2),
            )
            for key, name, place, score, raw in self.figures["sections"].get(by, [])
        ]

    def marks(self) -> list[Mark]:
        """亮点工作, 通报 and 约谈 of the month, as published."""
        return [Mark.decoded(raw) for raw in self.figures.get("marks", [])]

    def adjustments(self) -> dict[str, dict[str, list[Adjustment]]]:
        """The adjustments to earlier closed months this month carried, as published."""
        return _decode_adjustments(self.figures.get("adjustments", {}))


@dataclass(frozen=True)
class Adjustment:
    """What changed, for one unit, in a closed month's counts since it was published (and since adjustments
    already carried into later closed months): positive or negative."""

    key: str
    name: str
    counts: Counts

    def text(self) -> str:
        changed = [(name, getattr(self.counts, name)) for name in COUNT_NAMES if getattr(self.counts, name)]
        return "，".join(f"{COUNT_LABELS.get(name, name)}{value:+d}" for name, value in changed)


# The counts' names on a report, in the papers' own words (as desktop.services.document_layout.zh keeps them).
COUNT_LABELS = {
    "registered": "立案",
    "closed": "办结",
    "resolved": "化解",
    "done": "已办结（立案中）",
    "archived": "归档",
    "closed_on_time": "按期办结",
    "open_overdue": "超期未结",
    "mediations_held": "调解",
    "mediations_agreed": "调解成功",
    "follow_ups": "回访",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "dissatisfied": "不满意",
    "overdue": "超期",
    "repeat_orders": "重复件",
    "group_matters": "群体性",
    "escalations": "上交",
    "criminal_prevented": "防止民转刑",
    "supervised": "督办",
    "in_charge": "包案",
    "follow_up_due": "应回访件",
    "followed_up": "已回访件",
    "petitions_decided": "信访受理决定",
    "petitions_decided_in_time": "信访及时受理",
    "petitions_replied": "信访书面答复",
    "petitions_replied_in_time": "信访按期答复",
    "petitions_asked": "信访回访",
    "petitions_satisfied": "信访满意",
}


def _counts(raw: dict[str, int]) -> Counts:
    return Counts(**{name: int(raw.get(name, 0)) for name in COUNT_NAMES})


def _nonzero(c: Counts) -> dict[str, int]:
    return {name: value for name, value in asdict(c).items() if value}


# ------------------------------------------------------------------------------------------ reading


def township_wide(ws: Workspace) -> bool:
    """Published figures are the township's: only a township-wide account reads them as published."""
    return ws.actor.scope.kind == "township"


def closed(ws: Workspace) -> dict[str, Published]:
    """Every closed month, by month."""
    with ws.read() as s:
        rows = s.scalars(select(Period).where(Period.deleted.is_(False)).order_by(Period.month)).all()
        return {
            r.month: Published(
                r.month, r.closed_by_name, r.closed_at, r.digest, bool(r.automatic), dict(r.figures or {})
            )
            for r in rows
        }


def published(ws: Workspace, period: str) -> Published | None:
    """The month's figures as published, when it is a closed month and this account reads the township's."""
    if not township_wide(ws):
        return None
    return closed(ws).get(period.strip())


def open_period(ws: Workspace) -> str:
    return rules.open_period(set(closed(ws)), ws.now().date())


# ------------------------------------------------------------------------------------------ computing


def _sections(ws: Workspace, month: str) -> dict[str, list[UnitMeasures]]:
    year, month_no = rules.parse_month(month)
    return {by: stats.month(ws, year, month_no, by) for by in BY}


def _encode(sections: dict[str, list[UnitMeasures]]) -> dict[str, list[list[Any]]]:
    return {
        by: [[u.key, u.name, u.place, u.score, _nonzero(u.counts)] for u in units]
        for by, units in sections.items()
    }


def _decode_adjustments(raw: dict[str, Any]) -> dict[str, dict[str, list[Adjustment]]]:
    return {
        month: {
            by: [Adjustment(key, name, _counts(c)) for key, name, c in rows] for by, rows in sections.items()
        }
        for month, sections in raw.items()
    }


def _encode_adjustments(adjustments: dict[str, dict[str, list[Adjustment]]]) -> dict[str, Any]:
    return {
        month: {by: [[a.key, a.name, _nonzero(a.counts)] for a in rows] for by, rows in sections.items()}
        for month, sections in adjustments.items()
    }


def adjustments(ws: Workspace, period: str) -> dict[str, dict[str, list[Adjustment]]]:
    """What arrived about closed months since they were published, carried into `period` when it is the open
    period (the month after the last closed one): for each closed month and kind of unit, (the month
    recomputed now) − (the month as published) − (adjustments to it published with later closed months).
    Empty for any other period and for an account that does not read the township's figures."""
    if not township_wide(ws):
        return {}
    done = closed(ws)
    if not done or period.strip() != rules.open_period(set(done), ws.now().date()):
        return {}
    result: dict[str, dict[str, list[Adjustment]]] = {}
    for month, pub in done.items():
        carried: dict[tuple[str, str], Counts] = {}
        for later in done.values():
            for by, rows in later.adjustments().get(month, {}).items():
                for a in rows:
                    carried[by, a.key] = carried.get((by, a.key), Counts()) + a.counts
        now = _sections(ws, month)
        sections: dict[str, list[Adjustment]] = {}
        for by in BY:
            before = {u.key: u for u in pub.units(by)}
            after = {u.key: u for u in now[by]}
            rows = []
            for key in sorted(set(before) | set(after), key=lambda k: (after.get(k) or before[k]).name):
                was = before[key].counts if key in before else Counts()
                delta = _minus(
                    _minus(after[key].counts if key in after else Counts(), was), carried.get((by, key))
                )
                if delta != Counts():
                    rows.append(Adjustment(key, (after.get(key) or before[key]).name, delta))
            if rows:
                sections[by] = rows
        if sections:
            result[month] = sections
    return result


def _minus(a: Counts, b: Counts | None) -> Counts:
    if b is None:
        return a
    return Counts(**{name: getattr(a, name) - getattr(b, name) for name in COUNT_NAMES})


# ------------------------------------------------------------------------------------------ closing


def close(ws: Workspace, month: str, *, automatic: bool = False) -> Changed:
    """月结: publish the month's figures (every kind of unit, with the adjustments it carries) as a record
    that syncs to every laptop and never changes. Refused, with the reason, for a month not over yet, closed
    already, or earlier than one closed."""
    ws.require(Permission.CLOSE_PERIOD)
    if not township_wide(ws):
        raise PeriodRefused(msg("只有全镇范围的账号才能月结"))
    rules.parse_month(month)
    month = month.strip()
    done = closed(ws)
    reason = rules.why_not_close(month, ws.now().date(), set(done))
    if reason:
        raise PeriodRefused(reason)
    with ws.read() as s:
        no_data = config_value(s, "assessment_no_data", "rescale")
        weights = config_value(s, "assessment_weights")
    carried = adjustments(ws, month) if done and month == rules.next_month(max(done)) else {}
    figures = {
        "version": rules.FIGURES_VERSION,
        "no_data": no_data,
        "weights": weights,
        "sections": _encode(_sections(ws, month)),
        "adjustments": _encode_adjustments(carried),
        # 亮点工作赋分, 通报 and 约谈 of the month: the 总分 and the list re-print from these
        "marks": [m.encoded() for m in _marks(ws, month)],
    }
    record_id = rules.period_id(month)
    with ws.tx("period.close", month, automatic=automatic) as tx:
        s = tx.session
        if s.get(Period, record_id) is not None:  # closed by another laptop since we looked
            raise PeriodRefused(msg("{0}已月结，不能重复月结", rules.label(month)))
        s.add(
            Period(
                id=record_id,
                month=month,
                figures=figures,
                digest=rules.digest(month, figures),
                closed_by=ws.actor.account_id,
                closed_by_name=ws.actor.display_name,
                closed_at=ws.now(),
                automatic=automatic,
            )
        )
    return Changed("periods", (record_id,), "close")


def _marks(ws: Workspace, month: str) -> list[Mark]:
    with ws.read() as s:
        return stats.marks_between(s, *stats.period_bounds(month))


def close_after_days(ws: Workspace) -> int:
    with ws.read() as s:
        value = config_value(s, "period_close_days", rules.DEFAULT_CLOSE_AFTER_DAYS)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 5


def close_due(ws: Workspace) -> list[str]:
    """Closes, on the platform office's laptop, every month whose end lies the configured number of days
    (`period_close_days`, default 5) behind; run at start and after each sync. The months closed."""
    if not ws.may(Permission.CLOSE_PERIOD) or not township_wide(ws):
        return []
    with ws.read() as s:
        first: datetime | None = s.scalar(
            select(func.min(Event.at))
            .join(Matter, Matter.id == Event.matter_id)
            .where(Event.deleted.is_(False))
        )
    start = rules.month_of(first.date()) if first is not None else None
    due = rules.due_automatically(start, ws.now().date(), set(closed(ws)), close_after_days(ws))
    made = []
    for month in due:
        try:
            close(ws, month, automatic=True)
        except (PeriodRefused, Refused):
            break  # closed elsewhere meanwhile: the rest wait for the next sync
        made.append(month)
    return made
