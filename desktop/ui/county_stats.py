"""The 统计 page of a county laptop (issue 29): the townships ranked from the months they closed, or the
county's own units (a switch), for a month or a quarter, and the county's report (PDF or Excel) from here.
The figures are desktop.services.county_stats' (the server's arithmetic); this page only shows them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import county_report

from . import printing
from .common import read_only_table, save_file_name, show_error
from .plain import inform, plain_label


class CountyStatsPage(QWidget):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        today = ws.now().date()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.period = QComboBox()  # the county ranks closed months and quarters
        for month in range(1, 13):
            self.period.addItem(self.tr("{0}月").format(month), f"-{month:02d}")
        for quarter in range(1, 5):
            self.period.addItem(self.tr("第{0}季度").format(quarter), f"-Q{quarter}")
        self.period.setCurrentIndex(max(today.month - 2, 0))  # last month: the one the townships closed
        self.by = QComboBox()
        self.by.addItem(self.tr("按乡镇排名"), "township")
        self.by.addItem(self.tr("按县直单位"), "unit")
        self.year.valueChanged.connect(self.refresh)
        self.period.currentIndexChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        self.title = plain_label()
        self.title.setStyleSheet("font-weight: bold")
        self.table = read_only_table([], self.tr("本期没有数据"))
        self.note = plain_label(self.tr("按各乡镇月结发布的数据排名；未月结的乡镇列在最后，不排名。"))
        self.note.setWordWrap(True)
        export = QPushButton(self.tr("导出县级通报…"))
        export.setToolTip(self.tr("乡镇排名和县直单位，PDF 或 Excel"))
        export.clicked.connect(self._ask_and_export)
        top = QHBoxLayout()
        for w in (plain_label(self.tr("年")), self.year, self.period, self.by):
            top.addWidget(w)
        top.addStretch()
        top.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        worker.hub.subscribe(self, {"matters", "periods", "orgs"}, lambda _changes: self.refresh())
        self.report: county_report.CountyReport | None = None
        self.refresh()

    def period_text(self) -> str:
        return f"{self.year.value()}{self.period.currentData()}"

    def refresh(self) -> None:
        period = self.period_text()
        self.worker.submit(
            lambda: county_report.make(self.ws, period), self._show, lambda e: show_error(self, e)
        )

    def header(self, name: str) -> str:
        """A column's name in the window's language: written out, so that lupdate finds each (a tr() of a
        variable is never translated)."""
        names = {
            "名次": self.tr("名次"),
            "乡镇": self.tr("乡镇"),
            "区划代码": self.tr("区划代码"),
            "得分": self.tr("得分"),
            "单位": self.tr("单位"),
            "公式分": self.tr("公式分"),
            "亮点分": self.tr("亮点分"),
            "总分": self.tr("总分"),
            "立案": self.tr("立案"),
            "化解": self.tr("化解"),
            "办结": self.tr("办结"),
            "化解率": self.tr("化解率"),
            "办结率": self.tr("办结率"),
            "按期办结率": self.tr("按期办结率"),
            "调解成功率": self.tr("调解成功率"),
            "满意率": self.tr("满意率"),
            "卷宗归档率": self.tr("卷宗归档率"),
            "回访率": self.tr("回访率"),
            "说明": self.tr("说明"),
        }
        return names.get(name, name)

    def _show(self, report: county_report.CountyReport) -> None:
        self.report = report
        if self.by.currentData() == "township":
            from sync.core.domain.county_ranking import COLUMNS

            headers = [self.header(name) for name, _, _ in COLUMNS]
            rows = [
                county_report.township_cells(report.ranking, r)
                for r in [*report.ranking.rows, report.ranking.total]
            ]
            self.title.setText(report.ranking.title)
        else:
            headers = [self.header(name) for name, _, _ in county_report.UNIT_COLUMNS[:13]]
            rows = [county_report.unit_cells(u) for u in report.units]
            self.title.setText(report.units_title)  # the county units' own, not 全县… (review 73)
        self.note.setVisible(self.by.currentData() == "township")
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _ask_and_export(self) -> None:
        path = save_file_name(
            self,
            self.tr("导出县级通报"),
            self.tr("县级通报{0}.pdf").format(self.period_text()),
            self.tr("PDF 或 Excel (*.pdf *.xlsx)"),
        )
        if path:
            self.export_to(path)
            inform(self, self.tr("导出县级通报"), self.tr("已导出：{0}").format(path))

    def export_to(self, path: str) -> None:
        if self.report is None:
            return
        if path.lower().endswith(".xlsx"):
            county_report.save_xlsx(self.report, path)
        else:
            printing.save(county_report.document(self.report), path)
