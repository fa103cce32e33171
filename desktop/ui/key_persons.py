"""重点人员: each flagged resident with their 稳控 plan (category, 包保责任人, contact frequency), the
contacts made and the next one due, and the matters and visits that concern them; the plan and each contact
are entered here. Opened from the desk's 重点人员 tile (everyone) or its 待走访 tile (those due, overdue
first)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.services import choices, key_persons
from desktop.services.key_persons import ContactInput, PlanInput
from sync.core.domain import key_persons as rules
from sync.core.domain.roles import Permission

from .common import read_only_table, show_error, when
from .forms import FormDialog
from .labels import label
from .plain import ask, plain_label

KINDS = {"key_person_plans", "key_person_contacts", "persons", "visits", "matters"}
OVERDUE = QColor("#FFC7C7")


def _date_edit(day: date) -> QDateEdit:
    w = QDateEdit(QDate(day.year, day.month, day.day))
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    return w


def _day(w: QDateEdit) -> date:
    return date.fromisoformat(w.date().toString("yyyy-MM-dd"))


class PlanDialog(FormDialog):
    """A 重点人员's 稳控 plan: category, 包保责任人, the measures, how often to see them, since when."""

    def __init__(self, ws, worker, person, keepers, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.person = ws, worker, person
        self.setWindowTitle(self.tr("稳控方案 — {0}").format(person.name))
        self.ask_before_discarding = True
        self.category = QComboBox()
        for c in rules.CATEGORIES:
            self.category.addItem(label(c), c)
        self.keeper = QComboBox()
        self.keeper.addItem(self.tr("（请选择）"), None)
        for place in keepers:
            self.keeper.addItem(place.name, place.id.removeprefix("account:"))
        self.plan = QPlainTextEdit()
        self.plan.setFixedHeight(110)
        self.every = QSpinBox()
        self.every.setRange(0, 1000)
        self.every.setValue(person.every_days or 30)
        self.every.setSuffix(self.tr(" 天"))
        self.since = _date_edit(ws.now().date())
        if person.plan_id:  # the plan in force, to change
            self.category.setCurrentIndex(max(0, self.category.findData(person.category)))
            self.keeper.setCurrentIndex(max(0, self.keeper.findText(person.keeper)))
            self.plan.setPlainText(person.plan)
        self.form.add(self.tr("类别"), self.category)
        self.form.add(self.tr("包保责任人"), self.keeper)
        self.form.add(self.tr("稳控措施"), self.plan)
        self.form.add(self.tr("走访频次（天）"), self.every)
        self.form.add(self.tr("列管日期"), self.since)
        self.lay_out(self.submit, self.tr("保存方案"))
        self.resize(520, self.sizeHint().height())

    def values(self) -> PlanInput:
        return PlanInput(
            self.category.currentData(),
            self.keeper.currentData() or "",
            self.plan.toPlainText(),
            self.every.value(),
            _day(self.since),
        )

    def submit(self) -> None:
        data = self.values()
        self.worker.submit(
            lambda: key_persons.save_plan(self.ws, self.person.id, data), self.saved_ok, self.show_failure
        )

    def saved_ok(self, _changed) -> None:
        self.accept()


class ContactDialog(FormDialog):
    """One contact with a 重点人员: when, how, what was seen."""

    def __init__(self, ws, worker, person, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.person = ws, worker, person
        self.setWindowTitle(self.tr("记录走访 — {0}").format(person.name))
        self.ask_before_discarding = True
        self.on = _date_edit(ws.now().date())
        self.way = QComboBox()
        for w in rules.WAYS:
            self.way.addItem(label(w), w)
        self.seen = QPlainTextEdit()
        self.seen.setFixedHeight(110)
        self.form.add(self.tr("走访日期"), self.on)
        self.form.add(self.tr("方式"), self.way)
        self.form.add(self.tr("见到的情况"), self.seen)
        self.lay_out(self.submit, self.tr("保存"))
        self.resize(480, self.sizeHint().height())

    def submit(self) -> None:
        data = ContactInput(_day(self.on), self.way.currentData(), self.seen.toPlainText())
        self.worker.submit(
            lambda: key_persons.record_contact(self.ws, self.person.id, data),
            lambda _c: self.accept(),
            self.show_failure,
        )


class KeyPersonsDialog(QDialog):
    def __init__(self, ws, worker, parent=None, due_only: bool = False):
        super().__init__(parent)
        self.ws, self.worker, self.due_only = ws, worker, due_only
        self.people: list = []
        self.keepers: tuple = ()
        self.setWindowTitle(self.tr("重点人员 待走访") if due_only else self.tr("重点人员"))
        self.summary = plain_label(self.tr("正在读取…"))
        headers = [
            self.tr("姓名"),
            self.tr("村/社区"),
            self.tr("类别"),
            self.tr("包保责任人"),
            self.tr("频次"),
            self.tr("上次走访"),
            self.tr("应走访日期"),
            self.tr("手机号"),
            self.tr("在办事项"),
            self.tr("相关事项"),
        ]
        empty = (
            self.tr("没有到期待走访的重点人员。")
            if due_only
            else self.tr("没有列为重点人员的居民。在居民信息里勾选“重点人员”即可列入。")
        )
        self.table = read_only_table(headers, empty)
        self.table.itemSelectionChanged.connect(self._selected)
        self.plan_button = QPushButton(self.tr("稳控方案…"))
        self.plan_button.clicked.connect(self.edit_plan)
        self.contact_button = QPushButton(self.tr("记录走访…"))
        self.contact_button.clicked.connect(self.record_contact)
        self.end_button = QPushButton(self.tr("解除列管…"))
        self.end_button.clicked.connect(self.end_plan)
        self.end_button.setVisible(ws.may(Permission.EDIT_RESIDENTS))
        # the selected person's contacts, latest first: what the 包保责任人 saw each time
        self.history = plain_label()
        self.history.setWordWrap(True)
        self.plan_button.setVisible(ws.may(Permission.EDIT_RESIDENTS))
        self.contact_button.setVisible(ws.may(Permission.LOG_VISIT))
        actions = QHBoxLayout()
        actions.addWidget(self.plan_button)
        actions.addWidget(self.contact_button)
        actions.addWidget(self.end_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.history)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self._selected()
        worker.hub.subscribe(self, KINDS, lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        read = key_persons.due if self.due_only else key_persons.key_persons
        self.worker.submit(
            lambda: (read(self.ws), choices.places(self.ws).people),
            self._show,
            lambda e: show_error(self, e),
        )

    def _show(self, found) -> None:
        people, self.keepers = found
        self.people = people
        today = self.ws.now().date()
        late = sum(1 for p in people if p.next_due is not None and p.next_due < today)
        if self.due_only:
            text = self.tr("共 {0} 名重点人员到期待走访，其中 {1} 名已逾期").format(len(people), late)
        elif people:
            text = self.tr("共 {0} 名重点人员，其中 {1} 名有在办事项，{2} 名走访已逾期").format(
                len(people), sum(1 for p in people if p.open_matters), late
            )
        else:
            text = self.tr("没有列为重点人员的居民。在居民信息中勾选“列为重点人员”即可加入。")
        self.summary.setText(text)
        self.table.setRowCount(len(people))
        for i, p in enumerate(people):
            matters = "；".join(f"{serial} {title}（{status}）" for serial, title, status, _ in p.matters)
            overdue = p.next_due is not None and p.next_due < today
            due = when(p.next_due) + (
                self.tr("（逾期{0}天）").format(rules.overdue_days(p.next_due, today)) if overdue else ""
            )
            values = [
                p.name,
                p.village,
                label(p.category) if p.category else self.tr("（未定方案）"),
                p.keeper,
                self.tr("{0}天").format(p.every_days) if p.every_days else "",
                when(p.last_contact),
                due,
                p.mobile,
                str(p.open_matters),
                matters,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if overdue and column == 6:
                    item.setBackground(OVERDUE)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        self._selected()

    def current(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.people[rows[0].row()] if rows and rows[0].row() < len(self.people) else None

    def _selected(self) -> None:
        person = self.current()
        self.plan_button.setEnabled(person is not None)
        self.contact_button.setEnabled(person is not None)
        self.end_button.setEnabled(person is not None and person.plan_id is not None)
        self.history.clear()
        if person is not None:
            self.worker.submit(
                lambda: key_persons.contacts(self.ws, person.id),
                lambda lines: self._show_history(person, lines),
                lambda e: show_error(self, e),
            )

    def _show_history(self, person, lines) -> None:
        if person is not self.current():
            return  # another row was chosen meanwhile
        if not lines:
            self.history.setText(self.tr("{0}：还没有走访记录").format(person.name))
            return
        shown = [
            self.tr("{0} {1}（{2}）：{3}").format(when(c.on), label(c.way), c.by, c.seen) for c in lines[:5]
        ]
        more = self.tr("（另有 {0} 次更早的走访）").format(len(lines) - 5) if len(lines) > 5 else ""
        self.history.setText(self.tr("{0} 的走访记录：").format(person.name) + "\n" + "\n".join(shown) + more)

    def end_plan(self) -> None:
        person = self.current()
        if person is None or person.plan_id is None:
            return
        question = self.tr("解除 {0} 的列管？稳控方案到今天为止，不再提醒走访。").format(person.name)
        if ask(self, self.tr("解除列管"), question) != QMessageBox.StandardButton.Yes:
            return
        self.worker.submit(
            lambda: key_persons.end_plan(self.ws, person.id, self.ws.now().date()),
            lambda _changed: self.refresh(),
            lambda e: show_error(self, e),
        )

    def edit_plan(self) -> PlanDialog | None:
        person = self.current()
        if person is None:
            return None
        dialog = PlanDialog(self.ws, self.worker, person, self.keepers, self)
        dialog.open()
        return dialog

    def record_contact(self) -> ContactDialog | None:
        person = self.current()
        if person is None:
            return None
        dialog = ContactDialog(self.ws, self.worker, person, self)
        dialog.open()
        return dialog
