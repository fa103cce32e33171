"""Closed periods (月结): which month a period is, whether it may close now, when it closes by itself, and
the digest that fixes its published figures. The laptop closes by these rules; the server checks by them."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import date, timedelta
from typing import Any

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


def period_id(name: str) -> str:
    """One id per month, so two laptops closing the same month offline make the same record (the second is
    refused), never two versions of one month's figures."""
    parse_month(name)
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


def record_problem(data: dict[str, Any], record_id: str | None = None) -> str | None:
    """Why a closed period's record cannot be taken as published, or None: its month, id and digest agree with
    its figures."""
    name = data.get("month")
    try:
        parse_month(str(name))
    except ValueError as exc:
        return f"month：{exc}"
    figures = data.get("figures")
    if not isinstance(figures, dict) or figures.get("version") != FIGURES_VERSION:
        return msg("figures：月结数据的格式应为第{0}版", FIGURES_VERSION)
    if record_id is not None and record_id != period_id(str(name)):
        return msg("id：{0}的月结记录编号应为 {1}", label(str(name)), period_id(str(name)))
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
