"""Tiles equal their lists: every desk tile that opens the ledger opens a list of exactly its count, whatever
the ledger showed before (a search, a village), for the township's platform and for a grid worker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services import desk, lists, steps
from tests.services.test_matters import in_the_committees_hands, signed_agreement
from tests.ui.test_selection import demo_db, window  # noqa: F401  (fixtures)

MATTER_TILES = [
    "red",
    "yellow",
    "open",
    "to_accept",
    "to_claim",
    "to_register",
    "follow_ups",
    "confirmations",
    "supervised",
    "warnings",
]


def _grid_worker(demo_db):  # noqa: F811
    from desktop.services import accounts
    from tests.ui.test_selection import PASSWORD

    ws = accounts.login(demo_db, "platform", PASSWORD)
    try:
        workers = [r for r in ws_accounts(ws) if r.startswith("gw")]
    finally:
        ws.close()
    return workers[0]


def ws_accounts(ws) -> list[str]:
    from desktop.store.models import Account

    with ws.read() as s:
        return sorted(a.username for a in s.query(Account).all())


@pytest.mark.parametrize("who", ["platform", "grid worker"])
def test_every_tile_opens_a_list_of_exactly_its_count(who, window, demo_db, settle):  # noqa: F811
    w = window("platform" if who == "platform" else _grid_worker(demo_db))
    tiles = w.desk.tiles
    assert sum(int(tiles[k].value.text()) for k in MATTER_TILES) > 0
    if who == "platform":
        assert int(tiles["open"].value.text()) < lists.matters(w.ws, limit=1).total  # 在办 is not all
    for key in MATTER_TILES:
        w.go("ledger")  # the ledger narrowed by hand first: a tile's list starts from nothing else
        w.ledger.text.setText("纠纷")
        w.ledger.village.setCurrentIndex(w.ledger.village.count() - 1)
        settle()
        w.go("desk")
        tile = tiles[key]
        assert tile.clickable, key
        tile.click()
        settle()
        assert w.stack.currentWidget() is w.ledger, key
        assert w.ledger.model.total == int(tile.value.text()), key
        assert w.ledger.tile_box.isVisible() and tile.label.text() in w.ledger.tile_note.text()
    w.ledger.clear_tile()
    settle()
    assert not w.ledger.tile_box.isVisible()
    assert w.ledger.model.total == lists.matters(w.ws, w.ledger.current_filter(), limit=1).total


def test_the_judicial_confirmation_tile_lists_the_agreements_about_to_run_out(
    township, clock, window_for, settle
):
    t = township
    g = t.login("grid1")
    m = in_the_committees_hands(t)
    steps.record_agreement(g, m, signed_agreement())
    steps.close(g, m, "agreement")
    clock.now += timedelta(days=27)
    w = window_for("platform")
    tile = w.desk.tiles["confirmations"]
    assert tile.value.text() == "1" and tile.clickable
    tile.click()
    settle()
    assert [r.id for r in w.ledger.model.rows] == [m]
    steps.apply_confirmation(g, m, "城镇人民法院", clock.now.date())
    assert desk.desk(t.login("platform")).confirmations_due == 0


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_tile_label_is_cut(qapp, township, window_for, settle, language):
    from PySide6.QtGui import QFont, QFontDatabase

    from desktop.app import CJK_FONTS, install_translation

    before = qapp.font()
    family = next((f for f in CJK_FONTS if f in set(QFontDatabase.families())), None)
    if family:  # the app's own font, as desktop.app sets it: its line breaks are the ones to fit
        font = QFont(family)
        font.setPointSize(10)
        qapp.setFont(font)
    install_translation(qapp, language)
    try:
        tiles = []
        for who in ("platform", "leader"):
            window = window_for(who)
            window.resize(1366, 698)
            settle()
            tiles += list(window.desk.tiles.items())
        for key, tile in tiles:
            if not tile.isVisible():
                continue
            text = tile.label
            needed = text.heightForWidth(text.width())
            bottom = text.mapTo(tile, text.rect().topLeft()).y() + needed
            # inside the bottom margin (6 px), above the raised 3-px border
            assert text.height() >= needed and bottom <= tile.height() - 6, (key, text.text(), needed, bottom)
    finally:
        install_translation(qapp, "zh_CN")
        qapp.setFont(before)
