"""The 统计 table fits a 1366 px screen at 125 % (1093 logical pixels, less the taskbar) without scrolling
sideways: the long names on two lines (the rule in each header's tooltip), and the three 信访 rates only when
a unit has a figure for them (a month without petitions shows them "—" throughout)."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.services import steps
from tests.services.test_matters import report

# 1366 × 768 at 125 %: what the window has in logical pixels (the taskbar's 40 px off the height)
ROOM = (round(1366 / 1.25), round((768 - 40) / 1.25))


def test_the_stats_table_does_not_scroll_sideways_at_125_percent(township, window_for, settle, clock):
    t = township
    p = t.login("platform")
    for title in ("宅基地边界争议", "拖欠农民工工资"):  # settled: the widest figures (100.0%) in every rate
        m = report(t, title=title, signals=["fight"])
        steps.register(p, m, 1, category="邻里")
        steps.dispatch(p, m, f"org:{t.committee}")
        g = t.login("grid1")
        steps.accept(g, m)
        steps.record_session(
            g, m, steps.SessionInput(clock.now.date(), "人民调解", "agreement", record="达成一致")
        )
        steps.close(g, m, "resolved")
        steps.check_closure(p, m)
        steps.follow_up(p, m, steps.FollowUpInput(clock.now.date(), "满意", performed=True))
        steps.archive(p, m, "卷宗号 2026-01")
    window = window_for("platform")
    window.resize(*ROOM)
    window.go("stats")
    page = window.stack.currentWidget()
    page.period.setCurrentIndex(page.period.findData("-11"))
    settle()
    table = page.table
    assert "100.0%" in [table.item(0, c).text() for c in range(table.columnCount())]
    folder = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if folder:
        window.grab().save(str(Path(folder) / f"stats_{os.environ.get('QT_SCALE_FACTOR', '1')}.png"))
    assert table.horizontalScrollBar().maximum() == 0, "the table scrolls sideways"
    shown = [
        table.horizontalHeaderItem(c).text()
        for c in range(table.columnCount())
        if not table.isColumnHidden(c)
    ]
    assert "化解率" in shown and "按期\n办结率" in shown
    assert not any(name.startswith("信访") for name in shown)  # no petitions this month
    assert all("\n" not in table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount()))
    assert table.horizontalHeaderItem(shown.index("按期\n办结率")).toolTip().startswith("本期办结的事项中")
