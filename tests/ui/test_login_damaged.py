"""The login with a damaged database file: the driver's real refusal is shown whole (not clipped), with the
way back offered — restore from a backup — after which the same dialog signs in. Qt's own buttons follow the
app's Chinese on any system locale."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.services import backups, lists
from desktop.ui.start import LoginDialog
from tests.conftest import PASSWORD
from tests.services.test_residents import household


def test_a_damaged_database_offers_the_backup_and_signs_in_after(qtbot, township, worker, settle, tmp_path):
    household(township, number="0101")
    backup = tmp_path / "usb" / "grid1.fqbak"
    backups.make_backup(township.login("grid1"), backup)
    township.close()
    damaged = bytearray(township.path.read_bytes())
    damaged[:4096] = bytes(4096)  # the first page gone: SQLCipher cannot decrypt it
    township.path.write_bytes(bytes(damaged))

    login = LoginDialog(worker, township.path)
    qtbot.addWidget(login)
    login.show()
    assert not login.restore_button.isVisible()
    login.account.setCurrentText("grid1")
    login.password.setText(PASSWORD)
    login.sign_in()
    settle()
    text = login.message.text()
    assert "无法读取" in text and str(township.path) in text
    message = login.message  # every wrapped line of it on screen, none cut off below
    assert message.height() >= message.heightForWidth(message.width())
    assert login.restore_button.isVisible()

    dialog = login.restore()
    dialog.form.file.setText(str(backup))
    dialog.form._read_accounts()
    dialog.form.account.setCurrentText("grid1")
    dialog.form.password.setText(PASSWORD)
    dialog.check()
    settle()
    qtbot.waitUntil(lambda: "已从备份恢复" in login.message.text(), timeout=30000)
    assert "无法读取的原文件已移到" in login.message.text() and not login.restore_button.isVisible()
    login.sign_in()
    settle()
    assert login.workspace is not None
    assert [r.number for r in lists.households(login.workspace).rows] == ["0101"]
    login.workspace.close()


def test_wrong_password_does_not_offer_a_restore(qtbot, township, worker, settle):
    login = LoginDialog(worker, township.path)
    qtbot.addWidget(login)
    login.account.setCurrentText("grid1")
    login.password.setText("wrong password")
    login.sign_in()
    settle()
    assert "密码" in login.message.text() and login.restore_button.isHidden()


def test_qts_own_buttons_are_chinese_on_an_english_system(qapp, monkeypatch):
    from PySide6.QtCore import QLocale

    from desktop.app import install_translation, remove_translation

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    try:
        assert install_translation(qapp, "zh_CN") == "zh_CN"
        box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Yes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        assert box.button(QMessageBox.StandardButton.Yes).text().startswith("是")
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
    finally:
        remove_translation(qapp)


def test_qts_own_buttons_follow_the_window_not_a_c_locale(qapp, monkeypatch):
    """LANG=C.UTF-8 (review): the window falls back to Chinese, and Qt's own buttons fall back with it."""
    from PySide6.QtCore import QLocale, QSettings

    from desktop.app import install_translation, remove_translation

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("C")))
    monkeypatch.setattr(QSettings, "value", lambda self, key, default=None, *a, **k: default)
    try:
        assert install_translation(qapp) == "zh_CN"
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().startswith("取消")
        assert buttons.button(QDialogButtonBox.StandardButton.Save).text().startswith("保存")
    finally:
        remove_translation(qapp)
