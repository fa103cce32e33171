"""The 统计 page with the complete assessment: 回访率 and 防止民转刑 columns, counts by source and
category, the township total row, and the 督考办's 亮点工作 / 通报 / 约谈 entered from the page and listed for
the month beside 公式分 + 亮点分 = 总分 (real widgets offscreen, a real SQLCipher township)."""

from datetime import date

from desktop.services import steps
from desktop.ui.stats import MarkDialog
from tests.services.test_matters import report


def _cells(table, row):
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def _headers(table):
    return [table.horizontalHeaderItem(c).text().replace("\n", "") for c in range(table.columnCount())]


def test_the_supervisor_marks_a_village_and_the_page_shows_every_figure(township, clock, window_for, settle):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = report(t, signals=["fight"])
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    steps.close(g, m, "resolved")
    steps.check_closure(p, m)
    window = window_for("supervisor")
    window.go("stats")
    page = window.stack.currentWidget()
    page.period.setCurrentIndex(page.period.findData("-11"))
    settle()
    headers = _headers(page.table)
    assert headers[2:5] == ["公式分", "亮点分", "总分"] and "回访率" in headers and "防止民转刑" in headers
    east, total = _cells(page.table, 0), _cells(page.table, 1)
    assert east[1] == "东村" and total[1] == "全镇合计" and total[0] == ""
    assert east[headers.index("回访率")] == "0.0%" and east[headers.index("防止民转刑")] == "1"
    assert total[headers.index("化解率")] == "100.0%"
    assert page.mark.isVisible() and page.marks.rowCount() == 0

    dialog = MarkDialog([("东村", t.village), ("西村", t.village2)], date(2026, 11, 20), page)
    dialog.points.setValue(2.5)
    dialog.reason.setText("经验被推广")
    assert dialog.values() == ("highlight", t.village, "经验被推广", date(2026, 11, 20), 2.5)
    dialog.kind.setCurrentIndex(dialog.kind.findData("notice"))
    assert not dialog.points.isEnabled() and dialog.values()[4] == 0.0
    dialog.kind.setCurrentIndex(dialog.kind.findData("highlight"))
    page.record_mark("village", *dialog.values())
    settle()
    settle()
    east = _cells(page.table, 0)
    formula = float(east[2])
    assert (east[3], east[4]) == ("2.5", f"{formula + 2.5:.1f}")
    assert _cells(page.marks, 0) == ["2026-11-20", "亮点工作", "东村", "2.5", "经验被推广", "孙督考"]

    page.by.setCurrentIndex(page.by.findData("category"))
    settle()
    assert [_cells(page.table, r)[1] for r in range(page.table.rowCount())] == ["邻里", "全镇合计"]
    # a grid worker sees no button to mark the assessment
    other = window_for("grid1")
    other.go("stats")
    assert not other.stack.currentWidget().mark.isVisible()


def test_the_printed_report_lists_the_months_marks_and_the_township_total(township, clock, qapp, tmp_path):
    from pypdf import PdfReader

    from desktop.services import assessment_marks, assessment_report
    from desktop.ui import printing

    t = township
    m = report(t, signals=["criminal"])
    steps.register(t.login("platform"), m, 1, category="邻里")
    sup = t.login("supervisor")
    assessment_marks.record(sup, "notice", "village", t.village, "超期未结被通报", date(2026, 11, 24))
    path = tmp_path / "r.pdf"
    printing.save_report(assessment_report.make(t.login("platform"), "2026-11"), str(path))
    text = "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")
    for words in ("亮点工作赋分和通报、约谈", "超期未结被通报", "全镇合计", "回访率", "按来源", "按类别"):
        assert words in text, words


def test_a_mark_without_its_reason_stays_open_with_what_was_typed(qapp, no_popups):
    """Review finding: the dialog closed on OK and the refusal came after, with everything typed gone."""
    dialog = MarkDialog([("东村", "v1")], date(2026, 11, 20), None)
    dialog.points.setValue(3)
    dialog.show()
    dialog._accept_if_complete()
    assert dialog.isVisible() and dialog.result() == 0 and dialog.points.value() == 3
    assert any("事由" in said for said in no_popups)
    dialog.reason.setText("经验被推广")
    dialog._accept_if_complete()
    assert not dialog.isVisible() and dialog.result() == 1
    assert dialog.on.displayFormat() == "yyyy-MM-dd"
