"""GUI fixtures: a real DB worker thread, real widgets offscreen, and a helper that waits for queued work."""

import gc

import pytest

from desktop.services import details
from desktop.ui.worker import DbWorker


@pytest.fixture(autouse=True)
def collect_in_the_ui_thread(qapp):
    """As the app does (desktop.ui.gc_guard): no automatic collection, which could run in the DB thread and
    delete widgets there; collect in this thread after each test instead."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


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
        window = MainWindow(ws, worker, details.places(ws))
        qtbot.addWidget(window)
        window.show()
        settle()
        return window

    return make
