"""The measures' arithmetic (on time against the due date then in force; a repeat order counted once) and
closed months (月结): published once, re-printed byte for byte, later activity shown as adjustments."""

from datetime import date, datetime

from desktop.services import stats, steps
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
