"""设置 › 节假日: the township's holidays and 调休 working days per year. The years the calendar knows (built
in or entered); one year's days in an editable table, saved or withdrawn; or a sheet imported (日期, 类型
休/班, 名称). The table is checked as a sheet is, each bad row named with its reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import calendar
from sync.core.domain import calendar as rules

from .common import say, show_error
from .plain import inform, plain_label, warn


class CalendarTab(QWidget):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.lines: list[calendar.YearLine] = []
        self.import_report: calendar.ImportReport | None = None
        self.years = QListWidget()
        self.years.currentItemChanged.connect(self._pick)
        self.year = QSpinBox()
        self.year.setRange(rules.FIRST_YEAR, rules.LAST_YEAR)
        self.year.setValue(date.today().year + 1)
        self.year.setPrefix(self.tr("年份 "))
        self.days = QTableWidget(0, 3)
        self.days.setHorizontalHeaderLabels([self.tr("日期"), self.tr("类型（休/班）"), self.tr("名称")])
        self.days.horizontalHeader().setStretchLastSection(True)
        note = plain_label(
            self.tr(
                "法定节假日以国务院办公厅每年发布的通知为准。未录入的年份，期限按周一至周五计算，"
                "并在事项和工作台上提示。表格导入：第一行为表头“日期、类型、名称”，类型填“休”或“班”。"
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("添加一行"), self.add_row),
            (self.tr("删除选中行"), self.remove_rows),
            (self.tr("保存本年"), self.save),
            (self.tr("撤销本年录入"), self.withdraw),
            (self.tr("从表格导入…"), self.import_sheet),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.year)
        right.addWidget(self.days)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.years, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(body)
        worker.hub.subscribe(self, {"config"}, lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(lambda: calendar.years(self.ws), self._show_years, self._error)

    def _show_years(self, lines: list[calendar.YearLine]) -> None:
        self.lines = lines
        chosen = self.year.value()
        self.years.clear()
        for line in lines:
            text = self.tr("{0}年（{1}）：放假{2}天，调休上班{3}天").format(
                line.year, line.source, line.holidays, line.workdays
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, line.year)
            self.years.addItem(item)
            if line.year == chosen:
                self.years.setCurrentItem(item)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        year = item.data(Qt.ItemDataRole.UserRole)
        line = next((x for x in self.lines if x.year == year), None)
        self.year.setValue(year)
        self.days.setRowCount(0)
        for day in line.days if line else ():
            self.add_row(day.on.isoformat(), day.kind, day.name)

    def add_row(self, on: str = "", kind: str = rules.HOLIDAY, name: str = "") -> None:
        r = self.days.rowCount()
        self.days.insertRow(r)
        for c, text in enumerate((on or f"{self.year.value()}-", kind, name)):
            self.days.setItem(r, c, QTableWidgetItem(text))

    def remove_rows(self) -> None:
        for r in sorted({i.row() for i in self.days.selectedIndexes()}, reverse=True):
            self.days.removeRow(r)

    def _cells(self, r: int) -> list[str]:
        return [(self.days.item(r, c).text() if self.days.item(r, c) else "") for c in range(3)]

    def save(self) -> None:
        """The table read as a sheet would be: a bad row is named with its reason and nothing is saved."""
        rows = [list(rules.HEADERS)] + [self._cells(r) for r in range(self.days.rowCount())]
        found = rules.read_rows(rows)
        year = self.year.value()
        if found.refused or set(found.years) - {year}:
            lines = [self.tr("第 {0} 行：{1}").format(i.row - 1, say(i.reason)) for i in found.refused]
            lines += [
                self.tr("{0} 不在 {1} 年").format(d.on.isoformat(), year)
                for y, days in found.years.items()
                if y != year
                for d in days
            ]
            warn(self, self.tr("节假日"), "\n".join(lines))
            return
        days = found.years.get(year, [])
        self.worker.submit(lambda: calendar.save_year(self.ws, year, days), None, self._error)

    def withdraw(self) -> None:
        year = self.year.value()
        self.worker.submit(lambda: calendar.remove_year(self.ws, year), None, self._error)

    def import_sheet(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("导入节假日"), "", self.tr("表格 (*.xlsx *.csv)"))
        if name:
            self.import_from(name)

    def import_from(self, name: str) -> None:
        self.worker.submit(lambda: calendar.import_sheet(self.ws, Path(name)), self._imported, self._error)

    def _imported(self, report: calendar.ImportReport) -> None:
        self.import_report = report
        years = "、".join(str(y) for y in report.years) or "—"
        text = self.tr("已导入（替换该年原有录入）：{0}；期限随之调整的在办事项 {1} 件。")
        text = text.format(years, report.moved)
        if report.refused:
            lines = [self.tr("第 {0} 行：{1}").format(r.row, say(r.reason)) for r in report.refused]
            text += "\n" + self.tr("以下各行未导入：") + "\n" + "\n".join(lines)
        inform(self, self.tr("导入节假日"), text)

    def _error(self, exc: Exception) -> None:
        show_error(self, exc, self.tr("节假日"))
