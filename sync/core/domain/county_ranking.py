"""The county's ranking of its townships (issue 29, 月通报、季排名), the arithmetic both ends run: the
server's `fengqiao-server assessment --by township` (sync.server.county_rank reads the periods from its
database) and the county laptop's `fengqiao assessment --by township` and 统计 page
(desktop.services.county_stats reads the periods it pulled). For a closed month, each township's published
figures — its total row (全镇合计) made from the village section of the month it closed, with the measures and
score the township's own report gives it (sync.core.domain.measures) — ranked by score; a township that has
not closed the period is listed last, unranked (未月结); and the county's total.

A quarter ("2026-Q4") is made from its three closed months as a township laptop combines them
(desktop.services.periods.combined): each month's counts as published plus the adjustments it carried, summed,
the measures and score made from the sums with the last month's weights; a township is ranked only when all
three months are closed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from . import periods as rules
from .measures import Counts, Measures, rank, score

UNCLOSED = "未月结"


@dataclass(frozen=True)
class Row:
    """One township's line: its place (None: not ranked), counts, measures and score."""

    township: str
    code: str
    place: int | None
    counts: Counts
    measures: Measures
    score: float
    closed: tuple[str, ...]  # the period's months this township has closed
    note: str = ""


@dataclass(frozen=True)
class Ranking:
    period: str
    months: tuple[str, ...]
    rows: list[Row]  # ranked first (by place), then the unranked, by name
    total: Row  # the county's: every ranked township's counts added

    @property
    def title(self) -> str:
        return f"{rules.chinese_name(self.period)}各乡镇矛盾纠纷排查化解工作排名"


def months_of(period: str) -> tuple[str, ...]:
    """A month ("2026-11") or a quarter ("2026-Q4") as its months; anything else is a clear error."""
    text = (period or "").strip().upper()
    year, _, part = text.partition("-")
    if len(year) == 4 and year.isdigit() and part.startswith("Q") and part[1:] in ("1", "2", "3", "4"):
        first = (int(part[1:]) - 1) * 3 + 1
        return tuple(rules.month_name(int(year), first + i) for i in range(3))
    try:
        rules.parse_month(text)
    except ValueError:
        raise ValueError(f"期间（--period）：应写作月份 2026-11 或季度 2026-Q4，而不是“{period}”") from None
    return (text,)


def village_total(figures: dict[str, Any]) -> Counts:
    """A published month's township total: every village row's counts (each matter is in one village, or in
    the （未指定） row), as the township report's 全镇合计 adds them."""
    return sum((counts for _, counts in rules.published_counts(figures, "village").values()), Counts())


def carried(figures: dict[str, Any]) -> Counts:
    """The adjustments to earlier closed months a published month carries, township total (village rows)."""
    total = Counts()
    for by_kind in figures.get("adjustments", {}).values():
        for _, _, raw in by_kind.get("village", []):
            total = total + rules.counts_of(raw)
    return total


@dataclass(frozen=True)
class Township:
    """A township as the ranking names it: the server's id, its name and 统计用区划代码."""

    id: str
    name: str
    code: str = ""


def rank_townships(period: str, every: list[Township], held: dict[str, dict[str, dict[str, Any]]]) -> Ranking:
    """The ranking of `every` township (sorted by name here) from `held`: township id → month → the
    figures it published for that month (only records whose digest matches: periods.record_problem)."""
    months = months_of(period)
    every = sorted(every, key=lambda t: t.name)
    ranked: dict[str, Row] = {}
    unranked: list[Row] = []
    for t in every:
        mine = held.get(t.id, {})
        done = tuple(m for m in months if m in mine)
        if len(done) < len(months):
            note = (
                UNCLOSED if not done else f"{UNCLOSED}（已月结：{'、'.join(rules.label(m) for m in done)}）"
            )
            unranked.append(Row(t.name, t.code or "", None, Counts(), Measures.of(Counts()), 0.0, done, note))
            continue
        total = Counts()
        for month in months:
            total = total + village_total(mine[month])
            if len(months) > 1:  # a quarter: what arrived late counts in the month it arrived in
                total = total + carried(mine[month])
        last = mine[months[-1]]
        m = Measures.of(total)
        ranked[t.id] = Row(
            t.name,
            t.code or "",
            0,
            total,
            m,
            score(m, last.get("weights"), last.get("no_data", "rescale")),
            done,
        )
    places = {key: place for place, key, _ in rank({key: row.score for key, row in ranked.items()})}
    rows = sorted(
        (dataclasses.replace(row, place=places[key]) for key, row in ranked.items()),
        key=lambda r: (r.place, r.township),
    )
    county = sum((r.counts for r in rows), Counts())
    cm = Measures.of(county)
    county_row = Row("全县合计", "", None, county, cm, score(cm), months)
    return Ranking(period.strip().upper(), months, rows + unranked, county_row)


# ------------------------------------------------------------------------------------------ printing

# (column, the value of a row, its Excel number format)
COLUMNS: tuple[tuple[str, Any, str | None], ...] = (
    ("名次", lambda r: r.place if r.place is not None else "", "0"),
    ("乡镇", lambda r: r.township, None),
    ("区划代码", lambda r: r.code, None),
    ("得分", lambda r: r.score if r.place is not None or r.township == "全县合计" else None, "0.00"),
    ("立案", lambda r: r.counts.registered, "0"),
    ("化解", lambda r: r.counts.resolved, "0"),
    ("办结", lambda r: r.counts.closed, "0"),
    ("化解率", lambda r: r.measures.resolution_rate, "0.0%"),
    ("按期办结率", lambda r: r.measures.on_time_rate, "0.0%"),
    ("调解成功率", lambda r: r.measures.mediation_success_rate, "0.0%"),
    ("满意率", lambda r: r.measures.satisfaction_rate, "0.0%"),
    ("回访率", lambda r: r.measures.follow_up_rate, "0.0%"),
    ("说明", lambda r: r.note, None),
)


def _cell(value: Any, fmt: str | None) -> str:
    if value is None:
        return "—"
    if fmt == "0.0%" and isinstance(value, float):
        return f"{value * 100:.1f}%"
    if fmt == "0.00" and isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def lines(r: Ranking) -> list[str]:
    """The ranking as tab-separated lines: title, header, townships, the county's total."""
    out = [r.title, "\t".join(name for name, _, _ in COLUMNS)]
    for row in [*r.rows, r.total]:
        unranked = row.place is None and row is not r.total
        out.append(
            "\t".join(
                "" if unranked and name not in ("乡镇", "区划代码", "说明") else _cell(get(row), fmt)
                for name, get, fmt in COLUMNS
            )
        )
    return out


def write_xlsx(r: Ranking, path: Path, now: datetime | None = None) -> None:
    """The same as a sheet: numbers as numbers (rates formatted as percentages), a township not closed with
    its name and note only."""
    try:
        from openpyxl import Workbook
    except ImportError:  # the "server" extra brings it; a bare base install may not have it
        raise OSError("--xlsx：需要 openpyxl（pip install openpyxl）才能写 Excel 文件") from None

    book = Workbook()
    sheet = book.active
    sheet.title = "乡镇排名"
    sheet.append([r.title])
    sheet.append([name for name, _, _ in COLUMNS])
    for row in [*r.rows, r.total]:
        unranked = row.place is None and row is not r.total
        values = [
            None if unranked and name not in ("乡镇", "区划代码", "说明") else get(row)
            for name, get, _ in COLUMNS
        ]
        sheet.append([None if v == "" else v for v in values])
        for cell, (_, _, fmt) in zip(sheet[sheet.max_row], COLUMNS, strict=True):
            if fmt:
                cell.number_format = fmt
    sheet.append(
        [f"数据来源：各乡镇月结发布的数据；生成于 {(now or datetime.now()).isoformat(timespec='minutes')}"]
    )
    book.save(path)
