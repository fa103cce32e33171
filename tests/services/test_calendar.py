"""The township's calendar through the use cases: a ★ matter registered on 31 December 2026 runs into 2027,
whose holidays are not entered: it is counted Monday to Friday and flagged on the matter and the desk until
2027's 元旦 is entered (by hand or from a sheet); then its due date moves and the flag goes."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from desktop.services import calendar, desk, matter_detail, setup, steps
from desktop.services.errors import NotAllowed, ServiceError
from sync.core.domain.calendar import Day
from tests.services.test_matters import matter, report

NOTE = "2027年节假日未录入，期限按周一至周五计算"


@pytest.fixture
def year_end(township, clock):
    """Working days are the township's rule; a ★ matter registered on the last day of the calendar."""
    admin = township.admin
    setup.configure(
        admin, "deadline_policy", {**setup.read_config(admin, "deadline_policy"), "working_days": True}
    )
    clock.now = datetime(2026, 12, 31, 10, 0)
    m = report(township)
    steps.register(township.login("platform"), m, 1, category="邻里")
    return m


def test_a_deadline_into_an_unentered_year_is_flagged_until_the_year_is_entered(township, year_end):
    m, admin = year_end, township.admin
    assert matter(township, m).due_on == date(2027, 1, 7)  # 元旦 counted as a working day
    assert matter_detail.matter_detail(admin, m).calendar_note == NOTE
    assert desk.desk(admin).calendar_note == f"1件在办事项的期限跨入未录入的年份：{NOTE}"
    assert desk.desk(township.login("grid1")).calendar_note  # the grid worker sees their matter flagged

    changed = calendar.save_year(admin, 2027, [Day(date(2027, 1, 1), "休", "元旦")])
    assert "matters" in changed.kinds
    assert matter(township, m).due_on == date(2027, 1, 8)
    assert matter_detail.matter_detail(admin, m).calendar_note == ""
    assert desk.desk(admin).calendar_note == ""
    line = next(y for y in calendar.years(admin) if y.year == 2027)
    assert (line.source, line.holidays, line.days[0].name) == ("乡镇录入", 1, "元旦")
    assert {y.year: y.source for y in calendar.years(admin)}[2026] == "内置"

    calendar.remove_year(admin, 2027)  # the township's entry withdrawn: weekdays again, flagged again
    assert matter(township, m).due_on == date(2027, 1, 7)
    assert matter_detail.matter_detail(admin, m).calendar_note == NOTE


def test_a_sheet_imports_its_good_rows_and_refuses_each_bad_one(township, year_end, tmp_path):
    sheet = tmp_path / "2027节假日.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(
            [
                ["日期", "类型", "名称"],
                ["2027-01-01", "休", "元旦"],
                ["2027-01-05", "班", "错"],
                ["2027-1-32", "休", ""],
            ]
        )
    report_ = calendar.import_sheet(township.admin, sheet)
    assert report_.years == [2027] and report_.moved == 1
    assert [(r.row, r.reason) for r in report_.refused] == [
        (3, "2027-01-05是周一至周五，本来就上班，不是调休上班日"),
        (4, "没有这一天：2027-1-32"),
    ]
    assert matter(township, year_end).due_on == date(2027, 1, 8)


def test_an_xlsx_sheet_and_the_refusals_of_the_use_case(township, year_end, tmp_path):
    wb = Workbook()
    wb.active.append(["日期", "类型", "名称"])
    wb.active.append([datetime(2027, 1, 1), "休", "元旦"])
    path = tmp_path / "节假日.xlsx"
    wb.save(path)
    assert calendar.import_sheet(township.admin, path).moved == 1
    (tmp_path / "坏.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ServiceError, match="无法读取"):
        calendar.import_sheet(township.admin, tmp_path / "坏.xlsx")
    with pytest.raises(ServiceError, match="2028-01-01不在2027年"):
        calendar.save_year(township.admin, 2027, [Day(date(2028, 1, 1), "休")])
    with pytest.raises(NotAllowed):
        calendar.save_year(township.login("grid1"), 2027, [Day(date(2027, 1, 1), "休")])
