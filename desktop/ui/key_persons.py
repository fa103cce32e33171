"""重点人员 list: each flagged resident with the matters and visits that concern them, for 稳控."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidgetItem, QVBoxLayout

from desktop.services import key_persons

from .common import read_only_table, show_error, when
from .plain import plain_label


class KeyPersonsDialog(QDialog):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("重点人员"))
        self.summary = plain_label(self.tr("正在读取…"))
        headers = [
            self.tr("姓名"),
            self.tr("村/社区"),
            self.tr("户号"),
            self.tr("手机号"),
            self.tr("在办事项"),
            self.tr("相关事项"),
            self.tr("走访次数"),
            self.tr("最近走访"),
        ]
        self.table = read_only_table(
            headers, self.tr("没有列为重点人员的居民。在居民信息里勾选“重点人员”即可列入。")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 480)
        worker.submit(lambda: key_persons.key_persons(ws), self._show, lambda e: show_error(self, e))

    def _show(self, people) -> None:
        self.people = people
        self.summary.setText(
            self.tr("共 {0} 名重点人员，其中 {1} 名有在办事项").format(
                len(people), sum(1 for p in people if p.open_matters)
            )
            if people
            else self.tr("没有列为重点人员的居民。在居民信息中勾选“列为重点人员”即可加入。")
        )
        self.table.setRowCount(len(people))
        for i, p in enumerate(people):
            matters = "；".join(f"{serial} {title}（{status}）" for serial, title, status, _ in p.matters)
            values = [
                p.name,
                p.village,
                p.household,
                p.mobile,
                str(p.open_matters),
                matters,
                str(p.visits),
                when(p.last_visit),
            ]
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
