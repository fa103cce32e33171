"""The township's figures for a matter that goes to the county and comes back (sync.core.domain.counting):
提级 counted in the month it happens; the county's wait is not the township's lateness; sent down, the
township is held to the county's deadline (交下级落实). A county account on the township's own laptop here
(roles and tier as on a county laptop), so the count reads one history."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services import accounts, stats, steps
from sync.core.domain.lifecycle import Refused
from sync.core.domain.measures import Counts
from tests.conftest import FAST_KDF, PASSWORD
from tests.services.test_matters import matter, report


@pytest.fixture
def escalated(township, clock):
    """A village matter 提级 to the township on 23 November, and from the township to the county."""
    t = township
    accounts.add_account(
        t.admin, "xian", "县综治中心", PASSWORD, "platform,supervisor", scope_kind="county", kdf=FAST_KDF
    )
    p, g = t.login("platform"), t.login("grid1")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    steps.escalate(g, m, "村级三次调解未成")
    steps.dispatch(p, m, f"account:{t.accounts['platform']}")
    steps.accept(p, m)
    steps.escalate(p, m, "镇级调解未成，报请县综治中心")
    return m


def _village(t, year, month):
    units = {u.name: u.counts for u in stats.month(t.login("platform"), year, month)}
    return units.get("东村", Counts())  # a unit with nothing in the month is not listed


def test_escalation_to_the_county_counts_as_the_townships_escalation(township, escalated):
    november = _village(township, 2026, 11)
    assert (november.registered, november.escalations, november.done) == (1, 2, 0)


def test_the_countys_wait_is_not_the_townships_lateness_but_its_deadline_is(township, escalated, clock):
    t, m = township, escalated
    xian = t.login("xian")
    clock.now = datetime(2027, 1, 20, 10, 0)  # long past the township's own deadline: at the county
    assert matter(t, m).due_on < clock.now.date()
    assert _village(t, 2027, 1).open_overdue == 0  # the county's to settle, not the village's
    with pytest.raises(Refused, match="已提级到县级"):
        steps.dispatch(t.login("platform"), m, f"account:{t.accounts['platform']}")
    steps.dispatch(xian, m, f"account:{xian.actor.account_id}")
    steps.accept(xian, m)
    steps.refer_down(xian, m, "县综治中心研判：由镇司法所落实", 5)
    due = matter(t, m).due_on
    assert clock.now.date() + timedelta(days=5) <= due <= clock.now.date() + timedelta(days=9)  # 5 days
    p = t.login("platform")
    steps.dispatch(p, m, f"account:{t.accounts['platform']}")
    steps.accept(p, m)
    clock.now = datetime(
        2027, 2, 10, 10, 0
    )  # past the county's deadline, still open: the township's lateness
    assert _village(t, 2027, 2).open_overdue == 1
    steps.supervise(xian, m, "超过县级交办期限")
    steps.explain_overdue(p, m, "当事人外出")
    steps.close(p, m, "resolved", note="已落实")
    february = _village(t, 2027, 2)
    assert (february.closed, february.closed_on_time, february.supervised) == (1, 0, 1)
