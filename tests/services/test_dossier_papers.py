"""The papers an archive inspection reads: the 督办单 as it was at the 督办 (identical after a reopen),
with its level, days overdue and 反馈时限; the 交办单's 回执 and its return recorded at 签收; the
agreement sealed by the unit's 人民调解委员会 and numbered by the committee's year; the 调查记录 refused
without what it must say; periods named in Chinese."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.services import committees, documents, steps
from desktop.services.errors import ValidationFailed
from desktop.store.models import Agreement, Event, Investigation, Org
from sync.core.domain import supervision
from tests.services.test_documents import closed_matter
from tests.services.test_matters import report


def _field(doc, label: str) -> str:
    return next(line.split("：", 1)[1] for line in doc.text().splitlines() if line.startswith(f"{label}："))


def test_the_supervision_slip_is_the_same_after_a_reopen(township):
    t = township
    m = closed_matter(t)
    platform = t.login("platform")
    before = documents.make(platform, m, "supervision").text()
    assert _field(documents.make(platform, m, "supervision"), "时限状态") == "正常"
    assert _field(documents.make(platform, m, "supervision"), "督办级别") == "一般"
    assert _field(documents.make(platform, m, "supervision"), "超期天数") == "0天"
    steps.reopen(platform, m, "回访发现反弹")
    t.clock.now += timedelta(days=30)  # the matter is overdue now; the slip says what it was at the 督办
    after = documents.make(platform, m, "supervision").text()
    assert after == before


def test_the_level_follows_the_days_overdue_unless_chosen(township):
    assert [supervision.level_for(d) for d in (0, 1, 5, 6, 15, 16, 90)] == [
        "一般",
        "黄牌",
        "黄牌",
        "红牌",
        "红牌",
        "挂牌",
        "挂牌",
    ]
    t = township
    p = t.login("platform")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}", "请办理")
    with t.admin.read() as s:
        from desktop.store.models import Matter

        due = s.get(Matter, m).due_on
    t.clock.now = t.clock.now.replace(year=due.year, month=due.month, day=due.day) + timedelta(days=7)
    sup = t.login("supervisor")
    steps.supervise(sup, m, "已超期，限期办结")
    slip = documents.make(p, m, "supervision")
    assert _field(slip, "超期天数") == "7天" and _field(slip, "督办级别") == "红牌"
    assert _field(slip, "时限状态") == "超期"
    assert _field(slip, "反馈时限").startswith(f"{t.clock.now.year}年")
    steps.supervise(sup, m, "县里点名，挂牌督办", level="挂牌", reply_days=5)
    slip = documents.make(p, m, "supervision")
    assert _field(slip, "督办级别") == "挂牌" and "第2次督办" in slip.number
    with pytest.raises(ValidationFailed, match="督办级别"):
        steps.supervise(sup, m, "x", level="橙牌")


def test_the_dispatch_slip_has_a_receipt_and_its_return_is_recorded(township):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}", "请办理")
    text = documents.make(p, m, "dispatch").text()
    receipt = text[text.index("沿此线剪下") :]
    for item in ["矛盾纠纷交办单回执", "接收单位：东村村委会", "接收单位（印）", "签收人（签名）"]:
        assert item in receipt, item
    steps.accept(g, m, received_by="王会计")
    with t.admin.read() as s:
        accepted = s.scalars(select(Event).where(Event.matter_id == m, Event.action == "accepted")).one()
    assert accepted.data["received_by"] == "王会计" and "签收人：王会计" in accepted.note


def test_the_agreement_is_sealed_and_numbered_by_the_committee(township):
    assert committees.committee_from_unit("东村村委会") == "东村人民调解委员会"
    assert committees.committee_from_unit("新华村委会") == "新华村人民调解委员会"
    assert committees.committee_from_unit("新华村村民委员会") == "新华村人民调解委员会"
    assert committees.committee_from_unit("新华社区居委会") == "新华社区人民调解委员会"
    t = township
    first, second = closed_matter(t), closed_matter(t)
    g = t.login("grid1")
    one, two = documents.make(g, first, "agreement"), documents.make(g, second, "agreement")
    assert (one.number, two.number) == ("（2026）向东调字第1号", "（2026）向东调字第2号")
    assert "东村人民调解委员会（印）" in one.text() and "东村村委会（印）" not in one.text()
    assert documents.make(g, first, "agreement").number == one.number  # fixed once given
    # the unit names its committee and short name: the next agreement is sealed and numbered by them
    with t.admin.tx("test.org", t.committee) as tx:
        org = tx.session.get(Org, t.committee)
        org.committee_name, org.short_name = "东村联合人民调解委员会", "向东联"
    third = documents.make(g, closed_matter(t), "agreement")
    assert third.number == "（2026）向东联调字第1号" and "东村联合人民调解委员会（印）" in third.text()
    with t.admin.read() as s:
        numbers = sorted(n for n in s.scalars(select(Agreement.doc_no)) if n)
    assert len(numbers) == 3


def test_an_investigation_is_filed_and_refused_without_what_it_must_say(township):
    t = township
    m = closed_matter(t, investigate=True)
    with t.admin.read() as s:
        (x,) = s.scalars(select(Investigation).where(Investigation.matter_id == m)).all()
    assert x.investigators == "镇自然资源所 赵测量" and "30厘米" in x.findings
    assert "镇自然资源所 赵测量" in documents.make(t.login("platform"), m, "dossier").text()
    other = report(t)
    p = t.login("platform")
    steps.register(p, other, 1, category="邻里")
    steps.dispatch(p, other, f"org:{t.committee}", "请办理")
    steps.accept(t.login("grid1"), other)
    with pytest.raises(ValidationFailed) as refused:
        steps.record_investigation(
            t.login("grid1"), other, steps.InvestigationInput(date(2026, 11, 23), " ", "")
        )
    assert {str(i.field) for i in refused.value.issues} >= {"调查人", "调查结果"}


def test_chinese_papers_name_periods_in_chinese(township):
    from desktop.services import assessment_report
    from sync.core.domain.periods import chinese_name

    assert [chinese_name(p) for p in ("2026-Q4", "2026-q1", "2026-11", "2026-03", "2026")] == [
        "2026年第4季度",
        "2026年第1季度",
        "2026年11月",
        "2026年3月",
        "2026年度",
    ]
    report = assessment_report.view(township.login("supervisor"), "2026-Q4")
    doc = assessment_report.document(report, {})
    assert "考核（2026年第4季度）" in doc.title and "考核期间：2026年第4季度" in doc.text()
    assert "Q4" not in doc.text()


def test_a_unit_names_its_committee_and_short_name(township):
    t = township
    admin = t.admin
    with pytest.raises(ValidationFailed, match="文书号简称"):
        committees.name_committee(admin, t.committee, "东村人民调解委员会", "东/村")
    committees.name_committee(admin, t.committee, "东村联合人民调解委员会", "向东联")
    assert committees.committee_names(admin)[t.committee] == ("东村联合人民调解委员会", "向东联")
    committees.name_committee(admin, t.committee)  # back to the defaults
    assert committees.committee_names(admin)[t.committee] == ("东村人民调解委员会", "向东")


def test_the_retention_period_follows_the_grade_and_the_townships_wording(township):
    t = township
    m = closed_matter(t)  # a ★★ matter
    platform = t.login("platform")
    assert _field(documents.make(platform, m, "dossier"), "保管期限") == "定期30年"
    documents.save_templates(t.admin, {**documents.read_templates(t.admin), "retention_2": "长期"})
    assert _field(documents.make(platform, m, "dossier"), "保管期限") == "长期"
