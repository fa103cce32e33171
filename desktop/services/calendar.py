"""The township's holidays and 调休 working days per year: read, entered in 设置, imported from a sheet; and
which open matters have a deadline counted on Monday to Friday because a year it runs into is not entered.

An entered year is kept in the synced configuration (sync.core.domain.calendar) and replaces that year of the
built-in calendar. Entering or importing a year moves the due dates of the open matters whose working days
ran through it, in the same transaction, so every laptop then pulls the same dates.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.store.models import Matter
from desktop.store.queries import visible_clause
from sync.core.domain import calendar as cal
from sync.core.domain.calendar import Day, RowIssue
from sync.core.domain.deadlines import DeadlineCalculator
from sync.core.domain.lifecycle import TIMED_STATUSES
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import sheets
from .context import Changed, Workspace, config_value, set_config
from .errors import ServiceError
from .lists import viewer_of

BUILT_IN, ENTERED = "内置", "乡镇录入"


@dataclass(frozen=True)
class YearLine:
    year: int
    source: str  # BUILT_IN or ENTERED
    days: tuple[Day, ...]

    @property
    def holidays(self) -> int:
        return sum(1 for d in self.days if d.kind == cal.HOLIDAY)

    @property
    def workdays(self) -> int:
        return sum(1 for d in self.days if d.kind == cal.WORKDAY)


@dataclass
class ImportReport:
    years: list[int] = field(default_factory=list)  # the years saved from the sheet
    refused: list[RowIssue] = field(default_factory=list)
    moved: int = 0  # open matters whose due date moved


class SheetUnreadable(ServiceError):
    pass


def unknown_note(years: list[int]) -> str:
    """What a matter and the desk say while a deadline runs into a year nobody entered."""
    if not years:
        return ""
    return msg("{0}年节假日未录入，期限按周一至周五计算", "、".join(str(y) for y in years))


def years(ws: Workspace) -> list[YearLine]:
    """Every year the calendar knows, the township's entered ones marked so, the newest first."""
    with ws.read() as s:
        entered = cal.township_years(config_value(s, cal.CONFIG_KEY))
    builtin = ws.calendar
    lines = {y: YearLine(y, ENTERED, tuple(cal.days_of(spec))) for y, spec in entered.items()}
    for year in builtin.years - set(entered):
        days = [Day(d, cal.HOLIDAY) for d in builtin.holidays if d.year == year]
        days += [Day(d, cal.WORKDAY) for d in builtin.makeup_workdays if d.year == year]
        lines[year] = YearLine(year, BUILT_IN, tuple(sorted(days, key=lambda d: d.on)))
    return [lines[y] for y in sorted(lines, reverse=True)]


def save_year(ws: Workspace, year: int, days: list[Day]) -> Changed:
    """Enter (or replace) one year's holidays and 调休 working days; open matters' due dates follow."""
    ws.require(Permission.CONFIGURE)
    _save(ws, {year: days})
    return Changed("config", (cal.CONFIG_KEY,), "set", also=("matters",))


def remove_year(ws: Workspace, year: int) -> Changed:
    """Drop the township's entry for a year: the built-in one (if any) applies again."""
    ws.require(Permission.CONFIGURE)
    _save(ws, {year: None})
    return Changed("config", (cal.CONFIG_KEY,), "set", also=("matters",))


def import_sheet(ws: Workspace, path: Path) -> ImportReport:
    """A sheet of 日期, 类型 (休/班), 名称 (.xlsx or .csv): each year in it replaces that year; a bad row is
    refused alone with its row number and reason and the others are saved."""
    ws.require(Permission.CONFIGURE)
    found = cal.read_rows(_rows(Path(path)))
    report = ImportReport(years=sorted(found.years), refused=found.refused)
    if found.years:
        report.moved = _save(ws, dict(found.years))
    return report


def _rows(path: Path) -> list[list[Any]]:
    if path.suffix.lower() == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise SheetUnreadable(msg("找不到文件 {0}", path)) from None
        except UnicodeDecodeError:
            try:
                text = path.read_bytes().decode("gb18030")  # a CSV saved by Excel on a Chinese Windows
            except UnicodeDecodeError:
                raise SheetUnreadable(msg("无法读取 {0}：不是 UTF-8 或 GBK 编码的 CSV", path)) from None
        return [list(r) for r in csv.reader(text.splitlines())]
    wb = sheets.open_workbook(path, SheetUnreadable)
    try:
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def _save(ws: Workspace, changes: dict[int, list[Day] | None]) -> int:
    """Store the changed years and move the due dates they change. Returns how many matters moved."""
    specs: dict[int, dict[str, Any] | None] = {}
    for year, days in changes.items():
        if days is None:
            specs[year] = None
            continue
        if not cal.FIRST_YEAR <= year <= cal.LAST_YEAR:
            raise ServiceError(msg("年份{0}超出范围（{1}–{2}）", year, cal.FIRST_YEAR, cal.LAST_YEAR))
        if wrong := [d.on.isoformat() for d in days if d.on.year != year]:
            raise ServiceError(msg("{0}不在{1}年", "、".join(wrong), year))
        try:
            specs[year] = cal.year_config(days)
        except ValueError as exc:
            raise ServiceError(msg("节假日：{0}", exc)) from exc
    with ws.tx("calendar.set", cal.CONFIG_KEY, years=sorted(specs)) as tx:
        s = tx.session
        before = ws.deadlines(s)
        entered = {str(y): spec for y, spec in cal.township_years(config_value(s, cal.CONFIG_KEY)).items()}
        for year, spec in specs.items():
            if spec is None:
                entered.pop(str(year), None)
            else:
                entered[str(year)] = spec
        set_config(s, cal.CONFIG_KEY, {"years": entered})
        s.flush()
        moved = _move_due_dates(s, before, ws.deadlines(s), set(specs))
        tx.detail["moved"] = moved
    return moved


def _move_due_dates(
    s: Session, before: DeadlineCalculator, after: DeadlineCalculator, years: set[int]
) -> int:
    """An open matter's deadline keeps its number of working days, counted again on the new calendar (a
    petition's statutory limit, in calendar days, still caps it). Only where working days are the rule."""
    if not after.policy.working_days:
        return 0
    moved = 0
    for m in s.scalars(_open_matters()):
        start, due = m.registered_at.date(), m.due_on
        if not any(start.year <= y <= due.year for y in years):
            continue
        count = cal.count_workdays(before.calendar, start, due)
        new_due = after.calendar.add_workdays(start, count)
        if m.kind == "petition":
            statute = after.for_petition(m.registered_at, extension_days=m.extension_days or 0).due_on
            new_due = min(new_due, statute)
        if new_due != due:
            m.due_on = new_due
            moved += 1
    return moved


def _open_matters() -> Any:
    return select(Matter).where(
        Matter.deleted.is_(False),
        Matter.status.in_([str(x) for x in TIMED_STATUSES]),
        Matter.registered_at.is_not(None),
        Matter.due_on.is_not(None),
    )


def unknown_years_of(calc: DeadlineCalculator, registered_at: Any, due_on: date | None) -> list[int]:
    if registered_at is None or due_on is None:
        return []
    return calc.unknown_years(registered_at.date(), due_on)


def desk_note(ws: Workspace, s: Session) -> str:
    """The desk's line while any open matter this account sees has a deadline counted past the calendar."""
    calc = ws.deadlines(s)
    if not calc.policy.working_days or not calc.calendar.years:
        return ""
    first, last = min(calc.calendar.years), max(calc.calendar.years)
    # Only matters reaching outside the known years can need one (a gap between known years is checked below).
    outside = or_(Matter.due_on > date(last, 12, 31), Matter.registered_at < date(first, 1, 1))
    gaps = set(range(first, last + 1)) - calc.calendar.years
    query = _open_matters().where(visible_clause(viewer_of(ws)))
    if not gaps:
        query = query.where(outside)
    count, missing = 0, set[int]()
    for m in s.scalars(query):
        if years := unknown_years_of(calc, m.registered_at, m.due_on):
            count += 1
            missing.update(years)
    if not count:
        return ""
    return msg("{0}件在办事项的期限跨入未录入的年份：{1}", count, unknown_note(sorted(missing)))
