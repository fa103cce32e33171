"""A table model that holds one page of plain rows at a time and loads more when the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QTableView

from .worker import DbWorker

PAGE = 200


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable  # row → display text
    background: Callable | None = None  # row → QColor or None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class PagedModel(QAbstractTableModel):
    """Rows come from fetch(offset, limit) → Page, run on the DB worker. A new query drops stale answers."""

    loaded = Signal(int)  # total
    fitted = Signal()  # a fresh first page: views may size their columns to it
    failed = Signal(object)

    def __init__(self, worker: DbWorker, columns: list[Column], fetch: Callable, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.columns = columns
        self._fetch = fetch
        self.rows: list = []
        self.total = 0
        self._generation = 0
        self._loading = False

    # -- loading
    def reload(self, fetch: Callable | None = None) -> None:
        if fetch is not None:
            self._fetch = fetch
        self._generation += 1
        generation, fetcher = self._generation, self._fetch
        self._loading = True
        self.worker.submit(lambda: fetcher(0, PAGE), lambda page: self._reset(generation, page), self._error)

    def _reset(self, generation: int, page) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self.rows, self.total = list(page.rows), page.total
        self.endResetModel()
        self._loading = False
        self.loaded.emit(self.total)
        self.fitted.emit()

    def _error(self, error) -> None:
        self._loading = False
        self.failed.emit(error)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, fetcher, offset = self._generation, self._fetch, len(self.rows)
        self.worker.submit(
            lambda: fetcher(offset, PAGE), lambda page: self._append(generation, page), self._error
        )

    def _append(self, generation: int, page) -> None:
        self._loading = False
        if generation != self._generation or not page.rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self.rows.extend(page.rows)
        self.endInsertRows()

    @property
    def loading(self) -> bool:
        return self._loading

    # -- the model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self.rows))
            or not (0 <= index.column() < len(self.columns))
        ):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            return column.background(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def row_at(self, index: QModelIndex):
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None


def table_for(model: PagedModel) -> QTableView:
    """The list view every page uses: whole rows, one at a time, columns fitted to each fresh first page."""
    table = QTableView()
    table.setModel(model)
    model.fitted.connect(table.resizeColumnsToContents)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table
