"""The default handler of background failures: work submitted with no on_error of its own that fails is
written to the log with its traceback and told to the person at the screen, in words they can act on.

The composition root (desktop/app.py) makes one and gives it to both workers; nothing here is global. Failures
that arrive while the message is still open join it instead of stacking a second window on top (a page that
reads four things from a damaged database fails four times at once).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from desktop.services.errors import Cancelled

from .common import tr, user_message
from .worker import log_failure

OBJECT_NAME = "failure-report"


class FailureReport:
    """Called by a worker as on_error(error, place) for work whose caller gave no on_error."""

    def __init__(self, log_path: Path | None = None):
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self.messages: list[str] = []

    def __call__(self, error: Exception, place: str) -> None:
        if isinstance(error, Cancelled):  # the person's own choice: nothing failed
            logging.getLogger("fengqiao.worker").info("background work cancelled: %s", place)
            return
        log_failure(error, place)
        message = user_message(error)
        blocked = QApplication.activeModalWidget() is not None  # a dialog takes every click outside itself
        open_ = self.box is not None and isValid(self.box) and self.box.isVisible()
        if not open_:
            self.messages = []
        elif blocked and not self.box.isModal():
            # A dialog opened since the message was shown blocks it: the message is shown again above the
            # dialog, keeping what it already said.
            self.box.close()
            open_ = False
        if not open_:
            self.box = self._new_box(above_a_dialog=blocked)
        if message not in self.messages:
            self.messages.append(message)
        self.box.setText(self._text())
        self.box.show()
        self.box.raise_()
        self.box.activateWindow()

    @staticmethod
    def _main_window() -> QWidget | None:
        """The window the person works in: the active one, unless that is another message of ours."""
        window = QApplication.activeWindow()
        if window is None or not window.isVisible() or window.objectName() == OBJECT_NAME:
            return None
        return window

    def _text(self) -> str:
        lines = [tr("有一项工作没有完成，屏幕上的内容可能不是最新的：")]
        lines += [f"• {message}" for message in self.messages]
        return "\n".join(lines)

    def _advice(self) -> str:
        advice = tr("可以重新打开这一页再试一次；如果仍然不行，请退出后重新登录。")
        if self.log_path is not None:
            advice += "\n\n" + tr("详情已记入日志，需要帮助时请把这个文件交给技术支持：\n{0}").format(
                self.log_path
            )
        return advice

    def _new_box(self, *, above_a_dialog: bool) -> QMessageBox:
        # Not modal, so a failure in the background never takes the keyboard from what the person
        # is doing; parented to the main window, so the message stays above it. While a dialog is
        # open, only a modal message above it can be clicked: then it is modal too, and owned by
        # nobody, so it outlives the dialog.
        box = QMessageBox(None if above_a_dialog else self._main_window())
        box.setObjectName(OBJECT_NAME)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("操作未完成"))
        box.setInformativeText(self._advice())
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        if self.log_path is not None:
            # The log lives in a hidden folder (AppData on Windows): one click shows it, ready to hand over.
            folder = box.addButton(tr("打开日志所在文件夹"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(self._open_log_folder)
        # With a second button Qt finds no escape button and ignores Esc and the title bar's ×: Ok is it.
        box.setEscapeButton(QMessageBox.StandardButton.Ok)
        box.setWindowModality(
            Qt.WindowModality.ApplicationModal if above_a_dialog else Qt.WindowModality.NonModal
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # wide enough that a file's path breaks at most once (a message box is narrow by default)
        box.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 30em; }")
        return box

    def _open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
