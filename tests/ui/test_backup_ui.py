"""Backup and restore in the window: the File menu, a wrong password that changes nothing, a restore that
signs in again, and a new laptop set up from a backup on first run."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.services import backups, lists
from desktop.ui.start import LoginDialog, SetupDialog
from tests.conftest import PASSWORD
from tests.services.test_residents import household


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    return messages


def _menu_texts(window) -> list[str]:
    return [a.text() for menu in window.menuBar().actions() for a in menu.menu().actions()]


def test_the_file_menu_backs_up_and_restores_and_signs_in_again(
    qtbot, township, window_for, settle, shown, monkeypatch, tmp_path
):
    assert "备份本机数据…" not in _menu_texts(window_for("leader"))
    household(township, number="0101")
    window = window_for("grid1")
    assert {"备份本机数据…", "从备份恢复…"} <= set(_menu_texts(window))

    target = tmp_path / "usb" / "grid1.fqbak"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup()
    settle()
    assert target.exists() and "已备份到" in shown[-1] and "1 户" in shown[-1]

    household(township, number="0102")  # after the backup: the restore takes it back out
    dialog = window.restore()
    dialog.form.file.setText(str(target))
    dialog.form._read_accounts()
    assert dialog.form.account.findText("grid1") >= 0
    dialog.form.account.setCurrentText("grid1")
    dialog.form.password.setText("wrong password")
    dialog.check()
    settle()
    assert "密码错误" in dialog.message.text() and dialog.isVisible()
    assert len(lists.households(window.ws).rows) == 2  # the open database was not touched

    dialog.form.password.setText(PASSWORD)
    dialog.check()
    settle()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    assert "已恢复 向城镇" in window.relogin_notice and "原来的数据已移到" in window.relogin_notice

    login = LoginDialog(window.worker, township.path, notice=window.relogin_notice)
    qtbot.addWidget(login)
    login.account.setCurrentText("grid1")
    login.password.setText(PASSWORD)
    login.sign_in()
    settle()
    assert [r.number for r in lists.households(login.workspace).rows] == ["0101"]
    login.workspace.close()


def test_a_new_laptop_starts_from_a_backup(qtbot, township, worker, settle, tmp_path):
    household(township, number="0101")
    report = backups.make_backup(township.login("grid1"), tmp_path / "grid1.fqbak")
    new_laptop = tmp_path / "new" / "fengqiao.db"
    setup = SetupDialog(worker, new_laptop)
    qtbot.addWidget(setup)
    setup.tabs.setCurrentWidget(setup.restore_form)
    setup.go()
    assert "请选择备份文件" in setup.message.text()
    setup.restore_form.file.setText(str(report.path))
    setup.restore_form._read_accounts()
    setup.restore_form.account.setCurrentText("auditor")
    setup.restore_form.password.setText(PASSWORD)
    setup.go()
    settle()
    assert "恢复备份的权限" in setup.message.text() and not new_laptop.exists()
    setup.restore_form.account.setCurrentText("grid1")
    setup.go()
    settle()
    assert setup.result() == 1 and new_laptop.exists()
