"""走访 in the navigation is a page: the visits in scope, filtered by village, grid, dates and follow-up, each
opening its household's card."""

from __future__ import annotations

from datetime import datetime

from desktop.services import residents, visits
from desktop.services.residents import HouseholdInput
from desktop.services.visits import VisitInput
from sync.core.domain.residents import PersonFields


def test_the_visits_page_lists_filters_and_opens_the_household(township, window_for, settle):
    t = township
    g1, g2 = t.login("grid1"), t.login("grid2")
    east = residents.save_household(g1, HouseholdInput(t.village, "0001", "东村1号", t.grid)).id
    residents.save_person(g1, east, PersonFields("王秀英", relation="户主"))
    west = residents.save_household(g2, HouseholdInput(t.village2, "0007", "西村7号", t.grid2)).id
    visits.log_visit(g1, VisitInput(east, "日常走访", "一切正常", visited_at=datetime(2026, 11, 2, 9)))
    visits.log_visit(
        g1, VisitInput(east, "矛盾排查", "邻里占道", True, visited_at=datetime(2026, 11, 20, 15))
    )
    visits.log_visit(g2, VisitInput(west, "日常走访", "独居老人", True, visited_at=datetime(2026, 11, 22, 8)))

    w = window_for("platform")
    w.go("visits")
    page = w.visits
    assert w.stack.currentWidget() is page  # a page, not a form popping up
    settle()
    assert page.model.total == 3
    assert [r.number for r in page.model.rows] == ["0007", "0001", "0001"]  # latest first
    page.village.setCurrentIndex(page.village.findData(t.village))
    settle()
    assert [r.findings for r in page.model.rows] == ["邻里占道", "一切正常"]
    assert [page.grid.itemData(i) for i in range(page.grid.count())] == [None, t.grid]  # that village's grids
    page.follow_up.setChecked(True)
    settle()
    assert [r.findings for r in page.model.rows] == ["邻里占道"]
    page.follow_up.setChecked(False)
    page.village.setCurrentIndex(0)
    page.use_dates.setChecked(True)
    page.date_from.setDate(page.date_from.date().fromString("2026-11-01", "yyyy-MM-dd"))
    page.date_to.setDate(page.date_to.date().fromString("2026-11-10", "yyyy-MM-dd"))
    settle()
    assert [r.findings for r in page.model.rows] == ["一切正常"]
    page.table.doubleClicked.emit(page.model.index(0, 0))
    settle()
    assert w.stack.currentWidget() is w.households
    assert w.households.card.detail.id == east and w.households.card.detail.number == "0001"

    # a grid worker sees the visits of their own grid only
    w2 = window_for("grid2")
    w2.go("visits")
    settle()
    assert [r.household_id for r in w2.visits.model.rows] == [west]
