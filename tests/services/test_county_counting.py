"""The township's figures for a matter that goes to the county and comes back (sync.core.domain.counting):
提级 counted in the month it happens; the county's wait is not the township's lateness; sent down, the
township is held to the county's deadline (交下级落实). A county account on the township's own laptop here
(roles and tier as on a county laptop), so the count reads one history."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services import accounts, county_stats, setup, stats, steps
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


def _county_unit(t, name, username, display):
    """A county unit (县直单位) with one member, made as the county's platform makes it."""
    org = setup.add_org(t.login("xian"), "unit", name).id
    accounts.add_account(
        t.admin, username, display, PASSWORD, "mediator", scope_kind="county", org_id=org, kdf=FAST_KDF
    )
    return org


def _session(ws, m, outcome, on):
    steps.record_session(
        ws,
        m,
        steps.SessionInput(held_on=on, kind="人民调解", outcome=outcome, record="县级调解", mediators=""),
    )


def test_a_county_units_sessions_are_its_own_and_not_the_villages(township, escalated, clock):
    """县司法局 mediates (中止) and the matter goes down to the township; 县法院 mediates another to an
    agreement and closes it: each county unit's row counts its own sessions and close, whoever holds the
    matter at the month's end, and the village's 调解成功率 counts none of the county's sessions."""
    t, first = township, escalated
    xian = t.login("xian")
    justice = _county_unit(t, "县司法局", "sfj", "县司法局王科长")
    court = _county_unit(t, "县人民法院", "fy", "县法院李庭长")
    second = report(t, title="宅基地纠纷")
    p, g = t.login("platform"), t.login("grid1")
    steps.register(p, second, 1, category="邻里")
    steps.dispatch(p, second, f"org:{t.committee}")
    steps.accept(g, second)
    steps.escalate(g, second, "村级三次调解未成")
    steps.dispatch(p, second, f"account:{t.accounts['platform']}")
    steps.accept(p, second)
    steps.escalate(p, second, "镇级调解未成，报请县综治中心")
    day = clock.now.date()
    sfj, fy = t.login("sfj"), t.login("fy")
    steps.dispatch(xian, first, f"org:{justice}")
    steps.accept(sfj, first)
    _session(sfj, first, "adjourned", day)
    steps.refer_down(xian, first, "县司法局调解中止，由镇落实", 5)
    steps.dispatch(p, first, f"account:{t.accounts['platform']}")  # the township holds it at the month's end
    steps.accept(p, first)
    steps.dispatch(xian, second, f"org:{court}")
    steps.accept(fy, second)
    _session(fy, second, "agreement", day)
    steps.close(fy, second, "resolved", note="县法院调解达成协议")

    units = {u.name: u.counts for u in county_stats.by_unit(xian, "2026-11")}
    assert set(units) == {"县司法局", "县人民法院"}
    justice_row, court_row = units["县司法局"], units["县人民法院"]
    assert (justice_row.mediations_held, justice_row.mediations_agreed, justice_row.closed) == (1, 0, 0)
    assert (court_row.mediations_held, court_row.mediations_agreed, court_row.closed) == (1, 1, 1)
    village = _village(t, 2026, 11)
    assert (village.mediations_held, village.mediations_agreed) == (0, 0)  # the county's, not 东村's
