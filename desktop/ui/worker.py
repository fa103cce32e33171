"""Worker threads: widgets submit a callable and get a signal back; they never block.

Two workers run in the app. The database worker runs every use case and every read the screens make. The
network worker runs sync, which talks to the township server and writes what it pulls through the replica,
each page in one short transaction of its own; SQLite (WAL) serialises those writes with the database
worker's. Nothing touches the database on the UI thread once the window is up.

A Task lives in the UI thread; the worker emits its signals from its own thread, and because the receiving
slots belong to the Task, Qt queues them back to the UI thread, where the callbacks run. What the work changed
is then published on the change hub (desktop.ui.hub), which every screen listens to.

No failure vanishes: work submitted without an on_error of its own fails into the worker's default handler,
which the composition root (desktop/app.py) gives it: a message in the window and a line in the log
(desktop/ui/failures.py). A worker built without one still logs the failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .hub import ChangeHub, changes_in

log = logging.getLogger("fengqiao.worker")

# The default handler of failures: called with the error and where the failed work was written (file:line).
FailureHandler = Callable[[Exception, str], None]


def where(fn: Callable) -> str:
    """Where a submitted callable was written, for the log: a lambda's file and line name the call site."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return getattr(fn, "__qualname__", repr(fn))
    return f"{code.co_filename}:{code.co_firstlineno} ({fn.__qualname__})"


def log_failure(error: Exception, place: str) -> None:
    """The least a failure gets: its traceback in the log (a worker with no default handler given)."""
    log.error("background work failed, with no handler of its own: %s", place, exc_info=error)


class Task(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        fn: Callable,
        on_done=None,
        on_error=None,
        on_progress=None,
        settled=None,
        hub=None,
        fallback: FailureHandler = log_failure,
    ):
        super().__init__()
        self.fallback = fallback
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
            else:  # nobody asked to hear of it: the worker's default handler tells the person, and the log
                self.fallback(error, where(self.fn))
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

    def __init__(
        self, name: str = "fengqiao-db", hub: ChangeHub | None = None, on_error: FailureHandler | None = None
    ):
        """on_error: what becomes of a failure whose caller gave no on_error (the composition root's
        default handler); without one, the failure is logged."""
        super().__init__()
        self.hub = hub or ChangeHub()
        self.on_error = on_error or log_failure
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
        task = Task(
            fn,
            on_done,
            on_error,
            on_progress,
            settled=self._pending.discard,
            hub=self.hub,
            fallback=self.on_error,
        )
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
