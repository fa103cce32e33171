"""The ledger's and the audit list's long-text columns are capped at 1366×768 and 125 % (a 1093×614 window):
long text elided with the whole of it in a tooltip, so the key columns fit without scrolling sideways."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.services import steps
from tests.services.test_matters import report

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ROOM_125 = (1366 * 4 // 5, 768 * 4 // 5)
LONG = "村东头两户因宅基地边界和排水沟走向发生争执并多次推搡，涉及老宅翻建"


def _right_edge(table, title):
    header = table.horizontalHeader()
    model = table.model()
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == title
    )
    return header.sectionViewportPosition(column) + header.sectionSize(column), column


def test_the_ledgers_key_columns_fit_and_a_long_title_is_in_its_tooltip(township, window_for, settle):
    t = township
    m = report(t, title=LONG)
    steps.register(t.login("platform"), m, 1, category="邻里")
    window = window_for("platform")
    window.resize(*ROOM_125)
    window.go("ledger")
    settle()
    table = window.ledger.table
    room = table.viewport().width()
    for key in ("编号", "标题", "状态", "期限"):
        edge, _ = _right_edge(table, key)
        assert edge <= room, f"{key} ends at {edge}, the list shows {room}"
    _, title = _right_edge(table, "标题")
    item = table.model().item(0, title)
    assert item.text() == LONG and item.toolTip() == LONG
    assert table.columnWidth(title) < table.fontMetrics().horizontalAdvance(LONG)  # elided, not cut off
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "polish_ledger_columns.png"))


def test_a_short_title_has_no_tooltip(township, window_for, settle):
    t = township
    report(t, title="噪音扰民")
    window = window_for("platform")
    window.go("ledger")
    settle()
    table = window.ledger.table
    _, title = _right_edge(table, "标题")
    assert table.model().item(0, title).toolTip() == ""
