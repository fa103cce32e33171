"""The 统计 page lists matters not yet with any unit as （未指定）, last and 不排名, with a plain note under
the table (a screenshot at 1366×768)."""

from __future__ import annotations

from pathlib import Path

from desktop.services import steps
from sync.core.domain.counting import NO_UNIT
from tests.services.test_matters import report

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_the_stats_page_shows_the_unassigned_unranked_with_a_note(township, window_for, settle):
    t = township
    p = t.login("platform")
    sent, waiting = report(t), report(t, title="未交办")
    for m in (sent, waiting):
        steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, sent, f"org:{t.unit}")
    window = window_for("platform")
    window.resize(1366, 768)
    window.go("stats")
    page = window.stack.currentWidget()
    page.by.setCurrentIndex(page.by.findData("handler"))
    settle()
    cell = page.table.item
    rows = [(cell(r, 0).text(), cell(r, 1).text()) for r in range(page.table.rowCount())]
    assert rows == [("1", "司法所"), ("不排名", NO_UNIT)]
    assert page.unranked.isVisible() and "不参加排名" in page.unranked.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "polish_stats_unranked.png"))
    page.by.setCurrentIndex(page.by.findData("village"))
    settle()
    assert not page.unranked.isVisible()
