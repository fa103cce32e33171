"""Visits, a matter reported from a visit, and the monthly assessment counted from real matters."""

from datetime import date, datetime, timedelta

import pytest

from desktop.domain.residents import PersonFields
from desktop.services import matters, residents, stats, steps, visits
from desktop.services.errors import NotAllowed, ValidationFailed
from desktop.services.residents import HouseholdInput
from desktop.services.visits import VisitInput
from tests.services.test_matters import report


def test_a_visit_that_finds_a_dispute(township):
    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村一组1号", township.grid)).id
    residents.save_person(g, h, PersonFields("张三", relation="户主", id_number="11010519491231002X"))
    v = visits.log_visit(g, VisitInput(h, "矛盾排查", "与邻居因排水沟堵塞争吵", needs_follow_up=True)).id
    form = visits.matter_from_visit(g, v)
    assert (form.source, form.facts, form.grid_id, form.parties[0].name) == (
        "走访发现",
        "与邻居因排水沟堵塞争吵",
        township.grid,
        "张三",
    )
    form.title = "排水沟堵塞纠纷"
    m = matters.report(g, form).id
    (row,) = visits.visits_of(g, h)
    assert row.visitor == "王网格" and row.needs_follow_up and len(row.matters) == 1
    assert m


def test_visit_validation_and_scope(township):
    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村一组1号", township.grid)).id
    with pytest.raises(ValidationFailed) as caught:
        visits.log_visit(g, VisitInput(h, "", visited_at=datetime(2030, 1, 1)))
    assert [i.field for i in caught.value.issues] == ["走访目的", "走访时间"]
    with pytest.raises(NotAllowed):
        visits.log_visit(township.login("grid2"), VisitInput(h, "日常走访"))


def test_monthly_assessment_counts_and_ranks(township, clock):
    t = township
    g, p, sup = t.login("grid1"), t.login("platform"), t.login("supervisor")
    done = report(t)
    steps.register(p, done, 1, category="邻里")
    steps.dispatch(p, done, f"org:{t.committee}")
    steps.accept(g, done)
    steps.record_session(g, done, steps.SessionInput(date(2026, 11, 23), "人民调解", "failed", record="未成"))
    steps.record_session(
        g, done, steps.SessionInput(date(2026, 11, 23), "人民调解", "agreement", record="达成")
    )
    steps.record_agreement(g, done, steps.AgreementInput("oral", "双方", "事实清楚", "赔偿500元", "当场履行"))
    steps.close(g, done, "agreement")
    steps.check_closure(p, done)
    steps.follow_up(sup, done, steps.FollowUpInput(date(2026, 11, 25), "基本满意"))
    late = report(t)
    steps.register(p, late, 1, category="邻里")
    steps.dispatch(p, late, f"org:{t.committee}")
    steps.accept(g, late)
    clock.now += timedelta(days=6)
    steps.close(g, late, "unresolved", legal_channels="告知起诉")
    steps.register(p, report(t, grid_id=t.grid2, who="grid2"), 2, category="合同")

    units = {u.name: u for u in stats.month(p, 2026, 11)}
    east = units["东村"].counts
    assert (east.registered, east.closed, east.resolved, east.closed_on_time) == (2, 2, 1, 1)
    assert (east.mediations_held, east.mediations_agreed, east.follow_ups, east.basically_satisfied) == (
        2,
        1,
        1,
        1,
    )
    m = units["东村"].measures
    assert (m.resolution_rate, m.on_time_rate, m.mediation_success_rate, m.satisfaction_rate) == (
        0.5,
        0.5,
        0.5,
        1.0,
    )
    assert units["西村"].measures.resolution_rate is None
    assert units["西村"].place == 1 and units["东村"].place == 2  # no data earns full marks
    assert stats.month(p, 2026, 10) == []
