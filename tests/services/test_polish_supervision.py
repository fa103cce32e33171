"""督办 goes to the unit handling a matter: one with nobody yet (registered, returned, open for claim) is
refused with the reason, by the core rule the laptop and the server share."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services import matter_detail, steps
from sync.core.domain.lifecycle import Action, Actor, MatterState, Refused, Status, allowed_actions, why_not
from sync.core.domain.roles import Role
from tests.services.test_matters import report

SUPERVISOR = Actor(frozenset({Role.SUPERVISOR}))


@pytest.mark.parametrize("status", [Status.REGISTERED, Status.RETURNED, Status.OPEN_FOR_CLAIM])
def test_a_matter_with_nobody_is_not_supervised(status):
    state = MatterState(status=status, handler=None)
    assert why_not(state, Action.SUPERVISE, SUPERVISOR) == (
        "尚未交办给任何单位或承办人，督办须发给承办单位：请先交办"
    )
    assert Action.SUPERVISE not in allowed_actions(state, SUPERVISOR)
    handled = MatterState(status=Status.DISPATCHED, handler="org:unit")
    assert why_not(handled, Action.SUPERVISE, SUPERVISOR) is None


def test_supervising_an_undispatched_matter_is_refused_and_records_nothing(township, clock):
    t = township
    p, sup = t.login("platform"), t.login("supervisor")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    clock.now += timedelta(days=40)
    with pytest.raises(Refused) as refused:
        steps.supervise(sup, m, "已超期，请尽快办结")
    assert "请先交办" in str(refused.value)
    assert matter_detail.matter_detail(sup, m).supervised == 0
    steps.dispatch(p, m, f"org:{t.unit}")
    steps.supervise(sup, m, "已超期，请尽快办结")
    assert matter_detail.matter_detail(sup, m).supervised == 1
