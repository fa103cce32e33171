"""三个三 across the boundary: whose tier a step is (sync.core.domain.lifecycle.tier_problem)."""

from __future__ import annotations

import pytest

from sync.core.domain.lifecycle import (
    RULES,
    Action,
    Actor,
    Level,
    MatterState,
    Status,
    advance,
    allowed_actions,
    sent_down_by_county,
    why_not,
)
from sync.core.domain.roles import Role

COUNTY = Actor(
    frozenset({Role.PLATFORM, Role.SUPERVISOR, Role.LEADER}), frozenset({"account:c"}), county=True
)
TOWNSHIP = Actor(frozenset({Role.PLATFORM, Role.SUPERVISOR, Role.LEADER}), frozenset({"account:t"}))


def _at_county() -> MatterState:
    at_township = MatterState(status=Status.HANDLING, level=Level.TOWNSHIP, handler="account:t")
    return advance(at_township, Action.ESCALATE, {"reason": "镇级调解未成"})


def test_escalation_to_the_county_is_the_townships_step_and_the_county_cannot_take_it():
    at_township = MatterState(status=Status.HANDLING, level=Level.TOWNSHIP, handler="account:t")
    assert why_not(at_township, Action.ESCALATE, TOWNSHIP) is None
    assert "县级只能督办" in why_not(at_township, Action.ESCALATE, COUNTY)


@pytest.mark.parametrize("action", [a for a in Action if a != Action.REPORT])
def test_at_county_level_every_step_is_the_countys(action):
    """The township, whatever its roles, takes none; the county only those its rules allow."""
    state = _at_county()
    assert why_not(state, action, TOWNSHIP) == "事项已提级到县级，由县级办理，本级只能查看"
    assert "提级到县级" not in (why_not(state, action, COUNTY) or "")


def test_the_county_dispatches_mediates_and_sends_down_and_the_township_acts_again():
    state = _at_county()
    assert Action.DISPATCH in allowed_actions(state, COUNTY) and allowed_actions(state, TOWNSHIP) == []
    state = advance(state, Action.DISPATCH, {"handler": "org:court"})  # a county unit: 法院
    state = advance(advance(state, Action.ACCEPT), Action.RECORD_SESSION, {"outcome": "failed"})
    down = advance(state, Action.REFER_DOWN, {"decision": "由镇司法所落实", "days": 10})
    assert (down.level, down.status) == (Level.TOWNSHIP, Status.REGISTERED)
    assert Action.DISPATCH in allowed_actions(down, TOWNSHIP)
    assert allowed_actions(down, COUNTY) == [Action.SUPERVISE]  # 督办 the township, nothing else
    # the township's own 督办 needs a unit to send it to; the county's goes to the township itself
    assert "请先交办" in why_not(down, Action.SUPERVISE, TOWNSHIP)
    supervised = advance(advance(down, Action.DISPATCH, {"handler": "account:t"}), Action.SUPERVISE)
    assert supervised.explanation_due  # the township explains to the county before it closes


def test_roles_do_not_make_a_township_account_the_county():
    every_role = Actor(frozenset(Role), frozenset({"account:t"}))
    assert allowed_actions(_at_county(), every_role) == []


def test_a_county_account_reports_nothing_of_the_townships():
    assert why_not(MatterState(), Action.REPORT, COUNTY) == "县级账号不在乡镇上报事项"
    assert why_not(MatterState(), Action.REPORT, TOWNSHIP) is None
    assert Role.PLATFORM in RULES[Action.REPORT].roles


def test_a_supervised_matter_passed_to_a_village_still_owes_its_explanation():
    """Review 3: 交下级落实 inside a tier answered a 督办 (the village closed it with no 超期说明);
    between the township and the county the explanation is the other tier's no more."""
    down = advance(_at_county(), Action.REFER_DOWN, {"decision": "由镇落实", "days": 10})
    supervised = advance(advance(down, Action.DISPATCH, {"handler": "account:t"}), Action.SUPERVISE)
    to_village = advance(supervised, Action.REFER_DOWN, {"decision": "由村落实", "days": 5})
    assert to_village.level == Level.VILLAGE and to_village.explanation_due
    back_up = advance(to_village, Action.ESCALATE, {"reason": "村级未成"})
    assert back_up.level == Level.TOWNSHIP and back_up.explanation_due
    to_county = advance(back_up, Action.ESCALATE, {"reason": "镇级未成"})
    assert to_county.level == Level.COUNTY and not to_county.explanation_due
    county_supervised = advance(to_county, Action.SUPERVISE)
    again = advance(county_supervised, Action.REFER_DOWN, {"decision": "再交镇", "days": 5})
    assert not again.explanation_due


def test_a_matter_the_county_sent_down_stays_sent_down_when_the_township_passes_it_on():
    history = [
        (Action.REPORT, {"level": "township"}),
        (Action.ESCALATE, {}),
        (Action.REFER_DOWN, {}),  # the county's
    ]
    assert sent_down_by_county(history)
    assert sent_down_by_county([*history, (Action.REFER_DOWN, {})])  # the township's, to a village
    assert sent_down_by_county([*history, (Action.REFER_DOWN, {}), (Action.ESCALATE, {})])
    assert not sent_down_by_county([*history, (Action.ESCALATE, {})])  # back at the county
    township_only = [(Action.REPORT, {"level": "township"}), (Action.REFER_DOWN, {})]
    assert not sent_down_by_county(township_only)
