"""The first screens: set up a database on first run, then sign in. Both do their work off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts, backups, choices, demo, setup, syncing
from desktop.services.errors import database_damaged

from .backup import RestoreDialog, RestoreForm
from .common import heading, user_message
from .join import JoinForm, Joining
from .plain import plain_label
from .worker import DbWorker


class LoginDialog(QDialog):
    """Account and password unlock the encrypted database; a wrong password or a locked account says so."""

    def __init__(self, worker: DbWorker, path: Path, clock=None, notice: str | None = None, parent=None):
        super().__init__(parent)
        self.worker, self.path, self.clock = worker, Path(path), clock
        self.workspace = self.server_url = None
        self.setWindowTitle(self.tr("枫桥 · 登录"))
        self.account = QComboBox()
        self.account.setEditable(True)
        self.account.addItems(accounts.usernames(self.path))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = plain_label()
        self.message.setStyleSheet("color: #B00020")
        self.message.setWordWrap(True)
        self.setMinimumWidth(400)  # room for a refusal to wrap onto a few lines, not a dozen
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.button = QPushButton(self.tr("登录"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.sign_in)
        # Offered when the database file itself cannot be read: a backup is the way back to work.
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.clicked.connect(self.restore)
        self.restore_button.hide()
        form = QFormLayout()
        form.addRow(self.tr("账号"), self.account)
        form.addRow(self.tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("枫桥 矛盾纠纷多元化解"), 15))
        layout.addWidget(plain_label(self.tr("数据库：{0}").format(self.path)))
        if notice:
            shown = plain_label(notice)
            shown.setWordWrap(True)
            layout.addWidget(shown)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.button)
        layout.addWidget(self.restore_button)
        self.password.setFocus()

    def sign_in(self) -> None:
        username, password = self.account.currentText().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("请输入账号和密码"))
            return
        self.button.setEnabled(False)
        self.busy.show()
        self.message.setText(self.tr("正在解锁数据库…"))
        options = {"clock": self.clock} if self.clock else {}

        def unlock():
            ws = accounts.login(self.path, username, password, **options)
            return ws, choices.places(ws), syncing.status(ws).server_url

        self.worker.submit(unlock, self._done, self._failed)

    def _done(self, result) -> None:
        self.workspace, self.places, self.server_url = result
        self.accept()

    def _failed(self, error) -> None:
        self.busy.hide()
        self.button.setEnabled(True)
        self.password.selectAll()
        self._say(user_message(error))
        self.restore_button.setVisible(database_damaged(error))

    def _say(self, text: str) -> None:
        """A message shown whole: the window grows to the wrapped text (within the screen)."""
        self.message.setText(text)
        # A word-wrapped label's height depends on its width, which a window does not follow by itself: ask
        # for the height the text needs at the width it has, and the window grows to it.
        margins = self.layout().contentsMargins()
        width = max(self.width(), self.minimumWidth()) - margins.left() - margins.right()
        self.message.setMinimumHeight(self.message.heightForWidth(width) if text else 0)

    def restore(self) -> RestoreDialog:
        """The database cannot be read: put a backup in its place (the damaged file is moved aside into the
        backups folder, not deleted), then sign in as usual."""
        dialog = RestoreDialog(self.worker, self)
        dialog.accepted.connect(lambda: self._restore(dialog.form.values()))
        dialog.open()
        self.restore_dialog = dialog
        return dialog

    def _restore(self, values) -> None:
        file, user, password = values
        self.button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.busy.show()
        self._say(self.tr("正在从备份恢复…"))

        def restored(report) -> None:
            self.busy.hide()
            self.button.setEnabled(True)
            self.restore_button.setEnabled(True)
            self.restore_button.hide()
            self.account.setCurrentText(user)
            text = self.tr("已从备份恢复，请登录。")
            if report.moved_aside:
                text += self.tr("\n无法读取的原文件已移到 {0}。").format(report.moved_aside)
            self._say(text)

        self.worker.submit(
            lambda task: backups.restore_backup(file, self.path, user, password, progress=task.progress),
            restored,
            self._failed,
            with_task=True,
        )


class SetupDialog(QDialog):
    """First run: join the township server (a grid worker's laptop), a new township, an existing database,
    a backup, or a demo township to try the app."""

    def __init__(self, worker: DbWorker, path: Path, parent=None):
        super().__init__(parent)
        self.worker, self.path = worker, Path(path)
        self.setWindowTitle(self.tr("枫桥 · 首次使用"))
        self.tabs = QTabWidget()
        self.join_form = JoinForm()
        self.tabs.addTab(self.join_form, self.tr("加入乡镇服务器"))
        self.tabs.addTab(self._new_page(), self.tr("新建乡镇"))
        self.tabs.addTab(self._open_page(), self.tr("打开已有数据库"))
        self.tabs.addTab(self._demo_page(), self.tr("试用演示数据"))
        self.restore_form = RestoreForm()
        self.tabs.addTab(self.restore_form, self.tr("从备份恢复"))
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020")
        self.progress = QProgressBar()
        self.progress.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.go)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # Our own words, so the buttons follow the app's language even where Qt's translations are missing.
        self.ok.setText(self.tr("开始"))
        self.cancel.setText(self.tr("取消"))
        self.task = None  # the database being made, while it is made
        self.cancelling = False
        self.joining = Joining(self, self.join_form, worker)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("欢迎使用枫桥")))
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)

    def _password_pair(self, form: QFormLayout) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(), QLineEdit()
        for edit in (first, second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("管理员密码"), first)
        form.addRow(self.tr("再输入一次"), second)
        return first, second

    def _new_page(self) -> QWidget:
        page, form = QWidget(), QFormLayout()
        self.township, self.code = QLineEdit(), QLineEdit()
        self.township.setPlaceholderText(self.tr("如：向城镇"))
        self.code.setPlaceholderText(self.tr("12位统计用区划代码（可不填）"))
        form.addRow(self.tr("乡镇（街道）名称"), self.township)
        form.addRow(self.tr("区划代码"), self.code)
        self.new_pw = self._password_pair(form)
        page.setLayout(form)
        return page

    def _open_page(self) -> QWidget:
        page, form = QWidget(), QFormLayout()
        self.existing = QLineEdit()
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        form.addRow(self.tr("数据库文件"), self.existing)
        form.addRow("", browse)
        page.setLayout(form)
        return page

    def _demo_page(self) -> QWidget:
        page, form = QWidget(), QFormLayout()
        self.households = QSpinBox()
        self.households.setRange(100, 50000)
        self.households.setValue(2000)
        form.addRow(self.tr("户数"), self.households)
        self.demo_pw = self._password_pair(form)
        form.addRow(
            plain_label(
                self.tr("演示账号 admin、platform、mediator、lawyer、supervisor、leader、gw001 使用同一密码")
            )
        )
        page.setLayout(form)
        return page

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("打开数据库"), "", self.tr("枫桥数据库 (*.db)"))
        if name:
            self.existing.setText(name)

    def go(self) -> None:
        self.message.clear()
        if self.tabs.currentWidget() is self.join_form:
            self.joining.start()
            return
        tab = self.tabs.currentIndex() - 1  # after the join page: new, open, demo, restore
        if tab == 1:
            chosen = Path(self.existing.text().strip())
            if not chosen.is_file():
                self.message.setText(self.tr("找不到数据库文件：{0}").format(chosen))
                return
            self.path = chosen
            self.accept()
            return
        if tab == 3:
            self._restore()
            return
        first, second = self.new_pw if tab == 0 else self.demo_pw
        if first.text() != second.text():
            self.message.setText(self.tr("两次输入的密码不一致"))
            return
        password = first.text()
        self.ok.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 0)
        if tab == 0:
            name, code = self.township.text(), self.code.text().strip() or None

            def work():
                setup.create_township(self.path, name, password, division_code=code).close()

            self.task = self.worker.submit(work, self._made, self._failed)
        else:
            count = self.households.value()
            self.task = self.worker.submit(
                lambda task: demo.build(
                    self.path, password, count, progress=lambda stage, done, total: task.progress(done, total)
                ),
                self._made,
                self._failed,
                self._progress,
                with_task=True,
            )

    def _restore(self) -> None:
        if problem := self.restore_form.problem():
            self.message.setText(problem)
            return
        file, user, password = self.restore_form.values()
        self.ok.setEnabled(False)
        self.progress.show()
        self.task = self.worker.submit(
            lambda task: backups.restore_backup(file, self.path, user, password, progress=task.progress),
            self._made,
            self._failed,
            self._progress,
            with_task=True,
        )

    def reject(self) -> None:
        """Cancel closes the dialog; while a database is being made, it stops and removes what it made. A join
        being cancelled stops and leaves the form as it was typed, to correct and try again."""
        if self.joining.task is not None:
            self.joining.cancel()
            return
        if self.task is None:
            super().reject()
            return
        self.cancelling = True
        self.task.cancel()
        self.cancel.setEnabled(False)
        self.message.setText(self.tr("正在取消，并删除未完成的数据库…"))

    def _made(self, _result) -> None:
        self.task = None
        if not self.cancelling:
            self.accept()
            return
        path = self.path  # finished before it saw the cancel: the person still asked for nothing to be kept
        self.worker.submit(
            lambda: setup.remove_database(path), lambda _: super(SetupDialog, self).reject(), self._failed
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error) -> None:
        self.task = None
        if self.cancelling:
            super().reject()
            return
        self.ok.setEnabled(True)
        self.progress.hide()
        self.message.setText(user_message(error))
