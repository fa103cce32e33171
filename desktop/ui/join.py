"""Reaching the township server from the window: the first-run form that joins a laptop to its township, the
server's address (同步 → 服务器设置), and registering this laptop again when the server has forgotten it.

An https:// server's certificate is read once, its fingerprint shown, and trusted only when the person ticks
that it matches the one the township gave them (desktop.services.syncing.certificate_of, the same as
`fengqiao join`). All network work runs on a worker thread; a refusal is shown against the field it is about
and nothing typed is cleared.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import syncing
from sync.pinning import shown
from sync.transport import AuthFailed, Offline

from .common import tr, user_message
from .plain import plain_label


def stage_name(key: str) -> str:
    return {
        "hello": tr("连接服务器"),
        "push": tr("上传修改"),
        "pull": tr("下载更新"),
        "verify": tr("核对数量"),
        "upload": tr("上传附件"),
        "download": tr("下载附件"),
    }.get(key, key)


def field_of(error: Exception) -> str:
    """Which field a failed join or registration is about: the address for a server that cannot be reached or
    read, the account and password for a refusal."""
    if isinstance(error, AuthFailed):
        return "password"
    if isinstance(error, Offline):
        return "address"
    issues = getattr(error, "issues", None) or []
    if any(i.field == syncing.ADDRESS for i in issues):
        return "address"
    return ""


def explained(error: Exception) -> str:
    """The refusal with the field it is about named first (a wrong password and an unreachable server read
    differently even when the server's words are short)."""
    field = field_of(error)
    text = user_message(error)
    if field == "password":
        return tr("账号或密码：{0}").format(text)
    if field == "address" and not text.startswith(syncing.ADDRESS):
        return tr("服务器地址：{0}").format(text)
    return text


class CertificateCheck(QWidget):
    """The fingerprint of an https:// server's certificate, and the tick that trusts it. Hidden for http."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.url: str | None = None
        self.fingerprint: str | None = None
        self.text = plain_label()
        self.text.setWordWrap(True)
        self.trust = QCheckBox(tr("与乡镇平台给出的指纹一致，信任此证书"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.trust)
        self.hide()

    def show_for(self, url: str, fingerprint: str) -> None:
        self.url, self.fingerprint = url, fingerprint
        self.text.setText(tr("服务器证书指纹（SHA-256）：\n{0}").format(shown(fingerprint)))
        self.trust.setChecked(False)
        self.show()

    def trusted_for(self, url: str) -> str | None:
        """The fingerprint, if it was read from this very address and the person ticked it."""
        return self.fingerprint if self.url == url and self.trust.isChecked() else None

    def needs_reading(self, url: str) -> bool:
        return url.startswith("https://") and self.url != url


class JoinForm(QWidget):
    """Server address, account and password: the first-run page of a grid worker's laptop."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.address = QLineEdit()
        self.address.setPlaceholderText(tr("如：https://192.168.1.10:8765（乡镇平台提供）"))
        self.account = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.certificate = CertificateCheck()
        form = QFormLayout(self)
        form.addRow(tr("服务器地址"), self.address)
        form.addRow(tr("账号"), self.account)
        form.addRow(tr("密码"), self.password)
        form.addRow(self.certificate)
        note = plain_label(tr("加入后，本机取得本账号范围内的数据，以后在“同步”菜单同步。"))
        note.setWordWrap(True)
        form.addRow(note)

    def focus(self, field: str) -> None:
        widget = {"address": self.address, "password": self.password, "account": self.account}.get(field)
        if widget is not None:
            widget.setFocus()
            widget.selectAll()


class Joining:
    """The join, driven from the set-up dialog: read the certificate if needed, then join on the worker with
    progress and cancel. `dialog` provides message, progress, ok and the path of the new database."""

    def __init__(self, dialog, form: JoinForm, worker):
        self.dialog, self.form, self.worker = dialog, form, worker
        self.task = None
        self.cancelling = False

    def start(self) -> None:
        d, f = self.dialog, self.form
        try:
            url = syncing.server_address(f.address.text())
        except Exception as error:  # noqa: BLE001 — a ValidationFailed naming the address
            self._refused(error)
            return
        if not f.account.text().strip():
            d.message.setText(tr("账号：请填写账号"))
            f.focus("account")
            return
        if not f.password.text():
            d.message.setText(tr("密码：请填写密码"))
            f.focus("password")
            return
        if f.certificate.needs_reading(url):
            d.message.setText(tr("正在读取服务器证书…"))
            d.ok.setEnabled(False)
            self.worker.submit(
                lambda: syncing.certificate_of(url), lambda fp: self._read(url, fp), self._refused
            )
            return
        fingerprint = f.certificate.trusted_for(url) if url.startswith("https://") else None
        if url.startswith("https://") and fingerprint is None:
            d.message.setText(tr("服务器地址：请与乡镇平台核对证书指纹，一致后勾选“信任此证书”，再按开始"))
            return
        self._join(url, f.account.text().strip(), f.password.text(), fingerprint)

    def _read(self, url: str, fingerprint: str) -> None:
        self.dialog.ok.setEnabled(True)
        self.form.certificate.show_for(url, fingerprint)
        self.dialog.message.setText(
            tr("首次连接这台服务器：请与乡镇平台核对下面的证书指纹，一致后勾选“信任此证书”，再按开始")
        )

    def _join(self, url: str, username: str, password: str, fingerprint: str | None) -> None:
        d = self.dialog
        d.ok.setEnabled(False)
        d.progress.setRange(0, 0)
        d.progress.show()
        d.message.setText(tr("正在加入 {0}…").format(url))
        self.cancelling = False
        path = d.path

        def work(task):
            def report(stage: str, done: int, total: int) -> None:
                task.stage = stage
                task.progress(done, total)

            ws = syncing.join_township(
                path,
                url,
                username,
                password,
                progress=report,
                fingerprint=fingerprint,
                cancelled=lambda: task.cancelled,
            )
            ws.close()  # the person signs in next, as on every start
            return url

        self.task = self.worker.submit(work, self._joined, self._refused, self._progress, with_task=True)

    def _progress(self, done: int, total: int) -> None:
        d = self.dialog
        d.progress.setRange(0, max(total, 0))
        if total:
            d.progress.setValue(min(done, total))
        stage = getattr(self.task, "stage", "")
        if stage and not self.cancelling:
            d.message.setText(stage_name(stage) + "…")

    def cancel(self) -> None:
        self.cancelling = True
        self.task.cancel()
        self.dialog.message.setText(tr("正在取消加入…"))

    def _joined(self, _url) -> None:
        self.task = None
        self.dialog.accept()

    def _refused(self, error: Exception) -> None:
        d = self.dialog
        cancelled = self.cancelling
        self.task, self.cancelling = None, False
        d.ok.setEnabled(True)
        d.progress.hide()
        if cancelled:
            d.message.setText(tr("已取消加入：本机没有留下未完成的数据库，可以修改后再试"))
            return
        d.message.setText(explained(error))
        self.form.focus(field_of(error))


class ServerDialog(QDialog):
    """同步 → 服务器设置: where the township server is; an https:// address is trusted by its fingerprint."""

    saved = Signal(str)

    def __init__(self, ws, worker, status: syncing.SyncStatus | None, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.setWindowTitle(tr("服务器设置"))
        self.address = QLineEdit(status.server_url if status else "")
        self.certificate = CertificateCheck()
        if status and status.fingerprint and status.server_url.startswith("https://"):
            self.certificate.show_for(status.server_url, status.fingerprint)
            self.certificate.trust.setChecked(True)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("服务器地址"), self.address)
        form.addRow(self.certificate)
        note = plain_label(
            tr(
                "乡镇服务器换了地址时在这里修改。本机的登记保留；若新地址的服务器不认识本机，同步时会请您输入密码重新登记。"
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            url = syncing.server_address(self.address.text())
        except Exception as error:  # noqa: BLE001 — a ValidationFailed naming the address
            self._refused(error)
            return
        if self.certificate.needs_reading(url):
            self.ok.setEnabled(False)
            self.message.setText(tr("正在读取服务器证书…"))
            self.worker.submit(
                lambda: syncing.certificate_of(url), lambda fp: self._read(url, fp), self._refused
            )
            return
        fingerprint = self.certificate.trusted_for(url) if url.startswith("https://") else None
        if url.startswith("https://") and fingerprint is None:
            self.message.setText(tr("服务器地址：请与乡镇平台核对证书指纹，一致后勾选“信任此证书”，再保存"))
            return
        self.ok.setEnabled(False)
        self.worker.submit(lambda: syncing.set_server(self.ws, url, fingerprint), self._saved, self._refused)

    def _read(self, url: str, fingerprint: str) -> None:
        self.ok.setEnabled(True)
        self.certificate.show_for(url, fingerprint)
        self.message.setText(tr("请与乡镇平台核对证书指纹，一致后勾选“信任此证书”，再保存"))

    def _saved(self, url: str) -> None:
        self.saved.emit(url)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.ok.setEnabled(True)
        self.message.setText(explained(error))
        self.address.setFocus()


class RegisterDialog(QDialog):
    """The account's password, to register this laptop with the township server (the first time, or again
    after the server forgot it). The edits waiting to be sent stay on this laptop either way."""

    def __init__(self, account: str, server_url: str, again: bool, pending: int = 0, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("重新登记这台电脑") if again else tr("登记这台电脑"))
        if again:
            text = tr(
                "乡镇服务器 {1} 不再认识这台电脑的登记（例如服务器重装或从备份恢复）。"
                "请输入账号“{0}”的密码重新登记。"
            ).format(account, server_url)
        else:
            text = tr("第一次同步：请输入账号“{0}”的密码，在乡镇服务器 {1} 登记这台电脑。").format(
                account, server_url
            )
        if pending:
            text += tr("本机等待同步的 {0} 条修改都保留，登记后随即上传。").format(pending)
        words = plain_label(text)
        words.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("登记并同步"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.message = plain_label()
        self.message.setStyleSheet("color: #B00020")
        form = QFormLayout()
        form.addRow(tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.setFocus()

    def _ok(self) -> None:
        if not self.password.text():
            self.message.setText(tr("密码：请输入密码"))
            return
        self.accept()
