"""设置 › 节假日 in the window: a year's days typed into the table (a bad row named, nothing saved), saved,
imported from a sheet; the matter view and the desk show the flag until the year is entered."""

from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime

from desktop.services import calendar, setup, steps
from desktop.ui.calendar_settings import CalendarTab
from tests.services.test_matters import matter, report

NOTE = "2027年节假日未录入，期限按周一至周五计算"


def test_the_holidays_tab_enters_a_year_and_the_flags_go(
    township, clock, window_for, settle, no_popups, tmp_path
):
    admin = township.admin
    setup.configure(
        admin, "deadline_policy", {**setup.read_config(admin, "deadline_policy"), "working_days": True}
    )
    clock.now = datetime(2026, 12, 31, 10, 0)
    m = report(township)
    steps.register(township.login("platform"), m, 1, category="邻里")

    window = window_for("admin")
    assert window.desk.calendar_note.isVisibleTo(window.desk) and NOTE in window.desk.calendar_note.text()
    window.go("settings")
    page = window.stack.currentWidget()
    settle()
    tab = next(page.tabs.widget(i) for i in range(page.tabs.count()) if page.tabs.tabText(i) == "节假日")
    assert isinstance(tab, CalendarTab)
    assert any(tab.years.item(i).text().startswith("2026年（内置）") for i in range(tab.years.count()))

    tab.year.setValue(2027)
    tab.days.setRowCount(0)
    tab.add_row("2027-01-01", "休", "元旦")
    tab.add_row("2027-01-05", "班", "")  # a Tuesday: refused, nothing saved
    tab.save()
    settle()
    assert no_popups[-1] == "第 2 行：2027-01-05是周一至周五，本来就上班，不是调休上班日"
    assert matter(township, m).due_on == date(2027, 1, 7)

    tab.days.removeRow(1)
    tab.save()
    settle(), settle()
    assert matter(township, m).due_on == date(2027, 1, 8)
    assert any(tab.years.item(i).text().startswith("2027年（乡镇录入）") for i in range(tab.years.count()))
    assert not window.desk.calendar_note.isVisibleTo(window.desk)

    sheet = tmp_path / "节假日.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(
            [["日期", "类型", "名称"], ["2027-02-20", "班", "春节调休"], ["2027-02-31", "休", ""]]
        )
    tab.import_from(str(sheet))
    settle()
    assert tab.import_report.years == [2027] and "第 3 行：没有这一天：2027-02-31" in no_popups[-1]
    assert [d.on for d in next(y for y in calendar.years(admin) if y.year == 2027).days] == [
        date(2027, 2, 20)
    ]


def test_a_sealed_attachment_shows_in_the_matter_view(township, window_for, settle, tmp_path):
    """The matter view's thumbnail comes from memory: the file on disk is sealed."""
    from desktop.services import attachments
    from tests.sync.test_attachments_at_rest import PNG_MAGIC, png

    m = report(township)
    scan = tmp_path / "协议书.png"
    scan.write_bytes(png(40, 30))
    attachments.add_attachment(township.login("grid1"), "matter", m, scan)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert not attachments.stored_path(township.admin, sha).read_bytes().startswith(PNG_MAGIC)
    window = window_for("platform")
    window.ledger.view.show_matter(m)
    settle()
    item = window.ledger.view.files.item(0)
    assert item.text() == "协议书.png" and not item.icon().isNull()
    # The dossier printed with its photo from sealed storage: tests/ui/test_papers.py (the image in the PDF).
