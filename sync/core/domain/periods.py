"""Closed periods (月结): which month a period is, whether it may close now, when it closes by itself, and
the digest that fixes its published figures. The laptop closes by these rules; the server checks by them."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import asdict, fields
from datetime import date, datetime, timedelta
from typing import Any

from sync.core.domain import counting
from sync.core.domain.counting import BY, Book, UnitMeasures
from sync.core.domain.deadlines import DeadlineCalculator
from sync.core.domain.measures import Counts
from sync.core.domain.messages import msg

MONTH_PATTERN = r"[0-9]{4}-(0[1-9]|1[0-2])"
DEFAULT_CLOSE_AFTER_DAYS = (
    5  # configuration "period_close_days": a month closes itself this many days after it
)
FIGURES_VERSION = 1  # the layout of a published period's figures (docs/domain.md, Periods)
_NAMESPACE = uuid.UUID("6f1d2a52-7c1e-4c57-9a55-6c0e5b0f1f11")


def parse_month(text: str) -> tuple[int, int]:
    """ "2026-11" → (2026, 11); anything else is a clear error."""
    value = (text or "").strip()
    if not re.fullmatch(MONTH_PATTERN, value):
        raise ValueError(msg("月份“{0}”应写作 2026-11", text))
    return int(value[:4]), int(value[5:])


def month_name(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def next_month(name: str) -> str:
    year, month = parse_month(name)
    return month_name(year + (month == 12), month % 12 + 1)


def month_of(day: date) -> str:
    return month_name(day.year, day.month)


def first_day_after(name: str) -> date:
    """The first day of the month after: the month is over from then on."""
    year, month = parse_month(next_month(name))
    return date(year, month, 1)


def label(name: str) -> str:
    year, month = parse_month(name)
    return msg("{0}年{1}月", year, month)


def period_id(name: str, township: str | None = None) -> str:
    """One id per township and month, so two laptops of a township closing the same month offline make the
    same record (the second is refused), never two versions of one month's figures; and two townships on one
    server (issue 29) never make the same id. `township` is the server's id of the township (Welcome.township,
    which a laptop keeps from its handshake); None, the old one-per-month id: a laptop that has never synced
    works alone (no other township shares its ids), and closes made before issue 29 keep it."""
    parse_month(name)
    if not township:
        return legacy_period_id(name)
    return str(uuid.uuid5(_NAMESPACE, f"period:{township}:{name}"))


def legacy_period_id(name: str) -> str:
    """The id a month had before one server held many townships (one per month for the whole world)."""
    return str(uuid.uuid5(_NAMESPACE, f"period:{name}"))


def canonical(name: str, figures: dict[str, Any]) -> bytes:
    """The bytes the digest is taken of: the month and its figures, keys sorted, no spaces."""
    return json.dumps(
        {"month": name, "figures": figures}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def digest(name: str, figures: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(name, figures)).hexdigest()


def why_not_close(name: str, today: date, closed: set[str]) -> str | None:
    """Why a month may not be closed now, or None: it must be over, not closed already, and after every month
    closed before it (months close in order, so the open period is always the one after the last closed)."""
    parse_month(name)
    if name in closed:
        return msg("{0}已月结，不能重复月结", label(name))
    if today < first_day_after(name):
        return msg("{0}尚未结束（{1}起才能月结）", label(name), first_day_after(name).isoformat())
    later = sorted(m for m in closed if m > name)
    if later:
        return msg("{0}已月结，不能再月结更早的{1}", label(later[-1]), label(name))
    return None


def open_period(closed: set[str], today: date) -> str:
    """The period open now, into which anything arriving late about a closed month is counted: the month after
    the last closed one, or the current month when none is closed."""
    return next_month(max(closed)) if closed else month_of(today)


def due_automatically(first: str | None, today: date, closed: set[str], after_days: int) -> list[str]:
    """The months to close by themselves today, oldest first: every month from `first` (the first with any
    work) whose end lies `after_days` days or more behind, not closed yet and after the last closed month."""
    if first is None:
        return []
    name, due = (next_month(max(closed)) if closed else first), []
    while first_day_after(name) + timedelta(days=after_days) <= today:
        if name not in closed and name >= first:
            due.append(name)
        name = next_month(name)
    return due


def record_problem(
    data: dict[str, Any], record_id: str | None = None, township: str | None = None, legacy: bool = True
) -> str | None:
    """Why a closed period's record cannot be taken as published, or None: its month, id and digest agree with
    its figures. The id is the township's for the month, or (`legacy`) the old one-per-month id."""
    name = data.get("month")
    try:
        parse_month(str(name))
    except ValueError as exc:
        return f"month：{exc}"
    ids = {period_id(str(name), township)} | ({legacy_period_id(str(name))} if legacy else set())
    figures = data.get("figures")
    if not isinstance(figures, dict) or figures.get("version") != FIGURES_VERSION:
        return msg("figures：月结数据的格式应为第{0}版", FIGURES_VERSION)
    if record_id is not None and record_id not in ids:
        return msg("id：{0}的月结记录编号应为 {1}", label(str(name)), period_id(str(name), township))
    if data.get("digest") != digest(str(name), figures):
        return msg("digest：与月结数据不符（数据被改动过）")
    return None


def chinese_name(period: str) -> str:
    """A period as Chinese papers, reports and pages name it: "2026-Q4" → 2026年第4季度, "2026-11" →
    2026年11月, "2026" → 2026年度 (never "2026-Q4"; the English window keeps its own form). Anything else
    as it stands."""
    text = period.strip().upper()
    year, _, part = text.partition("-")
    if not (len(year) == 4 and year.isdigit()):
        return period
    if not part:
        return f"{year}年度"
    if part.startswith("Q") and part[1:] in ("1", "2", "3", "4"):
        return f"{year}年第{part[1:]}季度"
    if part.isdigit() and 1 <= int(part) <= 12:
        return f"{year}年{int(part)}月"
    return period


# ------------------------------------------------------------------------------------------ the figures
# What a closed month publishes, computed from the records by the same rules on the laptop that closes it and
# on the server that takes it (sync.server.periods recomputes them from what it holds and refuses a month
# whose figures differ: the digest only binds what the laptop sent).

COUNT_NAMES = tuple(f.name for f in fields(Counts))


def bounds(name: str) -> tuple[datetime, datetime]:
    """A month as [start, end)."""
    year, month = parse_month(name)
    start = datetime(year, month, 1)
    return start, datetime.combine(first_day_after(name), datetime.min.time())


def nonzero(c: Counts) -> dict[str, int]:
    return {name: value for name, value in asdict(c).items() if value}


def counts_of(raw: dict[str, int]) -> Counts:
    return Counts(**{name: int(raw.get(name, 0)) for name in COUNT_NAMES})


def sections(book: Book, name: str, calc: DeadlineCalculator | None) -> dict[str, list[UnitMeasures]]:
    """The month counted by every kind of unit (the book must hold its events and the rest)."""
    start, end = bounds(name)
    return {by: counting.assessment(book, start, end, by, calc) for by in BY}


def encode_sections(found: dict[str, list[UnitMeasures]]) -> dict[str, list[list[Any]]]:
    return {
        by: [[u.key, u.name, u.place, u.score, nonzero(u.counts)] for u in units]
        for by, units in found.items()
    }


def published_counts(figures: dict[str, Any], by: str) -> dict[str, tuple[str, Counts]]:
    """A published month's counts of one kind of unit: key → (name, counts)."""
    return {key: (unit, counts_of(raw)) for key, unit, _, _, raw in figures.get("sections", {}).get(by, [])}


def adjustments(
    book: Book, closed: dict[str, dict[str, Any]], calc: DeadlineCalculator | None
) -> dict[str, Any]:
    """What arrived about closed months since they were published, as the open period carries it: for each
    closed month (month → its published figures) and kind of unit, (the month recomputed now) − (the month as
    published) − (adjustments to it published with later closed months), as [key, name, nonzero counts]
    rows, units by name."""
    result: dict[str, Any] = {}
    for month, figures in sorted(closed.items()):
        carried: dict[tuple[str, str], Counts] = {}
        for later in closed.values():
            for by, rows in later.get("adjustments", {}).get(month, {}).items():
                for key, _, raw in rows:
                    carried[by, key] = carried.get((by, key), Counts()) + counts_of(raw)
        now = sections(book, month, calc)
        changed: dict[str, list[list[Any]]] = {}
        for by in BY:
            before = published_counts(figures, by)
            after = {u.key: (u.name, u.counts) for u in now[by]}
            rows = []
            for key in sorted(set(before) | set(after), key=lambda k: (after.get(k) or before[k])[0]):
                was = before[key][1] if key in before else Counts()
                delta = _minus(
                    _minus(after[key][1] if key in after else Counts(), was), carried.get((by, key))
                )
                if delta != Counts():
                    rows.append([key, (after.get(key) or before[key])[0], nonzero(delta)])
            if rows:
                changed[by] = rows
        if changed:
            result[month] = changed
    return result


def _minus(a: Counts, b: Counts | None) -> Counts:
    if b is None:
        return a
    return Counts(**{name: getattr(a, name) - getattr(b, name) for name in COUNT_NAMES})


def figures(
    book: Book, name: str, closed: dict[str, dict[str, Any]], calc: DeadlineCalculator | None
) -> dict[str, Any]:
    """A month's figures as its close publishes them: every kind of unit, the configuration they were scored
    by, the adjustments to earlier closed months it carries (when it is the month after the last closed), and
    the month's 亮点工作, 通报 and 约谈. `closed` holds every month closed before, with its published figures;
    the book holds everything from the first of them (or this month) to this month's end."""
    start, end = bounds(name)
    carried = adjustments(book, closed, calc) if closed and name == next_month(max(closed)) else {}
    return {
        "version": FIGURES_VERSION,
        "no_data": book.no_data,
        "weights": book.weights,
        "sections": encode_sections(sections(book, name, calc)),
        "adjustments": carried,
        "marks": [m.encoded() for m in counting.marks_between(book, start, end)],
    }


def first_difference(sent: Any, expected: Any, where: str = "figures") -> tuple[str, Any, Any] | None:
    """Where two figures first differ (a path a person can follow, units named), with both values; None when
    they agree. Compared as JSON carries them (a tuple is a list, 2.0 is 2)."""
    return _difference(json.loads(json.dumps(sent)), json.loads(json.dumps(expected)), where)


def _difference(a: Any, b: Any, where: str) -> tuple[str, Any, Any] | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                return f"{where}.{key}", a.get(key), b.get(key)
            if found := _difference(a[key], b[key], f"{where}.{key}"):
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        units = not where.endswith("marks") and all(
            isinstance(r, list) and len(r) >= 2 and isinstance(r[0], str) for r in a + b
        )
        if units:  # a section's or adjustment's rows: matched by unit, named by its name
            mine = {r[0]: r for r in a}
            theirs = {r[0]: r for r in b}
            for key in list(mine) + [k for k in theirs if k not in mine]:
                row = mine.get(key) or theirs[key]
                if key not in mine or key not in theirs:
                    return f"{where}[{row[1] or key}]", mine.get(key), theirs.get(key)
                if found := _unit_difference(mine[key], theirs[key], f"{where}[{row[1] or key}]"):
                    return found
            if [r[0] for r in a] != [r[0] for r in b]:
                return f"{where}（排名顺序）", [r[1] for r in a], [r[1] for r in b]
            return None
        if len(a) != len(b):
            return f"{where}（条数）", len(a), len(b)
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if found := _difference(x, y, f"{where}[{i}]"):
                return found
        return None
    return None if a == b else (where, a, b)


# a unit's row: [key, name, place, score, counts] in a section, [key, name, counts] in an adjustment
_ROW_FIELDS = {5: ("key", "name", "place", "score", ""), 3: ("key", "name", "")}


def _unit_difference(a: list[Any], b: list[Any], where: str) -> tuple[str, Any, Any] | None:
    names = _ROW_FIELDS.get(len(a)) if len(a) == len(b) else None
    if names is None:
        return _difference(a, b, where)
    for label, x, y in zip(names, a, b, strict=True):
        if found := _difference(x, y, f"{where}.{label}" if label else where):
            return found
    return None
