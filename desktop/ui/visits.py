"""走访: the quick visit form (household by search, when, purpose, findings) and the page listing the visits.
A household's visits are also listed on its card (household_card.py); a visit that found a dispute opens the
report form filled in from it."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import desk, household_card, lists, visits
from desktop.services.errors import Issue
from desktop.services.visits import VisitInput
from sync.core.domain.visits import PURPOSES

from .common import flowing, show_error, side_by_side
from .forms import FormDialog
from .labels import label
from .paged import TYPING_PAUSE_MS, Column, PagedModel, table_for
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
        self.findings.setMinimumHeight(90)  # fills its row: a fixed one sat centred, 45 px below the label
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


class VisitsPage(QWidget):
    """走访: the visits to households in scope, latest first, filtered by village, grid, dates and follow-up;
    a double click (or Enter) opens the household."""

    household_opened = Signal(str)
    visit_requested = Signal()

    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.village = QComboBox()
        self.grid = QComboBox()
        self.places_changed()
        self.use_dates = QCheckBox(self.tr("走访日期"))
        today = QDate.fromString(ws.now().date().isoformat(), "yyyy-MM-dd")
        self.date_from, self.date_to = QDateEdit(today.addMonths(-1)), QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.dateChanged.connect(self.refresh)
        self.follow_up = QCheckBox(self.tr("只看需要跟进的"))
        for box in (self.use_dates, self.follow_up):
            box.toggled.connect(self.refresh)
        self.village.currentIndexChanged.connect(self._village_chosen)
        self.grid.currentIndexChanged.connect(self.refresh)
        new = QPushButton(self.tr("登记走访 (Ctrl+N)"))
        new.clicked.connect(self.visit_requested)
        self.count = plain_label()
        columns = [
            Column(self.tr("走访时间"), lambda r: r.visited_at.strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("村/社区"), lambda r: r.village),
            Column(self.tr("户号"), lambda r: r.number),
            Column(self.tr("网格"), lambda r: r.grid),
            Column(self.tr("走访人"), lambda r: r.visitor),
            Column(self.tr("目的"), lambda r: label(r.purpose)),
            Column(self.tr("跟进"), lambda r: self.tr("需要跟进") if r.needs_follow_up else ""),
            Column(self.tr("走访情况"), lambda r: r.findings),
        ]
        self.model = PagedModel(worker, columns, self._fetcher(), self)
        self.model.loaded.connect(lambda total: self.count.setText(self.tr("共 %n 次走访", "", total)))
        self.model.failed.connect(lambda e: show_error(self, e))
        self.table = table_for(self.model, self.tr("没有符合条件的走访记录。"))
        self.table.doubleClicked.connect(self.open_household)
        self.table.activated.connect(self.open_household)
        # The filters wrap onto more lines as the window narrows (125 %, English).
        filters, _ = flowing(
            self.village,
            self.grid,
            side_by_side(self.use_dates, self.date_from, plain_label("—"), self.date_to),
            self.follow_up,
        )
        top = QHBoxLayout()
        top.addWidget(filters, 1)
        top.addWidget(new)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        worker.hub.subscribe(self, {"visits", "households"}, lambda _changes: self.refresh())
        self.refresh()

    def places_changed(self) -> None:
        for combo, everything, items in (
            (self.village, self.tr("全部村（社区）"), [(v.id, v.name) for v in self.places.villages]),
            (self.grid, self.tr("全部网格"), self._grids()),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _grids(self) -> list:
        village = self.village.currentData() if self.village.count() else None
        return [(g.id, g.name) for g in self.places.grids if village is None or g.parent_id == village]

    def _village_chosen(self) -> None:
        self.places_changed()  # the grids of the village chosen
        self.refresh()

    def _fetcher(self):
        """The query as it stands now, frozen: the worker must not read widgets from its thread."""
        dated = self.use_dates.isChecked()
        options = {
            "village_id": self.village.currentData(),
            "grid_id": self.grid.currentData(),
            "date_from": date.fromisoformat(self.date_from.date().toString("yyyy-MM-dd")) if dated else None,
            "date_to": date.fromisoformat(self.date_to.date().toString("yyyy-MM-dd")) if dated else None,
            "follow_up_only": self.follow_up.isChecked(),
        }
        return lambda offset, limit: lists.visits(self.ws, offset=offset, limit=limit, **options)

    def refresh(self) -> None:
        self.model.reload(self._fetcher())

    def show_this_month(self) -> None:
        """The desk's 本月走访 tile: this month's visits in scope and nothing else narrowing them, so the list
        holds exactly the tile's count (desk.month_visits is what both use)."""
        month = desk.month_visits(self.ws)
        controls = (self.village, self.grid, self.use_dates, self.date_from, self.date_to, self.follow_up)
        for control in controls:
            control.blockSignals(True)
        self.village.setCurrentIndex(0)
        self.places_changed()  # every village's grids again
        self.grid.setCurrentIndex(0)
        self.use_dates.setChecked(True)
        self.follow_up.setChecked(False)
        for edit, day in ((self.date_from, month["date_from"]), (self.date_to, month["date_to"])):
            edit.setDate(QDate.fromString(day.isoformat(), "yyyy-MM-dd"))
        for control in controls:
            control.blockSignals(False)
        self.refresh()

    def open_household(self, index) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.household_opened.emit(row.household_id)
