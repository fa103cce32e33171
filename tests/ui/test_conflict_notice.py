"""A conflict announces itself: after a real sync against a real township server, the desk has a tile and a
notice naming the record with its village ("东村 住户 0511") until it is settled."""

from __future__ import annotations

from desktop.services import choices, syncing
from desktop.ui.main_window import MainWindow
from tests.sync.test_end_to_end import add_household, edit_household


def test_a_conflict_is_on_the_desk_with_its_village_until_settled(qtbot, laptops, worker, settle):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0511", "东村511号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    edit_household(a, town, h, address="平台改的地址")
    edit_household(b, town, h, address="网格员改的地址")
    syncing.sync_now(a)
    syncing.sync_now(b)  # the second edit meets the first: a conflict on b

    window = MainWindow(b, worker, choices.places(b))
    qtbot.addWidget(window)
    window.show()
    settle()
    desk = window.desk
    tile = desk.tiles["conflicts"]
    assert tile.isVisible() and tile.value.text() == "1" and tile.clickable
    assert desk.conflict_box.isVisible()
    assert "东村 住户 0511（地址）" in desk.conflict_notice.text()

    tile.click()
    settle()
    dialog = window.conflicts_dialog
    assert dialog.conflicts.item(0, 0).text() == "东村 住户 0511"
    dialog.conflicts.selectRow(0)
    dialog.take_local.click()
    settle()
    assert not desk.conflict_box.isVisible() and not tile.isVisible()  # settled: the notice goes
    dialog.close()


def test_no_conflict_no_notice(township, window_for):
    window = window_for("platform")
    assert not window.desk.conflict_box.isVisible() and not window.desk.tiles["conflicts"].isVisible()
