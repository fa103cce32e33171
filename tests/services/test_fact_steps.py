"""更正事实, 变更属地 and 司法确认 on the laptop (a real SQLCipher database): each with its reason and checked
fields; a correction that signals a lower risk is a lowering, on the early warning by whom and why until a
leader confirms it (and again after a later lowering); the papers print the court's decision."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import desk, documents, matter_detail, matters, steps
from desktop.services.errors import ValidationFailed
from desktop.store.models import Matter
from sync.core.domain.lifecycle import Action

from .test_agreement_versions import _signed
from .test_documents import complete_parties
from .test_matters import matter, report
from .test_step_rules import handling


def test_a_correction_needs_a_reason_and_a_lowering_stays_on_the_early_warning(township):
    t = township
    m = handling(t, people_count=15, signals=["fight"])  # 易激化, registered at the signals' level
    g, p, leader = t.login("grid1"), t.login("platform"), t.login("leader")
    assert Action.CORRECT_FACTS in steps.actions_for(g, m)
    with pytest.raises(ValidationFailed, match="更正理由"):
        steps.correct_facts(g, m, 2, 0, [], "  ")
    with pytest.raises(ValidationFailed, match="没有需要更正"):
        steps.correct_facts(g, m, 15, 0, ["fight"], "核实")
    assert desk.lowered_risks(p) == []

    steps.correct_facts(g, m, 2, 0, [], "实为两户口角，无械斗")
    row = matter(t, m)
    assert (row.people_count, row.signals, row.is_group) == (2, [], False)
    (lowered,) = desk.lowered_risks(p)
    assert (lowered.signalled, lowered.chosen, lowered.by, lowered.reason) == (
        "high",
        "low",
        "王网格",
        "实为两户口角，无械斗",
    )
    assert matter_detail.matter_detail(p, m).lowered.reason == "实为两户口角，无械斗"
    steps.confirm_risk(leader, m, "同意")
    assert desk.lowered_risks(p) == []
    # Raised again, then lowered again after the confirmation: back on the list (the later lowering counts).
    steps.correct_facts(g, m, 12, 0, [], "又有十人参与")
    assert desk.lowered_risks(p) == [] and matter(t, m).is_group
    steps.correct_facts(g, m, 3, 0, [], "复核为三人")
    (again,) = desk.lowered_risks(p)
    assert (again.signalled, again.chosen, again.reason) == ("watch", "low", "复核为三人")
    with t.admin.read() as s:
        assert matters.derived_state(s, m) == matters.state_of(s.get(Matter, m))


def test_a_correction_before_registration_and_the_risk_registered_after_it(township):
    """Before 立案 the reporter corrects the report; a lowering stays lowered through the registration."""
    t = township
    m = report(t, people_count=15, signals=["fight"])
    g, p = t.login("grid1"), t.login("platform")
    assert steps.actions_for(g, m) == [Action.CORRECT_FACTS]
    steps.correct_facts(g, m, 1, 0, [], "误报人数")
    steps.register(p, m, 1, category="房屋宅基地", risk="low")  # no reason asked: the facts now say low
    (row,) = desk.lowered_risks(p)
    assert (row.matter_id, row.reason) == (m, "误报人数")


def test_a_matter_moves_to_another_village_by_the_offices_step(township):
    t = township
    m = handling(t)
    p, g = t.login("platform"), t.login("grid1")
    assert Action.CHANGE_PLACE not in steps.actions_for(g, m)  # the office's step
    with pytest.raises(ValidationFailed, match="网格"):
        steps.change_place(p, m, t.village, t.grid2, "属地有误")
    with pytest.raises(ValidationFailed, match="变更理由"):
        steps.change_place(p, m, t.village2, t.grid2, "")
    steps.change_place(p, m, t.village2, t.grid2, "实为西村")
    row = matter(t, m)
    assert (row.village_id, row.grid_id) == (t.village2, t.grid2)
    assert matter_detail.matter_detail(p, m).events[-1].action == "place_changed"


def test_the_papers_print_the_courts_decision(township, clock):
    t = township
    m = handling(t)
    complete_parties(t, m)
    g = t.login("grid1")
    steps.record_agreement(g, m, _signed("李四拆除越界部分", date(2026, 12, 1)))
    assert Action.DECIDE_CONFIRMATION not in steps.actions_for(g, m)  # nothing applied for yet
    steps.apply_confirmation(g, m, "城镇人民法院", clock.now.date())
    assert Action.APPLY_CONFIRMATION not in steps.actions_for(g, m)
    with pytest.raises(ValidationFailed, match="文书号"):
        steps.decide_confirmation(g, m, "confirmed", "城镇人民法院", "民特12号", clock.now.date())
    steps.decide_confirmation(g, m, "confirmed", "城镇人民法院", "（2026）鲁1324民特12号", clock.now.date())
    text = documents.make(g, m, "agreement").text()
    assert "城镇人民法院" in text and "（2026）鲁1324民特12号" in text and "确认本协议有效" in text
    (line,) = matter_detail.matter_detail(g, m).agreements
    assert (line.court, line.result, line.document_no) == (
        "城镇人民法院",
        "confirmed",
        "（2026）鲁1324民特12号",
    )
    assert not {Action.APPLY_CONFIRMATION, Action.DECIDE_CONFIRMATION} & set(steps.actions_for(g, m))


def test_a_correction_that_signals_more_raises_the_risk(township):
    """Review: ticking 集体上访倾向 with five people in 更正事实 saved the facts and left the risk at
    可化解, off the early warning. A rise needs no confirmation: the risk follows the facts up."""
    t = township
    m = handling(t, people_count=2, signals=[])  # registered 可化解, as its signals say
    g, p = t.login("grid1"), t.login("platform")
    assert matter(t, m).risk == "low"
    before = desk.desk(p).warnings
    steps.correct_facts(g, m, 5, 0, ["group"], "核实为五户联名，有集体上访倾向")
    row = matter(t, m)
    assert row.risk == "high" and row.is_group
    assert desk.lowered_risks(p) == []  # a rise is no lowering
    assert desk.desk(p).warnings == before + 1  # on the early warning (易激化)
    with t.admin.read() as s:
        assert matters.derived_state(s, m) == matters.state_of(s.get(Matter, m))
