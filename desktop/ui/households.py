"""住户: the searchable list of households in scope beside the card of the one selected; adding a household,
exporting the list and importing a roster from it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import lists, roster
from sync.core.domain.roles import Permission

from .common import ACCENT, run_with_progress, save_file_name, show_error
from .household_card import HouseholdCard
from .household_form import HouseholdDialog
from .labels import label
from .paged import TYPING_PAUSE_MS, Column, PagedModel, table_for
from .plain import inform, plain_label
from .roster_report import ImportReportDialog
from .worker import DbWorker


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
        self.count = plain_label()
        add = QPushButton(self.tr("新增住户"))
        add.clicked.connect(self._add)
        imp = QPushButton(self.tr("导入花名册…"))
        imp.clicked.connect(self._import)
        template = QPushButton(self.tr("花名册模板…"))
        template.setToolTip(
            self.tr("一行一人：村/社区、网格、户号、地址、姓名、与户主关系、身份证号、手机号等")
        )
        template.clicked.connect(self._template)
        for b in (add, imp, template):
            b.setVisible(ws.may(Permission.EDIT_RESIDENTS))
        export = QPushButton(self.tr("导出…"))
        export.clicked.connect(self._export)
        self._debounce = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.village.currentIndexChanged.connect(self.refresh)
        columns = [
            Column(self.tr("户号"), lambda r: r.number),
            Column(self.tr("户主"), lambda r: r.head),
            Column(self.tr("人数"), lambda r: r.members),
            Column(self.tr("村/社区"), lambda r: r.village),
            Column(self.tr("网格"), lambda r: r.grid),
            Column(self.tr("地址"), lambda r: r.address),
            Column(self.tr("电话"), lambda r: r.phone),
            Column(
                self.tr("匹配"), lambda r: " ".join(label(w) for w in r.matched), colour=ACCENT, bold=True
            ),
        ]
        self._order, self._descending = "number", False
        self.model = PagedModel(worker, columns, self._fetcher(), self)
        self.model.loaded.connect(self._loaded)
        self.model.arrived.connect(self._block_came)
        self.selected_id: str | None = None  # the record of the highlighted row: what the card shows
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
        bottom = QHBoxLayout()  # the template beside the count: the top line stays as narrow as it was
        bottom.addWidget(self.count, 1)
        bottom.addWidget(template)
        left_layout.addLayout(bottom)
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
            self.ws,
            text=text,
            village_id=village,
            offset=offset,
            limit=limit,
            order=order,
            descending=descending,
        )

    def refresh(self) -> None:
        self.model.reload(self._fetcher())

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("共 %n 户", "", total))
        if total == 0:
            self.selected_id = None
            self.card.clear()  # nothing listed, so no household's card either
            return
        # A new answer replaces every row: the household chosen stays chosen where it is still listed (found
        # by its id, not by the row number it had), the card keeps it, no row highlighted, if not.
        number = self.model.number_of(self.selected_id) if self.selected_id else None
        if number is not None:
            self.table.setCurrentIndex(self.model.index(number, 0))
            self.table.scrollTo(self.model.index(number, 0))

    def _sort(self, section: int) -> None:
        order = {0: "number", 3: "village", 5: "address"}.get(section)
        if order is None:
            return
        self._descending = not self._descending if order == self._order else False
        self._order = order
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.refresh()

    def _selected(self, current, _previous) -> None:
        self._follow(current)

    def _follow(self, index) -> None:
        """The card follows the highlighted row's record id. A row still coming ("…", after Ctrl+End on a long
        list) empties the card until its block comes, so no action can reach the household shown before."""
        if not index.isValid():
            return
        household = self.model.id_at(index)
        self.selected_id = household
        if household is None:
            self.card.waiting()
        elif self.card.wanted != household:
            self.card.show_household(household)

    def _block_came(self) -> None:
        if self.selected_id is None:
            self._follow(self.table.currentIndex())

    def household_id(self) -> str | None:
        """The household the page stands on: the card's, which is the highlighted row's (Ctrl+N, Ctrl+M)."""
        return self.card.detail.id if self.card.detail is not None else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _add(self) -> None:
        self.add_dialog = dialog = HouseholdDialog(self.ws, self.worker, self.places, parent=self)
        dialog.accepted.connect(lambda: self.show_household(dialog.saved_id))
        dialog.open()

    def show_household(self, household_id: str) -> None:
        """A household chosen other than by its row (just added): highlighted if listed, else no row is."""
        self.selected_id = household_id
        number = self.model.number_of(household_id)
        if number is not None:
            self.table.setCurrentIndex(self.model.index(number, 0))
        else:
            self.table.selectionModel().clear()
        self.card.show_household(household_id)

    def _export(self) -> None:
        name = save_file_name(
            self, self.tr("导出住户"), self.tr("住户花名册.xlsx"), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.export_to(name)

    def export_to(self, name: str):
        """Exactly the households listed now (search and village), numbers masked."""
        text, village = self.search.text(), self.village.currentData()
        return run_with_progress(
            self,
            self.worker,
            self.tr("正在导出…"),
            lambda task: roster.export_households(
                self.ws, name, text=text, village_id=village, progress=task.progress
            ),
            lambda count: inform(
                self, self.tr("导出住户"), self.tr("已导出 %n 户到 {0}", "", count).format(name)
            ),
        )

    def _template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("下载花名册模板"), self.tr("花名册模板.xlsx"), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.save_template(name)

    def save_template(self, name: str) -> None:
        """The roster's own columns with an example row: fill it in and import it."""
        self.worker.submit(
            lambda: roster.write_template(Path(name)),
            lambda _: inform(
                self,
                self.tr("下载花名册模板"),
                self.tr("模板已保存到 {0}。按示例一行填一人，填好后点“导入花名册…”。").format(name),
            ),
            lambda e: show_error(self, e),
        )

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入花名册"), "", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.import_file(name)

    def import_file(self, name: str, errors_path: str | None = None):
        errors_path = errors_path or str(Path(name).with_name(Path(name).stem + "-未导入.xlsx"))
        return run_with_progress(
            self,
            self.worker,
            self.tr("正在导入…"),
            lambda task: roster.import_households(
                self.ws, Path(name), errors_path=Path(errors_path), progress=task.progress
            ),
            lambda report: self._imported(report, errors_path),
        )

    def _imported(self, report, errors_path: str) -> None:
        self.import_report = report
        ImportReportDialog(report, errors_path, self).open()
