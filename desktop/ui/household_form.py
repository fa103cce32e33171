"""The household form: a new household, or one's village, grid, number and address changed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.services import residents
from desktop.services.residents import HouseholdInput

from .forms import FormDialog
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
