"""The assessment a township sends to the county each month (or quarter, or year): the 统计 page's figures and
ranking by village, grid, unit and team, as a printed report (with its chart) and as an Excel workbook.

Both are made from one `Report`, computed by `stats.assessment` from the events up to the period's end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from desktop.store.models import Division
from sync.core.domain import periods as period_rules
from sync.core.domain.counting import NO_UNIT

from . import periods, sheets, stats
from .context import Workspace, config_value
from .document_layout import Document, Fields, Heading, Para, Picture, Table, zh
from .stats import UnitMeasures

SECTIONS = ("village", "grid", "unit", "team", "source", "category")
# (column, the value of a unit, its Excel number format)
COLUMNS: tuple[tuple[str, Callable[[UnitMeasures], Any], str | None], ...] = (
    ("名次", lambda u: u.place if u.ranked else zh("不排名"), "0"),  # （未指定） is no unit's: unranked
    ("单位", lambda u: u.name, None),
    ("公式分", lambda u: round(u.score, 1), "0.0"),  # the configured weights over the measures
    ("亮点分", lambda u: round(u.highlight, 1), "0.0"),  # 亮点工作赋分 by the 督考办, beside the formula
    ("总分", lambda u: round(u.total_score, 1), "0.0"),  # 公式分 + 亮点分: the ranking's order
    ("立案", lambda u: u.counts.registered, "0"),
    ("办结", lambda u: u.counts.closed, "0"),
    ("化解率", lambda u: u.measures.resolution_rate, "0.0%"),
    ("办结率", lambda u: u.measures.completion_rate, "0.0%"),
    ("按期办结率", lambda u: u.measures.on_time_rate, "0.0%"),
    ("调解成功率", lambda u: u.measures.mediation_success_rate, "0.0%"),
    ("满意率", lambda u: u.measures.satisfaction_rate, "0.0%"),
    ("卷宗归档率", lambda u: u.measures.archive_rate, "0.0%"),
    ("回访率", lambda u: u.measures.follow_up_rate, "0.0%"),
    ("防止民转刑", lambda u: u.counts.criminal_prevented, "0"),
    ("督办", lambda u: u.counts.supervised, "0"),
    ("包案", lambda u: u.counts.in_charge, "0"),
    ("重复件", lambda u: u.counts.repeat_orders, "0"),
    # 信访三率 (seed 003): the petitions' own rates
    ("信访及时受理率", lambda u: u.measures.timely_acceptance_rate, "0.0%"),
    ("信访按期办结率", lambda u: u.measures.on_time_reply_rate, "0.0%"),
    ("信访群众满意率", lambda u: u.measures.petition_satisfaction_rate, "0.0%"),
)
PETITION_COLUMNS = COLUMNS[-3:]
HEADER_ROW = 2


@dataclass(frozen=True)
class Report:
    township: str
    period: str
    no_data: str  # rescale / zero: how a measure with no data is scored
    sections: dict[str, list[UnitMeasures]]
    published: periods.Published | None = None  # a closed month: its figures as published, re-printed
    # what arrived about closed months since they were published, carried into this (open) period
    adjustments: dict[str, dict[str, list[periods.Adjustment]]] = field(default_factory=dict)
    weights: Any = None  # the weights in force (configuration, or as published with a closed month)
    marks: list[stats.Mark] = field(default_factory=list)  # 亮点工作, 通报, 约谈 of the period
    combined: periods.Combined | None = None  # a quarter or year made from its months' published figures
    refused: str = ""  # this laptop closed the month and the server refused it: why (sync, then close again)

    @property
    def title(self) -> str:
        return zh("{0}矛盾纠纷排查化解工作考核（{1}）", self.township, self.period_name)

    @property
    def period_name(self) -> str:
        """The period as a Chinese report names it: 2026年第4季度, not 2026-Q4."""
        return period_rules.chinese_name(self.period)

    @property
    def rule(self) -> str:
        return (
            zh("无数据的指标不计入，其余按权重折算")
            if self.no_data == "rescale"
            else zh("无数据的指标计零分")
        )

    def total(self) -> UnitMeasures | None:
        """The township's total row (全镇合计) with every rate, from the village section's counts (each matter
        is under one village, or （未指定）); for a closed month, from the published counts, so identical."""
        units = next((self.sections[by] for by in stats.PARTITIONS if by in self.sections), None)
        return None if units is None else stats.township_total(units, self.weights, self.no_data)

    @property
    def stamp(self) -> str:
        """For a closed month, who closed it and when, in plain words; else empty. The digest is not for the
        reader: it is the `seal`, where an auditor looks (the page's tooltip, the report's last line)."""
        p = self.published
        if p is None and self.refused:
            return zh("本月的月结被乡镇服务器退回，请同步后重新月结：{0}", self.refused)
        if p is None:
            return self.combined.basis if self.combined is not None else ""
        how = zh("自动月结") if p.automatic else zh("月结")
        who = p.closed_by_name or zh("系统")
        return zh("本期已{0}：{1}于{2}发布，以下为发布时的数据。", how, who, _moment(p))

    @property
    def seal(self) -> str:
        """A closed month's digest, for an auditor to check the figures against the published ones."""
        p = self.published
        return zh("月结数据摘要（供审计核对）：sha256:{0}", p.digest) if p is not None else ""

    def unranked_note(self, by: str) -> str:
        """Why the （未指定） row has no place, when a section has one; else empty."""
        if not any(not u.ranked for u in self.sections.get(by, [])):
            return ""
        return zh("“{0}”为尚未归到任何{1}的事项，单列在最后，不参加排名。", NO_UNIT, stats.BY_LABELS[by])

    def adjustment_lines(self, by: str) -> list[tuple[str, str, str]]:
        """(对2026年11月的调整, unit, what changed) for one kind of unit, oldest month first."""
        return [
            (zh("对{0}的调整", period_rules.label(month)), a.name, a.text())
            for month, sections in sorted(self.adjustments.items())
            for a in sections.get(by, [])
        ]


def _moment(p: periods.Published) -> str:
    """2026年12月7日 09:04: a date and time as a notice says it."""
    at = p.closed_at
    return zh("{0}年{1}月{2}日 {3}", at.year, at.month, at.day, at.strftime("%H:%M"))


def make(ws: Workspace, period: str, sections: tuple[str, ...] = SECTIONS) -> Report:
    """ValueError for a period that is not 2026-10, 2026-Q4 or 2026."""
    report = view(ws, period, sections)
    with ws.tx("report.assessment", period):
        pass  # the county's copy is audited like any export
    return report


def view(ws: Workspace, period: str, sections: tuple[str, ...] = SECTIONS) -> Report:
    """The figures as the 统计 page shows them (not audited; `make` is the report that leaves the laptop): a
    closed month exactly as published, whatever happened since; the open period with the adjustments to
    closed months it carries; any other period counted from the events."""
    start, end = stats.period_bounds(period)
    published = periods.published(ws, period)
    combined = periods.combined(ws, period, sections) if published is None else None
    if combined is not None:  # a quarter or year with closed months: from what they published
        figures, carried, marks = combined.sections, {}, combined.marks
    elif published is not None:
        figures = {by: published.units(by) for by in sections}
        carried = published.adjustments()
        marks = published.marks()
    else:
        figures = {by: stats.assessment(ws, start, end, by) for by in sections}
        carried = periods.adjustments(ws, period)
    with ws.read() as s:
        if published is None and combined is None:
            marks = stats.marks_between(s, start, end)
        township = s.scalar(select(Division.name).where(Division.level == "township")) or ""
        no_data = config_value(s, "assessment_no_data", "rescale")
        weights = config_value(s, "assessment_weights")
    if published is not None:
        no_data = published.figures.get("no_data", no_data)
        weights = published.figures.get("weights", weights)
    if combined is not None:
        no_data, weights = combined.no_data, combined.weights
    refused = periods.refused(ws).get(period.strip(), "") if published is None else ""
    return Report(township, period, no_data, figures, published, carried, weights, marks, combined, refused)


MARK_COLUMNS = (zh("日期"), zh("类别"), zh("对象"), zh("加分"), zh("事由"), zh("记录人"))


def mark_row(mark: stats.Mark) -> tuple[str, ...]:
    """One 亮点工作, 通报 or 约谈 as the page, the report and the workbook list it."""
    points = f"{mark.points:g}" if mark.kind == "highlight" else ""
    return (mark.on.isoformat(), zh(mark.kind_label), mark.unit_name, points, mark.reason, mark.by_name)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def document(report: Report, charts: dict[str, str] | None = None) -> Document:
    """The printed report; `charts` holds a picture of each section's resolution rates (the window's)."""
    doc = Document("report", report.title, zh("考核期间：{0}", report.period_name), landscape=True)
    doc.add(
        Para(
            zh(
                "计分规则：{0}。化解率按期间内排查立案的事项计算，未化解的计入分母；按期办结率把期末仍超期未结的计为未按期。",
                report.rule,
            )
        )
    )
    if report.stamp:
        doc.add(Para(report.stamp))
    first = (*COLUMNS[:13], *COLUMNS[13:15])  # to 卷宗归档率, then 回访率 and 防止民转刑
    for number, (by, units) in enumerate(report.sections.items(), 1):
        doc.add(Heading(zh("{0}、按{1}", "一二三四五六七八九"[number - 1], stats.BY_LABELS[by])))
        if not units:
            doc.add(Para(zh("本期无数据。")))
            continue
        total = report.total() if by in stats.PARTITIONS else None
        listed = [*units, total] if total is not None else units
        rows = tuple(
            tuple(
                ""
                if u.key == stats.TOTAL_KEY and name == "名次"
                else _percent(get(u))
                if fmt == "0.0%"
                else str(get(u))
                for name, get, fmt in first
            )
            for u in listed
        )
        doc.add(Table(tuple(zh(name) for name, _, _ in first), rows))
        if note := report.unranked_note(by):
            doc.add(Para(note))
        if charts and by in charts:
            doc.add(Picture(charts[by], zh("各{0}化解率", stats.BY_LABELS[by])))
        if lines := report.adjustment_lines(by):
            doc.add(
                Para(zh("以下为已月结期间的调整（本期收到、属于已月结月份的办理情况），不计入上表排名："))
            )
            doc.add(Table((zh("调整"), zh("单位"), zh("计数变化")), tuple(lines)))
    _petition_rates(report, doc)
    if report.marks:
        doc.add(Heading(zh("亮点工作赋分和通报、约谈")))
        doc.add(Table(MARK_COLUMNS, tuple(mark_row(mark) for mark in report.marks)))
    if (total := report.total()) is not None:
        c, m = total.counts, total.measures
        doc.add(
            Heading(zh("全镇合计")),
            Fields(
                (
                    (zh("排查立案"), str(c.registered)),
                    (zh("已化解"), str(c.resolved)),
                    (zh("化解率"), _percent(m.resolution_rate)),
                    (zh("办结"), str(c.closed)),
                    (zh("办结率"), _percent(m.completion_rate)),
                    (zh("按期办结率"), _percent(m.on_time_rate)),
                    (zh("调解成功率"), _percent(m.mediation_success_rate)),
                    (zh("满意率"), _percent(m.satisfaction_rate)),
                    (zh("卷宗归档率"), _percent(m.archive_rate)),
                    (zh("回访率"), _percent(m.follow_up_rate)),
                    (zh("防止民转刑"), str(c.criminal_prevented)),
                    (zh("督办"), str(c.supervised)),
                    (zh("包案"), str(c.in_charge)),
                    (zh("信访及时受理率"), _percent(m.timely_acceptance_rate)),
                    (zh("信访按期办结率"), _percent(m.on_time_reply_rate)),
                    (zh("信访群众满意率"), _percent(m.petition_satisfaction_rate)),
                )
            ),
        )
    if report.seal:  # the last line, where an auditor looks for it
        doc.add(Para(report.seal))
    return doc


def _petition_rates(report: Report, doc: Document) -> None:
    """信访三率 by village (the section's own table has no room for them), with the counts they are made of,
    and the township's total; nothing when no petition was decided, answered or asked about."""
    by = next((b for b in ("village", *stats.PARTITIONS) if b in report.sections), None)
    if by is None:
        return
    total = report.total()
    listed = [u for u in report.sections[by] if _has_petitions(u)]
    if total is not None and listed:
        listed.append(total)
    if not listed:
        return
    doc.add(Heading(zh("信访三率（按{0}）", stats.BY_LABELS[by])))
    headers = (
        zh("单位"),
        zh("受理决定"),
        zh("信访及时受理率"),
        zh("书面答复"),
        zh("信访按期办结率"),
        zh("回访"),
        zh("信访群众满意率"),
    )
    rows = tuple(
        (
            u.name,
            zh("{0}/{1}", u.counts.petitions_decided_in_time, u.counts.petitions_decided),
            _percent(u.measures.timely_acceptance_rate),
            zh("{0}/{1}", u.counts.petitions_replied_in_time, u.counts.petitions_replied),
            _percent(u.measures.on_time_reply_rate),
            zh("{0}/{1}", u.counts.petitions_satisfied, u.counts.petitions_asked),
            _percent(u.measures.petition_satisfaction_rate),
        )
        for u in listed
    )
    doc.add(Table(headers, rows))


def _has_petitions(u: UnitMeasures) -> bool:
    c = u.counts
    return bool(c.petitions_decided or c.petitions_replied or c.petitions_asked)


def save_xlsx(report: Report, path: str | Path) -> Path:
    """A sheet per section: title, header with a filter, numbers as numbers and rates as percentages."""
    book = Workbook(write_only=True)
    formats = {i: fmt for i, (_, _, fmt) in enumerate(COLUMNS) if fmt}
    for by, units in report.sections.items():
        sheet = book.create_sheet(zh("按{0}", stats.BY_LABELS[by]).replace("/", "、"))
        sheets.for_print_and_filter(sheet, len(COLUMNS), HEADER_ROW, len(units))
        sheets.title_and_header(sheet, f"{report.title}　{report.rule}", [zh(name) for name, _, _ in COLUMNS])
        total = report.total() if by in stats.PARTITIONS and units else None
        for u in [*units, total] if total is not None else units:
            sheet.append(sheets.row(sheet, [get(u) for _, get, _ in COLUMNS], formats))
        if note := report.unranked_note(by):
            sheet.append([note])
    if report.marks:
        marked = book.create_sheet(zh("亮点工作和通报约谈"))
        marked.append(list(MARK_COLUMNS))
        for mark in report.marks:
            marked.append(list(mark_row(mark)))
    if report.stamp or report.adjustments:
        notes = book.create_sheet(zh("月结与调整"))
        notes.append([report.stamp or zh("本期尚未月结")])
        if report.seal:
            notes.append([report.seal])
        for by in report.sections:
            for line in report.adjustment_lines(by):
                notes.append([line[0], stats.BY_LABELS[by], line[1], line[2]])
    path = Path(path)
    book.save(path)
    return path
