"""设置 → 账号: the township's accounts as the township server holds them (the one truth), changed there
through its admin API — add, edit roles / scope / unit, disable / enable, reset a password
(desktop.services.server_accounts). Without the server the tab says so and changes nothing. A laptop that has
no township server yet (a township being set up) keeps its accounts itself until its first sync."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts, server_accounts
from sync.core.domain.roles import ROLE_LABELS, Role, parse_roles
from sync.core.domain.scope import SCOPE_LABELS

from .common import show_error
from .forms import FormDialog
from .labels import label
from .plain import plain_label


class AccountsTab(QWidget):
    """The account list with its buttons; what it lists and changes is the server's when there is one."""

    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.on_server = False
        self.rows: list = []
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("账号"),
                self.tr("姓名"),
                self.tr("角色"),
                self.tr("范围"),
                self.tr("状态"),
                self.tr("设备"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.note = plain_label()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (
            ("add", self.tr("添加账号…"), self.add_account),
            ("edit", self.tr("修改角色、范围、单位…"), self.edit_account),
            ("disable", self.tr("停用"), lambda: self.set_disabled(True)),
            ("enable", self.tr("启用"), lambda: self.set_disabled(False)),
            ("password", self.tr("重设密码…"), self.reset_password),
            ("refresh", self.tr("刷新"), self.refresh),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- reading
    def refresh(self) -> None:
        self.worker.submit(self._read, self._show, self._failed)

    def _read(self):
        if not server_accounts.has_server(self.ws):
            return False, accounts.list_accounts(self.ws)
        return True, server_accounts.server_accounts(self.ws)

    def _failed(self, error) -> None:
        self.on_server = True
        self.rows = []
        self.table.setRowCount(0)
        self.note.setText(str(error))
        self.note.setStyleSheet("color: #B00020")
        self._enable()

    def _show(self, answer) -> None:
        self.on_server, self.rows = answer
        self.note.setStyleSheet("")
        self.note.setText(
            self.tr("账号以乡镇服务器为准：这里的修改直接改服务器上的账号，各电脑下次同步后随之更新。")
            if self.on_server
            else self.tr("这台电脑还没有连接乡镇服务器：账号先建在本机，第一次同步后由乡镇服务器管理。")
        )
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            if self.on_server:
                roles = "、".join(label(ROLE_LABELS[Role(x)]) for x in a.roles if x in set(Role))
                places = "、".join(a.scope_names)
                devices = len([d for d in a.devices if not d.revoked])
                values = [a.username, a.display_name, roles, f"{label(SCOPE_LABELS[a.scope_kind])} {places}"]
                values += [self.tr("停用") if a.disabled else self.tr("正常"), str(devices)]
            else:
                roles = "、".join(label(ROLE_LABELS[x]) for x in sorted(parse_roles(a.roles)))
                values = [
                    a.username,
                    a.display_name,
                    roles,
                    label(SCOPE_LABELS.get(a.scope_kind, a.scope_kind)),
                ]
                values += [self.tr("停用") if a.disabled else self.tr("正常"), ""]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self._enable()

    def _enable(self) -> None:
        for key in ("edit", "disable", "enable", "password"):
            self.buttons[key].setEnabled(self.on_server or key in ("disable", "password"))

    def selected(self):
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- changing
    def _done(self, _answer=None) -> None:
        self.refresh()

    def add_account(self) -> AccountDialog:
        dialog = AccountDialog(self.ws, self.worker, self.places, self, on_server=self.on_server)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def edit_account(self) -> AccountDialog | None:
        account = self.selected()
        if account is None or not self.on_server:
            return None
        dialog = AccountDialog(self.ws, self.worker, self.places, self, on_server=True, editing=account)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def set_disabled(self, disabled: bool) -> None:
        account = self.selected()
        if account is None:
            return
        name = account.username
        if self.on_server:
            work = lambda: server_accounts.disable_on_server(self.ws, name, disabled)  # noqa: E731
        else:
            work = lambda: accounts.set_disabled(self.ws, name, disabled)  # noqa: E731
        self.worker.submit(work, self._done, lambda e: show_error(self, e))

    def reset_password(self, new_password: str | None = None) -> None:
        account = self.selected()
        if account is None:
            return
        if new_password is None:
            new_password, ok = QInputDialog.getText(
                self,
                self.tr("重设密码"),
                self.tr("{0} 的新密码：").format(account.username),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        name, given = account.username, new_password
        if self.on_server:
            work = lambda: server_accounts.reset_password_on_server(self.ws, name, given)  # noqa: E731
        else:
            work = lambda: accounts.reset_password(self.ws, name, given)  # noqa: E731
        self.worker.submit(work, self._done, lambda e: show_error(self, e))


class AccountDialog(FormDialog):
    """A new account (name, password, roles, the places it works on, its unit), or an existing one's roles,
    scope and unit corrected."""

    def __init__(self, ws, worker, places, parent=None, *, on_server: bool = False, editing=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改账号") if editing else self.tr("添加账号"))
        self.ws, self.worker, self.places, self.on_server, self.editing = (
            ws,
            worker,
            places,
            on_server,
            editing,
        )
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
        for kind in ("township", "village", "grid", "household"):
            self.scope.addItem(label(SCOPE_LABELS[kind]), kind)
        self.org = self.form.add(self.tr("所属单位/队伍"), QComboBox())
        self.org.addItem(self.tr("（无）"), None)
        for org in places.orgs:
            self.org.addItem(org.name, org.id.removeprefix("org:"))
        self.places_list = self.form.add(self.tr("负责的村或网格"), QListWidget())
        self.places_list.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        self.households = self.form.add(self.tr("联系的住户"), QLineEdit())
        self.households.setPlaceholderText(self.tr("联户长联系的住户：户号，用逗号分隔"))
        self.scope.currentIndexChanged.connect(self._places)
        self._places()
        if editing is not None:
            self._fill(editing)
        self.lay_out(self.save)

    def _fill(self, account) -> None:
        self.username.setText(account.username)
        self.username.setEnabled(False)
        self.name.setText(account.display_name)
        self.password.setEnabled(False)
        self.password.setPlaceholderText(self.tr("用“重设密码…”修改"))
        for role, box in self.roles.items():
            box.setChecked(role.value in account.roles)
        self.scope.setCurrentIndex(max(0, self.scope.findData(account.scope_kind)))
        for row in range(self.places_list.count()):
            item = self.places_list.item(row)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in account.scope_ids)
        if account.scope_kind == "household":
            self.households.setText("，".join(account.scope_names))
        self.org.setCurrentIndex(max(0, self.org.findData(account.org_id)))

    def _places(self) -> None:
        self.places_list.clear()
        kind = self.scope.currentData()
        items = self.places.villages if kind == "village" else self.places.grids if kind == "grid" else ()
        for place in items:
            self.places_list.addItem(place.name)
            self.places_list.item(self.places_list.count() - 1).setData(Qt.ItemDataRole.UserRole, place.id)
        self.places_list.setEnabled(bool(items))
        self.households.setEnabled(kind == "household")

    def save(self) -> None:
        roles = {role for role, box in self.roles.items() if box.isChecked()}
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.places_list.selectedItems()]
        if self.scope.currentData() == "household":
            ids = [n.strip() for n in self.households.text().replace("，", ",").split(",") if n.strip()]
        username, name, password = (
            self.username.text().strip(),
            self.name.text().strip(),
            self.password.text(),
        )
        kind, org = self.scope.currentData(), self.org.currentData()
        if self.editing is not None:
            work = lambda: server_accounts.edit_on_server(  # noqa: E731
                self.ws,
                username,
                display_name=name,
                roles=roles,
                scope_kind=kind,
                places=ids,
                org_id=org or "",
            )
        elif self.on_server:
            work = lambda: server_accounts.create_on_server(  # noqa: E731
                self.ws, username, name, password, roles, scope_kind=kind, places=ids, org_id=org
            )
        else:
            work = lambda: accounts.add_account(  # noqa: E731
                self.ws, username, name, password, roles, scope_kind=kind, scope_ids=ids, org_id=org
            )
        self.worker.submit(work, lambda _: self.accept(), self.show_failure)
