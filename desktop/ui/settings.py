"""设置: accounts, grids, the grade table, categories and channels, and the language, for entitled roles."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.domain.roles import ROLE_LABELS, Permission, parse_roles
from desktop.domain.scope import SCOPE_LABELS
from desktop.services import accounts, setup

from .common import show_error
from .labels import label

LANGUAGES = [("", "跟随系统"), ("zh_CN", "中文（简体）"), ("en", "English")]


class SettingsPage(QWidget):
    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        layout = QVBoxLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(label(name), code)
        self.language.setCurrentIndex(max(0, self.language.findData(QSettings().value("language", "") or "")))
        self.language.currentIndexChanged.connect(self._language)
        general = QGroupBox(self.tr("界面"))
        form = QFormLayout(general)
        form.addRow(self.tr("语言（重新启动后生效）"), self.language)
        layout.addWidget(general)
        self.accounts = QTableWidget(0, 4)
        self.accounts.setHorizontalHeaderLabels(
            [self.tr("账号"), self.tr("姓名"), self.tr("角色"), self.tr("范围")]
        )
        self.accounts.horizontalHeader().setStretchLastSection(True)
        self.grades = QTableWidget(0, 3)
        self.grades.setHorizontalHeaderLabels([self.tr("星级"), self.tr("承办"), self.tr("时限（天）")])
        self.grades.horizontalHeader().setStretchLastSection(True)
        self.categories = QListWidget()
        self.channels = QListWidget()
        if ws.may(Permission.MANAGE_ACCOUNTS):
            box = QGroupBox(self.tr("账号"))
            QVBoxLayout(box).addWidget(self.accounts)
            layout.addWidget(box)
        if ws.may(Permission.CONFIGURE):
            row = QHBoxLayout()
            for title, widget in ((self.tr("星级与办理时限"), self.grades), (self.tr("类别"), self.categories),
                                  (self.tr("来源渠道"), self.channels)):  # fmt: skip
                box = QGroupBox(title)
                QVBoxLayout(box).addWidget(widget)
                row.addWidget(box)
            layout.addLayout(row)
        if not (ws.may(Permission.MANAGE_ACCOUNTS) or ws.may(Permission.CONFIGURE)):
            layout.addWidget(QLabel(self.tr("其他设置由管理员或平台办公室维护。")))
        layout.addStretch()
        self.refresh()

    def refresh(self) -> None:
        if self.ws.may(Permission.MANAGE_ACCOUNTS):
            self.worker.submit(
                lambda: accounts.list_accounts(self.ws), self._show_accounts, lambda e: show_error(self, e)
            )
        if self.ws.may(Permission.CONFIGURE):
            self.worker.submit(lambda: setup.read_config(self.ws, "deadline_policy"), self._show_policy)
            self.categories.clear()
            self.channels.clear()
            self.categories.addItems([f"{k}：{'、'.join(v)}" for k, v in self.places.categories.items()])
            self.channels.addItems(list(self.places.channels))

    def _show_accounts(self, rows) -> None:
        self.accounts.setRowCount(len(rows))
        for r, a in enumerate(rows):
            roles = "、".join(label(ROLE_LABELS[x]) for x in sorted(parse_roles(a.roles)))
            scope = label(SCOPE_LABELS.get(a.scope_kind, a.scope_kind))
            for c, value in enumerate((a.username, a.display_name, roles, scope)):
                self.accounts.setItem(r, c, QTableWidgetItem(value))

    def _show_policy(self, policy) -> None:
        grades = (policy or {}).get("grades", [])
        self.grades.setRowCount(len(grades))
        for r, g in enumerate(grades):
            for c, value in enumerate((g["label"], g.get("handled_by", ""), g["days"])):
                self.grades.setItem(r, c, QTableWidgetItem(str(value)))
        self.grades.resizeColumnsToContents()

    def _language(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        QMessageBox.information(self, self.tr("语言"), self.tr("重新启动枫桥后使用新的语言。"))
