"""走访: the quick visit form (household by search, purpose, findings). A household's visits are listed on its
card (household_card.py); a visit that found a dispute opens the report form filled in from it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from desktop.services import lists, visits
from desktop.services.errors import Issue
from desktop.services.visits import VisitInput
from sync.core.domain.visits import PURPOSES

from .forms import FormDialog
from .labels import label
from .paged import TYPING_PAUSE_MS


class VisitDialog(FormDialog):
    """Made for speed: type a name, pick the household with the arrow keys, write what was found, Enter."""

    found_dispute = Signal(object)  # a MatterInput pre-filled from the visit

    def __init__(self, ws, worker, household_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.setWindowTitle(self.tr("登记走访"))
        self.search = self.form.add(self.tr("户（搜索）"), QLineEdit())
        self.search.setPlaceholderText(self.tr("输入姓名、户号或地址"))
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.form.addRow("", self.results)
        self.purpose = self.form.add(self.tr("走访目的"), QComboBox())
        self.purpose.setEditable(True)
        for purpose in PURPOSES:  # shown translated, stored as the source word
            self.purpose.addItem(label(purpose), purpose)
        self.findings = self.form.add(self.tr("走访情况"), QPlainTextEdit())
        self.findings.setFixedHeight(90)
        self.follow_up = self.form.add(self.tr("需要跟进"), QCheckBox())
        self.dispute = self.form.add(self.tr("发现矛盾纠纷"), QCheckBox(self.tr("保存后填写上报表")))
        self.lay_out(self.save)
        self._debounce = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self._find)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(lambda: self.results.setFocus())
        self.household_id = household_id
        if household_id:
            self.search.setText(self.tr("（已选定）"))
            self.search.setEnabled(False)
            self.results.hide()
        self.resize(520, 460)

    def _find(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        self._asked = text
        self.worker.submit(
            lambda: lists.households(self.ws, text=text, limit=20), lambda page: self._found(text, page)
        )

    def _found(self, text: str, page) -> None:
        if text != self._asked:  # a later search is on its way
            return
        self.results.clear()
        for row in page.rows:
            self.results.addItem(f"{row.village} {row.number}号　{row.head}　{row.address}")
            self.results.item(self.results.count() - 1).setData(Qt.ItemDataRole.UserRole, row.id)
        if page.rows:
            self.results.setCurrentRow(0)

    def chosen_household(self) -> str | None:
        if self.household_id:
            return self.household_id
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def purpose_value(self) -> str:
        """The chosen purpose in the source language; a purpose typed in is kept as typed."""
        index = self.purpose.currentIndex()
        if index >= 0 and self.purpose.currentText() == self.purpose.itemText(index):
            return self.purpose.itemData(index) or self.purpose.currentText()
        return self.purpose.currentText()

    def save(self) -> None:
        household = self.chosen_household()
        if not household:
            self.form.show_issues([Issue(self.tr("户（搜索）"), self.tr("请先搜索并选中一户"))])
            return
        data = VisitInput(
            household, self.purpose_value(), self.findings.toPlainText(), self.follow_up.isChecked()
        )
        self.worker.submit(lambda: visits.log_visit(self.ws, data), self._saved, self.show_failure)

    def _saved(self, changed) -> None:
        self.saved_id = changed.id
        if self.dispute.isChecked():
            self.worker.submit(lambda: visits.matter_from_visit(self.ws, changed.id), self._prefill)
        else:
            self.accept()

    def _prefill(self, form) -> None:
        self.found_dispute.emit(form)
        self.accept()
