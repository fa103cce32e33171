"""Every desk tile opens something with its count: 本月走访 opens the 走访 page narrowed to this month with
exactly the tile's count (whatever the page showed before); each first step of a new township's checklist
opens 设置 on the tab where it is done, its first field ready to type in."""

from __future__ import annotations

import pytest

from desktop.services import choices, lists, setup
from desktop.ui.main_window import MainWindow
from tests.conftest import FAST_KDF, PASSWORD, Clock
from tests.ui.test_selection import NOW, demo_db, window  # noqa: F401  (fixtures)
from tests.ui.test_tiles import _grid_worker


@pytest.mark.parametrize("who", ["platform", "grid worker"])
def test_the_visits_tile_opens_this_months_visits_with_its_count(who, window, demo_db, settle):  # noqa: F811
    w = window("platform" if who == "platform" else _grid_worker(demo_db))
    tile = w.desk.tiles["visits"]
    count = int(tile.value.text())
    everything = lists.visits(w.ws, limit=1).total
    assert 0 < count < everything  # the demo's visits span three months: the month is a real narrowing
    w.go("visits")  # the page narrowed by hand first: the tile's list starts from nothing else
    page = w.visits
    page.follow_up.setChecked(True)
    page.village.setCurrentIndex(page.village.count() - 1)
    settle()
    w.go("desk")
    assert tile.clickable and tile.isVisible()
    tile.click()
    settle()
    assert w.stack.currentWidget() is page
    assert page.model.total == count
    assert page.use_dates.isChecked() and not page.follow_up.isChecked() and page.village.currentIndex() == 0
    assert page.date_from.date().day() == 1 and page.date_from.date().month() == NOW.month
    assert all(row.visited_at >= NOW.replace(day=1, hour=0, minute=0) for row in page.model.rows)


@pytest.mark.parametrize("who", ["platform", "leader"])
def test_every_shown_tile_opens_something(who, window, demo_db, settle):  # noqa: F811
    w = window(who)
    settle()
    shown = [k for k, t in w.desk.tiles.items() if not t.isHidden()]
    assert "visits" in shown or who == "leader"
    assert [k for k in shown if not w.desk.tiles[k].clickable] == []


def test_each_first_step_opens_the_settings_tab_that_does_it(tmp_path, qtbot, worker, settle):
    admin = setup.create_township(tmp_path / "new.db", "新城镇", PASSWORD, kdf=FAST_KDF, clock=Clock())
    w = MainWindow(admin, worker, choices.places(admin))
    qtbot.addWidget(w)
    w.show()
    settle()
    settings = w.pages["settings"]
    expected = {
        "villages": (settings.rules_tab, settings.new_village),
        "grids": (settings.rules_tab, settings.new_grid),
        "orgs": (settings.orgs_tab, settings.new_org),
        "accounts": (settings.accounts, None),
    }
    for key, (tab, field) in expected.items():
        settings.tabs.setCurrentIndex(0)  # 界面: elsewhere first, so each step must move the tab itself
        w.go("desk")
        line, go, _text = w.desk.step_lines[key]
        assert go.isVisible(), key
        go.click()
        settle()
        assert w.stack.currentWidget() is settings, key
        assert settings.tabs.currentWidget() is tab, key
        if field is not None:
            assert field.hasFocus(), key
    w.go("desk")
    w.desk.step_lines["households"][1].click()
    assert w.stack.currentWidget() is w.households
