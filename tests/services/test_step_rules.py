"""The step rules on the laptop (a real SQLCipher database): typed dates within a window or with a reason,
extensions only before the due date, whistleblower matters kept from the unit they accuse, and every field a
step sets equal to what its events give."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services import desk, documents, matters, steps
from desktop.services.errors import NotFound, ValidationFailed
from desktop.store.models import Agreement, Event, Matter
from sync.core.domain.lifecycle import Action, Refused, step_times
from sync.core.domain.timing import LATE_REASON

from .test_matters import matter, report


def handling(t, **extra) -> str:
    """Reported, registered (grade 1: due 2026-11-28), dispatched to the village committee, accepted."""
    m = report(t, **extra)
    p = t.login("platform")
    steps.register(p, m, 1, category="房屋宅基地")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(t.login("grid1"), m)
    return m


def last_event(t, m) -> Event:
    with t.admin.read() as s:
        return matters.history(s, m)[-1]


def session(held_on: date, late_reason: str = "") -> steps.SessionInput:
    return steps.SessionInput(held_on, "人民调解", "adjourned", record="择期再调", late_reason=late_reason)


def test_a_session_date_lies_within_three_working_days_or_comes_with_a_reason(township):
    t = township  # today is Monday 2026-11-23: three working days back is Wednesday the 18th
    m = handling(t)
    g = t.login("grid1")
    steps.record_session(g, m, session(date(2026, 11, 18)))
    assert last_event(t, m).data.get(LATE_REASON) is None
    with pytest.raises(ValidationFailed, match="补录理由"):
        steps.record_session(g, m, session(date(2026, 11, 17)))
    with pytest.raises(ValidationFailed, match="不能晚于今天"):
        steps.record_session(g, m, session(date(2026, 11, 24)))
    steps.record_session(g, m, session(date(2026, 11, 2), "调解员住院，记录今日补录"))
    event = last_event(t, m)
    assert event.data[LATE_REASON] == "调解员住院，记录今日补录" and event.data["on"] == "2026-11-02"


def test_a_follow_up_date_follows_the_same_rule(township):
    t = township
    m = handling(t)
    steps.close(t.login("grid1"), m, "resolved", "已化解")
    steps.check_closure(t.login("platform"), m, True)
    sup = t.login("supervisor")
    with pytest.raises(ValidationFailed, match="不能晚于今天"):
        steps.follow_up(sup, m, steps.FollowUpInput(date(2027, 3, 1), "满意"))
    with pytest.raises(ValidationFailed, match="补录理由"):
        steps.follow_up(sup, m, steps.FollowUpInput(date(2026, 11, 1), "满意"))
    steps.follow_up(sup, m, steps.FollowUpInput(date(2026, 11, 20), "满意"))
    assert matter(t, m).status == "evaluated"


def test_an_extension_is_asked_and_granted_only_before_the_due_date(township, clock):
    t = township
    m = handling(t)
    g, p = t.login("grid1"), t.login("platform")
    assert Action.REQUEST_EXTENSION in steps.actions_for(g, m)
    steps.request_extension(g, m, 5, "当事人外出")
    clock.now = datetime(2026, 11, 30, 9, 0)  # past the 28th
    with pytest.raises(Refused, match="2026-11-28"):
        steps.decide_extension(p, m, True)
    steps.decide_extension(p, m, False, "已超期，不予延期")
    assert Action.REQUEST_EXTENSION not in steps.actions_for(g, m)
    with pytest.raises(Refused, match="办理期限 2026-11-28 已过"):
        steps.request_extension(g, m, 5, "再延")
    assert matter(t, m).extension_days == 0


def test_a_whistleblower_matter_never_goes_to_the_unit_it_accuses(township):
    t = township
    m = report(t, whistleblower=True, accused_org_id=t.committee)
    p = t.login("platform")
    steps.register(p, m, 1, category="房屋宅基地")
    with pytest.raises(ValidationFailed, match="被检举"):
        steps.dispatch(p, m, f"org:{t.committee}")
    with pytest.raises(ValidationFailed, match="被检举"):
        steps.dispatch(p, m, f"account:{t.accounts['grid1']}")  # a member of that committee
    steps.dispatch(p, m, f"org:{t.unit}")
    assert matter(t, m).handler == f"org:{t.unit}"
    # A mediator of the accused team cannot claim one that accuses the team: it is not even shown to them.
    m2 = report(t, whistleblower=True, accused_org_id=t.team)
    steps.register(p, m2, 1, category="房屋宅基地")
    steps.publish(p, m2)
    with pytest.raises(NotFound):
        steps.claim(t.login("mediator"), m2)
    assert matter(t, m2).status == "open_for_claim"


def test_no_paper_names_a_whistleblowers_reporter_outside_the_platform_office(township):
    t = township
    m = report(t, whistleblower=True, accused_org_id=t.committee)
    p = t.login("platform")
    steps.register(p, m, 1, category="房屋宅基地")
    steps.dispatch(p, m, f"org:{t.unit}")
    office = documents.make(p, m, "dispatch").text()
    assert "张三" in office  # the platform office knows who reported it
    leader = documents.make(t.login("leader"), m, "dispatch").text()
    assert "张三" not in leader and "李四" in leader


def test_the_times_and_due_date_a_step_sets_are_its_events(township):
    t = township
    m = handling(t)
    steps.close(t.login("grid1"), m, "resolved", "已化解")
    with t.admin.read() as s:
        row = s.get(Matter, m)
        history = matters.history(s, m)
        registered = next(e for e in history if e.action == "registered")
        closed = next(e for e in history if e.action == "closed")
        assert row.registered_at == step_times(Action.REGISTER, {}, registered.at)["registered_at"]
        assert row.closed_at == closed.at
        assert row.due_on == date(2026, 11, 28)
        assert matters.derived_state(s, m) == matters.state_of(row)
        assert s.scalar(select(Event.id).where(Event.matter_id == m, Event.action == "closed"))


def test_lowering_risk_needs_a_reason_and_stays_on_the_early_warning_until_a_leader_confirms(township):
    t = township
    m = report(t, people_count=15, signals=["fight"])  # 15 people and 械斗: 易激化
    p, leader = t.login("platform"), t.login("leader")
    assert matter(t, m).risk == "high"
    with pytest.raises(ValidationFailed, match="易激化"):
        steps.register(p, m, 1, category="房屋宅基地", risk="low")
    steps.register(p, m, 1, category="房屋宅基地", risk="low", risk_reason="双方已和解，仅剩赔偿金额")
    assert matter(t, m).risk == "low"
    (row,) = desk.lowered_risks(p)
    assert (row.matter_id, row.signalled, row.chosen, row.by) == (m, "high", "low", "钱平台")
    assert row.reason == "双方已和解，仅剩赔偿金额"
    assert desk.desk(p).warnings == 1  # still on the early warning, though no longer 易激化
    assert Action.CONFIRM_RISK not in steps.actions_for(p, m)  # a leader's step
    assert Action.CONFIRM_RISK in steps.actions_for(leader, m)
    steps.confirm_risk(leader, m, "同意")
    assert desk.lowered_risks(p) == [] and desk.desk(p).warnings == 0
    assert Action.CONFIRM_RISK not in steps.actions_for(leader, m)
    with t.admin.read() as s:
        assert matters.derived_state(s, m) == matters.state_of(s.get(Matter, m))


def test_a_change_to_a_signed_agreement_is_a_new_version_and_the_old_stays(township):
    t = township
    m = handling(t)
    g = t.login("grid1")
    signed = steps.AgreementInput(
        "written",
        "张三、李四",
        "围墙越界",
        "李四拆除越界部分",
        perform_by=date(2026, 12, 1),
        signed_by_parties=True,
        signed_by_mediator=True,
    )
    steps.record_agreement(g, m, signed)
    with t.admin.read() as s:
        (first,) = s.scalars(select(Agreement).where(Agreement.matter_id == m))
        first_id = first.id
    changed = steps.AgreementInput(
        "written",
        "张三、李四",
        "围墙越界",
        "李四赔偿2000元，不再拆除",
        perform_by=date(2026, 12, 10),
        signed_by_parties=True,
        signed_by_mediator=True,
    )
    steps.amend_agreement(g, m, first_id, changed)
    with t.admin.read() as s:
        both = {a.id: a for a in s.scalars(select(Agreement).where(Agreement.matter_id == m))}
        assert both[first_id].terms == "李四拆除越界部分" and both[first_id].replaces_id is None
        (second,) = [a for a in both.values() if a.id != first_id]
        assert second.replaces_id == first_id and second.terms == "李四赔偿2000元，不再拆除"
        assert matters.history(s, m)[-1].data["replaces"] == first_id
