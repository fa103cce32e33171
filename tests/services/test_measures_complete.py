"""The assessment as the seeds count it (issue 30, "Assessment, complete"): 回访率 over the matters
settled (seed 001: "对已经化解的矛盾纠纷进行跟踪回访") with its configurable weight, 民转刑 prevented,
counts by source and category, and the township total row with every rate (seed 001's headline 化解率) —
all part of a closed month's published figures and of its adjustments, on a real SQLCipher township."""

import json
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.services import assessment_marks, assessment_report, periods, setup, stats, steps
from desktop.services.errors import NotAllowed
from desktop.store.models import AssessmentMark
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


# ------------------------------------------------------------------------------------------ marks by hand


def test_highlight_points_stand_beside_the_formula_score_and_order_the_ranking(township, clock):
    t = township
    _november(t, clock)
    p, sup = t.login("platform"), t.login("supervisor")
    setup.configure(t.admin, "assessment_weights", {"follow_up_rate": 10})  # 东村 5 points, 西村 none
    before = {u.name: u for u in stats.month(p, 2026, 11)}
    assert before["东村"].place == 1 and before["西村"].score < before["东村"].score
    gap = before["东村"].score - before["西村"].score
    assessment_marks.record(
        sup, "highlight", "village", t.village2, "创建“无讼村”，经验被县里推广", date(2026, 11, 20), gap + 1
    )
    assessment_marks.record(sup, "notice", "village", t.village, "超期未结被通报", date(2026, 11, 24))
    assessment_marks.record(sup, "interview", "village", t.village, "约谈村支书", date(2026, 11, 25))
    after = {u.name: u for u in stats.month(p, 2026, 11)}
    west = after["西村"]
    # 公式分 unchanged, 亮点分 beside it, 总分 = the two, and the ranking follows 总分
    assert (west.score, west.highlight) == (before["西村"].score, round(gap + 1, 2))
    assert west.total_score == round(west.score + west.highlight, 2) and west.place == 1
    assert after["东村"].highlight == 0 and after["东村"].place == 2
    listed = [(m.kind_label, m.unit_name, m.by_name) for m in assessment_marks.of_period(p, "2026-11")]
    assert listed == [("亮点工作", "西村", "孙督考"), ("通报", "东村", "孙督考"), ("约谈", "东村", "孙督考")]


def test_a_mark_needs_the_supervisors_right_a_reason_and_sensible_points(township, clock):
    t = township
    sup, on = t.login("supervisor"), date(2026, 11, 20)
    with pytest.raises(NotAllowed, match="亮点工作赋分"):
        assessment_marks.record(t.login("grid1"), "highlight", "village", t.village, "好", on, 2)
    cases = [
        (("highlight", "village", t.village, " ", on, 2), "事由"),
        (("highlight", "village", t.village, "好", on, 0), "加分"),
        (("highlight", "village", t.village, "好", on, 50), "加分"),
        (("notice", "village", t.village, "差", on, 2), "加分"),
        (("praise", "village", t.village, "好", on, 2), "类别"),
        (("highlight", "village", "no-such-village", "好", on, 2), "对象："),
        (("highlight", "source", "网格排查", "好", on, 2), "对象类别"),
    ]
    for args, field_name in cases:
        with pytest.raises(assessment_marks.MarkRefused, match=field_name):
            assessment_marks.record(sup, *args[:5], points=args[5])
    assert assessment_marks.of_period(sup, "2026-11") == []


def test_marks_are_published_with_the_closed_month_and_may_not_be_added_to_it_afterwards(
    township, clock, tmp_path
):
    t = township
    _november(t, clock)
    p, sup = t.login("platform"), t.login("supervisor")
    assessment_marks.record(sup, "highlight", "village", t.village, "调解经验获评", date(2026, 11, 26), 4)
    assessment_marks.record(sup, "notice", "village", t.village2, "回访不到位", date(2026, 11, 27))
    clock.now = datetime(2026, 12, 1, 9, 0)
    periods.close(p, "2026-11")
    published = periods.published(p, "2026-11")
    assert [m[0] for m in published.figures["marks"]] == ["highlight", "notice"]
    before = assessment_report.view(p, "2026-11")
    book = assessment_report.save_xlsx(before, tmp_path / "before.xlsx")
    east = next(u for u in before.sections["village"] if u.name == "东村")
    assert (east.highlight, east.total_score) == (4, round(east.score + 4, 2))
    with pytest.raises(assessment_marks.MarkRefused, match="已月结"):
        assessment_marks.record(sup, "highlight", "village", t.village2, "补记", date(2026, 11, 30), 2)
    # the mark row itself is what was published: even a mark deleted locally does not move the re-print
    with t.admin.db.writing(actor_id=None, device_id="x", now=clock.now) as s:
        for row in s.scalars(select(AssessmentMark)):
            row.deleted = True
    after = assessment_report.view(p, "2026-11")
    assert after.sections == before.sections and after.marks == before.marks
    cells = [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in load_workbook(book)]
    names = load_workbook(book).sheetnames
    assert "亮点工作和通报约谈" in names and any("回访不到位" in str(row) for sheet in cells for row in sheet)


def test_the_supervisor_marks_from_the_command_line(township, clock):
    t = township
    _november(t, clock)

    def cli(*args, user="supervisor"):
        return run(*args, "--db", t.path, user=user, password=PASSWORD)

    done = cli("mark", "highlight", "东村", "--points", "2.5", "--reason", "化解积案", "--on", "2026-11-22")
    assert done.returncode == 0 and "已记录亮点工作：东村" in done.stdout, done.stderr
    refused = cli("mark", "highlight", "东村", "--points", "2", "--reason", "好", user="grid1")
    assert refused.returncode == 1 and "权限" in refused.stderr
    unknown = cli("mark", "notice", "北村", "--reason", "差", "--on", "2026-11-22")
    assert unknown.returncode == 2 and "北村" in unknown.stderr
    shown = json.loads(cli("assessment", "2026-11", "--json", user="platform").stdout)
    east = next(u for u in shown["units"] if u["name"] == "东村")
    assert (east["highlight"], east["total_score"]) == (2.5, round(east["score"] + 2.5, 2))
    assert [(m["kind"], m["unit_name"], m["reason"]) for m in shown["marks"]] == [
        ("highlight", "东村", "化解积案")
    ]
