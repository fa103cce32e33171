"""Matters not yet with any unit are a row of their own in the assessment (（未指定）) and take no rank: shown
last, unranked, with a plain note, on the page's figures, the printed report and the workbook."""

from __future__ import annotations

from openpyxl import load_workbook

from desktop.services import assessment_report, stats, steps
from sync.core.domain.counting import NO_UNIT, UnitMeasures, with_highlights
from sync.core.domain.measures import Counts, Measures
from tests.services.test_matters import report


def _unit(key, name, score):
    return UnitMeasures(key, name, Counts(registered=1), Measures.of(Counts(registered=1)), score)


def test_the_unassigned_row_takes_no_place_even_with_the_best_score():
    ranked = with_highlights(
        [_unit("a", "甲所", 40.0), _unit("", NO_UNIT, 90.0), _unit("b", "乙所", 60.0)], {}
    )
    assert [(u.name, u.place, u.ranked) for u in ranked] == [
        ("乙所", 1, True),
        ("甲所", 2, True),
        (NO_UNIT, 0, False),
    ]


def test_the_quarter_report_lists_the_unassigned_last_unranked_with_a_note(township, clock, tmp_path):
    t = township
    p = t.login("platform")
    sent, waiting = report(t), report(t, title="未交办")
    for m in (sent, waiting):
        steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, sent, f"org:{t.unit}")
    made = assessment_report.view(p, "2026-Q4", ("handler",))
    units = made.sections["handler"]
    assert [(u.name, u.place) for u in units] == [("司法所", 1), (NO_UNIT, 0)]
    note = "“（未指定）”为尚未归到任何承办单位/人的事项，单列在最后，不参加排名。"
    assert made.unranked_note("handler") == note
    printed = assessment_report.document(made).text()
    assert f"　{NO_UNIT}　" in printed and note in printed
    row = next(line for line in printed.splitlines() if NO_UNIT in line)
    assert row.startswith("不排名　")
    book = load_workbook(assessment_report.save_xlsx(made, tmp_path / "q4.xlsx"))
    cells = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert [r[:2] for r in cells if r[1] in ("司法所", NO_UNIT)] == [[1, "司法所"], ["不排名", NO_UNIT]]
    assert [note] == [r[0] for r in cells if r[0] == note]
    # a section where every matter has its unit has no note
    assert assessment_report.view(p, "2026-Q4", ("village",)).unranked_note("village") == ""
    assert all(u.ranked for u in stats.month(p, 2026, 11, "village"))
