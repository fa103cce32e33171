"""The assessment as the seeds count it (issue 30, "Assessment, complete"): 回访率 over the matters
settled (seed 001: "对已经化解的矛盾纠纷进行跟踪回访") with its configurable weight, 民转刑 prevented,
counts by source and category, and the township total row with every rate (seed 001's headline 化解率) —
all part of a closed month's published figures and of its adjustments, on a real SQLCipher township."""

import json
from datetime import date, datetime

from desktop.services import assessment_report, periods, setup, stats, steps
from tests.cli.test_cli import run
from tests.conftest import PASSWORD
from tests.services.test_matters import report


def _november(t, clock):
    """东村: one matter with a 械斗 signal settled and followed up, one settled and not followed up; 西村: one
    with a 民转刑 signal closed unresolved (parties told the legal channels) — no prevention there."""
    g, p, sup = t.login("grid1"), t.login("platform"), t.login("supervisor")
    fight = report(t, signals=["fight"])
    plain = report(t, source="走访发现")
    west = report(t, grid_id=t.grid2, who="grid2", signals=["criminal"])
    for m, category in ((fight, "邻里"), (plain, "邻里"), (west, "合同")):
        steps.register(p, m, 1, category=category)
    for m in (fight, plain):
        steps.dispatch(p, m, f"org:{t.committee}")
        steps.accept(g, m)
        steps.close(g, m, "resolved", note="双方和解")
        steps.check_closure(p, m)
    steps.dispatch(p, west, f"org:{t.team}")
    steps.accept(t.login("mediator"), west)
    steps.close(t.login("mediator"), west, "unresolved", legal_channels="已告知可向法院起诉")
    steps.check_closure(p, west)
    clock.now = datetime(2026, 11, 25, 10, 0)
    steps.follow_up(sup, fight, steps.FollowUpInput(date(2026, 11, 25), "满意"))
    return fight, plain, west


def test_follow_up_rate_and_criminal_prevented_per_village_and_the_township_total(township, clock):
    t = township
    _november(t, clock)
    p = t.login("platform")
    east, west = (u for u in sorted(stats.month(p, 2026, 11), key=lambda u: u.name != "东村"))
    assert (east.name, east.counts.follow_up_due, east.counts.followed_up) == ("东村", 2, 1)
    assert east.measures.follow_up_rate == 0.5
    assert (east.counts.criminal_prevented, west.counts.criminal_prevented) == (1, 0)
    # an unresolved closing owes no follow-up: no data, never full marks
    assert (west.counts.follow_up_due, west.measures.follow_up_rate) == (0, None)
    total = assessment_report.view(p, "2026-11", ("village",)).total()
    assert (total.name, total.counts.registered, total.counts.resolved) == ("全镇合计", 3, 2)
    assert (total.measures.resolution_rate, total.measures.follow_up_rate) == (2 / 3, 0.5)
    assert total.counts.criminal_prevented == 1 and total.measures.completion_rate == 1.0


def test_the_follow_up_weight_is_township_configuration(township, clock):
    t = township
    _november(t, clock)
    p = t.login("platform")
    default = {u.name: u.score for u in stats.month(p, 2026, 11)}
    setup.configure(t.admin, "assessment_weights", {"follow_up_rate": 10, "resolution_rate": 10})
    weighted = {u.name: u.score for u in stats.month(p, 2026, 11)}
    # 东村: half followed up, all resolved → (10·0.5 + 10·1) = 15 of 20; 西村 has no follow-up data: rescaled
    assert weighted == {"东村": 15.0, "西村": 0.0}
    assert default != weighted


def test_counts_by_source_and_category(township, clock):
    t = township
    _november(t, clock)
    p = t.login("platform")
    by_category = {u.name: u.counts.registered for u in stats.month(p, 2026, 11, "category")}
    by_source = {u.name: u.counts.registered for u in stats.month(p, 2026, 11, "source")}
    assert by_category == {"邻里": 2, "合同": 1}
    assert by_source == {"网格排查": 2, "走访发现": 1}
    doc = assessment_report.document(assessment_report.view(p, "2026-11"))
    text = json.dumps(doc, default=lambda o: getattr(o, "__dict__", str(o)), ensure_ascii=False)
    assert "按来源" in text and "按类别" in text and "走访发现" in text and "全镇合计" in text


def test_the_command_counts_by_category_with_the_total_row(township, clock):
    t = township
    _november(t, clock)
    done = run(
        "assessment",
        "2026-11",
        "--by",
        "category",
        "--json",
        "--db",
        t.path,
        user="platform",
        password=PASSWORD,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert {u["name"]: u["registered"] for u in answer["units"]} == {"邻里": 2, "合同": 1}
    assert (answer["total"]["registered"], answer["total"]["follow_up_rate"]) == (3, 0.5)


def test_new_figures_are_published_with_a_closed_month_and_later_follow_ups_are_adjustments(
    township, clock, tmp_path
):
    t = township
    fight, plain, west = _november(t, clock)
    p, sup = t.login("platform"), t.login("supervisor")
    clock.now = datetime(2026, 12, 1, 9, 0)
    periods.close(p, "2026-11")
    before = assessment_report.view(p, "2026-11", stats.BY)
    # a follow-up dated 30 November entered in December: November recomputed moves, November published not
    clock.now = datetime(2026, 12, 1, 15, 0)
    steps.follow_up(sup, plain, steps.FollowUpInput(date(2026, 11, 30), "基本满意"))
    live = {u.name: u for u in stats.month(p, 2026, 11)}
    assert live["东村"].measures.follow_up_rate == 1.0
    after = assessment_report.view(p, "2026-11", stats.BY)
    assert after.sections == before.sections and after.total() == before.total()
    assert after.total().measures.follow_up_rate == 0.5
    (east,) = (u for u in after.sections["village"] if u.name == "东村")
    assert (east.counts.followed_up, east.counts.criminal_prevented) == (1, 1)
    assert {u.name: u.counts.registered for u in after.sections["category"]} == {"邻里": 2, "合同": 1}
    december = assessment_report.make(p, "2026-12")
    (adjusted,) = december.adjustments["2026-11"]["village"]
    assert (adjusted.name, adjusted.counts.followed_up, adjusted.counts.follow_ups) == ("东村", 1, 1)
    assert "已回访件+1" in adjusted.text()
