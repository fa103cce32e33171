"""The county 统计 page by county unit (issue 29, review 73; real widgets offscreen on a real SQLCipher
laptop): 县司法局, which mediated (中止) and passed the matter down, shows its session; 县公安局, given
nothing, shows —; the part is titled for the county units, not 全县."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.services import choices, steps
from desktop.ui.main_window import MainWindow
from tests.services.test_county_counting import _county_unit, _session
from tests.services.test_county_counting import escalated as _escalated

escalated = _escalated  # the fixture: a village matter 提级 to the county


def test_the_county_units_page_counts_each_units_own_work(
    qtbot,
    township,
    escalated,
    clock,
    worker,
    settle,
):
    t, m = township, escalated
    xian, p = t.login("xian"), t.login("platform")
    justice = _county_unit(t, "县司法局", "sfj", "县司法局王科长")
    _county_unit(t, "县公安局", "ga", "县公安局赵警官")
    sfj = t.login("sfj")
    steps.dispatch(xian, m, f"org:{justice}")
    steps.accept(sfj, m)
    _session(sfj, m, "adjourned", clock.now.date())
    steps.refer_down(xian, m, "县司法局调解中止，由镇落实", 5)
    steps.dispatch(p, m, f"account:{t.accounts['platform']}")
    window = MainWindow(xian, worker, choices.places(xian))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.pages["stats"]
    page.year.setValue(2026)
    page.period.setCurrentIndex(10)  # November
    page.by.setCurrentIndex(1)  # 按县直单位
    settle()
    window.stack.setCurrentWidget(page)
    settle()
    if folder := os.environ.get("FENGQIAO_SCREENSHOT_DIR"):
        window.grab().save(str(Path(folder) / "county_units_dec.png"))
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    rows = {
        page.table.item(r, 1).text(): [page.table.item(r, c).text() for c in range(page.table.columnCount())]
        for r in range(page.table.rowCount())
    }
    success = headers.index("调解成功率")
    assert rows["县司法局"][success] == "0.0%"  # one session, no agreement: its own, though it went down
    assert rows["县公安局"][success] == "—"
    assert "县直单位" in page.title.text() and "全县" not in page.title.text()
