"""A window for a day's work on a cheap laptop: searches that do not queue, a first run that can be cancelled,
every page inside 1366×768, lists that say when they are empty, a desk that says what to do next."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from desktop.services import residents, steps
from desktop.services.residents import HouseholdInput
from desktop.store.queries import Page
from desktop.ui.desk import Tile
from desktop.ui.matter_view import MatterDialog
from desktop.ui.paged import Column, PagedModel
from desktop.ui.start import SetupDialog
from sync.core.domain.residents import PersonFields
from tests.services.test_matters import report


def test_a_newer_query_overtakes_the_ones_still_waiting(qtbot, worker, settle):
    ran = []

    def fetch(text):
        def run(offset, limit):
            ran.append(text)
            return Page([type("Row", (), {"id": text, "text": text})()], 1, offset)

        return run

    model = PagedModel(worker, [Column("text", lambda r: r.text)], fetch("王"))
    release = threading.Event()
    worker.submit(lambda: release.wait(10))  # the worker is busy, as it is while a person types on
    for text in ("王", "王秀", "王秀英"):
        model.reload(fetch(text))
    release.set()
    settle()
    assert ran == ["王秀英"]  # the two it overtook never ran
    assert model.rows[0].text == "王秀英" and not model.loading


def test_an_answer_that_comes_late_is_dropped(qtbot, worker, settle):
    model = PagedModel(worker, [Column("text", lambda r: r.text)], lambda o, n: Page([], 0, o))
    searching = []
    model.searching.connect(searching.append)
    row = type("Row", (), {"id": "1", "text": "旧"})()
    model.reload(lambda o, n: Page([row], 1, o))
    model._reset(model._generation - 1, Page([row, row], 2, 0))  # an older query's answer arriving after
    settle()
    assert model.total == 1 and searching[0] is True and searching[-1] is False


def test_first_run_cancel_stops_the_demo_and_leaves_no_database(qtbot, worker, settle, tmp_path):
    path = tmp_path / "fengqiao.db"
    dialog = SetupDialog(worker, path)
    qtbot.addWidget(dialog)
    assert (dialog.ok.text(), dialog.cancel.text()) == ("开始", "取消")
    dialog.tabs.setCurrentIndex(3)  # after 加入乡镇服务器, 新建乡镇, 打开已有数据库
    dialog.households.setValue(3000)
    for edit in dialog.demo_pw:
        edit.setText("demo password 1")
    dialog.go()
    dialog.reject()  # Cancel while the demo is being built
    assert "正在取消" in dialog.message.text() and dialog.isVisible() is not None
    settle(60000)
    assert dialog.result() == 0
    assert not any(tmp_path.iterdir()), list(tmp_path.iterdir())  # no database, key file or journal left


# A maximised window's inside on a 1366×768 screen (less the Windows taskbar and title bar), at 100 % and
# 125 %.
SCREEN_100 = (1366, 698)
SCALED_125 = (1093, 558)


def _pages(window):
    for row in range(window.nav.count()):
        yield window.nav.item(row).data(Qt.ItemDataRole.UserRole)  # 走访 too: a page now


def _scrolled(widget) -> bool:
    """Inside a scroll area's viewport: reachable by scrolling wherever it lies."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return True
        parent = area
    return False


def _outside(window) -> list[str]:
    out = []
    for child in window.findChildren(QWidget):
        if not child.isVisible() or child.window() is not window or _scrolled(child):
            continue
        right = child.mapTo(window, child.rect().bottomRight())
        if right.x() > window.width() or right.y() > window.height():
            out.append(f"{type(child).__name__} {child.objectName()} ends at {right.x()},{right.y()}")
    return out


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_fits_a_1366_by_768_screen(qapp, township, window_for, settle, language):
    from desktop.app import install_translation

    install_translation(qapp, language)
    try:
        for who in ("platform", "grid1", "mediator"):
            report(township)
            window = window_for(who)
            hint = window.minimumSizeHint()
            assert hint.width() <= SCALED_125[0] and hint.height() <= SCALED_125[1], (who, hint)
            for size in (SCREEN_100, SCALED_125):
                window.resize(*size)
                for key in _pages(window):
                    window.go(key)
                    settle()
                    if key == "ledger":  # a matter open beside the list, with every step it offers
                        window.ledger.table.selectRow(0)
                        settle()
                        assert window.ledger.view.detail is not None
                    assert _outside(window) == [], (who, key, size)
                    assert window.size().toTuple() == size, (who, key)  # nothing made the window grow
            window.close()
    finally:
        install_translation(qapp, "zh_CN")


def test_lists_say_when_they_are_empty(township, window_for, settle):
    window = window_for("platform")
    window.go("households")
    households = window.households
    assert households.table.showing_empty_text() and "新增住户" in households.table.empty_text
    assert households.card.visits.showing_empty_text() and households.card.matters.showing_empty_text()
    window.go("ledger")
    assert window.ledger.table.showing_empty_text() and "上报事项" in window.ledger.table.empty_text
    window.go("mediation")
    for key in ("mine", "claim"):
        view = window.mediation.tabs.widget(list(window.mediation.models).index(key))
        assert view.showing_empty_text()
    conflicts = window.show_conflicts()
    settle()
    assert conflicts.conflicts.showing_empty_text() and conflicts.rejected.showing_empty_text()
    conflicts.close()
    desk = window.desk
    assert desk.due_empty.isVisibleTo(desk) and not desk.due.isVisibleTo(desk)


def test_the_household_list_says_why_each_household_matched(township, window_for, settle):
    g = township.login("grid1")
    first = residents.save_household(g, HouseholdInput(township.village, "0002", "东村2号", township.grid)).id
    residents.save_person(g, first, PersonFields("王秀英", relation="户主", mobile="13812345678"))
    residents.save_person(g, first, PersonFields("李四", relation="配偶"))
    other = residents.save_household(g, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    residents.save_person(g, other, PersonFields("赵五", relation="户主"))
    window = window_for("platform")
    window.go("households")
    page = window.households
    assert [r.number for r in page.model.rows] == ["0001", "0002"]  # by 户号 within the village
    assert page.model.rows[1].phone == "138****5678"  # the head's mobile, masked
    page.search.setText("李")
    page.refresh()  # what the pause after the last key does
    settle()
    (row,) = page.model.rows
    assert row.id == first and row.matched == ("配偶", "李四")
    assert page.model.data(page.model.index(0, 7)) == "配偶 李四"
    page.table.selectRow(0)
    settle()
    assert page.card.detail.id == first
    page.search.setText("不在册的人")
    page.refresh()
    settle()
    assert page.model.total == 0 and page.card.detail is None and page.card.members.rowCount() == 0


def test_the_desk_tiles_are_buttons_and_the_desk_lists_what_is_late(township, clock, window_for, settle):
    p = township.login("platform")
    late = report(township)
    steps.register(p, late, 1, category="邻里")
    clock.now += timedelta(days=7)
    window = window_for("platform")
    desk = window.desk
    red = desk.tiles["red"]
    assert isinstance(red, Tile) and red.clickable and red.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # every tile opens its list now, 本月走访 included (tests/ui/test_desk_tiles_open.py)
    assert desk.tiles["visits"].clickable
    assert [r.id for r in desk.counts.due_soon] == [late] and desk.counts.due_soon[0].colour == "red"
    assert desk.due.rowCount() == 1 and desk.due.item(0, 1).text() == desk.counts.due_soon[0].serial
    assert [(v.village, v.red) for v in desk.counts.by_village if v.red] == [("东村", 1)]
    red.click()
    settle()
    assert window.stack.currentWidget() is window.ledger and window.ledger.colour.currentData() == "red"
    assert [r.id for r in window.ledger.model.rows] == [late]
    window.go("desk")
    desk.due.cellDoubleClicked.emit(0, 2)  # a double click on the row opens the matter
    settle()
    (dialog,) = window.findChildren(MatterDialog)
    assert dialog.view.detail.id == late
    grid_worker = window_for("grid1")
    assert grid_worker.desk.villages.isHidden()  # a per-village summary is for the township's roles


def test_the_ledger_shows_the_columns_that_fit_and_more_on_request(township, window_for, settle):
    window = window_for("platform")
    header = window.ledger.table.horizontalHeader()
    titles = [
        window.ledger.model.columns[i].title for i in range(header.count()) if not header.isSectionHidden(i)
    ]
    assert titles == ["编号", "标题", "星级", "状态", "期限", "村/社区", "承办", "上报时间"]


def test_a_cancelled_export_is_not_reported_as_a_failure(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.errors import Cancelled
    from desktop.ui.common import show_error
    from sync.core.domain.messages import msg

    said = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: said.append(("information", title, text))
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said.append(("warning", title, text)))
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, Cancelled(msg("导出已取消")))
    assert said == [("information", "已取消", "导出已取消")]
