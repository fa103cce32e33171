"""The county's report of a month or quarter (issue 29): 一、the townships ranked from their closed months,
二、the county's own units (法院, 公安局 …) over the matters it dispatched to them — as a printed Document
(PDF through desktop.ui.printing) or an Excel workbook with a sheet each. The figures are county_stats'; this
module only lays them out, with the township report's unit columns (assessment_report.COLUMNS)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from sync.core.domain import periods as period_rules
from sync.core.domain.county_ranking import COLUMNS as TOWNSHIP_COLUMNS
from sync.core.domain.county_ranking import Ranking, Row

from . import county_stats, sheets
from .assessment_report import COLUMNS as UNIT_COLUMNS
from .context import Workspace
from .document_layout import Document, Heading, Para, Table, zh
from .stats import UnitMeasures

UNRANKED_BLANK = ("乡镇", "区划代码", "说明")  # the only cells a township that has not closed shows
# Excel column widths (characters) a printed sheet needs: a twelve-digit 区划代码 and a unit's name whole,
# the figures narrow (review 78: the codes showed as ####, the sheet ran to three pages)
WIDTHS = {"名次": 6, "乡镇": 12, "区划代码": 15, "单位": 16, "说明": 18}
FIGURE_WIDTH = 9
HEADER_ROW = 2  # the title, then the header (sheets.title_and_header)


@dataclass(frozen=True)
class CountyReport:
    period: str
    ranking: Ranking
    units: list[UnitMeasures]
    issuer: str = ""  # who issues it (the county account's name: 县综治中心), at the foot with the date
    made_on: date | None = None

    @property
    def title(self) -> str:
        return zh("{0}全县矛盾纠纷排查化解工作通报", period_rules.chinese_name(self.period))

    @property
    def units_title(self) -> str:
        """The county units' part on its own (the page's 按县直单位, the sheet): theirs, not 全县…."""
        return zh("{0}县直单位矛盾纠纷化解工作情况", period_rules.chinese_name(self.period))

    @property
    def foot(self) -> str:
        """The issuer and the day, as the report's last line."""
        day = self.made_on
        made = zh("{0}年{1}月{2}日", day.year, day.month, day.day) if day is not None else ""
        return "　　".join(part for part in (self.issuer or zh("县综治中心"), made) if part)


def make(ws: Workspace, period: str) -> CountyReport:
    """Both sections of a county report (a county account only: county_stats.NotCounty otherwise)."""
    ranking = county_stats.by_township(ws, period)
    units = county_stats.by_unit(ws, period)
    return CountyReport(ranking.period, ranking, units, ws.actor.display_name, ws.now().date())


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def township_cells(ranking: Ranking, row: Row) -> tuple[str, ...]:
    """One township's line as text; a township that has not closed the period shows its name and note only."""
    unranked = row.place is None and row is not ranking.total
    cells = []
    for name, get, fmt in TOWNSHIP_COLUMNS:
        value = get(row)
        if unranked and name not in UNRANKED_BLANK:
            cells.append("")
        elif value is None:
            cells.append("—")
        elif fmt == "0.0%":
            cells.append(_percent(value))
        elif fmt == "0.00" and isinstance(value, float):
            cells.append(f"{value:.2f}")
        else:
            cells.append(str(value))
    return tuple(cells)


def unit_cells(u: UnitMeasures) -> tuple[str, ...]:
    return tuple(_percent(get(u)) if fmt == "0.0%" else str(get(u)) for _, get, fmt in UNIT_COLUMNS[:13])


def document(report: CountyReport) -> Document:
    doc = Document(
        "report", report.title, zh("考核期间：{0}", period_rules.chinese_name(report.period)), landscape=True
    )
    doc.add(Heading(zh("一、各乡镇排名")))
    doc.add(Para(zh("按各乡镇月结发布的数据排名；未月结的乡镇列在最后，不排名。")))
    rows = tuple(township_cells(report.ranking, r) for r in [*report.ranking.rows, report.ranking.total])
    doc.add(Table(tuple(zh(name) for name, _, _ in TOWNSHIP_COLUMNS), rows))
    doc.add(Para("", indent=False))  # a blank line: the table ran straight into the next heading (review 76)
    doc.add(Heading(zh("二、县直单位")))
    if report.units:
        doc.add(
            Table(
                tuple(zh(name) for name, _, _ in UNIT_COLUMNS[:13]),
                tuple(unit_cells(u) for u in report.units),
            )
        )
    else:
        doc.add(Para(zh("本期县直单位无交办事项。")))
    doc.add(Para("", indent=False), Para(report.foot, indent=False))  # issuer and date, as the foot
    return doc


def _widths(sheet: Any, names: list[str]) -> None:
    """Each column as wide as its content needs (set before any row: a write-only sheet's rule)."""
    for i, name in enumerate(names, 1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(
            name, max(FIGURE_WIDTH, 2 * len(name) + 2)
        )


def save_xlsx(report: CountyReport, path: str | Path) -> Path:
    """Two sheets: the townships' ranking and the county's units; numbers as numbers, rates as percentages."""
    book = Workbook(write_only=True)
    towns = book.create_sheet(zh("乡镇排名"))
    town_names = [zh(name) for name, _, _ in TOWNSHIP_COLUMNS]
    _widths(towns, town_names)
    sheets.for_print_and_filter(towns, len(town_names), HEADER_ROW, len(report.ranking.rows) + 1)
    sheets.title_and_header(towns, report.ranking.title, town_names)
    formats = {i: fmt for i, (_, _, fmt) in enumerate(TOWNSHIP_COLUMNS) if fmt}
    for row in [*report.ranking.rows, report.ranking.total]:
        unranked = row.place is None and row is not report.ranking.total
        values = [
            None if unranked and name not in UNRANKED_BLANK else get(row) for name, get, _ in TOWNSHIP_COLUMNS
        ]
        towns.append(sheets.row(towns, [None if v == "" else v for v in values], formats))
    units = book.create_sheet(zh("县直单位"))
    unit_names = [zh(name) for name, _, _ in UNIT_COLUMNS]
    _widths(units, unit_names)
    sheets.for_print_and_filter(units, len(unit_names), HEADER_ROW, len(report.units))
    sheets.title_and_header(units, report.units_title, unit_names)
    unit_formats = {i: fmt for i, (_, _, fmt) in enumerate(UNIT_COLUMNS) if fmt}
    for u in report.units:
        units.append(sheets.row(units, [get(u) for _, get, _ in UNIT_COLUMNS], unit_formats))
    units.append([report.foot])
    path = Path(path)
    book.save(path)
    return path
