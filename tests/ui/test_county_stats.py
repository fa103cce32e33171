"""The county laptop's window (issue 29), real widgets offscreen against a real server: the county desk names
each matter's township (乡镇), township A's and B's told apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from desktop.services import choices
from desktop.ui.main_window import MainWindow
from tests.sync import test_county_stats as county_setup
from tests.ui.test_county_desk import _shot

# the fixture: townships A and B, each with a matter at the county, and the county's laptop
two_and_county = county_setup.two_and_county


def test_the_county_desk_names_each_matters_township(
    qtbot, laptops, two_and_county, worker, settle, tmp_path
):
    county, c, up_a, up_b = two_and_county
    window = MainWindow(c, worker, choices.places(c))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    table = window.desk.county_waiting
    header = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    column = header.index("乡镇")
    shown = {table.item(r, 2 + 1).text(): table.item(r, column).text() for r in range(table.rowCount())}
    assert shown == {"土地承包纠纷": "向城镇", "北村纠纷0": "马厂湖镇"}
    _shot(window, tmp_path, "county_desk_townships.png")


def test_the_county_stats_page_ranks_townships_and_units_and_exports(
    qtbot, laptops, two_and_county, worker, settle, tmp_path
):
    county, c, up_a, up_b = two_and_county
    window = MainWindow(c, worker, choices.places(c))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.pages["stats"]
    page.year.setValue(2026)
    page.period.setCurrentIndex(10)  # November
    settle()
    names = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert names == ["向城镇", "马厂湖镇", "城关镇", "全县合计"]
    assert page.table.item(0, 0).text() == "1" and page.table.item(2, 0).text() == ""
    window.stack.setCurrentWidget(page)
    settle()
    _shot(window, tmp_path, "county_stats.png")  # the whole window at 1366×768, looked at
    pdf = tmp_path / "county.pdf"
    page.export_to(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    page.by.setCurrentIndex(1)  # 按县直单位: none yet
    settle()
    assert page.table.rowCount() == 0


def test_the_county_ledger_names_each_matters_township(qtbot, laptops, two_and_county, worker, settle):
    county, c, up_a, up_b = two_and_county
    window = MainWindow(c, worker, choices.places(c))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    model = window.pages["ledger"].model
    header = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    column, title = header.index("乡镇"), header.index("标题")
    shown = {model.item(r, title).text(): model.item(r, column).text() for r in range(model.rowCount())}
    assert shown == {"土地承包纠纷": "向城镇", "北村纠纷0": "马厂湖镇"}
    assert header[:2] == ["编号", "标题"]  # a township's column numbers are kept (sorting, hidden columns)
    # … and it is shown beside the serial, inside the screen (review 3: last, it was off to the right)
    page = window.pages["ledger"]
    window.stack.setCurrentWidget(page)
    settle()
    table = page.table
    assert table.horizontalHeader().visualIndex(column) == 1
    assert 0 <= table.columnViewportPosition(column) < table.viewport().width() - table.columnWidth(column)
    # the county reports nothing of a township's: no 上报事项 on its ledger or menu
    assert not [b for b in page.findChildren(QPushButton) if b.text() == "上报事项" and b.isVisible()]
    assert not [a for a in window.menuBar().findChildren(QAction) if a.text() == "上报事项" and a.isEnabled()]


def test_a_township_ledger_has_no_township_column(qtbot, laptops, worker, settle):
    window = MainWindow(laptops.a, worker, choices.places(laptops.a))
    qtbot.addWidget(window)
    settle()
    model = window.pages["ledger"].model
    assert "乡镇" not in [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
