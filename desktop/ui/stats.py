"""统计: measures by village, grid, unit, team or handler for a month, quarter or year, from raw counts, with
ranking, a chart and how each rate is counted (口径). A closed month (月结) shows its figures as published;
the platform office closes a month here, and the open month lists what arrived late about closed ones."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import assessment_marks, assessment_report, periods, stats
from sync.core.domain import periods as period_rules
from sync.core.domain.issues import Issue, ValidationFailed
from sync.core.domain.measures import HIGHLIGHT_MAX, MARK_KINDS, MARK_UNITS
from sync.core.domain.roles import Permission

from . import printing
from .common import BarChart, read_only_table, run_with_progress, save_file_name, show_error
from .plain import ask, inform, plain_label


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def two_lines(name: str) -> str:
    """A column's name on more lines when long, each word whole: 按期办结率 as 按期 / 办结率, 信访及时受理率
    as 信访 / 及时 / 受理率 (no wider than the figures under it); an English name at the space nearest its
    middle; a short name as it is."""
    if " " in name:
        spaces = [i for i, ch in enumerate(name) if ch == " "]
        cut = min(spaces, key=lambda i: abs(len(name) / 2 - i))
        return name[:cut] + "\n" + name[cut + 1 :]
    if len(name) >= 7:
        return "\n".join((name[:2], name[2:-3], name[-3:]))
    return name[:-3] + "\n" + name[-3:] if len(name) >= 5 else name


class StatsPage(QWidget):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        today = ws.now().date()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.period = QComboBox()  # a month, a quarter or the year: "-10", "-Q4", ""
        for month in range(1, 13):
            self.period.addItem(self.tr("{0}月").format(month), f"-{month:02d}")
        for quarter in range(1, 5):
            self.period.addItem(self.tr("第{0}季度").format(quarter), f"-Q{quarter}")
        self.period.addItem(self.tr("全年"), "")
        self.period.setCurrentIndex(today.month - 1)
        self.by = QComboBox()
        for key, label in (
            ("village", self.tr("按村（社区）")),
            ("grid", self.tr("按网格")),
            ("unit", self.tr("按单位")),
            ("team", self.tr("按队伍")),
            ("handler", self.tr("按承办单位/人")),
            ("source", self.tr("按来源")),
            ("category", self.tr("按类别")),
        ):
            self.by.addItem(label, key)
        self.year.valueChanged.connect(self.refresh)
        self.period.currentIndexChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        headers = [
            self.tr("名次"),
            self.tr("单位"),
            self.tr("公式分"),
            self.tr("亮点分"),
            self.tr("总分"),
            self.tr("立案"),
            self.tr("办结"),
            self.tr("化解率"),
            self.tr("办结率"),
            self.tr("按期办结率"),
            self.tr("调解成功率"),
            self.tr("满意率"),
            self.tr("卷宗归档率"),
            self.tr("回访率"),
            self.tr("防止民转刑"),
            self.tr("督办"),
            self.tr("包案"),
            self.tr("重复件"),
            self.tr("群体性"),
            self.tr("提级"),
            self.tr("信访及时受理率"),
            self.tr("信访按期办结率"),
            self.tr("信访群众满意率"),
        ]
        self.table = QTableWidget(0, len(headers))
        # long names on two lines: 23 columns fit 1366 px at 125 % without scrolling sideways (review)
        self.table.setHorizontalHeaderLabels([two_lines(h) for h in headers])
        rules = self.counting_rules()
        for col, name in enumerate(headers):
            if name in rules:
                self.table.horizontalHeaderItem(col).setToolTip(rules[name])
        self.rules = plain_label(
            self.tr("口径：") + "；".join(f"{name}＝{rule}" for name, rule in rules.items()) + self.tr("。")
        )
        self.rules.setWordWrap(True)
        self.stamp = plain_label()  # a closed month: who closed it and when (its digest in the tooltip)
        self.stamp.setWordWrap(True)
        self.unranked = plain_label()  # why the （未指定） row takes no place
        self.unranked.setStyleSheet("color: #666")
        self.adjusted = plain_label()  # the open month: what arrived late about closed months
        self.adjusted.setWordWrap(True)
        # 亮点工作, 通报 and 约谈 of the period (assessment marks)
        self.marks = read_only_table(
            [self.tr(name) for name in ("日期", "类别", "对象", "加分", "事由", "记录人")],
            self.tr("本期没有亮点工作赋分、通报或约谈"),
        )
        self.mark = QPushButton(self.tr("亮点赋分/通报/约谈…"))
        self.mark.setToolTip(self.tr("督考办：给某个村、网格或单位的亮点工作加分，或记录通报、约谈"))
        self.mark.clicked.connect(self._ask_and_mark)
        self.mark.setVisible(ws.may(Permission.MARK_ASSESSMENT))
        self.close_month = QPushButton(self.tr("月结…"))
        self.close_month.setToolTip(
            self.tr("发布本月的考核数据：此后本月的数据和报表固定不变，迟到的办理情况计入下一个月的调整")
        )
        self.close_month.clicked.connect(self._ask_and_close)
        self.close_month.setVisible(ws.may(Permission.CLOSE_PERIOD) and periods.township_wide(ws))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = BarChart(self.tr("化解率"))
        export = QPushButton(self.tr("导出考核报表…"))
        export.setToolTip(self.tr("按村、网格、单位和队伍的考核情况，PDF（含图表）或 Excel"))
        export.clicked.connect(self._ask_and_export)
        dossiers = QPushButton(self.tr("本期卷宗打包…"))
        dossiers.setToolTip(self.tr("本期办结事项的卷宗，每件一个 PDF，打包为 ZIP"))
        dossiers.clicked.connect(self._ask_and_pack)
        top = QHBoxLayout()
        for w in (plain_label(self.tr("年")), self.year, self.period, self.by):
            top.addWidget(w)
        top.addStretch()
        top.addWidget(self.close_month)
        top.addWidget(self.mark)
        top.addWidget(export)
        top.addWidget(dossiers)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stamp)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.unranked)
        layout.addWidget(self.adjusted)
        layout.addWidget(self.marks, 1)
        layout.addWidget(self.rules)
        layout.addWidget(self.chart, 1)
        worker.hub.subscribe(
            self,
            {"matters", "follow_ups", "mediation_sessions", "config", "periods", "assessment_marks"},
            lambda _changes: self.refresh(),
        )
        self.refresh()

    def period_text(self) -> str:
        return f"{self.year.value()}{self.period.currentData()}"

    def period_name(self) -> str:
        """The period as people read it: 2026年第4季度, 2026年11月, 2026年度 in Chinese (never 2026-Q4); the
        English window its own form."""
        year, part = self.year.value(), self.period.currentData()
        if not part:
            return self.tr("{0}年度").format(year)
        if part.startswith("-Q"):
            return self.tr("{0}年第{1}季度").format(year, part[2:])
        return self.tr("{0}年{1}月").format(year, int(part[1:]))

    def counting_rules(self) -> dict[str, str]:
        """How each measure is counted (口径), by its column's name."""
        return {
            self.tr("化解率"): self.tr(
                "本期排查立案的事项中，到期末已化解的比例；未化解的计入分母；重复件只按首次工单计一次"
            ),
            self.tr("办结率"): self.tr("本期立案的事项中，到期末已办结的比例"),
            self.tr("按期办结率"): self.tr(
                "本期办结的事项中，在办结时有效的办理时限内办结的比例；期末仍超期未结的计为未按期"
            ),
            self.tr("调解成功率"): self.tr("调解日期在本期的调解中，达成协议的比例"),
            self.tr("满意率"): self.tr("回访日期在本期的回访中，满意和基本满意的比例"),
            self.tr("回访率"): self.tr("本期办结并已化解的事项中，期末前已回访的比例"),
            self.tr("防止民转刑"): self.tr("有民转刑、械斗或非正常死亡苗头的事项，本期化解办结的件数"),
            self.tr("卷宗归档率"): self.tr("本期办结的事项中，到期末卷宗已归档的比例"),
            self.tr("信访及时受理率"): self.tr(
                "本期作出受理决定（受理、不予受理、转送）的信访事项中，自收到之日起15日内作出的比例"
            ),
            self.tr("信访按期办结率"): self.tr(
                "本期书面答复的信访事项中，在答复时有效的办理期限（60日，延期不超过30日）内答复的比例"
            ),
            self.tr("信访群众满意率"): self.tr("回访日期在本期的信访事项回访中，满意和基本满意的比例"),
            self.tr("公式分"): self.tr("各项比率按配置的权重加权；无数据的指标按配置不计入或计零分"),
            self.tr("亮点分"): self.tr("督考办对亮点工作的人工赋分，列在公式分旁，不并入公式分"),
            self.tr("总分"): self.tr("公式分＋亮点分；名次按总分排列"),
        }

    def _ask_and_close(self) -> None:
        month = self.period_text()
        answer = ask(
            self,
            self.tr("月结"),
            self.tr(
                "月结 {0} 后，本月的考核数据和报表将按现在的数据固定发布，不再变动；"
                "此后收到的属于本月的办理情况计入下一个月的调整。确定月结？"
            ).format(self.period_name()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.close_period(month)

    def _ask_and_mark(self) -> None:
        by = self.by.currentData() if self.by.currentData() in MARK_UNITS else "village"
        names = sorted(
            ((name, key) for key, name in stats.unit_names(self.ws, by).items()), key=lambda kv: kv[0]
        )
        dialog = MarkDialog(names, self.ws.now().date(), self)
        if dialog.exec():
            self.record_mark(by, *dialog.values())

    def record_mark(self, by: str, kind: str, key: str, reason: str, on, points: float) -> None:
        self.worker.submit(
            lambda: assessment_marks.record(self.ws, kind, by, key, reason, on, points),
            lambda _changed: None,  # the worker publishes the change and this page refreshes
            lambda e: show_error(self, e),
        )

    def close_period(self, month: str) -> None:
        self.worker.submit(lambda: periods.close(self.ws, month), self._closed, lambda e: show_error(self, e))

    def _closed(self, _changed) -> None:
        # the worker publishes the change: this page (and every other laptop's, after a sync) refreshes
        inform(self, self.tr("已月结"), self.tr("{0} 的考核数据已发布").format(self.period_name()))

    def _ask_and_export(self) -> None:
        name = self.tr("{0} 考核报表.pdf").format(self.period_name())
        path = save_file_name(
            self, self.tr("导出考核报表"), name, self.tr("PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str):
        """The figures are counted and the file written on the worker, behind a progress dialog that can
        cancel; only the PDF's charts are drawn here, as the page's are (a widget draws in this thread)."""
        period = self.period_text()
        if path.lower().endswith(".xlsx"):

            def work(task):
                task.progress(0, 2)
                report = assessment_report.make(self.ws, period)
                task.progress(1, 2)
                return assessment_report.save_xlsx(report, path)

            return run_with_progress(self, self.worker, self.tr("正在导出考核报表…"), work, self._exported)

        def counted(report) -> None:
            folder = Path(tempfile.mkdtemp(prefix="fengqiao-report-"))
            document = printing.report_document(report, folder)

            def finished(saved) -> None:
                shutil.rmtree(folder, ignore_errors=True)
                self._exported(saved)

            self.export_task = run_with_progress(
                self,
                self.worker,
                self.tr("正在导出考核报表…"),
                lambda task: printing.save(document, path),
                finished,
            )

        def count(task):
            task.progress(0, 2)
            return assessment_report.make(self.ws, period)

        self.export_task = run_with_progress(self, self.worker, self.tr("正在导出考核报表…"), count, counted)
        return self.export_task

    def _ask_and_pack(self) -> None:
        name = self.tr("{0} 卷宗.zip").format(self.period_name())
        path = save_file_name(self, self.tr("本期卷宗打包"), name, self.tr("ZIP 压缩包 (*.zip)"))
        if path:
            self.pack_dossiers(path)

    def pack_dossiers(self, path: str):
        period = self.period_text()
        return run_with_progress(
            self,
            self.worker,
            self.tr("正在生成卷宗…"),
            lambda task: printing.save_dossiers(self.ws, period, path, task.progress),
            lambda count: self._exported(path, count),
        )

    def _exported(self, path, count: int | None = None) -> None:
        self.exported = path
        done = (
            self.tr("已把 %n 件事项的卷宗保存到 {0}", "", count).format(path)
            if count is not None
            else self.tr("考核报表已保存到 {0}").format(path)
        )
        inform(self, self.tr("已导出"), done)

    def refresh(self) -> None:
        period, by = self.period_text(), self.by.currentData()
        self.worker.submit(
            lambda: assessment_report.view(self.ws, period, (by,)), self._show, lambda e: show_error(self, e)
        )

    def _show(self, report) -> None:
        by = next(iter(report.sections))
        units = report.sections[by]
        self.report = report
        self.units = units
        self.stamp.setText(report.stamp)
        self.stamp.setToolTip(report.seal)  # the digest, for an auditor who looks for it
        self.stamp.setVisible(bool(report.stamp))
        self.unranked.setText(report.unranked_note(by))
        self.unranked.setVisible(bool(self.unranked.text()))
        lines = report.adjustment_lines(by)
        self.adjusted.setText(
            self.tr("本期计入的调整（属于已月结月份、在其后收到的办理情况；不计入上表排名）：\n")
            + "\n".join(f"{month}　{unit}：{change}" for month, unit, change in lines)
        )
        self.adjusted.setVisible(bool(lines))
        month = self.period.currentData().startswith("-") and "Q" not in self.period.currentData()
        self.close_month.setEnabled(
            month
            and report.published is None
            and self.ws.now().date() >= period_rules.first_day_after(report.period)
        )
        # the township total row (全镇合计) with every rate, under a kind of unit sharing out every matter
        total = report.total() if by in stats.PARTITIONS and units else None
        listed = [*units, total] if total is not None else units
        self.table.setRowCount(len(listed))
        for r, u in enumerate(listed):
            c, m = u.counts, u.measures
            values = [
                "" if u is total else u.place if u.ranked else self.tr("不排名"),
                u.name,
                f"{u.score:.1f}",
                f"{u.highlight:.1f}",
                f"{u.total_score:.1f}",
                c.registered,
                c.closed,
                percent(m.resolution_rate),
                percent(m.completion_rate),
                percent(m.on_time_rate),
                percent(m.mediation_success_rate),
                percent(m.satisfaction_rate),
                percent(m.archive_rate),
                percent(m.follow_up_rate),
                c.criminal_prevented,
                c.supervised,
                c.in_charge,
                c.repeat_orders,
                c.group_matters,
                c.escalations,
                percent(m.timely_acceptance_rate),
                percent(m.on_time_reply_rate),
                percent(m.petition_satisfaction_rate),
            ]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(str(value)))
        # the three 信访 rates only when a unit has a figure for them: a column of "—" is width the 23 columns
        # do not have at 125 % (review)
        petitions = range(self.table.columnCount() - 3, self.table.columnCount())
        figures = any(self.table.item(r, c).text() != "—" for r in range(len(listed)) for c in petitions)
        for col in petitions:
            self.table.setColumnHidden(col, not figures)
        self.table.resizeColumnsToContents()
        self.marks.setRowCount(len(report.marks))
        for r, mark in enumerate(report.marks):
            for col, value in enumerate(assessment_report.mark_row(mark)):
                self.marks.setItem(r, col, QTableWidgetItem(value))
        self.marks.resizeColumnsToContents()
        self.chart.set_items(
            [(u.name, (u.measures.resolution_rate or 0) * 100) for u in units[:12]], "{:.0f}%"
        )


class MarkDialog(QDialog):
    """One 亮点工作 (with its points), 通报 or 约谈: kind, unit, date, points and the reason."""

    def __init__(self, units: list[tuple[str, str]], today, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("亮点赋分/通报/约谈"))
        self.kind = QComboBox()
        for key, label in MARK_KINDS.items():
            self.kind.addItem(self.tr(label), key)
        self.unit = QComboBox()
        for name, key in units:
            self.unit.addItem(name, key)
        self.on = QDateEdit(today)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumWidth(420)
        self.points = QDoubleSpinBox()
        self.points.setRange(0, HIGHLIGHT_MAX)
        self.points.setSingleStep(0.5)
        self.reason = QLineEdit()
        self.kind.currentIndexChanged.connect(
            lambda: self.points.setEnabled(self.kind.currentData() == "highlight")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("对象"), self.unit)
        form.addRow(self.tr("日期"), self.on)
        form.addRow(self.tr("加分"), self.points)
        form.addRow(self.tr("事由"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept_if_complete(self) -> None:
        """A mark without its reason stays open with what was typed (the record would be refused anyway)."""
        if not self.reason.text().strip():
            show_error(self, ValidationFailed([Issue(self.tr("事由"), self.tr("请写明理由"))]))
            self.reason.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, str, str, object, float]:
        kind = self.kind.currentData()
        points = self.points.value() if kind == "highlight" else 0.0
        return kind, self.unit.currentData(), self.reason.text(), self.on.date().toPython(), points
