"""The default handler of background failures: work submitted with no on_error of its own that fails is
written to the log with its traceback and told to the person at the screen, in words they can act on.

The composition root (desktop/app.py) makes one and gives it to both workers; nothing here is global. Failures
that arrive while the message is still open join it instead of stacking a second window on top (a page that
reads four things from a damaged database fails four times at once).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from desktop.services.errors import Cancelled

from .common import tr, user_message
from .worker import log_failure


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
        if self.box is None or not isValid(self.box) or not self.box.isVisible():
            self.box = self._new_box()
            self.messages = []
        if message not in self.messages:
            self.messages.append(message)
        self.box.setText(self._text())
        self.box.show()

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

    def _new_box(self) -> QMessageBox:
        # Parented to the window in front, so the message stays above it; not modal, so a failure in the
        # background never takes the keyboard from what the person is doing.
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("操作未完成"))
        box.setInformativeText(self._advice())
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # wide enough that a file's path breaks at most once (a message box is narrow by default)
        box.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 30em; }")
        return box
