"""The measures' arithmetic (on time against the due date then in force; a repeat order counted once) and
closed months (月结): published once, re-printed byte for byte, later activity shown as adjustments."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.services import assessment_report, periods, stats, steps
from desktop.services.errors import NotAllowed
from tests.services.test_matters import matter, report


def _late_closure(t, clock):
    """A matter registered on 23 November with five days (due the 28th), supervised for being late and closed
    on the 30th."""
    g, p, sup = t.login("grid1"), t.login("platform"), t.login("supervisor")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    clock.now = datetime(2026, 11, 30, 9, 0)
    steps.supervise(sup, m, "已超期，请尽快办结")
    steps.explain_overdue(g, m, "当事人外出")
    steps.close(g, m, "resolved", note="双方和解")
    steps.check_closure(p, m)
    return m


def test_on_time_is_judged_against_the_due_date_in_force_when_the_matter_closed(township, clock):
    t = township
    m = _late_closure(t, clock)
    (east,) = stats.month(t.login("platform"), 2026, 11)
    assert (east.counts.closed, east.counts.closed_on_time, east.measures.on_time_rate) == (1, 0, 0.0)
    # In December the matter is reopened (恢复办理): its due date moves to December, but it closed late in
    # November and stays late.
    clock.now = datetime(2026, 12, 2, 10, 0)
    steps.reopen(t.login("platform"), m, "回访发现反复")
    assert matter(t, m).due_on > date(2026, 11, 30)  # today's due date would call the closing on time
    (east,) = stats.month(t.login("platform"), 2026, 11)
    assert (east.counts.closed, east.counts.closed_on_time, east.measures.on_time_rate) == (1, 0, 0.0)


def test_a_closing_by_the_due_date_then_in_force_is_on_time(township, clock):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    steps.request_extension(g, m, 5, "需等待鉴定")
    steps.decide_extension(p, m, True)
    clock.now = datetime(2026, 11, 30, 9, 0)  # past the first due date (28th), within the extended one
    steps.close(g, m, "resolved")
    (east,) = stats.month(p, 2026, 11)
    assert (east.counts.closed, east.counts.closed_on_time) == (1, 1)


def test_a_repeat_order_counts_once_under_its_first_order_even_when_marked_after_registration(
    township, clock
):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    first, again = report(t), report(t)
    for m in (first, again):
        steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, first, f"org:{t.committee}")
    steps.accept(g, first)
    steps.close(g, first, "resolved")
    steps.mark_repeat(p, again, first, "同一诉求")  # after 立案
    (east,) = stats.month(p, 2026, 11)
    assert (east.counts.registered, east.counts.resolved, east.measures.resolution_rate) == (1, 1, 1.0)
    assert east.counts.repeat_orders == 1


# ------------------------------------------------------------------------------------------ closed months


def _november(t, clock):
    """A November with work in both villages: 东村 finds and resolves one matter and has another registered,
    西村 finds one a mediation team is handling; on 1 December the platform closes November."""
    g, p = t.login("grid1"), t.login("platform")
    done, open_one = report(t), report(t)
    for m in (done, open_one):
        steps.register(p, m, 2, category="邻里")
    steps.dispatch(p, done, f"org:{t.committee}")
    steps.accept(g, done)
    steps.close(g, done, "resolved")
    steps.check_closure(p, done)
    west = report(t, grid_id=t.grid2, who="grid2")
    steps.register(p, west, 2, category="合同")
    steps.dispatch(p, west, f"org:{t.team}")
    steps.accept(t.login("mediator"), west)
    clock.now = datetime(2026, 12, 1, 9, 0)
    periods.close(p, "2026-11")
    return done, open_one, west


def _december(t, clock, done, open_one, west):
    """Honest late steps in December about November (each within the days a typed date may lie back): a
    session held on 27 November, a follow-up on the 30th, the registered matter marked a repeat of the
    resolved one, then 西村's matter escalated."""
    p, sup = t.login("platform"), t.login("supervisor")
    clock.now = datetime(2026, 12, 1, 15, 0)
    m = t.login("mediator")
    steps.record_session(m, west, steps.SessionInput(date(2026, 11, 27), "人民调解", "failed", record="未成"))
    steps.follow_up(sup, done, steps.FollowUpInput(date(2026, 11, 30), "满意"))
    steps.mark_repeat(p, open_one, done, "同一诉求")
    steps.escalate(m, west, "村级无法化解")


def _printed(ws, period, tmp_path, name):
    """Everything a closed month is printed as: the paper's content, the workbook's cells, and the command's
    JSON answer."""
    report = assessment_report.make(ws, period)
    book = assessment_report.save_xlsx(report, tmp_path / f"{name}.xlsx")
    cells = [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in load_workbook(book)]
    return assessment_report.document(report), cells


def test_a_closed_month_is_reprinted_as_published_and_later_steps_are_december_adjustments(
    township, clock, tmp_path
):
    t = township
    p = t.login("platform")
    matters = _november(t, clock)
    before = _printed(p, "2026-11", tmp_path, "before")
    (row,) = periods.closed(p).values()
    assert (row.month, row.closed_by_name, row.intact) == ("2026-11", "钱平台", True)
    live = {u.name: u for u in stats.month(p, 2026, 11)}
    _december(t, clock, *matters)
    # November recomputed now has moved (a session, a follow-up, a repeat order no longer counted as found) …
    now = {u.name: u for u in stats.month(p, 2026, 11)}
    assert now["东村"].counts != live["东村"].counts
    # … but November as printed has not, in any form
    assert _printed(p, "2026-11", tmp_path, "after") == before
    # and December shows the difference as adjustments to November
    december = assessment_report.make(p, "2026-12")
    lines = december.adjustment_lines("village")
    assert [(month, unit) for month, unit, _ in lines] == [
        ("对2026年11月的调整", "东村"),
        ("对2026年11月的调整", "西村"),
    ]
    east, west = (a.counts for a in december.adjustments["2026-11"]["village"])
    assert (east.registered, east.follow_ups, east.satisfied, east.mediations_held) == (-1, 1, 1, 0)
    assert (west.registered, west.mediations_held, west.escalations) == (0, 1, 0)  # escalated in December
    assert _printed(p, "2026-11", tmp_path, "later") == before


def test_closing_twice_too_early_out_of_order_or_without_the_right_is_refused(township, clock):
    t = township
    p = t.login("platform")
    report(t)
    clock.now = datetime(2026, 11, 30, 18, 0)
    with pytest.raises(periods.PeriodRefused, match="2026年11月尚未结束（2026-12-01起才能月结）"):
        periods.close(p, "2026-11")
    clock.now = datetime(2026, 12, 1, 8, 0)
    for who in ("grid1", "leader", "supervisor", "mediator"):
        with pytest.raises(NotAllowed, match="月结"):
            periods.close(t.login(who), "2026-11")
    with pytest.raises(ValueError, match="2026-11"):
        periods.close(p, "11/2026")
    periods.close(p, "2026-11")
    with pytest.raises(periods.PeriodRefused, match="2026年11月已月结，不能重复月结"):
        periods.close(p, "2026-11")
    with pytest.raises(periods.PeriodRefused, match="不能再月结更早的2026年10月"):
        periods.close(p, "2026-10")
    assert list(periods.closed(p)) == ["2026-11"]


def test_months_close_by_themselves_the_configured_days_after_their_end(township, clock):
    t = township
    p = t.login("platform")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    clock.now = datetime(2026, 12, 5, 23, 0)
    assert periods.close_due(p) == []  # five days after 30 November is 6 December
    assert periods.close_due(t.login("grid1")) == []  # only the platform office closes
    clock.now = datetime(2027, 1, 6, 8, 0)
    assert periods.close_due(p) == ["2026-11", "2026-12"]
    assert [r.automatic for r in periods.closed(p).values()] == [True, True]
    assert periods.close_due(p) == []


def test_a_large_townships_month_fits_in_one_period_record():
    from sync.core import records
    from sync.core.domain import periods as rules

    # 40 villages, 300 grids, 30 units and teams, 600 handlers, 12 sources and 60 categories, every count
    # non-zero
    unit = [
        f"account:{'0' * 36}",
        "某某村第十二网格" * 2,
        1,
        99.5,
        {name: 12345 for name in periods.COUNT_NAMES},
    ]
    figures = {
        "version": rules.FIGURES_VERSION,
        "no_data": "rescale",
        "weights": None,
        "sections": {
            by: [unit] * n for by, n in zip(periods.BY, (40, 300, 15, 15, 600, 12, 60), strict=True)
        },
        "adjustments": {},
    }
    data = {"month": "2026-11", "figures": figures, "digest": rules.digest("2026-11", figures)}
    data |= {"closed_at": "2026-12-01T09:00:00", "closed_by_name": "钱平台"}
    assert records.problems(records.BY_TABLE["periods"], data, whole=True) == []
    assert rules.record_problem(data, rules.period_id("2026-11")) is None
    assert rules.record_problem({**data, "digest": "0" * 64}) == "digest：与月结数据不符（数据被改动过）"
    assert (
        records.value_problem(records.json(), figures) == "超过 64 KB"
    )  # what any other JSON field may hold
