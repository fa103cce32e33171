"""GUI fixtures: a real DB worker thread, real widgets offscreen, and a helper that waits for queued work."""

import gc

import pytest

from desktop.services import choices
from desktop.ui.gc_guard import GcGuard
from desktop.ui.worker import DbWorker
from tests.sync.conftest import Laptops
from tests.sync.servers import start


@pytest.fixture(scope="session", autouse=True)
def the_apps_gc_mode(qapp):
    """The GUI tests run as the app does (desktop.ui.gc_guard): no automatic collection, which could run in
    the DB thread and delete widgets there; the UI thread collects on a timer. Restored at the end."""
    guard = getattr(qapp, "_fengqiao_gc", None) or GcGuard(parent=qapp)
    qapp._fengqiao_gc = guard
    yield
    guard.stop()


@pytest.fixture(autouse=True)
def collect_in_the_ui_thread(the_apps_gc_mode):
    """Each test's garbage is collected in this thread before the next test starts."""
    yield
    gc.collect()


@pytest.fixture
def no_popups(monkeypatch):
    """Message boxes do not block a test: what they would have said is collected instead."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for name in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture
def worker(qapp):
    w = DbWorker()
    yield w
    w.stop()


@pytest.fixture
def settle(qtbot, worker):
    """Wait until every piece of submitted database work has come back and its callback has run."""

    def wait(timeout: int = 15000):
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not worker.busy, timeout=timeout)
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not worker.busy, timeout=timeout)

    return wait


@pytest.fixture
def window_for(qtbot, township, worker, settle):
    """The main window as a given account sees it."""
    from desktop.ui.main_window import MainWindow

    def make(username: str):
        ws = township.login(username)
        window = MainWindow(ws, worker, choices.places(ws))
        qtbot.addWidget(window)
        window.show()
        settle()
        return window

    return make


@pytest.fixture
def laptops(tmp_path, clock):
    """The township's laptop and a grid worker's, with a real township server on SQLite."""
    running = start(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server-data")
    pair = Laptops(tmp_path, clock, running)
    yield pair
    pair.close()
    pair.server.stop()  # (a test may have restarted it)


@pytest.fixture
def net_worker(qapp, worker):
    w = DbWorker("fengqiao-net", worker.hub)
    yield w
    w.stop()
