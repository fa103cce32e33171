"""住户: the searchable list of households, the household card, and the household and resident forms."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.services import household_card as details
from desktop.services import lists, residents, roster
from desktop.services.residents import HouseholdInput
from sync.core.domain.residents import KEY_PERSON, RELATIONS, PersonFields
from sync.core.domain.roles import Permission

from .common import ACCENT, ReadOnlyList, heading, run_with_progress, show_error, when
from .forms import FormDialog
from .labels import label
from .paged import TYPING_PAUSE_MS, Column, PagedModel, table_for
from .worker import DbWorker

# A household card reads itself again when any of these changes.
CARD_KINDS = {"households", "persons", "visits", "matters"}


class PersonDialog(FormDialog):
    """Add or edit a resident. ID number and phone are checked as soon as the field is left."""

    def __init__(self, ws, worker: DbWorker, household_id: str, person_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.household_id, self.person_id = ws, worker, household_id, person_id
        self.setWindowTitle(self.tr("修改居民信息") if person_id else self.tr("登记居民"))
        self.name = self.form.add(self.tr("姓名"), QLineEdit())
        self.sex = self.form.add(self.tr("性别"), QComboBox())
        for sex in ("", "男", "女"):  # shown in the window's language, stored as the register writes them
            self.sex.addItem(label(sex), sex)
        self.ethnicity = self.form.add(self.tr("民族"), QLineEdit("汉族"))
        self.id_number = self.form.add(self.tr("身份证号"), QLineEdit())
        self.mobile = self.form.add(self.tr("手机号"), QLineEdit())
        self.relation = self.form.add(self.tr("与户主关系"), QComboBox())
        for relation in RELATIONS:
            self.relation.addItem(label(relation), relation)
        self.note = self.form.add(self.tr("备注"), QLineEdit())
        self.key_person = self.form.add(self.tr("重点人员"), QCheckBox(self.tr("列为重点人员（稳控对象）")))
        self.tags: list = []  # the resident's other tags, kept as they are
        self.id_number.editingFinished.connect(self.check)
        self.mobile.editingFinished.connect(self.check)
        self.lay_out(self.save)
        if person_id:
            self.setEnabled(False)  # until the record has arrived
            worker.submit(lambda: residents.person_for_edit(ws, person_id), self._fill, self.show_failure)

    def _fill(self, loaded) -> None:
        _, f = loaded
        self.name.setText(f.name)
        self.sex.setCurrentIndex(max(0, self.sex.findData(f.sex or "")))
        self.ethnicity.setText(f.ethnicity)
        self.id_number.setText(f.id_number)
        self.mobile.setText(f.mobile)
        self._choose_relation(f.relation)
        self.note.setText(f.note)
        self.key_person.setChecked(KEY_PERSON in f.tags)
        self.tags = [t for t in f.tags if t != KEY_PERSON]
        self.setEnabled(True)

    def _choose_relation(self, relation: str) -> None:
        if relation and self.relation.findData(relation) < 0:  # an older or imported word: kept as it is
            self.relation.addItem(label(relation), relation)
        self.relation.setCurrentIndex(max(0, self.relation.findData(relation)))

    def fields(self) -> PersonFields:
        return PersonFields(self.name.text(), self.sex.currentData() or "", self.ethnicity.text(), self.id_number.text(),
                            self.mobile.text(), self.relation.currentData() or "",
                            self.tags + [KEY_PERSON] * self.key_person.isChecked(), self.note.text())  # fmt: skip

    def check(self) -> None:
        """Inline validation of what is there so far: errors and warnings, the rest stays as typed."""
        checked = residents.check_person_fields(self.fields(), self.ws.now().date())
        shown = [i for i in checked.errors + checked.warnings if i.field != "姓名" or self.name.text()]
        self.form.show_issues(shown)
        if checked.fields.sex and not self.sex.currentData():
            self.sex.setCurrentIndex(max(0, self.sex.findData(checked.fields.sex)))

    def save(self) -> None:
        data, person_id = self.fields(), self.person_id
        self.worker.submit(
            lambda: residents.save_person(self.ws, self.household_id, data, person_id),
            self.saved,
            self.show_failure,
        )


class HouseholdDialog(FormDialog):
    def __init__(self, ws, worker: DbWorker, places, detail=None, parent=None):
        super().__init__(parent)
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


class HouseholdCard(QWidget):
    """One household: members (numbers masked, reveal for entitled roles), visits, matters."""

    visit_requested = Signal(str)
    matter_opened = Signal(str)

    def __init__(self, ws, worker: DbWorker, places=None, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.detail = None
        self.title = heading(self.tr("请选择一户"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.members = QTableWidget(0, 6)
        self.members.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("关系"), self.tr("性别"), self.tr("出生日期"),
                                                self.tr("身份证号"), self.tr("手机号")])  # fmt: skip
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
        layout.addWidget(QLabel(self.tr("家庭成员")))
        layout.addWidget(self.members, 3)
        layout.addWidget(QLabel(self.tr("走访记录")))
        layout.addWidget(self.visits, 2)
        layout.addWidget(QLabel(self.tr("相关事项")))
        layout.addWidget(self.matters, 1)
        self._set_enabled(False)
        worker.hub.subscribe(self, CARD_KINDS, lambda _changes: self._reread())

    def _reread(self) -> None:
        if self.detail is not None:
            self.show_household(self.detail.id)

    def clear(self) -> None:
        self.detail = None
        self._set_enabled(False)
        self.title.setText(self.tr("请选择一户"))
        self.info.clear()
        self.members.setRowCount(0)
        self.visits.clear()
        self.matters.clear()

    def _set_enabled(self, enabled: bool) -> None:
        for b in (self.edit, self.add_person, self.reveal, self.visit):
            b.setEnabled(enabled)

    def show_household(self, household_id: str) -> None:
        self.worker.submit(
            lambda: details.household_detail(self.ws, household_id), self._show, lambda e: show_error(self, e)
        )

    def _show(self, d) -> None:
        self.detail = d
        self._set_enabled(True)
        self.title.setText(self.tr("{0} {1}号户").format(d.village, d.number))
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
            QMessageBox.information(self, self.tr("查看完整号码"), self.tr("请先选中一位成员"))
            return
        person_id = self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.worker.submit(lambda: residents.reveal_person(self.ws, person_id), lambda numbers: self._revealed(row, numbers),
                           lambda e: show_error(self, e))  # fmt: skip

    def _revealed(self, row: int, numbers) -> None:
        id_number, mobile = numbers
        self.members.item(row, 4).setText(id_number or "")
        self.members.item(row, 5).setText(mobile or "")


class HouseholdsPage(QWidget):
    """Households in scope: search as you type (name, ID number, phone, address), sort, open the card."""

    visit_requested = Signal(str)
    matter_opened = Signal(str)

    def __init__(self, ws, worker: DbWorker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索姓名、身份证号、手机号、地址、户号…"))
        self.search.setClearButtonEnabled(True)
        self.village = QComboBox()
        self.village.addItem(self.tr("全部村（社区）"), None)
        for v in places.villages:
            self.village.addItem(v.name, v.id)
        self.count = QLabel()
        add = QPushButton(self.tr("新增住户"))
        add.clicked.connect(self._add)
        imp = QPushButton(self.tr("导入花名册…"))
        imp.clicked.connect(self._import)
        for b in (add, imp):
            b.setVisible(ws.may(Permission.EDIT_RESIDENTS))
        export = QPushButton(self.tr("导出…"))
        export.clicked.connect(self._export)
        self._debounce = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.village.currentIndexChanged.connect(self.refresh)
        columns = [
            Column(self.tr("户号"), lambda r: r.number), Column(self.tr("户主"), lambda r: r.head),
            Column(self.tr("人数"), lambda r: r.members), Column(self.tr("村/社区"), lambda r: r.village),
            Column(self.tr("网格"), lambda r: r.grid), Column(self.tr("地址"), lambda r: r.address),
            Column(self.tr("电话"), lambda r: r.phone), Column(self.tr("匹配"), lambda r: " ".join(label(w) for w in r.matched), colour=ACCENT, bold=True),
        ]  # fmt: skip
        self._order, self._descending = "number", False
        self.model = PagedModel(worker, columns, self._fetcher(), self)
        self.model.loaded.connect(self._loaded)
        self.model.searching.connect(lambda busy: busy and self.count.setText(self.tr("正在搜索…")))
        self.model.failed.connect(lambda e: show_error(self, e))
        empty = self.tr("没有找到住户。换个关键字，或点“新增住户”“导入花名册…”登记。")
        self.table = table_for(self.model, empty)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sectionClicked.connect(self._sort)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.card = HouseholdCard(ws, worker, places)
        self.card.visit_requested.connect(self.visit_requested)
        self.card.matter_opened.connect(self.matter_opened)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.village, 1)
        top.addWidget(add)
        top.addWidget(imp)
        top.addWidget(export)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.card)
        self.splitter.setSizes([640, 480])
        state = QSettings().value("households/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: QSettings().setValue("households/splitter", self.splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        worker.hub.subscribe(self, {"households", "persons"}, lambda _changes: self.refresh())
        self.refresh()

    def _fetcher(self):
        """The query as it stands now, frozen: the worker must not read widgets from its thread."""
        text, village, order, descending = (
            self.search.text(),
            self.village.currentData(),
            self._order,
            self._descending,
        )
        return lambda offset, limit: lists.households(
            self.ws, text=text, village_id=village, offset=offset, limit=limit, order=order, descending=descending)  # fmt: skip

    def refresh(self) -> None:
        self.model.reload(self._fetcher())

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("共 %n 户", "", total))
        if total == 0:
            self.card.clear()  # nothing listed, so no household's card either

    def _sort(self, section: int) -> None:
        order = {0: "number", 3: "village", 5: "address"}.get(section)
        if order is None:
            return
        self._descending = not self._descending if order == self._order else False
        self._order = order
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder)  # fmt: skip
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.refresh()

    def _selected(self, current, _previous) -> None:
        row = self.model.row_at(current)
        if row is not None:
            self.card.show_household(row.id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _add(self) -> None:
        dialog = HouseholdDialog(self.ws, self.worker, self.places, parent=self)
        if dialog.exec():
            self.card.show_household(dialog.saved_id)

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出住户"), self.tr("住户花名册.xlsx"), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.export_to(name)

    def export_to(self, name: str):
        """Exactly the households listed now (search and village), numbers masked."""
        text, village = self.search.text(), self.village.currentData()
        return run_with_progress(
            self, self.worker, self.tr("正在导出…"),
            lambda task: roster.export_households(self.ws, name, text=text, village_id=village, progress=task.progress),
            lambda count: QMessageBox.information(self, self.tr("导出住户"), self.tr("已导出 %n 户到 {0}", "", count).format(name)),
        )  # fmt: skip

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入花名册"), "", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.import_file(name)

    def import_file(self, name: str, errors_path: str | None = None):
        from pathlib import Path

        errors_path = errors_path or str(Path(name).with_name(Path(name).stem + "-未导入.xlsx"))
        return run_with_progress(
            self, self.worker, self.tr("正在导入…"),
            lambda task: roster.import_households(self.ws, Path(name), errors_path=Path(errors_path), progress=task.progress),
            lambda report: self._imported(report, errors_path),
        )  # fmt: skip

    def _imported(self, report, errors_path: str) -> None:
        self.import_report = report
        ImportReportDialog(report, errors_path, self).open()


class ImportReportDialog(QDialog):
    """The row-level result of an import: what was created and updated, and each rejected row with its reason."""

    def __init__(self, report, errors_path: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        summary = QLabel(self.tr("导入 {0} 行：新建 {1} 户、{2} 人，更新 {3} 户、{4} 人；未导入 {5} 行。").format(
            report.rows_imported, report.households_created, report.persons_created, report.households_updated,
            report.persons_updated, report.rows_rejected))  # fmt: skip
        summary.setWordWrap(True)
        table = QTableWidget(len(report.rejected), 3)
        table.setHorizontalHeaderLabels([self.tr("行号"), self.tr("字段"), self.tr("原因")])
        for r, item in enumerate(report.rejected):
            for c, value in enumerate((item["row"], item["field"], item["reason"])):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if report.rows_rejected:
            layout.addWidget(QLabel(self.tr("未导入的行已写入 {0}，修改后可再次导入。").format(errors_path)))
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
