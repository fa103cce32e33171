"""A quarter (or year) whose months are closed is made from what the months published (their counts summed,
numerators and denominators, with the adjustments each carried), not recounted from the records: late
activity leaves the Q4 report byte-identical on the 统计 page, in the PDF (pdftotext) and in the workbook
(openpyxl); a quarter with an open month adds that month's live figures and says so."""

import subprocess
from datetime import datetime

from openpyxl import load_workbook

from desktop.services import assessment_report, periods, stats, steps
from tests.services.test_matters import report


def _page_text(page) -> str:
    cells = [
        "\t".join(page.table.item(r, c).text() for c in range(page.table.columnCount()))
        for r in range(page.table.rowCount())
    ]
    marks = [
        "\t".join(page.marks.item(r, c).text() for c in range(page.marks.columnCount()))
        for r in range(page.marks.rowCount())
    ]
    return "\n".join([page.stamp.text(), *cells, *marks])


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def _workbook(path) -> list[list[tuple]]:
    book = load_workbook(path)
    return [[tuple(c.value for c in row) for row in sheet.iter_rows()] for sheet in book.worksheets]


def _export(page, settle, path) -> None:
    page.export_to(str(path))
    settle()
    settle()
    assert path.exists()


def test_a_closed_quarter_never_moves_and_an_open_one_says_it_is_live(
    township, clock, window_for, settle, no_popups, tmp_path
):
    t = township
    p = t.login("platform")
    clock.now = datetime(2026, 10, 12, 9, 0)
    first = report(t)
    steps.register(p, first, 1, category="邻里")
    steps.dispatch(p, first, f"org:{t.committee}")
    steps.accept(t.login("grid1"), first)
    steps.close(t.login("grid1"), first, "resolved")
    steps.check_closure(p, first)
    clock.now = datetime(2026, 11, 10, 9, 0)
    second = report(t, title="排水沟纠纷")
    steps.register(p, second, 2, category="邻里")
    clock.now = datetime(2026, 12, 8, 9, 0)
    third = report(t, title="排水沟纠纷（再次来电）")
    steps.register(p, third, 2, category="邻里")

    clock.now = datetime(2027, 1, 4, 9, 0)
    periods.close(p, "2026-10")
    periods.close(p, "2026-11")
    window = window_for("platform")
    window.go("stats")
    page = window.stack.currentWidget()
    page.year.setValue(2026)
    page.period.setCurrentIndex(page.period.findData("-Q4"))
    settle()
    # October and November as published, December live: the page says which is which
    assert "已月结月份（2026年10月、2026年11月）" in page.stamp.text()
    assert "未月结月份（2026年12月）的实时数据" in page.stamp.text()
    assert sum(u.counts.registered for u in page.units) == 3

    periods.close(p, "2026-12")
    page.refresh()
    settle()
    assert "不再变动" in page.stamp.text() and "实时" not in page.stamp.text()
    assert sum(u.counts.registered for u in page.units) == 3
    before = _page_text(page)
    _export(page, settle, tmp_path / "before.pdf")
    _export(page, settle, tmp_path / "before.xlsx")

    # Late activity about the quarter: December's order marked a repeat of November's (a repeat counts once,
    # under its first order, whenever marked) — the records now count two matters found in Q4, not three.
    steps.mark_repeat(p, third, second)
    start, end = stats.period_bounds("2026-Q4")
    assert sum(u.counts.registered for u in stats.assessment(p, start, end, "village")) == 2
    page.refresh()
    settle()
    assert _page_text(page) == before
    _export(page, settle, tmp_path / "after.pdf")
    _export(page, settle, tmp_path / "after.xlsx")
    assert _pdf_text(tmp_path / "after.pdf") == _pdf_text(tmp_path / "before.pdf")
    assert "（2026年10月、2026年11月、2026年12月）" in _pdf_text(tmp_path / "after.pdf").replace(" ", "")
    assert _workbook(tmp_path / "after.xlsx") == _workbook(tmp_path / "before.xlsx")

    # January, the open period, carries the repeat as an adjustment to December (where it is counted)
    january = assessment_report.view(p, "2027-01")
    assert any("对2026年12月的调整" in line[0] for line in january.adjustment_lines("village"))
