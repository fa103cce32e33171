"""信访 by the 信访工作条例 (2022) on a real laptop database: a petition from 来访 to 终结 with every
window, a late acceptance, a 复查 asked on day 31 refused naming the last day, and 信访三率 against a hand
count."""

import json
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.services import (
    assessment_report,
    desk,
    documents,
    matter_detail,
    periods,
    petitions,
    stats,
    steps,
)
from desktop.services.document_layout import Fields, Para, Signatures
from desktop.services.errors import ValidationFailed
from desktop.store.models import Matter
from sync.core.domain.lifecycle import Action, Refused, Status
from sync.core.domain.petitions import Stage, windows
from tests.cli.test_cli import run
from tests.conftest import PASSWORD
from tests.services.test_matters import matter, report


def _facts(t, m):
    with t.admin.read() as s:
        return petitions.of_matter(s, s.get(Matter, m))


def paper_text(ws, m, kind) -> str:
    """The words of one paper, as printed: its head, fields, paragraphs and signature lines."""
    doc = documents.make(ws, m, kind)
    words = [doc.header, doc.title, doc.number]
    for block in doc.blocks:
        if isinstance(block, Fields):
            words += [f"{k}：{v}" for k, v in block.rows]
        elif isinstance(block, Para):
            words.append(block.label + block.text)
        elif isinstance(block, Signatures):
            words += list(block.lines)
    return "\n".join(words)


def _windows(t, m):
    return [(w.label, w.start, w.due, w.met_on) for w in windows(_facts(t, m))]


def test_a_petition_from_visit_to_conclusion_with_every_window(township, clock):
    t = township
    p, med = t.login("platform"), t.login("mediator")
    m = report(t, kind="petition", source="信访来访", by_proxy=True)  # 2026-11-23, filed by the grid worker
    assert matter(t, m).by_proxy
    assert _windows(t, m) == [("受理告知（15日内）", date(2026, 11, 23), date(2026, 12, 8), None)]

    clock.now = datetime(2026, 12, 1, 10, 0)  # day 8: accepted (受理), 60 days from today
    steps.register(p, m, 3, category="劳动争议")
    assert matter(t, m).due_on == date(2027, 1, 30)
    assert _windows(t, m) == [
        ("受理告知（15日内）", date(2026, 11, 23), date(2026, 12, 8), date(2026, 12, 1)),
        ("办理答复（60日内，可延30日）", date(2026, 12, 1), date(2027, 1, 30), None),
    ]
    steps.dispatch(p, m, f"org:{t.team}")
    steps.accept(med, m)

    clock.now = datetime(2027, 1, 20, 10, 0)  # the written reply (书面答复意见书)
    with pytest.raises(ValidationFailed, match="书面答复意见"):
        steps.close(med, m, "resolved", note="已答复")
    steps.close(med, m, "resolved", note="已答复", reply="经核查，拖欠工资已由用工单位结清。")
    row = matter(t, m)
    assert (row.petition_stage, row.petition_since) == (Stage.REPLIED, "2027-01-20")
    assert _windows(t, m)[-1] == ("申请复查（答复后30日内）", date(2027, 1, 20), date(2027, 2, 19), None)
    with pytest.raises(Refused, match="2027-02-19 前申请复查，期限届满前不能终结"):
        steps.conclude(p, m)

    clock.now = datetime(2027, 2, 20, 9, 0)  # day 31 after the reply: too late for 复查
    with pytest.raises(Refused, match=r"至 2027-02-19）.*2027-02-20 已超过期限"):
        steps.request_review(p, m, date(2027, 2, 20))
    assert matter(t, m).petition_stage == Stage.REPLIED
    steps.request_review(p, m, date(2027, 2, 19))  # day 30: in time (the letter came in yesterday)
    assert _windows(t, m)[-1] == ("复查意见（30日内）", date(2027, 2, 19), date(2027, 3, 21), None)

    clock.now = datetime(2027, 3, 10, 9, 0)
    with pytest.raises(Refused, match="须填写意见书内容"):
        steps.decide_review(p, m, date(2027, 3, 10), "  ")
    steps.decide_review(p, m, date(2027, 3, 10), "维持原答复意见。")
    assert _windows(t, m)[-1] == ("申请复核（复查意见后30日内）", date(2027, 3, 10), date(2027, 4, 9), None)

    clock.now = datetime(2027, 3, 30, 9, 0)
    with pytest.raises(Refused, match="信访事项当前为“已复查”"):
        steps.decide_recheck(p, m, date(2027, 3, 30), "维持")
    steps.request_recheck(p, m, date(2027, 3, 30))
    assert _windows(t, m)[-1] == ("复核意见（30日内）", date(2027, 3, 30), date(2027, 4, 29), None)

    clock.now = datetime(2027, 4, 20, 9, 0)
    steps.decide_recheck(p, m, date(2027, 4, 20), "复核维持复查意见。")
    steps.conclude(p, m, "复核已结束，依法终结")
    row = matter(t, m)
    assert (row.petition_stage, row.status) == (Stage.CONCLUDED, Status.CLOSED)
    with pytest.raises(Refused, match="同一事实不再受理"):
        steps.reopen(p, m, "信访人再次反映")
    with pytest.raises(Refused, match="信访事项当前为“已终结”"):
        steps.request_review(p, m, date(2027, 4, 20))

    # Every paper, from the step that decides it; the 代办人 on each
    offered = [o.kind for o in documents.offers(p, m) if o.kind.startswith("petition")]
    assert offered == ["petition_accepted", "petition_reply", "petition_review", "petition_recheck"]
    accepted = paper_text(p, m, "petition_accepted")
    assert "信访事项受理告知书" in accepted and "向城镇人民政府信访办公室" in accepted
    assert "已于2026年12月01日依法受理，将于2027年01月30日前办结" in accepted
    assert (
        "代办人：" in accepted
        and "信访代办" in accepted
        and "信访人：张三" in accepted
        and "\n张三：\n" in accepted
    )
    reply = paper_text(p, m, "petition_reply")
    assert "拖欠工资已由用工单位结清" in reply and "答复日期：2027年01月20日" in reply
    assert "三十日内，请求原办理机关的上一级机关复查" in reply and "超过办理期限" not in reply
    review = paper_text(p, m, "petition_review")
    assert "请求日期：2027年02月19日" in review and "意见：维持原答复意见。" in review
    recheck = paper_text(p, m, "petition_recheck")
    assert "复核维持复查意见" in recheck and "不再受理" in recheck
    with pytest.raises(documents.MissingItems, match="转送"):
        documents.make(p, m, "petition_forwarded")


def test_a_late_acceptance_shows_late_and_a_dispute_has_no_petition_steps(township, clock):
    t = township
    p = t.login("platform")
    m = report(t, kind="petition", source="信访来信")
    dispute = report(t)
    clock.now = datetime(2026, 12, 9, 9, 0)  # day 16
    steps.forward(p, m, "县人力资源和社会保障局")
    assert matter(t, m).status == Status.FORWARDED
    (acceptance,) = windows(_facts(t, m))
    assert (acceptance.due, acceptance.met_on, acceptance.late) == (
        date(2026, 12, 8),
        date(2026, 12, 9),
        True,
    )
    with pytest.raises(Refused, match="只有信访事项有此步骤"):
        steps.forward(p, dispute, "县法院")
    with pytest.raises(ValidationFailed, match="转送机关"):
        steps.forward(p, dispute, " ")
    assert Action.FORWARD not in steps.actions_for(p, dispute)
    forwarded = paper_text(p, m, "petition_forwarded")
    assert "属于县人力资源和社会保障局的职责范围" in forwarded and "代办人" not in forwarded
    with pytest.raises(documents.MissingItems, match="信访事项"):
        documents.make(p, dispute, "petition_accepted")

    refused = report(t, kind="petition", source="信访来访")
    steps.reject(p, refused, "已经人民法院生效判决处理，应通过司法程序解决")
    assert "不予受理的理由：已经人民法院生效判决处理" in paper_text(p, refused, "petition_not_accepted")


def test_the_desk_and_the_matter_colour_the_offices_windows(township, clock):
    """受理 within 15 days: 临期 once 80 % of the time to the end of day 15 has passed, 超期 after it;
    the 复查 answer likewise after a request,
    while the petitioner's own window to ask is shown uncoloured."""
    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = report(t, kind="petition", source="信访来访", title="欠薪信访")
    report(t, title="不相干的纠纷")

    def desk_row():
        return next((r for r in desk.desk(p).due_soon if r.id == m), None)

    clock.now = datetime(2026, 12, 4, 9, 0)  # day 11
    assert desk_row() is None
    assert matter_detail.matter_detail(p, m).petition_windows[0].colour == "green"
    clock.now = datetime(
        2026, 12, 5, 19, 0
    )  # 12.8 of the 16 days from the 23rd to the end of the 8th: not yet
    assert desk_row() is None
    clock.now = datetime(2026, 12, 5, 19, 15)  # … and now
    row = desk_row()
    assert (row.colour, row.due_on, row.title) == (
        "yellow",
        date(2026, 12, 8),
        "【受理告知（15日内）】欠薪信访",
    )
    clock.now = datetime(2026, 12, 9, 0, 0)  # the 15th day is over
    assert desk_row().colour == "red"
    assert not [r for r in desk.desk(g).due_soon if r.id == m]  # a grid worker's desk lists her own work
    steps.register(p, m, 1, category="劳动争议")
    assert desk_row() is None  # accepted: its own due date (12-14, ★) runs like any matter's, green today
    (acceptance, handling) = matter_detail.matter_detail(p, m).petition_windows
    assert (acceptance.late, acceptance.colour, handling.colour) == (True, "none", "green")
    # the petitioner is told the regulation's 60 days, not the ★ grade's sooner target (review)
    assert handling.due == date(2027, 2, 7) and matter(t, m).due_on < handling.due
    assert "将于2027年02月07日前办结" in paper_text(p, m, "petition_accepted")

    steps.dispatch(p, m, f"account:{t.accounts['grid1']}")
    steps.accept(g, m)
    steps.close(g, m, "resolved", reply="已答复")
    shown = matter_detail.matter_detail(p, m)
    assert (shown.petition_stage, shown.petition_windows[-1].for_petitioner) == ("replied", True)
    assert shown.petition_windows[-1].colour == "none"
    steps.request_review(p, m, date(2026, 12, 9))
    clock.now = datetime(2027, 1, 3, 9, 0)  # 25 of the 30 days to answer
    row = desk_row()
    assert (row.colour, row.due_on) == ("yellow", date(2027, 1, 8))
    assert row.title.startswith("【复查意见（30日内）】")


def _at(clock, day: date, hour: int = 10) -> None:
    clock.now = datetime(day.year, day.month, day.day, hour, 0)


def _answered(t, clock, m, *, accepted: date, grade: int, replied: date):
    """Accepted (受理) on one day with a grade, handled by the grid worker, answered in writing on another."""
    p, g = t.login("platform"), t.login("grid1")
    _at(clock, accepted)
    steps.register(p, m, grade, category="劳动争议")
    steps.dispatch(p, m, f"account:{t.accounts['grid1']}")
    steps.accept(g, m)
    _at(clock, replied)
    steps.close(g, m, "resolved", reply="已书面答复")


def _december(t, clock):
    """Petitions decided, answered and asked about in December 2026 (and one decided in November)."""
    p = t.login("platform")
    _at(clock, date(2026, 11, 20))
    early = report(t, kind="petition", source="信访来信")
    _at(clock, date(2026, 11, 23))
    one = report(t, kind="petition", source="信访来访")
    two = report(t, kind="petition", source="信访来访")
    _at(clock, date(2026, 11, 25))
    steps.reject(p, early, "不属于本机关职责")  # decided in November
    _at(clock, date(2026, 12, 1))
    three = report(t, kind="petition", source="信访来信")
    four = report(t, kind="petition", source="信访来访")
    dispute = report(t)
    _at(clock, date(2026, 12, 2))
    six = report(t, kind="petition", source="网上信访")
    # one: accepted day 8, ★★★ (60 days, to 2027-01-30), replied 12-10 in time, asked 12-15: 满意
    _answered(t, clock, one, accepted=date(2026, 12, 1), grade=3, replied=date(2026, 12, 10))
    # two: accepted day 16 (late), ★ (5 days, to 12-14), replied 12-20 late
    _answered(t, clock, two, accepted=date(2026, 12, 9), grade=1, replied=date(2026, 12, 20))
    _at(clock, date(2026, 12, 3))
    steps.forward(p, three, "县信访局")  # day 2: in time
    # six: accepted the next day, replied 12-28 in time
    _answered(t, clock, six, accepted=date(2026, 12, 3), grade=3, replied=date(2026, 12, 28))
    _at(clock, date(2026, 12, 17))
    steps.reject(p, four, "已经诉讼程序处理")  # day 16: late
    for m, asked, answer in ((one, 15, "满意"), (two, 22, "不满意"), (six, 29, "基本满意")):
        _at(clock, date(2026, 12, asked))
        steps.check_closure(p, m)
        steps.follow_up(p, m, steps.FollowUpInput(date(2026, 12, asked), answer))
    _at(clock, date(2026, 12, 5))
    steps.register(p, dispute, 1, category="邻里")  # a dispute: no petition count
    _at(clock, date(2027, 1, 5))
    return p


def test_the_three_rates_against_a_hand_count(township, clock):
    """December 2026, by hand: decided 5 (3 within 15 days) → 及时受理率 60 %; replied 3 (2 by their limit)
    → 按期办结率 2/3; asked 3 (满意, 基本满意, 不满意) → 群众满意率 2/3. A decision made in November and a
    dispute count nowhere here."""
    p = _december(township, clock)
    (unit,) = stats.month(p, 2026, 12)
    c, m = unit.counts, unit.measures
    assert (c.petitions_decided, c.petitions_decided_in_time) == (5, 3)
    assert (c.petitions_replied, c.petitions_replied_in_time) == (3, 2)
    assert (c.petitions_asked, c.petitions_satisfied) == (3, 2)
    assert (m.timely_acceptance_rate, m.on_time_reply_rate) == (0.6, 2 / 3)
    assert m.petition_satisfaction_rate == 2 / 3
    (november,) = stats.month(p, 2026, 11)
    assert (november.counts.petitions_decided, november.counts.petitions_decided_in_time) == (1, 1)
    assert november.measures.on_time_reply_rate is None  # nothing replied: no data, not 0 %


def test_the_three_rates_are_published_with_a_closed_month_and_printed(township, clock, tmp_path):
    """The closed month's published figures carry 信访三率 as counted; the report (PDF and Excel) and
    `fengqiao assessment` (a real process) show them."""
    t = township
    p = _december(t, clock)
    periods.close(p, "2026-12")
    published = periods.published(p, "2026-12")
    (unit,) = published.units("village")
    assert (unit.measures.timely_acceptance_rate, unit.measures.on_time_reply_rate) == (0.6, 2 / 3)
    assert unit.counts.petitions_asked == 3

    report = assessment_report.make(p, "2026-12")
    doc = assessment_report.document(report)
    heading = next(
        i for i, b in enumerate(doc.blocks) if getattr(b, "text", "") == "信访三率（按村（社区））"
    )
    table = doc.blocks[heading + 1]
    assert table.rows[0][1:] == ("3/5", "60.0%", "2/3", "66.7%", "2/3", "66.7%")
    assert table.rows[-1][0] == "全镇合计" and table.rows[-1][2] == "60.0%"
    path = assessment_report.save_xlsx(report, tmp_path / "report.xlsx")
    sheet = load_workbook(path)["按村（社区）"]
    rows = list(sheet.values)
    header = rows[1]
    column = header.index("信访及时受理率")
    assert rows[2][column] == 0.6 and rows[2][header.index("信访群众满意率")] == pytest.approx(2 / 3)

    shown = run("assessment", "2026-12", "--db", t.path, user="platform", password=PASSWORD)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    header = lines[2].split("\t")
    row = dict(zip(header, lines[3].split("\t"), strict=True))
    assert (row["信访及时受理率"], row["信访按期办结率"], row["信访群众满意率"]) == (
        "60.00%",
        "66.67%",
        "66.67%",
    )
    as_json = json.loads(
        run("assessment", "2026-12", "--json", "--db", t.path, user="platform", password=PASSWORD).stdout
    )
    assert as_json["units"][0]["petitions_decided_in_time"] == 3
