"""设置 → 账号 on a township laptop with a server: the list is the server's, and adding, correcting roles and
scope, disabling and enabling change the server's accounts (real uvicorn, real SQLCipher, real widgets)."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import choices
from desktop.ui.main_window import MainWindow
from sync.core.domain.roles import Role
from sync.server.models import Account


def server_account(laptops, username):
    with laptops.server.server.db.reading() as s:
        return s.scalar(select(Account).where(Account.username == username))


def test_the_account_screen_changes_the_servers_accounts(laptops, qtbot, worker, settle, no_popups):
    window = MainWindow(laptops.a, worker, choices.places(laptops.a))
    qtbot.addWidget(window)
    window.show()
    window.go("settings")
    settle()
    tab = window.stack.currentWidget().accounts
    tab.refresh()
    settle()
    assert tab.on_server and "乡镇服务器为准" in tab.note.text()
    shown = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    # the server's accounts: those made there, and the township's own it took when the township first synced
    with laptops.server.server.db.reading() as s:
        on_server = sorted(s.scalars(select(Account.username)).all())
    assert shown == on_server and {"admin", "grid1", "grid2", "mediator"} <= set(shown), shown

    dialog = tab.add_account()
    dialog.username.setText("grid3")
    dialog.name.setText("郑网格")
    dialog.password.setText("long enough 1")
    dialog.roles[Role.GRID_WORKER].setChecked(True)
    dialog.scope.setCurrentIndex(dialog.scope.findData("grid"))
    dialog.places_list.item(1).setSelected(True)
    dialog.save()
    settle()
    assert not dialog.isVisible(), no_popups
    made = server_account(laptops, "grid3")
    assert made is not None and made.scope_kind == "grid" and len(made.scope_ids) == 1
    settle()

    tab.table.selectRow([tab.table.item(r, 0).text() for r in range(tab.table.rowCount())].index("grid3"))
    edit = tab.edit_account()
    assert not edit.username.isEnabled() and edit.roles[Role.GRID_WORKER].isChecked()
    edit.roles[Role.GRID_WORKER].setChecked(False)
    edit.roles[Role.MEDIATOR].setChecked(True)
    edit.scope.setCurrentIndex(edit.scope.findData("township"))
    edit.save()
    settle()
    assert not edit.isVisible(), no_popups
    assert server_account(laptops, "grid3").roles == ["mediator"]
    assert server_account(laptops, "grid3").scope_kind == "township"

    settle()
    tab.table.selectRow([tab.table.item(r, 0).text() for r in range(tab.table.rowCount())].index("grid1"))
    tab.set_disabled(True)
    settle()
    assert server_account(laptops, "grid1").disabled
    row = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())].index("grid1")
    assert tab.table.item(row, 4).text() == "停用"

    laptops.server.stop()  # offline: the tab says the server is needed, nothing changes
    tab.table.selectRow(row)
    tab.set_disabled(False)
    settle(timeout=30000)
    assert "连不上" in no_popups[-1] and "本机什么都没有改" in no_popups[-1]
