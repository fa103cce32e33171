"""Sync in the window: the status bar (online or not, pending changes, last sync, errors, clock), the sync
button with progress and cancel, automatic sync when the township server becomes reachable.

Network work runs on its own worker thread, so a slow link never holds up the database thread or the window.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QProgressDialog, QToolButton, QWidget

from desktop.services import syncing

from .common import show_error, tr
from .hub import EVERYTHING
from .join import RegisterDialog, stage_name
from .plain import as_text, plain_label

PROBE_EVERY_MS = 60_000
AUTO_SYNC_AFTER_SECONDS = 15 * 60


class SyncPanel(QObject):
    """Owns the sync widgets of the status bar. Any change on the hub (an edit adds to the pending count, a
    sync empties it) reads the sync state again, so automatic sync decides from the current count."""

    def __init__(self, ws, worker, net_worker=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.net = ws, worker, net_worker
        self.window = parent
        self.online: bool | None = None
        self.running = None
        self.last_status: syncing.SyncStatus | None = None
        self.clock_offset = 0.0
        self.label = plain_label(tr("离线工作：尚未连接乡镇服务器"))
        self.clock_label = plain_label()
        self.clock_label.setStyleSheet("color: #b42318; font-weight: bold;")
        self.clock_label.hide()
        self.conflicts_button = QToolButton()
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setStyleSheet("color: #b42318;")
        self.conflicts_button.hide()
        self.button = QToolButton()
        self.button.setText(tr("同步"))
        self.button.setToolTip(tr("与乡镇服务器同步 (F5)"))
        self.button.clicked.connect(lambda: self.sync_now())
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.probe)
        worker.hub.subscribe(self, EVERYTHING, lambda _changes: self.refresh())
        if self.net is not None:
            self.timer.start(PROBE_EVERY_MS)
            QTimer.singleShot(3000, self.probe)
        self.refresh()

    def widgets(self):
        return [self.clock_label, self.conflicts_button, self.label, self.button]

    # ------------------------------------------------------------------------------------------ state

    def refresh(self) -> None:
        self.worker.submit(lambda: syncing.status(self.ws), self._show)

    def _show(self, status: syncing.SyncStatus) -> None:
        self.last_status = status
        if self.running is not None:
            return
        text, details = self._state(status)
        self.label.setText(text)
        # A failed sync stays in red until a sync succeeds: the person sees it whenever they look down.
        self.label.setStyleSheet("color: #b42318;" if status.last_error and status.registered else "")
        self.label.setToolTip(as_text("\n".join(details)))
        self._clock(status.clock_offset_seconds)
        count = status.open_conflicts + status.rejected
        self.conflicts_button.setText(
            tr("冲突 {0}").format(status.open_conflicts)
            if status.open_conflicts
            else tr("被拒 {0}").format(status.rejected)
        )
        self.conflicts_button.setVisible(count > 0)

    def _state(self, status: syncing.SyncStatus) -> tuple[str, list[str]]:
        """One state, with its reason, for the status bar; the rest of what is known for its tooltip."""
        waiting = tr("{0} 条修改保存在本机，等待同步").format(status.pending) if status.pending else ""
        details = [status.server_url or "", waiting]
        if status.last_sync:
            details.append(tr("上次同步 {0}").format(_short_time(status.last_sync)))
        if status.rejected:
            details.append(tr("被拒 {0} 条").format(status.rejected))
        if status.unstorable:
            details.append(tr("收到 {0} 条无法保存的记录（已跳过）").format(status.unstorable))
        details = [d for d in details if d]
        if not status.registered:
            return tr("仅在本机使用：尚未连接乡镇服务器（同步 → 服务器设置）"), details
        if status.last_error:
            return tr("同步未完成：{0}").format(status.last_error), details
        if self.online is False:
            return tr("离线：连不上乡镇服务器") + (f"，{waiting}" if waiting else ""), details
        if status.pending:
            return waiting, details
        if status.last_sync:
            return tr("已同步：上次 {0}").format(_short_time(status.last_sync)), details
        return tr("尚未同步"), details

    def _clock(self, offset: float) -> None:
        self.clock_offset = offset
        warn = abs(offset) > syncing.CLOCK_WARNING_SECONDS
        self.clock_label.setVisible(warn)
        if warn:
            self.clock_label.setText(
                tr("本机时钟与乡镇服务器相差 {0} 分钟，请校准").format(f"{offset / 60:+.0f}")
            )

    # ------------------------------------------------------------------------------------------ reachability

    def probe(self) -> None:
        """Is the township server reachable? If so and there is work to send or news is due, sync."""
        if self.net is None or self.running is not None or self.last_status is None:
            return
        url, fingerprint = self.last_status.server_url, self.last_status.fingerprint
        self.net.submit(
            lambda: syncing.reachable(url, fingerprint), self._probed, lambda _e: self._probed(False)
        )

    def _probed(self, online: bool) -> None:
        was = self.online
        self.online = online
        status = self.last_status
        if (
            online
            and status
            and status.registered
            and not status.registration_lost
            and (status.pending or was is False or _stale(status))
        ):
            self.sync_now(automatic=True)
        elif status:
            self._show(status)

    # ------------------------------------------------------------------------------------------ sync

    def ask_password(self, again: bool) -> RegisterDialog:
        """The account's password to register this laptop (first time, or again); on OK the sync runs."""
        status = self.last_status
        dialog = RegisterDialog(
            self.ws.actor.display_name,
            status.server_url if status else "",
            again,
            status.pending if status else 0,
            self.window,
        )
        dialog.accepted.connect(lambda: self.sync_now(dialog.password.text(), register_again=again))
        dialog.open()
        self.password_dialog = dialog
        return dialog

    def sync_now(self, password: str | None = None, automatic: bool = False, register_again: bool = False):
        if self.running is not None:
            return self.running
        status = self.last_status
        first_or_again = status is not None and (not status.registered or status.registration_lost)
        if not automatic and password is None and first_or_again:
            return self.ask_password(again=status.registered)
        progress = None
        if not automatic:
            progress = QProgressDialog(tr("正在同步…"), tr("取消"), 0, 0, self.window)
            progress.setMinimumDuration(500)
        self.label.setText(tr("正在同步…"))
        self.button.setEnabled(False)
        runner = self.net or self.worker

        def work(task):
            def report(stage: str, done: int, total: int) -> None:
                task.progressed.emit(done, total)
                task.stage = stage

            return syncing.sync_now(
                self.ws,
                password=password,
                progress=report,
                cancelled=lambda: task.cancelled,
                register_again=register_again,
            )

        def step(done: int, total: int) -> None:
            if progress is not None:
                progress.setLabelText(stage_name(getattr(self.running, "stage", "")) + "…")
                progress.setMaximum(total)
                progress.setValue(min(done, total))

        def finished(result, error=None) -> None:
            if progress is not None:
                progress.close()
            self.running = None
            self.button.setEnabled(True)
            self.online = error is None or not isinstance(error, syncing.Offline)
            if isinstance(error, syncing.RegistrationLost) and not automatic:
                self.refresh()
                self.ask_password(again=True)  # not a dead end: the password registers again, then syncs
                return
            if error is not None and not automatic:
                show_error(self.window, error, tr("同步没有完成"))
            if result is not None:
                self._clock(result.clock_offset_seconds)
            else:
                self.refresh()  # a sync that changed nothing publishes nothing; its error is news

        self.running = runner.submit(work, finished, lambda e: finished(None, e), step, with_task=True)
        if progress is not None:
            progress.canceled.connect(self.running.cancel)
        return self.running


def _short_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%m-%d %H:%M")
    except ValueError:
        return iso


def _stale(status: syncing.SyncStatus) -> bool:
    if not status.last_sync:
        return True
    try:
        return (
            datetime.now() - datetime.fromisoformat(status.last_sync)
        ).total_seconds() > AUTO_SYNC_AFTER_SECONDS
    except ValueError:
        return True
