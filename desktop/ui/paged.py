"""A table model over a list of any length: it knows the total, and loads a block of rows when it is shown.

Scrolling to row 20,000 asks for the one block on screen, not for the 100 before it. Every query runs on the
database worker; a newer query overtakes older ones (those still waiting are not run, answers that come late
are dropped), so typing a name never queues a backlog.

The model is a QStandardItemModel whose rows hold items once their block has come: the view paints from C++
and never calls into Python for a cell (a Python data() is asked seven roles per cell, and painted a screen in
15 ms where the items take 3). The view tells the model which rows it shows (`show_rows`, wired by
`table_for`), and the model asks for their blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from .common import EmptyText
from .worker import DbWorker

PAGE = 100  # rows a block holds: four screens of a tall window
FIT_SAMPLE = 50  # rows read to size a column
WANTED = 3  # blocks a view can show at once (a tall window, between two blocks)
# The pause in typing after which a search box asks: short enough that the answer is there within 150 ms of
# the last key; a query it overtakes is dropped, so asking often costs nothing.
TYPING_PAUSE_MS = 80
COMING = "…"  # column 0 of a row on screen whose block has not come yet
FIRST_SCREEN = 40  # rows whose items an answer makes at once: more than a tall window shows


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable  # row → display text
    background: Callable | None = None  # row → QColor or None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    colour: str | None = None  # the text's, so a column stands out (why a household is listed)
    bold: bool = False
    # At most this many (Chinese) characters wide, so the key columns fit at 1366×768: longer text is elided,
    # the whole of it in the cell's tooltip. 0: as wide as the text.
    widest: int = 0


class PagedModel(QStandardItemModel):
    """Rows come from fetch(offset, limit) → Page, run on the DB worker, a block of PAGE rows at a time."""

    loaded = Signal(int)  # total
    fitted = Signal()  # the first page with rows: views size their columns to it, once
    searching = Signal(bool)  # a new query is under way / has answered
    failed = Signal(object)
    arrived = Signal()  # a block scrolled to has come: a row that was "…" has its record now

    def __init__(self, worker: DbWorker, columns: list[Column], fetch: Callable, parent=None):
        super().__init__(0, len(columns), parent)
        self.setHorizontalHeaderLabels([c.title for c in columns])
        self.worker = worker
        self.columns = columns
        self._fetch = fetch
        self.blocks: dict[int, list] = {}
        self.total = 0
        self._generation = 0
        self._loading = False
        self._asked: set[int] = set()  # blocks asked for and not yet come
        self._wanted: list[int] = []  # the blocks asked for last: what the view shows now
        self._fitted = False
        self._made: set[int] = set()  # rows whose items are made
        self._bold = QFont(QApplication.font())
        self._bold.setBold(True)

    # -- loading
    def reload(self, fetch: Callable | None = None) -> None:
        if fetch is not None:
            self._fetch = fetch
        self._generation += 1
        generation, fetcher = self._generation, self._fetch
        self._loading = True
        self.searching.emit(True)
        self.worker.submit(
            lambda: self._unless_stale(generation, fetcher, 0),
            lambda page: self._reset(generation, page),
            self._error,
        )

    def _unless_stale(self, generation: int, fetcher: Callable, offset: int):
        """Runs on the worker: a query overtaken by a newer one while it waited is not run at all."""
        if generation != self._generation:
            return None
        return fetcher(offset, PAGE)

    def _reset(self, generation: int, page) -> None:
        if generation != self._generation or page is None:
            return
        # The rows are replaced with the views told nothing, then told once: a reset, so they show the new
        # answer from its top, with one layout and one paint.
        self.beginResetModel()
        blocked = self.blockSignals(True)
        self.setRowCount(0)
        self.setRowCount(page.total)
        self.total, self._asked, self._made = page.total, set(), set()
        self.blocks = {0: list(page.rows)[: page.total]}
        self._make_items(0, FIRST_SCREEN - 1)  # what a reset shows: the top
        self.blockSignals(blocked)
        self.endResetModel()
        self._loading = False
        self.searching.emit(False)
        self.loaded.emit(self.total)
        if page.rows and not self._fitted:  # once: re-fitting on every reload reads every cell again
            self._fitted = True
            self.fitted.emit()

    def _make_items(self, first: int, last: int) -> None:
        """Items for the rows first..last that have come and have none yet. A new answer makes the rows on
        screen (the rest of its block when it is scrolled to); a block that comes while scrolling makes all
        its rows."""
        for number in range(max(0, first), min(last, self.total - 1) + 1):
            if number in self._made:
                continue
            rows = self.blocks.get(number // PAGE)
            if rows is None or number % PAGE >= len(rows):
                continue
            row = rows[number % PAGE]
            for column, spec in enumerate(self.columns):
                value = spec.value(row)
                text = "" if value is None else str(value)
                item = QStandardItem(text)
                if spec.widest and (len(text) > spec.widest or "\n" in text):
                    item.setToolTip(text)  # elided in the cell
                if spec.align != Column.align:
                    item.setTextAlignment(spec.align)
                if spec.background and (colour := spec.background(row)) is not None:
                    item.setBackground(QBrush(colour))
                if spec.colour:
                    item.setForeground(QBrush(QColor(spec.colour)))
                if spec.bold:
                    item.setFont(self._bold)
                if column == 0:
                    item.setData(row.id, Qt.ItemDataRole.UserRole)
                self.setItem(number, column, item)
            self._made.add(number)

    def _error(self, error) -> None:
        self._loading = False
        self.searching.emit(False)
        self.failed.emit(error)

    def _ask(self, block: int) -> None:
        if block in self._asked or self._loading:
            return
        self._asked.add(block)
        self._wanted = [*self._wanted[-(WANTED - 1) :], block]
        generation, fetcher = self._generation, self._fetch
        self.worker.submit(
            lambda: self._unless_scrolled_past(generation, fetcher, block),
            lambda page: self._arrived(generation, block, page),
            self._error,
        )

    def _unless_scrolled_past(self, generation: int, fetcher: Callable, block: int):
        """Runs on the worker: a block the view has scrolled well past by now is not read."""
        if block not in self._wanted:
            return None
        return self._unless_stale(generation, fetcher, block * PAGE)

    def _arrived(self, generation: int, block: int, page) -> None:
        self._asked.discard(block)  # come, or skipped: asked again if it is shown again
        if generation != self._generation or page is None:
            return
        self.blocks[block] = list(page.rows)[: max(0, self.total - block * PAGE)]
        self._make_items(block * PAGE, block * PAGE + PAGE - 1)
        self.arrived.emit()

    def show_rows(self, first: int, last: int) -> None:
        """The view shows rows first..last: their blocks are asked for, and a row still to come says so."""
        if self.total == 0 or first < 0:
            return
        last = min(max(first, last), self.total - 1)
        self._make_items(first, last)
        for block in range(first // PAGE, last // PAGE + 1):
            if block not in self.blocks:
                self._ask(block)
                for number in range(max(first, block * PAGE), min(last, block * PAGE + PAGE - 1) + 1):
                    if self.item(number, 0) is None:
                        self.setItem(number, 0, QStandardItem(COMING))

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def rows(self) -> list:
        """The rows loaded from the top, in order (a test's or a screenshot's view of the list)."""
        out = []
        for block in range(len(self.blocks)):
            if block not in self.blocks:
                break
            out += self.blocks[block]
        return out

    def row(self, number: int):
        """Row `number` if its block is here; otherwise asks for the block and answers None for now."""
        if not 0 <= number < self.total:
            return None
        rows = self.blocks.get(number // PAGE)
        if rows is None:
            self.show_rows(number, number)
            return None
        offset = number - number // PAGE * PAGE
        return rows[offset] if offset < len(rows) else None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Never by the items: the rows here are a few blocks of a longer list, which a page sorts by asking
        the database again."""

    def row_at(self, index: QModelIndex):
        return self.row(index.row()) if index.isValid() else None

    def id_at(self, index: QModelIndex) -> str | None:
        """The record id of the row as it is shown (its first cell's; the items and the blocks are always of
        the same answer): a row still "…" has none until its block comes (`arrived`)."""
        if not index.isValid():
            return None
        item = self.item(index.row(), 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            return item.data(Qt.ItemDataRole.UserRole)
        row = self.row(index.row())  # its block may have come before its items were made
        return row.id if row is not None else None

    def number_of(self, record_id: str) -> int | None:
        """Where a record is among the rows loaded, or None."""
        for block, rows in self.blocks.items():
            for offset, row in enumerate(rows):
                if row.id == record_id:
                    return block * PAGE + offset
        return None


class PagedTable(EmptyText, QTableView):
    """A list view that, with nothing to show, says so in one line and what to do about it."""

    def __init__(self, empty_text: str = ""):
        super().__init__()
        self.empty_text = empty_text

    def still_loading(self) -> bool:
        return self.model().loading


def choosable_columns(table: QTableView, settings_key: str, hidden_by_default: set[int]) -> None:
    """A right click on the header lists the columns to show or hide; the choice is kept for next time."""
    header = table.horizontalHeader()
    model = table.model()
    saved = QSettings().value(settings_key)
    hidden = {int(c) for c in saved.split(",") if c} if isinstance(saved, str) else set(hidden_by_default)
    for column in range(model.columnCount()):
        header.setSectionHidden(column, column in hidden)

    def menu(position) -> None:
        chooser = QMenu(table)
        for column in range(model.columnCount()):
            action = chooser.addAction(model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: toggle(c, shown))
        chooser.exec(header.mapToGlobal(position))

    def toggle(column: int, shown: bool) -> None:
        header.setSectionHidden(column, not shown)
        if shown:
            table.resizeColumnToContents(column)
            if isinstance(model, PagedModel):
                cap_column(table, model, column)
        hidden_now = [str(c) for c in range(model.columnCount()) if header.isSectionHidden(c)]
        QSettings().setValue(settings_key, ",".join(hidden_now))

    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(menu)
    header.setToolTip(QCoreApplication.translate("PagedTable", "右键点击表头，选择显示哪些列"))


def table_for(model: PagedModel, empty_text: str = "") -> PagedTable:
    """Every page's list view: whole rows, one at a time, columns fitted once to a sample of page one."""
    table = PagedTable(empty_text)
    table.setModel(model)
    table.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE)
    model.fitted.connect(lambda: fit_columns(table, model))
    # A reset lays the rows out on a zero timer, and a layout after the first paint paints the list again:
    # laid out at once, a new answer is painted once. A scroll bar that stays keeps the width steady between a
    # short answer and a long one (a bar shown or hidden is a third paint, and the columns would jump).
    model.modelReset.connect(table.doItemsLayout)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)  # a list shows; its forms edit

    def shown() -> None:
        last = table.rowAt(table.viewport().height() - 1)  # -1: the rows end above the bottom
        model.show_rows(table.rowAt(0), model.total - 1 if last < 0 else last)

    table.verticalScrollBar().valueChanged.connect(shown)
    table.verticalScrollBar().rangeChanged.connect(shown)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)  # no per-row measuring
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnsToContents()  # to the titles until rows come: an empty list's columns all in sight
    return table


def fit_columns(table: QTableView, model: PagedModel) -> None:
    """Columns to their contents, those with a `widest` no wider than it (their text elided)."""
    table.resizeColumnsToContents()
    for number in range(len(model.columns)):
        cap_column(table, model, number)


def cap_column(table: QTableView, model: PagedModel, number: int) -> None:
    """A column with a `widest` no wider than it."""
    widest = model.columns[number].widest
    room = table.fontMetrics().horizontalAdvance("中" * widest) + 12  # 12: the cell's margins
    if widest and table.columnWidth(number) > room:
        table.setColumnWidth(number, room)
