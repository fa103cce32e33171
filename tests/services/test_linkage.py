"""三调联动: a court's 诉前调解 / 委派调解 and a 110 警调对接 carry the outside body's number in, the result
goes back out with it; the steps come in order, the matter and the ledger show them, the assessment counts
them by source."""

from datetime import date, datetime

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook

from desktop.services import documents, ledger, lists, matter_detail, stats, steps
from desktop.services.documents import MissingItems
from desktop.services.errors import ValidationFailed
from desktop.services.lists import MatterFilter
from sync.core.domain.lifecycle import Action, Refused
from tests.services.test_matters import matter, report

CASE = "（2026）鲁1324民诉前调345号"
COURT = "郯城县人民法院"


def _closed(t, m, outcome="resolved"):
    p = t.login("platform")
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    g = t.login("grid1")
    steps.accept(g, m)
    steps.close(g, m, outcome, note="双方和解", legal_channels="可向法院起诉")


def test_a_court_referral_carries_its_case_number_in_and_the_result_back(township, tmp_path):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = report(t, source="法院移送")
    steps.receive_referral(p, m, "court_pre", CASE, COURT, date(2026, 11, 2), date(2026, 12, 2), "诉前委派")
    row = matter(t, m)
    assert (row.referral_kind, row.referral_no, row.referral_body) == ("court_pre", CASE, COURT)
    assert (row.referral_received_on, row.referral_due_on, row.referral_result) == (
        date(2026, 11, 2),
        date(2026, 12, 2),
        None,
    )
    # once only, and no result before the matter is done
    with pytest.raises(Refused, match="已登记为“诉前调解”"):
        steps.receive_referral(p, m, "police", "JJ2026110001", "城关派出所", date(2026, 11, 2))
    with pytest.raises(Refused, match="事项当前为"):
        steps.answer_referral(p, m, "success", date(2026, 11, 3))
    _closed(t, m)
    detail = matter_detail.matter_detail(g, m).referral
    assert (detail.kind, detail.number_label, detail.number, detail.result, detail.paper) == (
        "诉前调解",
        "法院案号",
        CASE,
        "",
        "调解结果回复函",
    )
    assert Action.ANSWER_REFERRAL in matter_detail.matter_detail(g, m).actions
    steps.answer_referral(g, m, "success", date(2026, 11, 3), reply="双方达成和解，原告撤回起诉")
    row = matter(t, m)
    assert (row.referral_result, row.referral_result_on, row.referral_reply) == (
        "success",
        date(2026, 11, 3),
        "双方达成和解，原告撤回起诉",
    )
    assert matter_detail.matter_detail(g, m).referral.result == "调解成功"
    with pytest.raises(Refused, match="已反馈结果"):
        steps.answer_referral(g, m, "success", date(2026, 11, 3))
    path = tmp_path / "ledger.xlsx"
    ledger.export_ledger(p, path)
    rows = list(load_workbook(path).active.values)[1:]
    found = dict(zip(rows[0], rows[1], strict=True))
    linked = (found["三调联动"], found["法院案号/接警编号"], found["联动反馈"])
    assert linked == ("诉前调解", CASE, "调解成功")


def test_a_police_referral_and_the_source_it_counts_under(township):
    t = township
    p = t.login("platform")
    police = report(t, source="110警情", title="酒后争吵")
    court = report(t, source="法院移送", title="借款纠纷")
    plain = report(t, title="宅基地边界争议")
    steps.receive_referral(p, police, "police", "JJ-2026-110-0042", "向城派出所", date(2026, 11, 2))
    steps.receive_referral(p, court, "court_entrusted", CASE, COURT, date(2026, 11, 1), date(2026, 11, 30))
    assert matter(t, police).referral_due_on is None  # a station may give no deadline
    # the ledger's source filter finds them by the 三调联动 kind, and by the channel as before
    found = {r.title for r in lists.matters(p, MatterFilter(sources=["警调对接"])).rows}
    assert found == {"酒后争吵"}
    # found by the number the court or the station quotes
    assert [r.title for r in lists.matters(p, MatterFilter(text="民诉前调345号")).rows] == ["借款纠纷"]
    assert [r.title for r in lists.matters(p, MatterFilter(text="JJ-2026-110-0042")).rows] == ["酒后争吵"]
    found = {r.title for r in lists.matters(p, MatterFilter(sources=["委派调解", "网格排查"])).rows}
    assert found == {"借款纠纷", "宅基地边界争议"}
    for m in (police, court, plain):
        p_ws = t.login("platform")
        steps.register(p_ws, m, 1, category="邻里")
    units = {
        u.name: u.counts.registered
        for u in stats.assessment(p, datetime(2026, 11, 1), datetime(2026, 12, 1), by="source")
    }
    assert units == {"警调对接": 1, "委派调解": 1, "网格排查": 1}


def test_a_referral_refused_names_the_field(township):
    t = township
    p = t.login("platform")
    m = report(t)
    with pytest.raises(ValidationFailed) as bad:
        steps.receive_referral(p, m, "court_pre", "345号", "城关派出所", date(2026, 11, 2))
    said = {(i.field, i.reason) for i in bad.value.issues}
    assert ("法院案号", "应写作“（2026）鲁1324民诉前调345号”的样式") in said
    assert ("移送法院", "应为人民法院的名称") in said
    assert ("法院期限", "法院移送的案件须填写调解期限") in said
    with pytest.raises(ValidationFailed, match="不能晚于今天"):
        steps.receive_referral(p, m, "police", "JJ2026110001", "城关派出所", date(2027, 1, 2))
    with pytest.raises(ValidationFailed, match="不能早于收到日期"):
        steps.receive_referral(p, m, "court_pre", CASE, COURT, date(2026, 11, 2), date(2026, 11, 1))
    assert matter(t, m).referral_kind is None  # nothing was recorded


def test_the_result_sent_back_agrees_with_how_the_matter_closed(township):
    t = township
    p = t.login("platform")
    m = report(t, source="公安移送")
    steps.receive_referral(p, m, "police", "JJ2026110001", "向城派出所", date(2026, 11, 2))
    _closed(t, m, outcome="unresolved")
    g = t.login("grid1")
    with pytest.raises(ValidationFailed, match="事项以“未化解”办结，不能反馈调解成功"):
        steps.answer_referral(g, m, "success", date(2026, 11, 3))
    with pytest.raises(ValidationFailed, match="不能早于收到移送的日期"):
        steps.answer_referral(g, m, "failure", date(2026, 11, 1))
    # only the handler (or the platform) answers
    with pytest.raises(Refused, match="只有当前承办人"):
        steps.answer_referral(t.login("mediator"), m, "failure", date(2026, 11, 3))
    steps.answer_referral(g, m, "failure", date(2026, 11, 3), reply="调解不成，告知当事人诉讼途径")
    assert matter(t, m).referral_result == "failure"


def test_a_matter_not_referred_has_no_result_to_send(township):
    t = township
    m = report(t)
    _closed(t, m)
    with pytest.raises(Refused, match="不是法院或公安移送的事项"):
        steps.answer_referral(t.login("grid1"), m, "success", date(2026, 11, 3))


def test_the_paper_back_quotes_the_number_it_came_with(township, tmp_path):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    court = report(t, source="法院移送", title="借款纠纷")
    police = report(t, source="110警情", title="酒后争吵")
    steps.receive_referral(p, court, "court_entrusted", CASE, COURT, date(2026, 11, 2), date(2026, 12, 2))
    steps.receive_referral(p, police, "police", "JJ-2026-110-0042", "向城派出所", date(2026, 11, 2))
    with pytest.raises(MissingItems, match="反馈联动结果"):
        documents.make(p, court, "referral")
    with pytest.raises(MissingItems, match="联动移送登记"):
        documents.make(p, report(t), "referral")
    for m in (court, police):
        _closed(t, m)
        steps.answer_referral(g, m, "success", date(2026, 11, 20), reply="双方自愿和解")
    assert "referral" in [o.kind for o in documents.offers(p, court)]
    letter = documents.make(p, court, "referral")
    word = WordDocument(str(letter.save_docx(tmp_path / "letter.docx")))
    words = "\n".join(
        [x.text for x in word.paragraphs]
        + [c.text for tb in word.tables for row in tb.rows for c in row.cells]
    )
    for item in (
        "调解结果回复函",
        COURT,
        CASE,
        "委派调解",
        "2026年11月02日",
        "调解成功",
        "双方自愿和解",
        "借款纠纷",
    ):
        assert item in letter.text(), item
        assert item in words, item
    slip = documents.make(p, police, "referral")
    for item in ("警调对接反馈单", "向城派出所", "接警编号", "JJ-2026-110-0042", "调解成功"):
        assert item in slip.text(), item


def test_a_number_typed_with_half_width_brackets_is_kept_as_courts_write_it(township):
    """Review: "(2026)…" typed with half-width brackets was stored as typed, and a search for the number as
    the court writes it ("（2026）…") found nothing."""
    t = township
    p = t.login("platform")
    m = report(t)
    steps.receive_referral(
        p, m, "court_pre", "(2026)鲁1324民诉前调88号", COURT, date(2026, 11, 2), date(2026, 12, 2)
    )
    assert matter(t, m).referral_no == "（2026）鲁1324民诉前调88号"
