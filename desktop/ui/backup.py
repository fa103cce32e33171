"""Backing up this laptop from the File menu, and the form that restores a backup (first run, or the menu)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backups

from .common import run_with_progress, tr, user_message
from .plain import inform, plain_label


def _file_filter() -> str:
    return tr("枫桥备份 (*.fqbak)")


class RestoreForm(QWidget):
    """The backup file, then one of the accounts it holds, and that account's password."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("U 盘或其他位置上的 .fqbak 文件"))
        self.file.editingFinished.connect(self._read_accounts)
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.account = QComboBox()
        self.account.setEditable(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("备份文件"), row)
        form.addRow(self.tr("账号"), self.account)
        form.addRow(self.tr("密码"), self.password)
        note = plain_label(
            self.tr(
                "用备份时本机任一账号的密码恢复（网格员、调解员、平台办公室或管理员）。"
                "这台电脑上已有的数据会先移到 backups 文件夹保存，不会删除。"
            )
        )
        note.setWordWrap(True)
        form.addRow(note)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), "", _file_filter())
        if name:
            self.file.setText(name)
            self._read_accounts()

    def _read_accounts(self) -> None:
        try:
            names = backups.accounts_in(Path(self.file.text().strip()))
        except Exception:
            return  # not readable yet; choosing restore explains why
        current = self.account.currentText()
        self.account.clear()
        self.account.addItems(names)
        if current in names:
            self.account.setCurrentText(current)

    def values(self) -> tuple[Path, str, str]:
        return Path(self.file.text().strip()), self.account.currentText().strip(), self.password.text()

    def problem(self) -> str | None:
        """What is missing, in words, before any work starts."""
        path, user, password = self.values()
        if not self.file.text().strip() or not path.is_file():
            return self.tr("请选择备份文件（找不到：{0}）").format(path)
        if not user or not password:
            return self.tr("请输入备份中的账号和它的密码")
        return None


class RestoreDialog(QDialog):
    """From the menu: checks the password against the backup before the open database is touched."""

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("从备份恢复"))
        self.form = RestoreForm()
        self.message = plain_label()
        self.message.setStyleSheet("color: #B00020")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("恢复"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("恢复后需要重新登录。")))
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def check(self) -> None:
        if problem := self.form.problem():
            self.message.setText(problem)
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("正在核对密码…"))
        self.worker.submit(
            lambda: backups.check_password(*self.form.values()), lambda _: self.accept(), self._failed
        )

    def _failed(self, error) -> None:
        self.ok.setEnabled(True)
        self.form.password.selectAll()
        self.message.setText(user_message(error))


def make_backup(parent: QWidget, ws, worker):
    """Ask where, then back up behind a progress dialog that can cancel; returns the task (or None)."""
    default = backups.backups_folder(ws.db.path) / backups.suggested_name(ws)
    name, _ = QFileDialog.getSaveFileName(parent, tr("备份本机数据"), str(default), _file_filter())
    if not name:
        return

    def done(report) -> None:
        c = report.counts
        inform(
            parent,
            tr("备份完成"),
            tr(
                "已备份到 {0}（{1:.1f} MB）：{2} 户、{3} 人、{4} 次走访、{5} 件事项、{6} 个附件。\n"
                "备份已加密，凭本机任一账号的密码才能恢复。请把它存到 U 盘等另一处。"
            ).format(
                report.path,
                report.size / 1e6,
                c["households"],
                c["persons"],
                c["visits"],
                c["matters"],
                c["attachments"],
            ),
        )

    return run_with_progress(
        parent, worker, tr("正在备份…"), lambda task: backups.make_backup(ws, Path(name), task.progress), done
    )


def restore_then_relogin(window, ws, worker, values, on_finished) -> None:
    """Close the open database, restore, and hand back to the login whether or not it worked (the old data
    is untouched if it did not). `on_finished(message)` is called in the UI thread."""
    from PySide6.QtWidgets import QProgressDialog

    path, user, password = values
    progress = QProgressDialog(tr("正在恢复备份…"), None, 0, 3, window)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)

    def work(task):
        ws.close()
        return backups.restore_backup(path, ws.db.path, user, password, progress=task.progress)

    def done(report) -> None:
        progress.close()
        made = report.manifest
        text = tr("已恢复 {0} 于 {1} 由 {2} 做的备份。").format(
            made.get("township", ""), made.get("created", ""), made.get("made_by", "")
        )
        if report.moved_aside:
            text += tr("\n原来的数据已移到 {0}。").format(report.moved_aside)
        on_finished(text)

    def failed(error) -> None:
        progress.close()
        on_finished(tr("没有恢复：{0}\n这台电脑上原有的数据没有改动。").format(user_message(error)))

    worker.submit(work, done, failed, lambda done_, total: progress.setValue(done_), with_task=True)
