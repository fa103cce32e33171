"""The household form: a new household, or one's village, grid, number and address changed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from desktop.services import residents, setup
from desktop.services.residents import HouseholdInput
from sync.core.domain.roles import Permission

from .common import side_by_side
from .forms import FormDialog
from .plain import plain_label
from .worker import DbWorker


class HouseholdDialog(FormDialog):
    def __init__(self, ws, worker: DbWorker, places, detail=None, parent=None):
        super().__init__(parent)
        self.ask_before_discarding = True
        self.ws, self.worker, self.places = ws, worker, places
        self.household_id = detail.id if detail else None
        self.setWindowTitle(self.tr("修改住户") if detail else self.tr("新增住户"))
        self.village = self.form.add(self.tr("村/社区"), QComboBox())
        for v in places.villages:
            self.village.addItem(v.name, v.id)
        if not places.villages:  # a new township: the village is added here rather than the form stopping
            self.new_village = QLineEdit()
            self.new_village.setPlaceholderText(self.tr("还没有村（社区）：写下村名，如 新街村"))
            self.add_village_button = QPushButton(self.tr("添加村（社区）"))
            self.add_village_button.clicked.connect(self.add_village)
            if ws.may(Permission.CONFIGURE):
                adding = side_by_side(self.new_village, self.add_village_button)
                self.form.add(self.tr("村（社区）名称"), adding)
            else:
                self.form.addRow(
                    "", plain_label(self.tr("还没有村（社区）。请管理员在“设置”的“办理规则”页添加。"))
                )
        self.grid = self.form.add(self.tr("网格"), QComboBox())
        self.number = self.form.add(self.tr("户号"), QLineEdit())
        self.address = self.form.add(self.tr("地址"), QLineEdit())
        self.village.currentIndexChanged.connect(self._grids)
        self._grids()
        if detail:  # editing: start from what is stored
            self.village.setCurrentIndex(self.village.findData(detail.village_id))
            self.grid.setCurrentIndex(self.grid.findData(detail.grid_id))
            self.number.setText(detail.number)
            self.address.setText(detail.address)
        self.lay_out(self.save)

    def add_village(self) -> None:
        name = self.new_village.text()
        self.worker.submit(
            lambda: setup.add_village_with_committee(self.ws, name),
            lambda changed: self._village_added(changed.id, name.strip()),
            self.show_failure,
        )

    def _village_added(self, village_id: str, name: str) -> None:
        self.form.clear_issues()
        self.village.addItem(name, village_id)
        self.village.setCurrentIndex(self.village.count() - 1)
        self.form.setRowVisible(self.new_village.parentWidget().parentWidget(), False)
        self.number.setFocus()

    def _grids(self) -> None:
        self.grid.clear()
        for g in self.places.grids:
            if g.parent_id == self.village.currentData():
                self.grid.addItem(g.name, g.id)

    def save(self) -> None:
        data = HouseholdInput(
            self.village.currentData(), self.number.text(), self.address.text(), self.grid.currentData()
        )
        household_id = self.household_id
        self.worker.submit(
            lambda: residents.save_household(self.ws, data, household_id), self.saved, self.show_failure
        )
