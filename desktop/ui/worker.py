"""Worker threads: widgets submit a callable and get a signal back; they never block.

Two workers run in the app. The database worker runs every use case and every read the screens make. The
network worker runs sync, which talks to the township server and writes what it pulls through the replica, each
page in one short transaction of its own; SQLite (WAL) serialises those writes with the database worker's.
Nothing touches the database on the UI thread once the window is up.

A Task lives in the UI thread; the worker emits its signals from its own thread, and because the receiving
slots belong to the Task, Qt queues them back to the UI thread, where the callbacks run. What the work changed
is then published on the change hub (desktop.ui.hub), which every screen listens to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .hub import ChangeHub, changes_in


class Task(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, fn: Callable, on_done=None, on_error=None, on_progress=None, settled=None, hub=None):
        super().__init__()
        self.fn = fn
        self.hub = hub
        self.settled = settled
        self.cancelled = False
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.finished.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def progress(self, done: int, total: int) -> bool:
        """For the services' progress callbacks: reports, and answers False once the user cancelled."""
        self.progressed.emit(done, total)
        return not self.cancelled

    def cancel(self) -> None:
        self.cancelled = True

    @Slot(object)
    def _deliver_done(self, result) -> None:
        try:
            if self.hub is not None:
                self.hub.publish(changes_in(result))
            if self.on_done:
                self.on_done(result)
        finally:
            self._settle()

    @Slot(object)
    def _deliver_error(self, error) -> None:
        try:
            if self.on_error:
                self.on_error(error)
        finally:
            self._settle()

    def _settle(self) -> None:
        if self.settled:
            self.settled(self)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self.on_progress:
            self.on_progress(done, total)


class DbWorker(QObject):
    _queued = Signal(object)
    idle = Signal()

    def __init__(self, name: str = "fengqiao-db", hub: ChangeHub | None = None):
        super().__init__()
        self.hub = hub or ChangeHub()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.moveToThread(self._thread)
        self._queued.connect(self._execute)
        self._pending: set[Task] = set()
        self._thread.start()

    def submit(
        self, fn: Callable, on_done=None, on_error=None, on_progress=None, *, with_task: bool = False
    ) -> Task:
        """Run fn() (or fn(task), to report progress and see cancellation) on the database thread."""
        task = Task(fn, on_done, on_error, on_progress, settled=self._pending.discard, hub=self.hub)
        task.with_task = with_task
        self._pending.add(task)  # until its callback has run in the UI thread
        self._queued.emit(task)
        return task

    @property
    def busy(self) -> bool:
        """True while any submitted work, or the callback it answers to, has not yet run."""
        return bool(self._pending)

    @Slot(object)
    def _execute(self, task: Task) -> None:
        try:
            result = task.fn(task) if task.with_task else task.fn()
        except Exception as exc:  # every failure goes back to the screen that asked
            task.failed.emit(exc)
        else:
            task.finished.emit(result)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(10000)
