"""工作台: what needs me today: deadlines turning yellow and red, orders to accept or claim, follow-ups due."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.lifecycle import STATUS_LABELS
from desktop.domain.roles import Role
from desktop.services import details

from .common import BarChart, heading, show_error
from .duplicates import DuplicatesDialog
from .key_persons import KeyPersonsDialog
from .labels import label

DESK_KINDS = {"matters", "visits", "follow_ups", "config", "persons"}  # what the tiles and charts count


class Tile(QFrame):
    clicked = Signal()

    def __init__(self, title: str, colour: str):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"Tile {{ background: {colour}; border-radius: 6px; }}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = heading("—", 22)
        self.label = QLabel(title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.label)

    def mousePressEvent(self, event) -> None:
        self.clicked.emit()


class DeskPage(QWidget):
    open_ledger = Signal(dict)  # filter presets for the ledger
    new_visit = Signal()
    new_matter = Signal()

    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.tiles = {
            "red": Tile(self.tr("已超期"), "#FFC7C7"),
            "yellow": Tile(self.tr("临期"), "#FFF2B3"),
            "open": Tile(self.tr("在办事项"), "#E3EEFA"),
            "to_accept": Tile(self.tr("待我签收"), "#E3F4E1"),
            "to_claim": Tile(self.tr("待认领工单"), "#EFE6F7"),
            "to_register": Tile(self.tr("待立案"), "#F3F3F3"),
            "follow_ups": Tile(self.tr("待回访"), "#F3F3F3"),
            "visits": Tile(self.tr("本月走访"), "#F3F3F3"),
            "confirmations": Tile(self.tr("司法确认申请将到期"), "#FFF2B3"),
            "supervised": Tile(self.tr("督办件"), "#FFE0C2"),
            "warnings": Tile(self.tr("风险预警（易激化）"), "#FFC7C7"),
            "key_persons": Tile(self.tr("重点人员"), "#F3F3F3"),
            "duplicates": Tile(self.tr("重复人员待处理"), "#F3F3F3"),
        }
        if ws.has_role(Role.LEADER):
            self.tiles["in_charge"] = Tile(self.tr("我包的案"), "#E3EEFA")
        presets = {"red": {"colour": "red"}, "yellow": {"colour": "yellow"}, "to_accept": {"status": "dispatched"},
                   "to_claim": {"status": "open_for_claim"}, "to_register": {"status": "reported"},
                   "follow_ups": {"status": "checked"}, "supervised": {"focus": "supervised"},
                   "warnings": {"focus": "warning"}, "in_charge": {"focus": "in_charge"}}  # fmt: skip
        grid = QGridLayout()
        for i, (key, tile) in enumerate(self.tiles.items()):
            grid.addWidget(tile, i // 5, i % 5)
            if key in presets:
                tile.clicked.connect(lambda p=presets[key]: self.open_ledger.emit(p))
        self.tiles["key_persons"].clicked.connect(self.show_key_persons)
        self.tiles["duplicates"].clicked.connect(self.show_duplicates)
        self.by_status = BarChart(self.tr("按状态"))
        self.by_category = BarChart(self.tr("按类别"))
        charts = QHBoxLayout()
        charts.addWidget(self.by_status)
        charts.addWidget(self.by_category)
        visit = QPushButton(self.tr("登记走访 (Ctrl+N)"))
        visit.clicked.connect(self.new_visit)
        matter = QPushButton(self.tr("上报事项 (Ctrl+M)"))
        matter.clicked.connect(self.new_matter)
        buttons = QHBoxLayout()
        buttons.addWidget(visit)
        buttons.addWidget(matter)
        buttons.addStretch()
        self.greeting = heading("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addLayout(buttons)
        layout.addLayout(grid)
        layout.addLayout(charts)
        layout.addStretch()
        worker.hub.subscribe(self, DESK_KINDS, lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.greeting.setText(self.tr("{0}，您好").format(self.ws.actor.display_name))
        self.worker.submit(lambda: details.desk(self.ws), self._show, lambda e: show_error(self, e))

    def show_key_persons(self) -> KeyPersonsDialog:
        dialog = KeyPersonsDialog(self.ws, self.worker, self)
        dialog.open()
        return dialog

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.ws, self.worker, self)
        dialog.open()
        return dialog

    def _show(self, c) -> None:
        self.counts = c
        self.tiles["yellow"].label.setText(
            self.tr("临期（已过{0}%时限）").format(round(c.yellow_ratio * 100))
        )
        for key, value in (("red", c.red), ("yellow", c.yellow), ("open", c.open_matters), ("to_accept", c.to_accept),
                           ("to_claim", c.to_claim), ("to_register", c.to_register), ("follow_ups", c.follow_ups_due),
                           ("visits", c.visits_this_month), ("confirmations", c.confirmations_due),
                           ("supervised", c.supervised), ("warnings", c.warnings), ("key_persons", c.key_persons), ("duplicates", c.duplicates),
                           ("in_charge", c.in_charge)):  # fmt: skip
            if key in self.tiles:
                self.tiles[key].value.setText(str(value))
        self.by_status.set_items(
            [
                (label(STATUS_LABELS.get(k, k)), v)
                for k, v in sorted(c.by_status.items(), key=lambda kv: -kv[1])
            ]
        )
        self.by_category.set_items(sorted(c.by_category.items(), key=lambda kv: -kv[1])[:8])
