"""A grid worker's laptop joins, syncs and registers again from the window alone, against real township
servers: the first-run page 加入乡镇服务器 (refusals named by field, nothing typed lost, cancel leaves no
database), an https:// server run as a real `fengqiao-server serve` process trusted once by its fingerprint,
同步 → 服务器设置, a forgotten registration that asks for the password and then pushes what was waiting, and a
failed sync that stays in the status bar until the next one succeeds."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from sqlalchemy import select, update

from desktop.services import accounts, choices, syncing
from desktop.store.models import OutboxEntry
from desktop.ui.main_window import MainWindow
from desktop.ui.start import SetupDialog
from sync.pinning import shown
from sync.server.models import Account as ServerAccount
from sync.server.models import Device
from tests.conftest import PASSWORD
from tests.sync.servers import free_port
from tests.sync.test_end_to_end import add_household, household_in
from tests.sync.test_https import https_server  # noqa: F401 — the real https server process, a fixture

from .test_sync_ui import wait_for_sync


def join_page(qtbot, worker, path):
    dialog = SetupDialog(worker, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.tabText(0) == "加入乡镇服务器" and dialog.tabs.currentWidget() is dialog.join_form
    return dialog, dialog.join_form


def fill(form, address, account, password):
    form.address.setText(address)
    form.account.setText(account)
    form.password.setText(password)


def typed(form):
    return form.address.text(), form.account.text(), form.password.text()


def wait_for_answer(qtbot, dialog, settle):
    qtbot.waitUntil(lambda: dialog.ok.isEnabled() or dialog.result() == 1, timeout=60000)
    settle()


def test_a_laptop_joins_from_the_first_run_dialog(qtbot, laptops, worker, settle, tmp_path):
    path = tmp_path / "new" / "fengqiao.db"
    path.parent.mkdir()
    dialog, form = join_page(qtbot, worker, path)

    fill(form, "http://127.0.0.1:端口", "grid2", PASSWORD)
    dialog.go()
    assert dialog.message.text().startswith("服务器地址") and "端口应是数字" in dialog.message.text()

    fill(form, laptops.server.url, "grid2", "wrong password")
    dialog.go()
    wait_for_answer(qtbot, dialog, settle)
    assert dialog.message.text().startswith("账号或密码：") and "账号或密码不对" in dialog.message.text()
    assert typed(form) == (laptops.server.url, "grid2", "wrong password")  # nothing typed is lost
    assert not path.exists()  # the half-made database went, so the same form can try again

    dialog.join_form.password.setText(PASSWORD)
    dialog.go()
    dialog.reject()  # cancel while it joins: the form stays, with what was typed, and no database
    wait_for_answer(qtbot, dialog, settle)
    assert dialog.result() == 0 and "已取消加入" in dialog.message.text()
    assert typed(form) == (laptops.server.url, "grid2", PASSWORD) and not path.exists()

    add_household(laptops.a, laptops.town, "0701", "西村701号", grid="grid2")
    syncing.sync_now(laptops.a)
    dialog.go()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=60000)
    joined = accounts.login(path, "grid2", PASSWORD)
    try:
        assert household_in(joined, "0701").address == "西村701号"
        assert syncing.status(joined).registered and syncing.status(joined).server_url == laptops.server.url
    finally:
        joined.close()


def test_an_unreachable_server_names_the_address(qtbot, worker, settle, tmp_path):
    path = tmp_path / "fengqiao.db"
    dialog, form = join_page(qtbot, worker, path)
    address = f"http://127.0.0.1:{free_port()}"  # nobody listens there
    fill(form, address, "grid1", PASSWORD)
    dialog.go()
    wait_for_answer(qtbot, dialog, settle)
    assert dialog.message.text().startswith("服务器地址：连不上乡镇服务器")
    assert typed(form) == (address, "grid1", PASSWORD) and not path.exists()


def test_an_https_server_is_trusted_once_by_its_fingerprint(qtbot, worker, settle, tmp_path, https_server):  # noqa: F811
    url, cert = https_server
    expected = x509.load_pem_x509_certificate(cert.read_bytes()).fingerprint(hashes.SHA256()).hex()
    path = tmp_path / "laptop" / "fengqiao.db"
    path.parent.mkdir()
    dialog, form = join_page(qtbot, worker, path)
    fill(form, url, "admin", PASSWORD)
    dialog.go()
    wait_for_answer(qtbot, dialog, settle)
    assert form.certificate.isVisible() and shown(expected) in form.certificate.text.text()
    dialog.go()  # not ticked: not trusted, nothing sent
    assert "核对证书指纹" in dialog.message.text() and not path.exists()
    form.certificate.trust.setChecked(True)
    dialog.go()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=60000)

    ws = accounts.login(path, "admin", PASSWORD)
    try:
        status = syncing.status(ws)
        assert status.registered and status.fingerprint == expected and status.server_url == url
        assert syncing.reachable(url, status.fingerprint) and not syncing.reachable(url, "00" * 32)
        syncing.sync_now(ws)  # every later sync trusts the same certificate, and only it
    finally:
        ws.close()


def test_server_settings_change_the_address(qtbot, laptops, worker, settle):
    b = laptops.b
    window = MainWindow(b, worker, choices.places(b))
    qtbot.addWidget(window)
    settle()
    items = [a.text() for m in window.menuBar().actions() if m.text() == "同步" for a in m.menu().actions()]
    assert "服务器设置…" in items
    dialog = window.server_settings()
    assert dialog.address.text() == laptops.server.url
    dialog.address.setText("ftp://township")
    dialog.save()
    assert dialog.message.text().startswith("服务器地址") and dialog.address.text() == "ftp://township"
    moved = laptops.server.url.replace("127.0.0.1", "localhost")  # the same server under another name
    dialog.address.setText(moved)
    dialog.save()
    settle()
    assert dialog.result() == 1 and syncing.status(b).server_url == moved
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    assert syncing.status(b).last_error is None and syncing.status(b).registered


def test_a_forgotten_registration_registers_again_and_pushes_what_waited(
    qtbot, laptops, worker, settle, no_popups
):
    town, b = laptops.town, laptops.b
    add_household(b, town, "0702", "东村702号")  # waiting in the outbox
    with laptops.server.server.db.writing() as s:  # the server forgets the laptop's token (as after a reset)
        grid1 = s.scalar(select(ServerAccount.id).where(ServerAccount.username == "grid1"))
        s.execute(update(Device).where(Device.account_id == grid1).values(token_hash="forgotten"))
    window = MainWindow(b, worker, choices.places(b))
    qtbot.addWidget(window)
    settle()
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    dialog = window.sync.password_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "重新登记这台电脑"
    assert "1 条修改都保留" in dialog.findChildren(type(window.sync.label))[0].text()
    assert "请重新登记" in window.sync.label.text()  # stays in the status bar meanwhile
    assert no_popups == []  # the question replaces the dead-end message

    window.sync.sync_now()  # pressing 同步 again asks again instead of repeating the refusal
    settle()
    dialog = window.sync.password_dialog
    dialog.password.setText(PASSWORD)
    dialog._ok()
    wait_for_sync(qtbot, window, settle)
    with b.read() as s:
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.state == "pending")) is None
    syncing.sync_now(laptops.a)
    assert household_in(laptops.a, "0702").address == "东村702号"
    assert not syncing.status(b).registration_lost and window.sync.label.text().startswith("已同步")


def test_a_failed_sync_stays_in_the_status_bar_until_one_succeeds(qtbot, laptops, worker, settle, no_popups):
    b = laptops.b
    window = MainWindow(b, worker, choices.places(b))
    qtbot.addWidget(window)
    settle()
    syncing.set_server(b, f"http://127.0.0.1:{free_port()}")  # the server is not there today
    window.sync.refresh()
    settle()
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    failed = window.sync.label.text()
    assert failed.startswith("同步未完成：") and "连不上乡镇服务器" in failed
    assert no_popups and "连不上乡镇服务器" in no_popups[0]
    add_household(b, laptops.town, "0703", "东村703号")  # other work goes on; the bar is read again
    window.sync.refresh()
    settle()
    assert window.sync.label.text() == failed and "b42318" in window.sync.label.styleSheet()
    syncing.set_server(b, laptops.server.url)  # back: the next sync succeeds and the error goes
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    assert window.sync.label.text().startswith("已同步") and window.sync.label.styleSheet() == ""
