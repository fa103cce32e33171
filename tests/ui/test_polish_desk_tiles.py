"""On a grid worker's desk the 已超期 tile shows the number of late matters the list under it shows (her own),
not the whole grid's (a screenshot at 1366×768)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desktop.services import steps
from tests.services.test_matters import report

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def test_the_late_tile_and_the_list_under_it_agree(township, clock, window_for, settle):
    t = township
    p = t.login("platform")
    hers, the_units = report(t), report(t, title="噪音扰民")
    for m in (hers, the_units):
        steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, hers, f"org:{t.committee}")
    steps.dispatch(p, the_units, f"org:{t.unit}")
    clock.now += timedelta(days=60)
    window = window_for("grid1")
    window.resize(1366, 768)
    window.go("desk")
    settle()
    desk = window.desk
    listed = [desk.due.item(r, 1).text() for r in range(desk.due.rowCount())]
    assert desk.tiles["red"].value.text() == str(len(listed)) == "1"
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "polish_desk_tiles.png"))
