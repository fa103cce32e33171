"""重复人员: residents sharing one ID number, for the township to merge into one record."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.services import duplicates
from sync.core.domain.roles import Permission

from .common import read_only_table, show_error
from .plain import plain_label, warn


class DuplicatesDialog(QDialog):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.setWindowTitle(self.tr("重复人员"))
        self.summary = plain_label(self.tr("正在读取…"))
        self.summary.setWordWrap(True)
        headers = [self.tr("身份证号"), self.tr("姓名"), self.tr("村/社区"), self.tr("户号"), self.tr("地址")]
        self.table = read_only_table(headers, self.tr("没有重复登记的人员。"))
        self.merge_button = QPushButton(self.tr("合并：保留选中的这一条，同号的其他记录并入"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_button.setVisible(ws.may(Permission.EDIT_RESIDENTS))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.summary, self.table, self.merge_button, buttons):
            layout.addWidget(w)
        self.resize(860, 440)
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(
            lambda: duplicates.duplicate_persons(self.ws), self._show, lambda e: show_error(self, e)
        )

    def _show(self, groups) -> None:
        self.groups = groups
        self.rows = [(group, twin) for group in groups for twin in group.persons]
        self.summary.setText(
            self.tr(
                "{0} 个身份证号登记了不止一条居民记录。"
                "选中要保留的一条后合并：相关事项改指向它，其余记录删除，审计日志记下合并。"
            ).format(len(groups))
            if groups
            else self.tr("没有重复的居民记录。")
        )
        self.table.setRowCount(len(self.rows))
        for r, (group, twin) in enumerate(self.rows):
            for c, value in enumerate(
                (group.id_number, twin.name, twin.village, twin.household, twin.address)
            ):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def merge_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            warn(self, self.tr("无法合并"), self.tr("请先选中要保留的那条记录"))
            return
        group, keep = self.rows[row]
        drops = [t.id for t in group.persons if t.id != keep.id]

        def merge():
            for drop in drops:
                duplicates.merge_persons(self.ws, keep.id, drop)

        self.worker.submit(merge, lambda _: self.refresh(), lambda e: show_error(self, e))
