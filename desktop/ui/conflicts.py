"""Conflicts and rejected edits: per field, the value both started from, the township's and this laptop's, and
a choice (keep theirs, take ours, or write another) that becomes an ordinary edit; rejected pushes, with
their reasons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import syncing

from .common import ReadOnlyTable, show_error, tr, when
from .hub import SYNCED
from .plain import plain_label


def field_label(field: str) -> str:
    return {
        "address": tr("地址"),
        "phone": tr("电话"),
        "note": tr("备注"),
        "mobile": tr("手机"),
        "name": tr("姓名"),
        "deleted": tr("删除"),
        "title": tr("标题"),
        "facts": tr("事实经过"),
        "grade": tr("等级"),
        "status": tr("状态"),
        "place": tr("地点"),
        "id_number": tr("身份证号"),
        "tags": tr("标签"),
        "grid_id": tr("网格"),
        "village_id": tr("村（社区）"),
        "handler": tr("承办"),
        "category": tr("类别"),
    }.get(field, field)


def table_label(table: str) -> str:
    return {
        "households": tr("住户"),
        "persons": tr("居民"),
        "matters": tr("事项"),
        "visits": tr("走访"),
        "parties": tr("当事人"),
        "agreements": tr("调解协议"),
    }.get(table, table)


def show_value(field: str, value) -> str:
    if field == "deleted":
        if isinstance(value, dict):
            return tr("修改：{0}").format("；".join(f"{field_label(k)}={v}" for k, v in value.items()))
        return tr("已删除") if value else tr("保留")
    if value is None or value == "":
        return tr("（空）")
    if isinstance(value, list):
        return "、".join(map(str, value))
    return str(value)


def conflict_name(c) -> str:
    """ "新街村 住户 0001": the record with its village, so a 0001 is not taken for another village's."""
    return " ".join(part for part in (c.village, table_label(c.table_name), c.record_label) if part)


class ConflictsDialog(QDialog):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed, it stops listening for changes
        self.ws, self.worker = ws, worker
        self.setWindowTitle(tr("冲突与被拒的修改"))
        self.resize(980, 520)
        self.rows: list[syncing.ConflictRow] = []
        tabs = QTabWidget()
        tabs.addTab(self._conflicts_tab(), tr("冲突"))
        tabs.addTab(self._rejected_tab(), tr("被拒的修改"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(close)
        self.tabs = tabs
        worker.hub.subscribe(self, {"conflicts", SYNCED}, lambda _changes: self.reload())
        self.reload()

    def _table(self, headers: list[str], empty_text: str) -> QTableWidget:
        table = ReadOnlyTable(0, len(headers))
        table.empty_text = empty_text
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    def _conflicts_tab(self) -> QWidget:
        page = QWidget()
        self.conflicts = self._table(
            [tr("记录"), tr("字段"), tr("原来的值"), tr("乡镇服务器上的值"), tr("本机的值"), tr("双方")],
            tr("没有冲突：两处改的不是同一项。"),
        )
        hint = plain_label(tr("两处同时改了同一项。服务器暂时保留它的值；请选择保留哪一个，或改为新的值。"))
        hint.setWordWrap(True)
        self.keep_server = QPushButton(tr("保留服务器的值"))
        self.take_local = QPushButton(tr("采用本机的值"))
        self.write_new = QPushButton(tr("改为…"))
        self.keep_server.clicked.connect(lambda: self.resolve("server"))
        self.take_local.clicked.connect(lambda: self.resolve("local"))
        self.write_new.clicked.connect(lambda: self.resolve("value"))
        buttons = QHBoxLayout()
        for b in (self.keep_server, self.take_local, self.write_new):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(buttons)
        self.conflicts.itemSelectionChanged.connect(self._selection)
        return page

    def _rejected_tab(self) -> QWidget:
        page = QWidget()
        self.rejected = self._table(
            [tr("时间"), tr("记录"), tr("修改的内容"), tr("服务器拒绝的原因")],
            tr("乡镇服务器接受了本机送去的每一条修改。"),
        )
        hint = plain_label(tr("这些修改乡镇服务器没有接受，仍保存在本机。请按原因处理，或联系乡镇平台。"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.rejected, 1)
        return page

    def reload(self) -> None:
        self.worker.submit(
            lambda: (syncing.open_conflicts(self.ws), syncing.rejected_edits(self.ws)),
            self._fill,
            lambda e: show_error(self, e),
        )

    def _fill(self, result) -> None:
        self.rows, rejected = result
        self.conflicts.setRowCount(len(self.rows))
        for i, c in enumerate(self.rows):
            who = tr("服务器：{0} {1}；本机：{2} {3}").format(
                c.server_author, c.server_at[:16], c.local_author, c.local_at[:16]
            )
            cells = [
                conflict_name(c),
                field_label(c.field),
                show_value(c.field, c.base_value),
                show_value(c.field, c.server_value),
                show_value(c.field, c.local_value),
                who,
            ]
            for j, text in enumerate(cells):
                self.conflicts.setItem(i, j, QTableWidgetItem(text))
        self.conflicts.resizeColumnsToContents()
        self.rejected.setRowCount(len(rejected))
        for i, r in enumerate(rejected):
            changes = "；".join(f"{field_label(k)}={show_value(k, v)}" for k, v in r.fields.items())
            for j, text in enumerate(
                [when(r.created_at), f"{table_label(r.table_name)} {r.record_label}", changes, r.reason]
            ):
                self.rejected.setItem(i, j, QTableWidgetItem(text))
        self.rejected.resizeColumnsToContents()
        if self.rows:
            self.conflicts.selectRow(0)
        elif rejected:
            self.tabs.setCurrentIndex(1)
        self._selection()

    def _selection(self) -> None:
        chosen = self.conflicts.currentRow() >= 0 and bool(self.rows)
        for b in (self.keep_server, self.take_local):
            b.setEnabled(chosen)
        row = self.rows[self.conflicts.currentRow()] if chosen else None
        self.write_new.setEnabled(bool(row) and row.field != "deleted")

    def resolve(self, choice: str, value=None) -> None:
        row = self.conflicts.currentRow()
        if row < 0 or row >= len(self.rows):
            return
        conflict = self.rows[row]
        if choice == "value" and value is None:
            value, ok = QInputDialog.getText(
                self,
                tr("改为新的值"),
                field_label(conflict.field),
                text=show_value(conflict.field, conflict.local_value),
            )
            if not ok:
                return
        self.worker.submit(
            lambda: syncing.resolve_conflict(self.ws, conflict.id, choice, value),
            None,
            lambda e: show_error(self, e),
        )
