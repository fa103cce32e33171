"""The household card: one household's members (numbers masked, revealed for entitled roles), its visits and
its matters, with the buttons that edit it, add a member and log a visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import household_card, residents
from sync.core.domain.roles import Permission

from .common import ReadOnlyList, heading, show_error, when
from .household_form import HouseholdDialog
from .labels import label
from .plain import inform, plain_label
from .resident_form import PersonDialog
from .worker import DbWorker

# A household card reads itself again when any of these changes.
CARD_KINDS = {"households", "persons", "visits", "matters"}


class HouseholdCard(QWidget):
    """One household: members (numbers masked, reveal for entitled roles), visits, matters."""

    visit_requested = Signal(str)
    matter_opened = Signal(str)

    def __init__(self, ws, worker: DbWorker, places=None, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.detail = None
        self.wanted: str | None = None  # the household asked for last: an older answer is not shown
        self.title = heading(self.tr("请选择一户"))
        self.info = plain_label()
        self.info.setWordWrap(True)
        self.members = QTableWidget(0, 6)
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("关系"),
                self.tr("性别"),
                self.tr("出生日期"),
                self.tr("身份证号"),
                self.tr("手机号"),
            ]
        )
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        if ws.may(Permission.EDIT_RESIDENTS):
            self.members.cellDoubleClicked.connect(lambda row, _col: self.edit_person(row))
        self.visits = ReadOnlyList(self.tr("还没有走访记录。点“登记走访”记下这次上门。"))
        self.matters = ReadOnlyList(self.tr("这一户没有相关的矛盾纠纷或信访事项。"))
        self.matters.itemDoubleClicked.connect(
            lambda item: self.matter_opened.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.edit = QPushButton(self.tr("修改住户"))
        self.edit.clicked.connect(self.edit_household)
        self.add_person = QPushButton(self.tr("添加成员"))
        self.add_person.clicked.connect(self._add_person)
        self.reveal = QPushButton(self.tr("查看完整号码"))
        self.reveal.clicked.connect(self._reveal)
        self.reveal.setVisible(ws.may(Permission.REVEAL_PERSONAL))
        self.add_person.setVisible(ws.may(Permission.EDIT_RESIDENTS))
        self.edit.setVisible(ws.may(Permission.EDIT_RESIDENTS) and places is not None)
        self.visit = QPushButton(self.tr("登记走访"))
        self.visit.setVisible(ws.may(Permission.LOG_VISIT))
        self.visit.clicked.connect(lambda: self.detail and self.visit_requested.emit(self.detail.id))
        buttons = QHBoxLayout()
        for b in (self.edit, self.add_person, self.reveal, self.visit):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        layout.addWidget(plain_label(self.tr("家庭成员")))
        layout.addWidget(self.members, 3)
        layout.addWidget(plain_label(self.tr("走访记录")))
        layout.addWidget(self.visits, 2)
        layout.addWidget(plain_label(self.tr("相关事项")))
        layout.addWidget(self.matters, 1)
        self._set_enabled(False)
        worker.hub.subscribe(self, CARD_KINDS, lambda _changes: self._reread())

    def _reread(self) -> None:
        if self.detail is not None and self.wanted == self.detail.id:
            self.show_household(self.detail.id)

    def waiting(self) -> None:
        """The row chosen is still being read: nothing shown, nothing to act on."""
        self.clear()
        self.title.setText(self.tr("正在读取…"))

    def clear(self) -> None:
        self.detail = None
        self.wanted = None
        self._set_enabled(False)
        self.title.setText(self.tr("请选择一户"))
        self.visit.setText(self.tr("登记走访"))
        self.info.clear()
        self.members.setRowCount(0)
        self.visits.clear()
        self.matters.clear()

    def _set_enabled(self, enabled: bool) -> None:
        for b in (self.edit, self.add_person, self.reveal, self.visit):
            b.setEnabled(enabled)

    def show_household(self, household_id: str) -> None:
        self.wanted = household_id
        if self.detail is not None and self.detail.id != household_id:
            self._set_enabled(False)  # the buttons act on the household asked for once it is shown
        self.worker.submit(
            lambda: household_card.household_detail(self.ws, household_id),
            self._show,
            lambda e: show_error(self, e),
        )

    def _show(self, d) -> None:
        if d.id != self.wanted:  # another household was chosen while this one was read
            return
        self.detail = d
        self._set_enabled(True)
        self.title.setText(self.tr("{0} {1}号户").format(d.village, d.number))
        self.visit.setText(self.tr("登记走访（{0} {1}号）").format(d.village, d.number))
        tags = "、".join(d.tags) or self.tr("无")
        self.info.setText(
            self.tr("地址：{0}　网格：{1}　标签：{2}").format(d.address, d.grid or self.tr("未分配"), tags)
        )
        self.members.setRowCount(len(d.members))
        for r, p in enumerate(d.members):
            for c, value in enumerate(
                [p.name, label(p.relation), label(p.sex), when(p.birth_date), p.id_number, p.mobile]
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.members.setItem(r, c, item)
        self.members.resizeColumnsToContents()
        self.visits.clear()
        for v in d.visits:
            extra = self.tr("（发现事项 {0}）").format("、".join(v.matters)) if v.matters else ""
            self.visits.addItem(f"{when(v.visited_at)}  {v.visitor}  {v.purpose}：{v.findings}{extra}")
        self.matters.clear()
        for m in d.matters:
            self.matters.addItem(f"{m.serial}  {m.title}")
            self.matters.item(self.matters.count() - 1).setData(Qt.ItemDataRole.UserRole, m.id)

    def _add_person(self) -> None:
        if self.detail:
            PersonDialog(self.ws, self.worker, self.detail.id, self).exec()

    def edit_household(self) -> HouseholdDialog | None:
        if not self.detail:
            return None
        dialog = HouseholdDialog(self.ws, self.worker, self.places, self.detail, self)
        dialog.open()
        return dialog

    def edit_person(self, row: int) -> PersonDialog | None:
        if not self.detail or row < 0:
            return None
        person_id = self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)
        dialog = PersonDialog(self.ws, self.worker, self.detail.id, person_id, self)
        dialog.open()
        return dialog

    def _reveal(self) -> None:
        row = self.members.currentRow()
        if row < 0:
            inform(self, self.tr("查看完整号码"), self.tr("请先选中一位成员"))
            return
        person_id = self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.worker.submit(
            lambda: residents.reveal_person(self.ws, person_id),
            lambda numbers: self._revealed(row, numbers),
            lambda e: show_error(self, e),
        )

    def _revealed(self, row: int, numbers) -> None:
        id_number, mobile = numbers
        self.members.item(row, 4).setText(id_number or "")
        self.members.item(row, 5).setText(mobile or "")
