"""Visits, a matter reported from a visit, and the monthly assessment counted from real matters."""

from datetime import date, datetime, timedelta

import pytest

from desktop.services import matters, residents, stats, steps, visits
from desktop.services.errors import NotAllowed, ValidationFailed
from desktop.services.residents import HouseholdInput
from desktop.services.visits import VisitInput
from sync.core.domain.residents import PersonFields
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
    steps.follow_up(sup, done, steps.FollowUpInput(date(2026, 11, 23), "基本满意"))
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
    # 西村 found one matter and has not resolved it: that counts against it, and no data is not full marks.
    assert units["西村"].measures.resolution_rate == 0 and units["西村"].measures.on_time_rate is None
    # 40·0.5 + 20·0.5 + 20·1 + 10·0.5 + 10·1 (its one settled matter was followed up: 回访率 100 %)
    assert units["东村"].measures.follow_up_rate == 1.0
    assert (units["东村"].score, units["西村"].score) == (65.0, 0.0)
    assert units["东村"].place == 1 and units["西村"].place == 2
    assert stats.month(p, 2026, 10) == []


def test_the_resolution_rate_is_over_matters_found_as_the_township_reports_count_it():
    from sync.core.domain.measures import Counts, Measures

    # "排查出矛盾纠纷324件，已成功化解299件，整体化解成功率为92.28%"
    assert (
        round(Measures.of(Counts(registered=324, closed=310, resolved=299)).resolution_rate * 100, 2) == 92.28
    )


def test_open_matters_past_their_due_date_are_not_on_time():
    from sync.core.domain.measures import Counts, Measures

    assert Measures.of(Counts(closed=3, closed_on_time=3, open_overdue=1)).on_time_rate == 0.75


def test_no_data_is_never_full_marks():
    from sync.core.domain.measures import Counts, Measures, score

    # Two overdue matters, nothing closed, no follow-ups: it scored 80 and ranked first before.
    late = Measures.of(Counts(registered=2, open_overdue=2))
    assert (late.resolution_rate, late.on_time_rate, late.satisfaction_rate) == (0, 0, None)
    assert score(late) == 0.0 and score(late, no_data="zero") == 0.0
    half = Measures.of(Counts(registered=2, resolved=1))  # only the resolution rate has data
    assert score(half) == 50.0  # rescaled to the same total
    assert score(half, no_data="zero") == 20.0  # or the others score nothing


def test_a_finished_months_figures_do_not_move(township, clock):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    clock.now += timedelta(days=3)
    steps.close(g, m, "resolved", note="双方和解")
    november = [(u.name, u.counts, u.score) for u in stats.month(p, 2026, 11)]
    assert november[0][1].registered == 1 and november[0][1].resolved == 1
    # In December the matter is checked, fails, and is escalated: registered_at is rewritten by the
    # escalation.
    clock.now = datetime(2026, 12, 3, 10, 0)
    steps.check_closure(p, m, passed=False, note="未履行")
    steps.escalate(g, m, "村级无法化解")
    assert [(u.name, u.counts, u.score) for u in stats.month(p, 2026, 11)] == november
    december = {u.name: u.counts for u in stats.month(p, 2026, 12)}
    assert december["东村"].escalations == 1 and december["东村"].registered == 0
