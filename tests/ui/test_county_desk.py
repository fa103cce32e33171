"""A county account's laptop in the window (real widgets offscreen, a real server): its desk shows the
matters waiting at county level and those sent down with their deadlines (late ones marked), no households or
visits pages, and every county step is on the matter's window; the township's window of the same matter offers
none."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QLabel

from desktop.services import choices, county_desk, setup, steps, syncing
from desktop.ui.actions import ActionDialog
from desktop.ui.main_window import MainWindow
from sync.core.domain.lifecycle import LEVEL_LABELS, Action, Level
from tests.services.test_matters import report
from tests.sync.test_county import _to_county, add_county_account


def _shot(widget, tmp_path, name):
    widget.grab().save(str(tmp_path / name))
    folder = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if folder:  # for a person to look at
        widget.grab().save(str(Path(folder) / name))


def test_the_county_desk_and_a_county_matter(qtbot, laptops, worker, settle, tmp_path):
    t, a = laptops.town, laptops.a
    waiting, down = report(t, title="土地承包经营权纠纷"), report(t, title="拖欠农民工工资")
    _to_county(t, waiting)
    _to_county(t, down)
    syncing.sync_now(a)
    add_county_account(laptops.server)
    c = laptops.join(tmp_path / "county" / "fengqiao.db", "county1")
    steps.dispatch(c, down, f"account:{c.actor.account_id}")
    steps.accept(c, down)
    steps.refer_down(c, down, "县综治中心研判：由镇人社所落实欠薪清偿", 3)
    syncing.sync_now(c)
    real_clock = c.clock
    c.clock = lambda: real_clock() + timedelta(days=10)  # past the county's three days: late

    # each tier dispatches to its own: the county to its units (none yet), the township to its own (review)
    assert choices.places(c).orgs == () and choices.places(a).orgs
    court = setup.add_org(c, "unit", "县人民法院").id
    syncing.sync_now(c)
    syncing.sync_now(a)
    assert [o.id for o in choices.places(c).orgs] == [f"org:{court}"]
    assert f"org:{court}" not in {o.id for o in choices.places(a).orgs}

    desk = county_desk.county_desk(c)
    assert [r.id for r in desk.waiting] == [waiting]
    assert [(r.id, r.late) for r in desk.sent_down] == [(down, True)]

    window = MainWindow(c, worker, choices.places(c))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    assert "households" not in window.pages and "visits" not in window.pages  # hidden, not erroring
    page = window.desk
    assert page.county_box.isVisible()
    assert not page.first_steps.isVisible()  # the township's set-up is not the county's to finish
    assert not page.tiles["key_persons"].isVisible() and not page.tiles["visits"].isVisible()
    assert page.county_waiting.rowCount() == 1 and page.county_down.rowCount() == 1
    assert "已超期" in page.county_down.item(0, 0).text()
    _shot(window, tmp_path, "county_desk.png")

    dialog = window.open_matter(down)  # 督办 from the desk: the sent-down matter's window offers it
    dialog.resize(1100, 700)
    settle()
    assert list(dialog.view.action_buttons) == [Action.SUPERVISE]
    dialog.close()
    dialog = window.open_matter(waiting)
    dialog.resize(1100, 700)
    settle()
    offered = set(dialog.view.action_buttons)
    assert {Action.DISPATCH, Action.REFER_DOWN} <= offered
    _shot(dialog, tmp_path, "county_matter.png")
    # 交下级落实 says where the matter goes and what the deadline means (review 3)
    dialog.view.action_buttons[Action.REFER_DOWN].click()
    refer = next(d for d in dialog.view.findChildren(ActionDialog) if d.isVisible())
    note = refer.findChild(QLabel, "referNote")
    assert note is not None and note.isVisible()
    assert f"交{LEVEL_LABELS[Level.TOWNSHIP]}办理" in note.text() and "督办" in note.text()
    _shot(refer, tmp_path, "county_refer_down.png")
    refer.discard()
    dialog.close()

    township = MainWindow(a, worker, choices.places(a))  # the township keeps it, read-only
    qtbot.addWidget(township)
    township_view = township.open_matter(waiting)
    settle()
    assert township_view.view.action_buttons == {}
    # …and says why, instead of an empty row of buttons (review)
    note = township_view.view.findChild(QLabel, "tierNote")
    assert note is not None and note.text() == "事项已提级到县级，由县级办理，本级只能查看"
    township_view.close()
