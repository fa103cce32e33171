"""Sync in the window, against a real township server: the status bar, the sync button, the conflicts view
resolving a real conflict, and a refused first registration explained."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from desktop.services import choices, syncing
from desktop.ui.main_window import MainWindow
from tests.sync.servers import start
from tests.sync.test_end_to_end import add_household, edit_household, household_in

SHOTS = os.environ.get("FENGQIAO_SYNC_SHOTS")  # a folder: save screenshots of the sync screens there


def wait_for_sync(qtbot, window, settle):
    qtbot.waitUntil(lambda: window.sync.running is None, timeout=30000)
    settle()


def test_the_conflicts_view_resolves_a_real_conflict(qtbot, laptops, worker, net_worker, settle, monkeypatch):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0501", "东村501号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    window = MainWindow(b, worker, choices.places(b), net_worker)
    qtbot.addWidget(window)
    window.show()
    settle()
    assert window.sync.label.text().startswith("已同步：上次")
    assert not window.sync.conflicts_button.isVisible()

    edit_household(a, town, h, address="平台改的地址")
    edit_household(b, town, h, address="网格员改的地址")
    syncing.sync_now(a)
    window.sync.refresh()
    settle()
    assert window.sync.label.text() == "1 条修改保存在本机，等待同步"

    qtbot.mouseClick(window.sync.button, qtbot_left())
    wait_for_sync(qtbot, window, settle)
    assert window.sync.conflicts_button.isVisible() and window.sync.conflicts_button.text() == "冲突 1"

    dialog = window.show_conflicts()
    settle()
    cells = [dialog.conflicts.item(0, j).text() for j in range(5)]
    assert cells == ["东村 住户 0501", "地址", "东村501号", "平台改的地址", "网格员改的地址"]
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
    window = MainWindow(b, worker, choices.places(b))
    qtbot.addWidget(window)
    settle()
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    assert shown and "连不上乡镇服务器" in shown[0]
    assert (
        window.sync.label.text().startswith("同步未完成：") and "连不上乡镇服务器" in window.sync.label.text()
    )
    assert "1 条修改保存在本机" in window.sync.label.toolTip()
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
    window = MainWindow(b, worker, choices.places(b), net_worker)
    qtbot.addWidget(window)
    window.show()
    settle()
    add_household(b, town, "0503", "东村503号")
    window.sync.refresh()
    settle()
    window.sync.probe()  # what the timer does every minute
    qtbot.waitUntil(lambda: window.sync.online is True, timeout=10000)
    wait_for_sync(qtbot, window, settle)
    assert window.sync.label.text().startswith("已同步：上次")
    assert window.sync.clock_label.isVisible() and "相差" in window.sync.clock_label.text()
    assert household_in(laptops.a, "0503") is None
    syncing.sync_now(laptops.a)
    assert household_in(laptops.a, "0503") is not None


def test_offline_bundles_from_the_menu_and_a_double_clicked_reply(
    qtbot, laptops, worker, settle, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from sync.server.cli import main as server_main

    town, a, b, server = laptops.town, laptops.a, laptops.b, laptops.server
    add_household(a, town, "0601", "东村601号")
    syncing.sync_now(a)
    syncing.sync_now(b)  # registered once online: bundles are sealed with the key it got then
    add_household(b, town, "0602", "东村602号")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    out, reply = laptops.town.path.parent / "b", laptops.town.path.parent / "reply.fqb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window = MainWindow(b, worker, choices.places(b))
    qtbot.addWidget(window)
    settle()

    window.export_bundle()
    settle()
    assert "1 条待同步的修改" in shown[-1] and out.with_suffix(".fqb").exists()
    args = ["--database-url", server.server.db.url, "--data-dir", str(laptops.town.path.parent / "srv")]
    add_household(a, town, "0603", "东村603号")
    syncing.sync_now(a)
    assert server_main([*args, "import-bundle", str(out.with_suffix(".fqb")), "--reply", str(reply)]) == 0

    window.import_bundle(reply)  # as `fengqiao --open reply.fqb` does
    settle()
    assert "生效 1 条" in shown[-1] and household_in(b, "0603") is not None
    assert window.sync.label.text().startswith("已同步：上次")
