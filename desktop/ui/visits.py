"""走访: the quick visit form (household by search, purpose, findings). A household's visits are listed on its
card (household_card.py); a visit that found a dispute opens the report form filled in from it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from desktop.services import household_card, lists, visits
from desktop.services.errors import Issue
from desktop.services.visits import VisitInput
from sync.core.domain.visits import PURPOSES

from .forms import FormDialog
from .labels import label
from .paged import TYPING_PAUSE_MS
from .plain import plain_label


def qt_time(moment: datetime) -> QDateTime:
    return QDateTime.fromString(moment.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def py_time(moment: QDateTime) -> datetime:
    return datetime.strptime(moment.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")


class VisitDialog(FormDialog):
    """Made for speed: type a name, pick the household with the arrow keys, write what was found, Enter."""

    found_dispute = Signal(object)  # a MatterInput pre-filled from the visit

    def __init__(self, ws, worker, household_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ask_before_discarding = True
        self.ws, self.worker = ws, worker
        self.setWindowTitle(self.tr("登记走访"))
        # The household is named (village and 户号) whether it came with the form or was searched for.
        self.household_label = self.form.add(self.tr("走访户"), plain_label())
        self.household_label.setStyleSheet("font-weight: bold")
        self.search = self.form.add(self.tr("户（搜索）"), QLineEdit())
        self.search.setPlaceholderText(self.tr("输入姓名、户号或地址"))
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.currentItemChanged.connect(
            lambda item, _old: item is not None and self.household_label.setText(item.text())
        )
        self.form.addRow("", self.results)
        # When the visit was: now unless it is written up later (a visit the evening before); never ahead.
        self.visited_at = self.form.add(self.tr("走访时间"), QDateTimeEdit(qt_time(ws.now())))
        self.visited_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.visited_at.setCalendarPopup(True)
        self.visited_at.setMaximumDateTime(qt_time(ws.now()))
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
            self.household_label.setText(self.tr("正在读取…"))
            self.form.setRowVisible(self.search.parentWidget(), False)
            self.form.setRowVisible(self.results, False)
            worker.submit(
                lambda: household_card.household_detail(ws, household_id), self._named, self.show_failure
            )
        else:
            self.household_label.setText(self.tr("（请在下面搜索并选中一户）"))
        self.resize(520, 500)

    def _named(self, d) -> None:
        head = next((m.name for m in d.members if m.relation == "户主"), "")
        self.household_label.setText(f"{d.village} {d.number}号　{head}　{d.address}".strip())

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
            household,
            self.purpose_value(),
            self.findings.toPlainText(),
            self.follow_up.isChecked(),
            visited_at=py_time(self.visited_at.dateTime()),
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
