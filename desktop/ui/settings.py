"""设置: accounts, grids, the grade table, categories and channels, and the language, for entitled roles."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.domain.roles import ROLE_LABELS, Permission, Role, parse_roles
from desktop.domain.scope import SCOPE_LABELS
from desktop.services import accounts, details, setup

from .common import show_error
from .forms import FormDialog
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
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(self.accounts)
            add = QPushButton(self.tr("添加账号…"))
            add.clicked.connect(self.add_account)
            box_layout.addWidget(add)
            layout.addWidget(box)
        if ws.may(Permission.CONFIGURE):
            self.grids = QListWidget()
            self.new_grid, self.grid_village = QLineEdit(), QComboBox()
            self.new_category, self.new_channel = QLineEdit(), QLineEdit()
            self.new_grid.setPlaceholderText(self.tr("网格名称"))
            self.new_category.setPlaceholderText(self.tr("大类/小类"))
            self.new_channel.setPlaceholderText(self.tr("新的来源渠道"))
            row = QHBoxLayout()
            for title, widget, extra in (
                (self.tr("星级与办理时限"), self.grades, [(self.tr("保存办理时限"), self.save_policy)]),
                (self.tr("网格"), self.grids, [self.grid_village, self.new_grid, (self.tr("添加网格"), self.add_grid)]),
                (self.tr("类别"), self.categories, [self.new_category, (self.tr("添加类别"), self.add_category)]),
                (self.tr("来源渠道"), self.channels, [self.new_channel, (self.tr("添加渠道"), self.add_channel),
                                                  (self.tr("删除选中的渠道"), self.remove_channel)]),
            ):  # fmt: skip
                box = QGroupBox(title)
                box_layout = QVBoxLayout(box)
                box_layout.addWidget(widget)
                for item in extra:
                    if isinstance(item, tuple):
                        button = QPushButton(item[0])
                        button.clicked.connect(item[1])
                        item = button
                    box_layout.addWidget(item)
                row.addWidget(box)
            layout.addLayout(row)
        if not (ws.may(Permission.MANAGE_ACCOUNTS) or ws.may(Permission.CONFIGURE)):
            layout.addWidget(QLabel(self.tr("其他设置由管理员或平台办公室维护。")))
        layout.addStretch()
        worker.hub.subscribe(self, {"accounts", "divisions", "grids", "orgs", "config"},
                             lambda _changes: self.refresh())  # fmt: skip
        self.refresh()

    def refresh(self) -> None:
        if self.ws.may(Permission.MANAGE_ACCOUNTS):
            self.worker.submit(
                lambda: accounts.list_accounts(self.ws), self._show_accounts, lambda e: show_error(self, e)
            )
        if self.ws.may(Permission.CONFIGURE):
            self.worker.submit(lambda: setup.read_config(self.ws, "deadline_policy"), self._show_policy)
            self.worker.submit(lambda: details.places(self.ws), self._show_places)

    def _show_places(self, places) -> None:
        self.places = places
        names = {v.id: v.name for v in places.villages}
        self.grids.clear()
        self.grids.addItems([f"{names.get(g.parent_id, '')} {g.name}" for g in places.grids])
        self.grid_village.clear()
        for v in places.villages:
            self.grid_village.addItem(v.name, v.id)
        self.categories.clear()
        self.categories.addItems([f"{k}：{'、'.join(v)}" for k, v in places.categories.items()])
        self.channels.clear()
        self.channels.addItems(list(places.channels))

    def _configure(self, key: str, value) -> None:
        self.worker.submit(lambda: setup.configure(self.ws, key, value), None, lambda e: show_error(self, e))

    def add_grid(self) -> None:
        village, name = self.grid_village.currentData(), self.new_grid.text()
        self.worker.submit(lambda: setup.add_grid(self.ws, village, name),
                           lambda _: self.new_grid.clear(), lambda e: show_error(self, e))  # fmt: skip

    def add_category(self) -> None:
        major, _, minor = self.new_category.text().strip().partition("/")
        if not major.strip():
            QMessageBox.warning(self, self.tr("无法保存"), self.tr("请填写类别，如“邻里/噪音”"))
            return
        categories = {k: list(v) for k, v in self.places.categories.items()}
        subs = categories.setdefault(major.strip(), [])
        if minor.strip() and minor.strip() not in subs:
            subs.append(minor.strip())
        self.new_category.clear()
        self._configure("categories", categories)

    def add_channel(self) -> None:
        name = self.new_channel.text().strip()
        if name and name not in self.places.channels:
            self.new_channel.clear()
            self._configure("channels", [*self.places.channels, name])

    def remove_channel(self) -> None:
        chosen = {item.text() for item in self.channels.selectedItems()}
        if chosen:
            self._configure("channels", [c for c in self.places.channels if c not in chosen])

    def _show_accounts(self, rows) -> None:
        self.accounts.setRowCount(len(rows))
        for r, a in enumerate(rows):
            roles = "、".join(label(ROLE_LABELS[x]) for x in sorted(parse_roles(a.roles)))
            scope = label(SCOPE_LABELS.get(a.scope_kind, a.scope_kind))
            for c, value in enumerate((a.username, a.display_name, roles, scope)):
                self.accounts.setItem(r, c, QTableWidgetItem(value))

    def _show_policy(self, policy) -> None:
        self.policy = policy or {}
        grades = self.policy.get("grades", [])
        self.grades.setRowCount(len(grades))
        for r, g in enumerate(grades):
            for c, value in enumerate((g["label"], g.get("handled_by", ""), g["days"])):
                item = QTableWidgetItem(str(value))
                if c < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.grades.setItem(r, c, item)
        self.grades.resizeColumnsToContents()

    def save_policy(self) -> None:
        """The days allowed per grade are data (other townships use 7 / 20 / 60): edited here, checked by the service."""
        policy = dict(self.policy)
        grades = []
        for r, g in enumerate(policy.get("grades", [])):
            text = self.grades.item(r, 2).text().strip()
            if not text.isdigit() or int(text) <= 0:
                QMessageBox.warning(
                    self, self.tr("无法保存"), self.tr("{0} 的时限应为正整数天数").format(g["label"])
                )
                return
            grades.append({**g, "days": int(text)})
        policy["grades"] = grades
        self.worker.submit(lambda: setup.configure(self.ws, "deadline_policy", policy), None,
                           lambda e: show_error(self, e))  # fmt: skip

    def add_account(self) -> QDialog:
        dialog = AccountDialog(self.ws, self.worker, self.places, self)
        dialog.open()
        return dialog

    def _language(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        QMessageBox.information(self, self.tr("语言"), self.tr("重新启动枫桥后使用新的语言。"))


class AccountDialog(FormDialog):
    """A new account: name, password, roles, and the grids or villages it works on."""

    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.setWindowTitle(self.tr("添加账号"))
        self.username = self.form.add(self.tr("账号"), QLineEdit())
        self.name = self.form.add(self.tr("姓名"), QLineEdit())
        self.password = self.form.add(self.tr("密码"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        roles = QWidget()
        roles_layout = QHBoxLayout(roles)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.roles = {}
        for role in Role:
            self.roles[role] = QCheckBox(label(ROLE_LABELS[role]))
            roles_layout.addWidget(self.roles[role])
        self.form.add(self.tr("角色"), roles)
        self.scope = self.form.add(self.tr("范围"), QComboBox())
        for kind in ("township", "village", "grid"):
            self.scope.addItem(label(SCOPE_LABELS[kind]), kind)
        self.places_list = self.form.add(self.tr("负责的村或网格"), QListWidget())
        self.places_list.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        self.scope.currentIndexChanged.connect(self._places)
        self._places()
        self.lay_out(self.save)

    def _places(self) -> None:
        self.places_list.clear()
        kind = self.scope.currentData()
        items = self.places.villages if kind == "village" else self.places.grids if kind == "grid" else ()
        for place in items:
            self.places_list.addItem(place.name)
            self.places_list.item(self.places_list.count() - 1).setData(Qt.ItemDataRole.UserRole, place.id)
        self.places_list.setEnabled(bool(items))

    def save(self) -> None:
        roles = {role for role, box in self.roles.items() if box.isChecked()}
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.places_list.selectedItems()]
        args = (self.username.text().strip(), self.name.text().strip(), self.password.text(), roles)
        kind = self.scope.currentData()
        self.worker.submit(lambda: accounts.add_account(self.ws, *args, scope_kind=kind, scope_ids=ids),
                           lambda _: self.accept(), self.show_failure)  # fmt: skip
