"""The matter state machine: every step allowed and refused by state, role and handler; escalation; replay."""

import pytest

from sync.core.domain.lifecycle import (
    PETITION_ACTIONS,
    PETITION_STAGES,
    RULES,
    TRIES_PER_LEVEL,
    Action,
    Actor,
    Level,
    MatterState,
    Refused,
    Status,
    advance,
    allowed_actions,
    check,
    replay,
    why_not,
)
from sync.core.domain.measures import Counts, Measures, rank, score
from sync.core.domain.risk import Risk, assess
from sync.core.domain.roles import Role

EVERYONE = frozenset(Role)
HANDLER = "org:committee"


def actor(*roles, handler=True, county=False):
    return Actor(frozenset(roles), frozenset({HANDLER}) if handler else frozenset(), county=county)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", [None, *Status])
def test_every_step_from_every_status(action, status):
    state = MatterState(
        status=status,
        handler=HANDLER,
        pending_extension_days=3 if action == Action.DECIDE_EXTENSION else 0,
        has_agreement=True,
        written_agreement=True,  # what the steps that need an agreement need
        level=Level.COUNTY if action == Action.REFER_DOWN else Level.VILLAGE,  # a level below to refer to
        risk_lowered=action == Action.CONFIRM_RISK,  # a lowered risk to confirm
        referral_kind="court_pre" if action == Action.ANSWER_REFERRAL else None,  # a referral to answer
        petition=action in PETITION_ACTIONS,  # a petition, at the stage its step needs
        petition_stage=min(PETITION_STAGES[action][0]) if action in PETITION_STAGES else None,
    )
    rule = RULES[action]
    reason = why_not(state, action, actor(*rule.roles, county=state.level == Level.COUNTY))
    if status in rule.sources:
        assert reason is None
    else:
        assert "事项当前为" in reason


@pytest.mark.parametrize("action", list(Action))
def test_every_step_refuses_the_wrong_roles(action):
    rule = RULES[action]
    status = next(iter(rule.sources))
    state = MatterState(status=status, handler=HANDLER, pending_extension_days=3)
    for role in EVERYONE - rule.roles:
        assert "只有" in why_not(state, action, actor(role)), (action, role)


def test_only_the_handler_may_accept_unless_platform():
    state = MatterState(status=Status.DISPATCHED, handler=HANDLER)
    assert why_not(state, Action.ACCEPT, actor(Role.GRID_WORKER, handler=False)) == "只有当前承办人可以办理"
    assert why_not(state, Action.ACCEPT, actor(Role.GRID_WORKER)) is None
    assert why_not(state, Action.ACCEPT, actor(Role.PLATFORM, handler=False)) is None


def test_three_tries_per_level_then_escalate_up_to_the_county():
    state = MatterState(status=Status.HANDLING, handler=HANDLER)
    me = actor(Role.MEDIATOR)
    for _ in range(TRIES_PER_LEVEL):
        check(state, Action.RECORD_SESSION, me)
        state = advance(state, Action.RECORD_SESSION, {"outcome": "failed"})
    with pytest.raises(Refused, match="本级已调解3次未成"):
        check(state, Action.RECORD_SESSION, me)
    state = advance(state, Action.ESCALATE, {"reason": "三次未成"})
    assert (state.status, state.level, state.failed_tries, state.handler) == (
        Status.REGISTERED,
        Level.TOWNSHIP,
        0,
        None,
    )
    state = advance(advance(state, Action.DISPATCH, {"handler": HANDLER}), Action.ACCEPT)
    state = advance(state, Action.ESCALATE, {"reason": "乡镇未成"})
    assert state.level == Level.COUNTY
    state = advance(advance(state, Action.DISPATCH, {"handler": HANDLER}), Action.ACCEPT)
    assert why_not(state, Action.ESCALATE, actor(Role.MEDIATOR, county=True)) == "已在县级，无法再提级"


def test_closing_by_agreement_needs_an_agreement_and_unresolved_needs_the_legal_channels():
    state = MatterState(status=Status.HANDLING, handler=HANDLER)
    with pytest.raises(Refused, match="尚无生效的调解协议"):
        advance(state, Action.CLOSE, {"outcome": "agreement"})
    with pytest.raises(Refused, match="法律途径"):
        advance(state, Action.CLOSE, {"outcome": "unresolved"})
    closed = advance(advance(state, Action.RECORD_AGREEMENT), Action.CLOSE, {"outcome": "agreement"})
    assert closed.status == Status.CLOSED


def test_extension_request_and_decision():
    state = MatterState(status=Status.HANDLING, handler=HANDLER)
    state = advance(state, Action.REQUEST_EXTENSION, {"days": 5, "reason": "当事人外出"})
    assert why_not(state, Action.REQUEST_EXTENSION, actor(Role.MEDIATOR)) == "已有待审批的延期申请"
    approved = advance(state, Action.DECIDE_EXTENSION, {"approved": True})
    denied = advance(state, Action.DECIDE_EXTENSION, {"approved": False})
    assert (approved.extension_days, approved.pending_extension_days) == (5, 0)
    assert denied.extension_days == 0
    assert why_not(approved, Action.DECIDE_EXTENSION, actor(Role.PLATFORM)) == "没有待审批的延期申请"


def test_failed_check_goes_back_to_the_handler_and_reopen_to_dispatch():
    state = MatterState(status=Status.CLOSED, handler=HANDLER, outcome=None)
    assert advance(state, Action.CHECK, {"passed": False, "note": "材料不全"}).status == Status.HANDLING
    evaluated = advance(
        advance(state, Action.CHECK, {"passed": True}), Action.FOLLOW_UP, {"satisfaction": "不满意"}
    )
    assert evaluated.status == Status.EVALUATED
    reopened = advance(evaluated, Action.REOPEN, {"reason": "反弹"})
    assert (reopened.status, reopened.handler) == (Status.REGISTERED, None)


def test_replay_of_a_whole_life():
    history = [
        ("reported", {}),
        ("registered", {"grade": 2}),
        ("dispatched", {"handler": HANDLER}),
        ("accepted", {}),
        ("session_held", {"outcome": "agreement"}),
        ("agreement_recorded", {}),
        ("closed", {"outcome": "agreement"}),
        ("checked", {"passed": True}),
        ("followed_up", {"satisfaction": "满意"}),
    ]
    state = replay(history)
    assert (state.status, state.grade, state.satisfaction) == (Status.EVALUATED, 2, "满意")


def test_what_a_grid_worker_is_offered():
    reported = MatterState(status=Status.REPORTED)
    # before 立案 the report's facts may be corrected (with a reason) by whoever reported; nothing else
    assert allowed_actions(reported, actor(Role.GRID_WORKER)) == [Action.CORRECT_FACTS]
    assert Action.REGISTER in allowed_actions(reported, actor(Role.PLATFORM))
    dispatched = MatterState(status=Status.DISPATCHED, handler=HANDLER)
    assert Action.ACCEPT in allowed_actions(dispatched, actor(Role.GRID_WORKER))
    assert allowed_actions(dispatched, actor(Role.GRID_WORKER, handler=False)) == []  # not theirs: no 更正


def test_risk_signals():
    assert assess(people=3, amount=500).risk == Risk.LOW
    big = assess(people=12, amount=200_000)
    assert big.major and big.risk == Risk.WATCH and len(big.reasons) == 2
    crime = assess(criminal_tendency=True)
    assert crime.report_to_police and crime.risk == Risk.HIGH
    assert assess(stated=Risk.HIGH).risk == Risk.HIGH  # signals never lower a judgement


def test_measures_from_raw_counts():
    c = Counts(
        registered=10,
        closed=10,
        resolved=9,
        closed_on_time=8,
        mediations_held=12,
        mediations_agreed=9,
        follow_ups=8,
        satisfied=6,
        basically_satisfied=1,
        dissatisfied=1,
    )
    m = Measures.of(c)
    assert (m.resolution_rate, m.on_time_rate, m.mediation_success_rate, m.satisfaction_rate) == (
        0.9,
        0.8,
        0.75,
        0.875,
    )
    assert Measures.of(Counts()).resolution_rate is None
    # no settled matter owed a follow-up: 回访率 has no data, the other 90 points are rescaled to 100
    assert m.follow_up_rate is None
    assert score(m) == pytest.approx((40 * 0.9 + 20 * 0.8 + 20 * 0.875 + 10 * 0.75) * 100 / 90, abs=0.005)
    assert rank({"东村": 90, "西村": 95, "南村": 90, "北村": 80}) == [
        (1, "西村", 95),
        (2, "东村", 90),
        (2, "南村", 90),
        (4, "北村", 80),
    ]
    assert (c + c).closed == 20


def test_after_supervision_the_handler_explains_before_closing():
    platform = actor(Role.PLATFORM)
    state = MatterState(status=Status.HANDLING, handler=HANDLER, has_agreement=True)
    supervised = advance(state, Action.SUPERVISE, {"note": "三日内办结"})
    assert supervised.supervised == 1 and supervised.explanation_due
    assert why_not(supervised, Action.CLOSE, platform) == "已被督办，须先提交超期说明"
    explained = advance(supervised, Action.EXPLAIN_OVERDUE, {"note": "当事人外出务工"})
    assert not explained.explanation_due and why_not(explained, Action.CLOSE, platform) is None
    assert explained.supervised == 1  # still counted as supervised


def test_a_county_decision_comes_down_with_its_own_level():
    leader = actor(Role.LEADER, county=True)
    at_county = MatterState(status=Status.HANDLING, level=Level.COUNTY, handler="org:county", failed_tries=2)
    assert why_not(at_county, Action.REFER_DOWN, leader) is None
    down = advance(at_county, Action.REFER_DOWN, {"decision": "由镇司法所落实赔偿", "days": 10})
    assert (down.status, down.level, down.handler, down.failed_tries) == (
        Status.REGISTERED,
        Level.TOWNSHIP,
        None,
        0,
    )
    with pytest.raises(Refused, match="落实期限应大于0天"):
        advance(at_county, Action.REFER_DOWN, {"decision": "落实", "days": 0})
    at_village = MatterState(status=Status.HANDLING, level=Level.VILLAGE)
    assert why_not(at_village, Action.REFER_DOWN, actor(Role.LEADER)) == "已在村级，没有下级"


def test_a_dossier_is_filed_once_and_reopening_unfiles_it():
    closed = MatterState(status=Status.CHECKED)
    filed = advance(closed, Action.ARCHIVE)
    assert filed.archived and why_not(filed, Action.ARCHIVE, actor(Role.PLATFORM)) == "卷宗已归档"
    assert not advance(filed, Action.REOPEN, {"reason": "反弹"}).archived


def test_a_risk_lowered_below_its_signals_needs_a_reason_and_a_leaders_confirmation():
    registered = MatterState(status=Status.REPORTED)
    with pytest.raises(Refused, match="降低风险等级的理由"):
        advance(registered, Action.REGISTER, {"grade": 1, "risk": "low", "risk_lowered_from": "high"})
    lowered = advance(
        registered,
        Action.REGISTER,
        {"grade": 1, "risk": "low", "risk_lowered_from": "high", "risk_reason": "已和解"},
    )
    assert lowered.risk_lowered
    leader = actor(Role.LEADER)
    assert why_not(lowered, Action.CONFIRM_RISK, leader) is None
    confirmed = advance(lowered, Action.CONFIRM_RISK)
    assert not confirmed.risk_lowered and "没有待确认" in why_not(confirmed, Action.CONFIRM_RISK, leader)
    assert not advance(registered, Action.REGISTER, {"grade": 1, "risk": "high"}).risk_lowered


def test_a_mediator_records_a_referral_only_on_a_matter_they_handle():
    """Review: any mediator of the township could label any open matter a court's or the police's referral
    (and move its count by source); the platform office records them, a mediator on their own matters."""
    from sync.core.domain.lifecycle import MatterState

    state = MatterState(status=Status.HANDLING, handler=HANDLER)
    assert (
        why_not(state, Action.RECEIVE_REFERRAL, actor(Role.MEDIATOR, handler=False))
        == "只有当前承办人可以办理"
    )
    assert why_not(state, Action.RECEIVE_REFERRAL, actor(Role.MEDIATOR)) is None
    assert why_not(state, Action.RECEIVE_REFERRAL, actor(Role.PLATFORM, handler=False)) is None
