"""统计: measures by village, grid, unit, team or handler for a month, quarter or year, from raw counts, with
ranking and a chart."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import assessment_report, stats

from . import printing
from .common import BarChart, run_with_progress, save_file_name, show_error
from .plain import inform, plain_label


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


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
        ):
            self.by.addItem(label, key)
        self.year.valueChanged.connect(self.refresh)
        self.period.currentIndexChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        headers = [
            self.tr("名次"),
            self.tr("单位"),
            self.tr("得分"),
            self.tr("立案"),
            self.tr("办结"),
            self.tr("化解率"),
            self.tr("办结率"),
            self.tr("按期办结率"),
            self.tr("调解成功率"),
            self.tr("满意率"),
            self.tr("卷宗归档率"),
            self.tr("督办"),
            self.tr("包案"),
            self.tr("重复件"),
            self.tr("群体性"),
            self.tr("提级"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
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
        top.addWidget(export)
        top.addWidget(dossiers)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 1)
        worker.hub.subscribe(
            self, {"matters", "follow_ups", "mediation_sessions", "config"}, lambda _changes: self.refresh()
        )
        self.refresh()

    def period_text(self) -> str:
        return f"{self.year.value()}{self.period.currentData()}"

    def _ask_and_export(self) -> None:
        name = self.tr("{0} 考核报表.pdf").format(self.period_text())
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
        name = self.tr("{0} 卷宗.zip").format(self.period_text())
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
        start, end = stats.period_bounds(self.period_text())
        by = self.by.currentData()
        self.worker.submit(
            lambda: stats.assessment(self.ws, start, end, by), self._show, lambda e: show_error(self, e)
        )

    def _show(self, units) -> None:
        self.units = units
        self.table.setRowCount(len(units))
        for r, u in enumerate(units):
            c, m = u.counts, u.measures
            values = [
                u.place,
                u.name,
                f"{u.score:.1f}",
                c.registered,
                c.closed,
                percent(m.resolution_rate),
                percent(m.completion_rate),
                percent(m.on_time_rate),
                percent(m.mediation_success_rate),
                percent(m.satisfaction_rate),
                percent(m.archive_rate),
                c.supervised,
                c.in_charge,
                c.repeat_orders,
                c.group_matters,
                c.escalations,
            ]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.chart.set_items(
            [(u.name, (u.measures.resolution_rate or 0) * 100) for u in units[:12]], "{:.0f}%"
        )
