"""Closed months (月结): closing a month publishes its figures once, as a synced, append-only record; a closed
month's report re-prints exactly those figures, and whatever arrives later about it is counted as an
adjustment in the period open when it arrives (docs/domain.md, Periods).

The figures are the township's: a closed month is read as published by township-wide accounts; an account
whose scope is a village or a grid goes on seeing the live figures of what it sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.models import Event, Matter, OutboxEntry, Period, SyncState
from sync.core.domain import measures
from sync.core.domain import periods as rules
from sync.core.domain.counting import Book
from sync.core.domain.measures import Counts, Measures
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import stats
from .context import Changed, Workspace, config_value
from .errors import Refused, ServiceError
from .stats import Mark, UnitMeasures

BY = stats.BY  # every kind of unit a report or `fengqiao assessment` shows, published together
COUNT_NAMES = rules.COUNT_NAMES


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


_counts = rules.counts_of


# ------------------------------------------------------------------------------------------ reading


def township_wide(ws: Workspace) -> bool:
    """Published figures are the township's: only a township-wide account reads them as published."""
    return ws.actor.scope.kind == "township"


def closed(ws: Workspace) -> dict[str, Published]:
    """Every closed month, by month; not one this laptop closed and the server refused (`refused`)."""
    no = refused(ws)
    with ws.read() as s:
        rows = s.scalars(select(Period).where(Period.deleted.is_(False)).order_by(Period.month)).all()
        return {
            r.month: Published(
                r.month, r.closed_by_name, r.closed_at, r.digest, bool(r.automatic), dict(r.figures or {})
            )
            for r in rows
            if r.month not in no
        }


def refused(ws: Workspace) -> dict[str, str]:
    """Months this laptop closed whose publication the server refused (its figures differ from what the
    server holds: records not yet pulled here), month → the server's reason. Such a month is not closed: the
    laptop syncs and closes it again."""
    with ws.read() as s:
        unpublished: dict[str, str] = dict(
            s.execute(select(Period.id, Period.month).where(Period.server_seq == 0)).all()
        )
        last: dict[str, tuple[str, str | None]] = {}  # the latest close of each month sent: its state, why
        if unpublished:  # asked by record id (its index): this runs after every sync, on a growing outbox
            for record_id, state, reason in s.execute(
                select(OutboxEntry.record_id, OutboxEntry.state, OutboxEntry.reason)
                .where(OutboxEntry.record_id.in_(list(unpublished)), OutboxEntry.op == "insert")
                .order_by(OutboxEntry.op_seq)
            ):
                last[record_id] = (state, reason)
    return {
        month: last[record_id][1] or ""
        for record_id, month in unpublished.items()
        if record_id in last and last[record_id][0] == "rejected"
    }


def _forget_refused(ws: Workspace, month: str) -> None:
    """A refused close of this month is dropped here (never sent again: its outbox entry stays, refused), so
    the month can be closed again with the figures as they are now. Written as the server's own news is (no
    outbox entry): the server never held the record."""
    if month not in refused(ws):
        return
    with ws.db.applying() as s:  # by month: it may have been closed under the id of before the handshake
        for row in s.scalars(select(Period).where(Period.month == month, Period.server_seq == 0)):
            s.delete(row)


def published(ws: Workspace, period: str) -> Published | None:
    """The month's figures as published, when it is a closed month and this account reads the township's."""
    if not township_wide(ws):
        return None
    return closed(ws).get(period.strip())


def open_period(ws: Workspace) -> str:
    return rules.open_period(set(closed(ws)), ws.now().date())


# ------------------------------------------------------------------------------------------ computing


def _book(ws: Workspace, s: Session, first: str, last: str) -> Book:
    """What counting reads from this laptop for the months `first` to `last`: the records a township-wide
    account sees (the server recomputes a closed month from its own, by the same rules)."""
    return stats.book(s, stats.visible_matters(ws), rules.bounds(first)[0], rules.bounds(last)[1])


def _decode_adjustments(raw: dict[str, Any]) -> dict[str, dict[str, list[Adjustment]]]:
    return {
        month: {
            by: [Adjustment(key, name, _counts(c)) for key, name, c in rows] for by, rows in sections.items()
        }
        for month, sections in raw.items()
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
    with ws.read() as s:
        book = _book(ws, s, min(done), max(done))
        calc = ws.deadlines(s)
    return _decode_adjustments(rules.adjustments(book, {m: p.figures for m, p in done.items()}, calc))


def figures(ws: Workspace, month: str) -> dict[str, Any]:
    """The month's figures as closing it now would publish them (sync.core.domain.periods.figures)."""
    done = closed(ws)
    with ws.read() as s:
        book = _book(ws, s, min([*done, month]), month)
        calc = ws.deadlines(s)
    return rules.figures(book, month, {m: p.figures for m, p in done.items()}, calc)


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
    _forget_refused(ws, month)
    figures_now = figures(ws, month)
    record_id = period_id(ws, month)
    with ws.tx("period.close", month, automatic=automatic) as tx:
        s = tx.session
        # closed by another laptop since we looked (under either id: one may not have had the handshake yet)
        if s.scalar(select(Period.id).where(Period.month == month, Period.deleted.is_(False))) is not None:
            raise PeriodRefused(msg("{0}已月结，不能重复月结", rules.label(month)))
        s.add(
            Period(
                id=record_id,
                month=month,
                figures=figures_now,
                digest=rules.digest(month, figures_now),
                closed_by=ws.actor.account_id,
                closed_by_name=ws.actor.display_name,
                closed_at=ws.now(),
                automatic=automatic,
            )
        )
    return Changed("periods", (record_id,), "close")


def period_id(ws: Workspace, month: str) -> str:
    """The id this laptop closes a month under: one per township and month, the township being the server's
    (Welcome.township, kept by the sync). A laptop that has never synced works alone and uses the old
    one-per-month id, which the server still takes from a server's only township or one that closed under it
    before (sync.server.periods.legacy_ids)."""
    with ws.read() as s:
        state = s.get(SyncState, "township")
    township = state.value if state is not None and isinstance(state.value, dict) else {}
    return rules.period_id(month, township.get("id") or None)


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
            select(func.min(func.coalesce(Event.counted_at, Event.at)))
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


# ----------------------------------------------------------------------------------------- quarters and years


def months_of(period: str) -> list[str] | None:
    """The months of a quarter ("2026-Q4") or a year ("2026"), oldest first; None for a month."""
    start, end = stats.period_bounds(period)
    if (end.year - start.year) * 12 + end.month - start.month <= 1:
        return None
    months, day = [], start.date()
    while day < end.date():
        months.append(rules.month_of(day))
        day = rules.first_day_after(months[-1])
    return months


@dataclass(frozen=True)
class Combined:
    """A quarter or year made from its months: each closed month as published (with the adjustments it
    carried, which count in the month they arrived in), each open month live; so a quarter whose months are
    all closed never moves again."""

    sections: dict[str, list[UnitMeasures]]
    marks: list[Mark]
    weights: Any
    no_data: str
    closed: tuple[str, ...]
    live: tuple[str, ...]  # begun, not closed: counted from the records as they are now

    @property
    def basis(self) -> str:
        published = "、".join(rules.label(m) for m in self.closed)
        if not self.live:
            return msg("本期由已月结月份（{0}）发布的数据合成（含各月发布时计入的调整），不再变动", published)
        return msg(
            "本期由已月结月份（{0}）发布的数据，加上未月结月份（{1}）的实时数据合成；月结前实时部分仍会变动",
            published,
            "、".join(rules.label(m) for m in self.live),
        )


def combined(ws: Workspace, period: str, kinds: tuple[str, ...]) -> Combined | None:
    """A quarter or year with at least one closed month, for an account that reads the township's figures:
    sums of each unit's counts (numerators and denominators) over its months, the measures and ranking made
    from the sums. None for a month, or when none of its months is closed (counted from the records then)."""
    months = months_of(period)
    if months is None or not township_wide(ws):
        return None
    done = closed(ws)
    if not any(m in done for m in months):
        return None
    today = ws.now()
    live = [m for m in months if m not in done and rules.bounds(m)[0] <= today]
    with ws.read() as s:
        weights, no_data = (
            config_value(s, "assessment_weights"),
            config_value(s, "assessment_no_data", "rescale"),
        )
    if not live:  # all published: scored as the last of them was, whatever the configuration says since
        last = done[[m for m in months if m in done][-1]].figures
        weights, no_data = last.get("weights", weights), last.get("no_data", no_data)
    marks: list[Mark] = []
    sums: dict[str, dict[str, tuple[str, Counts]]] = {by: {} for by in kinds}

    def add(by: str, key: str, name: str, c: Counts) -> None:
        was = sums[by].get(key, (name, Counts()))[1]
        sums[by][key] = (name, was + c)

    for month in months:
        if month in done:
            pub = done[month]
            marks += pub.marks()
            for by in kinds:
                for u in pub.units(by):
                    add(by, u.key, u.name, u.counts)
            carried = pub.adjustments()
        elif month in live:
            start, end = rules.bounds(month)
            with ws.read() as s:
                marks += stats.marks_between(s, start, end)
            for by in kinds:
                for u in stats.assessment(ws, start, end, by):
                    add(by, u.key, u.name, u.counts)
            carried = adjustments(ws, month)
        else:
            continue
        for rows in carried.values():
            for by, changes in rows.items():
                for a in changes:
                    if by in sums:
                        add(by, a.key, a.name, a.counts)
    found = {}
    for by in kinds:
        units = [
            UnitMeasures(key, name, c, m := Measures.of(c), measures.score(m, weights, no_data))
            for key, (name, c) in sums[by].items()
            if c != Counts()
        ]
        found[by] = stats.with_highlights(units, stats.highlights(marks, by))
    return Combined(found, marks, weights, no_data, tuple(m for m in months if m in done), tuple(live))
