"""Sync in the window, against a real township server: the status bar, the sync button, the conflicts view
resolving a real conflict, and a refused first registration explained."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.services import details, syncing
from desktop.ui.main_window import MainWindow
from desktop.ui.worker import DbWorker
from tests.sync.conftest import Laptops
from tests.sync.servers import start
from tests.sync.test_end_to_end import add_household, edit_household, household_in

SHOTS = os.environ.get("FENGQIAO_SYNC_SHOTS")  # a folder: save screenshots of the sync screens there


@pytest.fixture
def laptops(tmp_path, clock):
    running = start(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server-data")
    pair = Laptops(tmp_path, clock, running)
    yield pair
    pair.close()
    pair.server.stop()  # (a test may have restarted it)


@pytest.fixture
def net_worker(qapp):
    w = DbWorker("fengqiao-net")
    yield w
    w.stop()


def wait_for_sync(qtbot, window, settle):
    qtbot.waitUntil(lambda: window.sync.running is None, timeout=30000)
    settle()


def test_the_conflicts_view_resolves_a_real_conflict(qtbot, laptops, worker, net_worker, settle, monkeypatch):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0501", "东村501号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    window = MainWindow(b, worker, details.places(b), net_worker)
    qtbot.addWidget(window)
    window.show()
    settle()
    assert "没有待同步的修改" in window.sync.label.text() and "上次同步" in window.sync.label.text()
    assert not window.sync.conflicts_button.isVisible()

    edit_household(a, town, h, address="平台改的地址")
    edit_household(b, town, h, address="网格员改的地址")
    syncing.sync_now(a)
    window.sync.refresh()
    settle()
    assert "待同步 1 条" in window.sync.label.text()

    qtbot.mouseClick(window.sync.button, qtbot_left())
    wait_for_sync(qtbot, window, settle)
    assert window.sync.conflicts_button.isVisible() and window.sync.conflicts_button.text() == "冲突 1"

    dialog = window.show_conflicts()
    settle()
    cells = [dialog.conflicts.item(0, j).text() for j in range(5)]
    assert cells == ["住户 0501", "地址", "东村501号", "平台改的地址", "网格员改的地址"]
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "sync-conflicts.png"))
        window.grab().save(os.path.join(SHOTS, "sync-status.png"))
    qtbot.mouseClick(dialog.take_local, qtbot_left())
    settle()
    assert dialog.conflicts.rowCount() == 0
    dialog.close()

    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    assert not window.sync.conflicts_button.isVisible()
    syncing.sync_now(a)
    assert household_in(a, "0501").address == "网格员改的地址"
    assert household_in(b, "0501").address == "网格员改的地址"


def test_a_failed_sync_is_explained_and_nothing_is_lost(qtbot, laptops, worker, settle, monkeypatch):
    town, b = laptops.town, laptops.b
    add_household(b, town, "0502", "东村502号")
    laptops.server.stop()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window = MainWindow(b, worker, details.places(b))
    qtbot.addWidget(window)
    settle()
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    assert shown and "连不上乡镇服务器" in shown[0]
    assert "待同步 1 条" in window.sync.label.text() and "上次同步失败" in window.sync.label.text()
    laptops.server = start(
        laptops.server.server.db.url, laptops.town.path.parent / "server-data"
    )  # for teardown


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_automatic_sync_when_reachable_and_a_clock_warning(qtbot, laptops, worker, net_worker, settle):
    from datetime import datetime, timedelta

    from tests.conftest import Clock

    town, b = laptops.town, laptops.b
    b.clock = Clock(datetime.now() - timedelta(days=3))  # this laptop's clock is three days behind
    window = MainWindow(b, worker, details.places(b), net_worker)
    qtbot.addWidget(window)
    window.show()
    settle()
    add_household(b, town, "0503", "东村503号")
    window.sync.refresh()
    settle()
    window.sync.probe()  # what the timer does every minute
    qtbot.waitUntil(lambda: window.sync.online is True, timeout=10000)
    wait_for_sync(qtbot, window, settle)
    assert "没有待同步的修改" in window.sync.label.text() and "在线" in window.sync.label.text()
    assert window.sync.clock_label.isVisible() and "相差" in window.sync.clock_label.text()
    assert household_in(laptops.a, "0503") is None
    syncing.sync_now(laptops.a)
    assert household_in(laptops.a, "0503") is not None
