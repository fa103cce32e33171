"""统计: measures by village, grid or handler for a month, from raw counts, with ranking and a chart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import stats

from .common import BarChart, show_error


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class StatsPage(QWidget):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        today = ws.now().date()
        self.year, self.month = QSpinBox(), QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.by = QComboBox()
        for key, label in (
            ("village", self.tr("按村（社区）")),
            ("grid", self.tr("按网格")),
            ("handler", self.tr("按承办单位/人")),
        ):
            self.by.addItem(label, key)
        for w in (self.year, self.month):
            w.valueChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        headers = [self.tr("名次"), self.tr("单位"), self.tr("得分"), self.tr("立案"), self.tr("办结"), self.tr("化解率"),
                   self.tr("按期办结率"), self.tr("调解成功率"), self.tr("满意率"), self.tr("重复件"), self.tr("群体性"),
                   self.tr("上报上级")]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = BarChart(self.tr("化解率"))
        top = QHBoxLayout()
        for w in (QLabel(self.tr("年")), self.year, QLabel(self.tr("月")), self.month, self.by):
            top.addWidget(w)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 1)
        worker.hub.subscribe(self, {"matters", "follow_ups", "mediation_sessions", "config"},
                             lambda _changes: self.refresh())  # fmt: skip
        self.refresh()

    def refresh(self) -> None:
        year, month, by = self.year.value(), self.month.value(), self.by.currentData()
        self.worker.submit(
            lambda: stats.month(self.ws, year, month, by), self._show, lambda e: show_error(self, e)
        )

    def _show(self, units) -> None:
        self.units = units
        self.table.setRowCount(len(units))
        for r, u in enumerate(units):
            c, m = u.counts, u.measures
            values = [u.place, u.name, f"{u.score:.1f}", c.registered, c.closed, percent(m.resolution_rate),
                      percent(m.on_time_rate), percent(m.mediation_success_rate), percent(m.satisfaction_rate),
                      c.repeat_orders, c.group_matters, c.escalations]  # fmt: skip
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.chart.set_items(
            [(u.name, (u.measures.resolution_rate or 0) * 100) for u in units[:12]], "{:.0f}%"
        )
