"""The county's report of a month or quarter (issue 29): 一、the townships ranked from their closed months,
二、the county's own units (法院, 公安局 …) over the matters it dispatched to them — as a printed Document
(PDF through desktop.ui.printing) or an Excel workbook with a sheet each. The figures are county_stats'; this
module only lays them out, with the township report's unit columns (assessment_report.COLUMNS)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from sync.core.domain import periods as period_rules
from sync.core.domain.county_ranking import COLUMNS as TOWNSHIP_COLUMNS
from sync.core.domain.county_ranking import Ranking, Row

from . import county_stats, sheets
from .assessment_report import COLUMNS as UNIT_COLUMNS
from .context import Workspace
from .document_layout import Document, Heading, Para, Table, zh
from .stats import UnitMeasures

UNRANKED_BLANK = ("乡镇", "区划代码", "说明")  # the only cells a township that has not closed shows


@dataclass(frozen=True)
class CountyReport:
    period: str
    ranking: Ranking
    units: list[UnitMeasures]

    @property
    def title(self) -> str:
        return zh("{0}全县矛盾纠纷排查化解工作通报", period_rules.chinese_name(self.period))


def make(ws: Workspace, period: str) -> CountyReport:
    """Both sections of a county report (a county account only: county_stats.NotCounty otherwise)."""
    ranking = county_stats.by_township(ws, period)
    return CountyReport(ranking.period, ranking, county_stats.by_unit(ws, period))


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
    return doc


def save_xlsx(report: CountyReport, path: str | Path) -> Path:
    """Two sheets: the townships' ranking and the county's units; numbers as numbers, rates as percentages."""
    book = Workbook(write_only=True)
    towns = book.create_sheet(zh("乡镇排名"))
    sheets.title_and_header(towns, report.ranking.title, [zh(name) for name, _, _ in TOWNSHIP_COLUMNS])
    formats = {i: fmt for i, (_, _, fmt) in enumerate(TOWNSHIP_COLUMNS) if fmt}
    for row in [*report.ranking.rows, report.ranking.total]:
        unranked = row.place is None and row is not report.ranking.total
        values = [
            None if unranked and name not in UNRANKED_BLANK else get(row) for name, get, _ in TOWNSHIP_COLUMNS
        ]
        towns.append(sheets.row(towns, [None if v == "" else v for v in values], formats))
    units = book.create_sheet(zh("县直单位"))
    sheets.title_and_header(units, report.title, [zh(name) for name, _, _ in UNIT_COLUMNS])
    unit_formats = {i: fmt for i, (_, _, fmt) in enumerate(UNIT_COLUMNS) if fmt}
    for u in report.units:
        units.append(sheets.row(units, [get(u) for _, get, _ in UNIT_COLUMNS], unit_formats))
    path = Path(path)
    book.save(path)
    return path
