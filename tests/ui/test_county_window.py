"""The window review's leftovers for the county tier (real widgets offscreen): 提级 is visible (greyed, with
the step that opens it) before 签收 and its dialog says where the matter goes and what the township keeps; the
township's desk lists what the county sent down (交下级落实) with the county's deadline, late ones in red."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton

from desktop.services import accounts, choices, desk, matter_detail, steps, syncing
from desktop.ui.actions import ActionDialog
from desktop.ui.common import COLOURS
from desktop.ui.main_window import MainWindow
from desktop.ui.matter_view import MatterDialog
from sync.core import protocol as p
from sync.core.domain.lifecycle import Action
from sync.server import account_admin
from tests.conftest import FAST_KDF, PASSWORD
from tests.services.test_matters import report
from tests.sync.test_county import _at_township, _to_county, add_county_account


def add_unnamed_county_account(server, username):
    """`fengqiao-server account add USER --scope county --roles platform,supervisor`, without --name."""
    request = p.NewAccount(
        username=username, password=PASSWORD, roles=["platform", "supervisor"], scope_kind="county"
    )
    with server.server.db.writing() as s:
        account_admin.create(s, account_admin.SERVER_CLI, request, datetime.now())


def shot(widget, name):
    """For a person to look at: FENGQIAO_SCREENSHOT_DIR names the folder."""
    folder = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def _window(ws, qtbot, worker, settle):
    window = MainWindow(ws, worker, choices.places(ws))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    return window


def test_escalate_shows_before_accept_and_says_where_it_goes(township, qtbot, worker, settle):
    t = township
    matter = report(t)
    p = t.login("platform")
    steps.register(p, matter, 1, category="邻里")
    steps.dispatch(p, matter, f"org:{t.committee}")

    # the village's handler, before 签收: 提级 is there, greyed, saying 签收 opens it and where it goes
    grid = _window(t.login("grid1"), qtbot, worker, settle)
    dialog = grid.open_matter(matter)
    dialog.resize(1100, 700)
    settle()
    view = dialog.view
    assert Action.ACCEPT in view.action_buttons and Action.ESCALATE not in view.action_buttons
    later = view.findChild(QPushButton, "escalateLater")
    assert later is not None and not later.isEnabled() and later.isVisible()
    assert later.toolTip() == "须先签收，之后可提级报送镇级"
    dialog.close()

    # at the township, dispatched to the platform itself: 提级 goes to the county's 综治中心
    steps.accept(t.login("grid1"), matter)
    steps.escalate(t.login("grid1"), matter, "村级三次调解未成")
    steps.dispatch(p, matter, f"account:{t.accounts['platform']}")
    office = _window(p, qtbot, worker, settle)
    dialog = office.open_matter(matter)
    dialog.resize(1100, 700)
    settle()
    later = dialog.view.findChild(QPushButton, "escalateLater")
    assert later is not None and later.toolTip() == "须先签收，之后可提级报送县级"
    shot(dialog, "escalate_before_accept.png")
    steps.accept(p, matter)
    dialog.view.show_matter(matter)
    settle()
    assert dialog.view.findChild(QPushButton, "escalateLater") is None  # open now: the real button only
    dialog.view.action_buttons[Action.ESCALATE].click()
    escalate = next(d for d in dialog.view.findChildren(ActionDialog) if d.isVisible())
    note = escalate.findChild(QLabel, "escalateNote")
    assert note is not None and note.isVisible()
    assert "县级（县综治中心）" in note.text() and "只读" in note.text()
    shot(escalate, "escalate_dialog.png")
    escalate.discard()
    dialog.close()


def test_the_township_desk_lists_what_the_county_sent_down(qtbot, laptops, worker, settle, tmp_path):
    t, a = laptops.town, laptops.a
    down, inner = report(t, title="拖欠农民工工资"), report(t, title="邻里噪音")
    _to_county(t, down)
    _at_township(t, inner)  # sent down by the township itself, to the village: not the county's
    steps.refer_down(t.login("platform"), inner, "镇综治中心研判：由村调委会落实", 10)
    syncing.sync_now(a)
    add_county_account(laptops.server)
    c = laptops.join(tmp_path / "county" / "fengqiao.db", "county1")
    steps.dispatch(c, down, f"account:{c.actor.account_id}")
    steps.accept(c, down)
    steps.refer_down(c, down, "县综治中心研判：由镇人社所落实欠薪清偿", 3)
    syncing.sync_now(c)
    syncing.sync_now(a)

    rows = desk.desk(a).from_county
    assert [(r.id, r.late) for r in rows] == [(down, False)], rows
    county_clock = c.clock  # the county's deadline ran from its own clock
    a.clock = lambda: county_clock() + timedelta(days=10)  # past the county's three days
    assert [(r.id, r.late) for r in desk.desk(a).from_county] == [(down, True)]

    window = _window(a, qtbot, worker, settle)
    page = window.desk
    assert page.from_county_box.isVisible() and page.from_county.rowCount() == 1
    first = page.from_county.item(0, 0)
    assert "已超期" in first.text() and first.background().color() == COLOURS["red"]
    assert page.from_county.item(0, 2).text() == "拖欠农民工工资"
    shot(window, "township_desk_from_county.png")
    page.from_county.cellDoubleClicked.emit(0, 2)  # opens the matter, where the township carries it out
    settle()
    opened = [d for d in window.findChildren(MatterDialog) if d.isVisible()]
    assert [d.view.detail.id for d in opened] == [down]
    opened[0].close()


def test_the_county_shows_by_its_name_not_its_username(qtbot, laptops, worker, settle, tmp_path):
    """`account add county2 --scope county` without --name: its steps, its 督办 and the handler it names
    (itself) read 县综治中心 and its roles on both laptops, and the server takes them as the account's own."""
    t, a = laptops.town, laptops.a
    down = report(t, title="拖欠农民工工资")
    _to_county(t, down)
    syncing.sync_now(a)
    add_unnamed_county_account(laptops.server, "county2")
    c = laptops.join(tmp_path / "county" / "fengqiao.db", "county2")
    named = "县综治中心（平台办公室、督考办）"
    assert c.actor.display_name == named
    steps.dispatch(c, down, f"account:{c.actor.account_id}")
    steps.accept(c, down)
    steps.refer_down(c, down, "县综治中心研判：由镇人社所落实欠薪清偿", 3)
    steps.supervise(c, down, "请按期落实")
    assert syncing.sync_now(c).rejected == 0, syncing.rejected_edits(c)  # the server takes the name
    syncing.sync_now(a)

    window = _window(a, qtbot, worker, settle)
    dialog = window.open_matter(down)
    dialog.resize(1100, 700)
    settle()
    timeline = dialog.view.timeline
    lines = [timeline.item(i).text() for i in range(timeline.count())]
    county_lines = [x for x in lines if named in x]
    assert len(county_lines) == 4, lines  # 交办, 签收, 交下级落实, 督办
    # whom it went to and by when (review 3)
    assert any(f"交办（交{named}）" in x for x in county_lines), lines
    assert any("交下级落实（落实期限3天）" in x for x in county_lines), lines
    assert not any("county2" in x for x in lines)
    dialog.view.tabs.setCurrentIndex(1)
    shot(dialog, "township_timeline_county_name.png")
    dialog.close()
    # the county's own window: named for the county, not a township, its roles said once (review 3)
    own = _window(c, qtbot, worker, settle)
    assert own.windowTitle() == "枫桥 · 县综治中心"
    assert own.account_label.text() == named


def test_no_overdue_explanation_is_asked_after_escalation(township, qtbot, worker, settle):
    """督办 at the township, then 提级 to the county: the township is no longer asked for its 超期说明 (the
    county has the matter), and the county closes it without one of its own owed."""
    t = township
    accounts.add_account(
        t.admin, "xian", "县综治中心", PASSWORD, "platform,supervisor", scope_kind="county", kdf=FAST_KDF
    )
    m = report(t)
    p = t.login("platform")
    _at_township(t, m)
    steps.supervise(t.login("supervisor"), m, "请说明超期原因")
    office = _window(p, qtbot, worker, settle)
    dialog = office.open_matter(m)
    settle()
    assert "待超期说明" in dialog.view.summary.text()  # asked while the township has it
    dialog.close()

    steps.escalate(p, m, "镇级调解未成，报请县综治中心")
    assert not matter_detail.matter_detail(p, m).explanation_due
    dialog = office.open_matter(m)
    dialog.resize(1100, 700)
    settle()
    summary = dialog.view.summary.text()
    assert "督办1次" in summary and "待超期说明" not in summary
    shot(dialog, "escalated_no_explanation.png")
    dialog.close()
    xian = t.login("xian")
    steps.dispatch(xian, m, f"account:{xian.actor.account_id}")
    steps.accept(xian, m)
    steps.close(xian, m, "resolved", note="县级调解成功")  # no 超期说明 owed: not refused
