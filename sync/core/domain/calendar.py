"""The township's working-day calendar as data: the years it entered (holidays and 调休 working days, each day
with its name), kept in the synced configuration under CONFIG_KEY, laid over the built-in years; the rows of a
sheet (日期, 类型 休/班, 名称) read into years, each bad row refused alone with its row number and reason.
(The years a deadline needed but the calendar lacks: DeadlineCalculator.unknown_years.)

The configuration's shape, per year: {"holidays": [[first, last], …], "workdays": [day, …],
"names": {day: name}} — the built-in reference file's shape (WorkdayCalendar.from_dict reads both), plus
the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .messages import msg
from .workdays import WorkdayCalendar

CONFIG_KEY = "holidays"
HOLIDAY, WORKDAY = "休", "班"
KIND_WORDS = {
    "休": HOLIDAY,
    "放假": HOLIDAY,
    "假": HOLIDAY,
    "班": WORKDAY,
    "上班": WORKDAY,
    "调休上班": WORKDAY,
}
FIRST_YEAR, LAST_YEAR = 2000, 2100
NAME_MAX = 20


@dataclass(frozen=True)
class Day:
    on: date
    kind: str  # HOLIDAY or WORKDAY
    name: str = ""


@dataclass(frozen=True)
class RowIssue:
    row: int  # as the sheet numbers it (the header is row 1)
    reason: str


@dataclass
class SheetYears:
    years: dict[int, list[Day]] = field(default_factory=dict)
    refused: list[RowIssue] = field(default_factory=list)


def check_day(day: Day) -> str | None:
    """Why a day cannot be in the calendar, or None."""
    if not FIRST_YEAR <= day.on.year <= LAST_YEAR:
        return msg("年份{0}超出范围（{1}–{2}）", day.on.year, FIRST_YEAR, LAST_YEAR)
    if day.kind not in (HOLIDAY, WORKDAY):
        return msg("类型应为“休”或“班”，而不是“{0}”", day.kind)
    if day.kind == WORKDAY and day.on.weekday() < 5:
        return msg("{0}是周一至周五，本来就上班，不是调休上班日", day.on.isoformat())
    if len(day.name) > NAME_MAX:
        return msg("名称最长{0}字", NAME_MAX)
    return None


def year_config(days: list[Day]) -> dict[str, Any]:
    """One year's days as the configuration keeps them. Raises ValueError naming the first bad day."""
    seen: dict[date, Day] = {}
    for day in sorted(days, key=lambda d: d.on):
        if reason := check_day(day):
            raise ValueError(msg("{0}：{1}", day.on.isoformat(), reason))
        if day.on in seen:
            raise ValueError(msg("{0}：重复的日期", day.on.isoformat()))
        seen[day.on] = day
    years = {d.year for d in seen}
    if len(years) > 1:
        raise ValueError(msg("一次只录入一年，这里有{0}", "、".join(str(y) for y in sorted(years))))
    return {
        "holidays": [[d.isoformat(), d.isoformat()] for d, x in seen.items() if x.kind == HOLIDAY],
        "workdays": [d.isoformat() for d, x in seen.items() if x.kind == WORKDAY],
        "names": {d.isoformat(): x.name for d, x in seen.items() if x.name},
    }


def days_of(spec: dict[str, Any]) -> list[Day]:
    """A year's configuration (entered or built in) back as days, for the settings page."""
    names = spec.get("names", {})
    days = []
    for first, last in spec.get("holidays", []):
        on, end = date.fromisoformat(first), date.fromisoformat(last)
        while on <= end:
            days.append(Day(on, HOLIDAY, names.get(on.isoformat(), "")))
            on += timedelta(days=1)
    days += [Day(date.fromisoformat(d), WORKDAY, names.get(d, "")) for d in spec.get("workdays", [])]
    return sorted(days, key=lambda d: d.on)


def township_years(value: Any) -> dict[int, dict[str, Any]]:
    """The years a township entered, from its configuration value; a year that does not read is left out
    (it is checked when entered, so only a damaged or foreign value has one)."""
    if not isinstance(value, dict) or not isinstance(value.get("years"), dict):
        return {}
    years = {}
    for year, spec in value["years"].items():
        try:
            year_config(days_of(spec))
            years[int(year)] = spec
        except (TypeError, ValueError, AttributeError):
            continue
    return years


def merged(builtin: WorkdayCalendar, value: Any) -> WorkdayCalendar:
    """The built-in years with the township's entered years over them (an entered year replaces that year)."""
    entered = township_years(value)
    if not entered:
        return builtin
    own = WorkdayCalendar.from_dict({"years": {str(y): s for y, s in entered.items()}})
    calendar = WorkdayCalendar(
        holidays={d for d in builtin.holidays if d.year not in entered} | own.holidays,
        makeup_workdays={d for d in builtin.makeup_workdays if d.year not in entered} | own.makeup_workdays,
        years=builtin.years | own.years,
    )
    return calendar


def count_workdays(calendar: WorkdayCalendar, start: date, due: date) -> int:
    """How many working days after start up to and including due: add_workdays' inverse."""
    count, day = 0, start
    while day < due:
        day += timedelta(days=1)
        if calendar.is_workday(day):
            count += 1
    return count


# ---------------------------------------------------------------------------------------- the sheet's rows

HEADERS = ("日期", "类型", "名称")
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(str(value or ""))
    if not match:
        raise ValueError(msg("日期“{0}”看不懂（应如 2027-01-01）", value if value is not None else ""))
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError as exc:
        raise ValueError(msg("没有这一天：{0}", value)) from exc


def read_rows(rows: list[list[Any]]) -> SheetYears:
    """A sheet's rows (the first is the header: 日期, 类型, 名称 in any order) into years.
    A bad row is refused alone with its row number and reason; a date given twice, at its second row."""
    result = SheetYears()
    if not rows:
        result.refused.append(RowIssue(1, msg("表格是空的，第一行应为表头：{0}", "、".join(HEADERS))))
        return result
    header = [str(c or "").strip() for c in rows[0]]
    where = {h: header.index(h) for h in HEADERS if h in header}
    if "日期" not in where or "类型" not in where:
        result.refused.append(
            RowIssue(1, msg("表头应包含“日期”和“类型”（还可有“名称”），现为：{0}", "、".join(header)))
        )
        return result
    seen: dict[date, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * len(HEADERS)
        if all(c in (None, "") for c in row):
            continue  # blank rows between the holidays are allowed
        try:
            on = parse_date(cells[where["日期"]])
            word = str(cells[where["类型"]] or "").strip()
            if word not in KIND_WORDS:
                raise ValueError(msg("类型应为“休”或“班”，而不是“{0}”", word))
            name = str(cells[where["名称"]] or "").strip() if "名称" in where else ""
            day = Day(on, KIND_WORDS[word], name)
            if reason := check_day(day):
                raise ValueError(reason)
            if on in seen:
                raise ValueError(msg("{0}在第{1}行已出现", on.isoformat(), seen[on]))
        except ValueError as exc:
            result.refused.append(RowIssue(number, str(exc)))
            continue
        seen[on] = number
        result.years.setdefault(on.year, []).append(day)
    return result
