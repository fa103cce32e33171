"""The township's papers from a matter's records: every required item present, a missing one refused by name,
the Word file readable by python-docx with the same words, and the making audited."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document as WordDocument
from sqlalchemy import select

from desktop.services import documents, matters, steps
from desktop.services.documents import MissingItems
from desktop.services.matters import PartyInput
from desktop.store.models import AuditEntry, Party
from tests.services.test_matters import APPLICANT, report

RESPONDENT = "110105198003150311"


def complete_parties(t, m):
    """The agreement names each party's particulars (Art. 29): the mediator completes them before printing."""
    g = t.login("grid1")
    with g.read() as s:
        parties = {p.name: p.id for p in s.scalars(select(Party).where(Party.matter_id == m))}
    matters.update_party(
        g,
        parties["张三"],
        PartyInput(
            "张三",
            "申请人",
            id_number=APPLICANT,
            phone="13800138000",
            address="东村12号",
            ethnicity="汉族",
            occupation="农民",
        ),
    )
    matters.update_party(
        g,
        parties["李四"],
        PartyInput(
            "李四",
            "被申请人",
            id_number=RESPONDENT,
            address="东村14号",
            ethnicity="回族",
            occupation="个体经营",
        ),
    )


def closed_matter(t, *, complete=True, form="written", investigate=False):
    """Reported, registered, dispatched, supervised, (investigated,) mediated, agreed, closed, checked and
    followed up."""
    g, p = t.login("grid1"), t.login("platform")
    m = report(t)
    steps.register(p, m, 2, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}", "请尽快组织调解")
    steps.accept(g, m)
    steps.supervise(t.login("supervisor"), m, "临近期限，请加快办理")
    if investigate:
        steps.record_investigation(
            g,
            m,
            steps.InvestigationInput(
                date(2026, 11, 23),
                "镇自然资源所 赵测量",
                "实测围墙越界30厘米，界桩位置与1998年宅基地证附图一致。",
                place="东村12号与14号之间",
                subject="宅基地界址测量",
                present="张三、李四",
            ),
        )
    steps.record_session(
        g,
        m,
        steps.SessionInput(
            date(2026, 11, 23),
            "人民调解",
            "agreement",
            place="东村调解室",
            mediators="王网格",
            attendees="张三、李四、王网格",
            record="张三称：李四围墙越界。李四称：愿意拆除。",
        ),
    )
    if complete:
        complete_parties(t, m)
    steps.record_agreement(
        g,
        m,
        steps.AgreementInput(
            form,
            "张三、李四",
            "围墙越界30厘米，李四负主要责任",
            "李四拆除越界部分并恢复原状",
            "自行拆除",
            date(2026, 12, 1),
            signed_by_parties=True,
            signed_by_mediator=True,
            copies=3,
        ),
    )
    steps.explain_overdue(g, m, "当事人外出务工，调解推迟")
    steps.close(g, m, "agreement", "调解成功")
    steps.check_closure(p, m, True, "核查属实")
    steps.follow_up(t.login("supervisor"), m, steps.FollowUpInput(date(2026, 11, 23), "满意", performed=True))
    return m


def test_the_agreement_holds_what_article_29_requires(township):
    t = township
    m = closed_matter(t)
    doc = documents.make(t.login("grid1"), m, "agreement")
    text = doc.text()
    for item in [
        "人民调解协议书",
        "（2026）向东调字第1号",
        "东村人民调解委员会",
        "张三",
        "女",
        "76岁",
        "汉族",
        "农民",
        "东村12号",
        APPLICANT,
        "李四",
        "男",
        "回族",
        "个体经营",
        RESPONDENT,
        "围墙越界30厘米，李四负主要责任",
        "李四拆除越界部分并恢复原状",
        "自行拆除",
        "2026年12月01日",
        "一式3份",
        "人民调解员（签名）王网格",
        "东村人民调解委员会（印）",
    ]:
        assert item in text, item
    with t.admin.read() as s:
        assert "document.make" in s.scalars(select(AuditEntry.action).where(AuditEntry.target == m)).all()


def test_a_missing_particular_is_refused_by_name(township):
    t = township
    m = closed_matter(t, complete=False)
    with pytest.raises(MissingItems) as refused:
        documents.make(t.login("grid1"), m, "agreement")
    assert "被申请人李四的民族" in refused.value.items and "申请人张三的职业或工作单位" in refused.value.items
    assert "申请人张三的性别" not in refused.value.items  # read from the ID number
    # The dossier still files the agreement and says what it lacks.
    assert "被申请人李四的民族" in documents.make(t.login("platform"), m, "dossier").text()


def test_an_oral_agreement_prints_as_its_registration(township):
    t = township
    m = closed_matter(t, complete=False, form="oral")
    doc = documents.make(t.login("grid1"), m, "agreement")
    assert doc.kind == "oral" and "口头调解协议登记表" in doc.text() and "第二十八条" in doc.text()


def test_every_paper_of_a_closed_matter_and_its_word_file(township, tmp_path):
    t = township
    m = closed_matter(t)
    platform = t.login("platform")
    offered = [o.kind for o in documents.offers(platform, m)]
    assert offered == ["agreement", "record", "dispatch", "supervision", "followup", "dossier"]
    expected = {
        "record": ["人民调解笔录", "东村调解室", "张三、李四、王网格", "李四称：愿意拆除", "达成协议"],
        "dispatch": ["矛盾纠纷交办单", "东村村委会", "钱平台", "请尽快组织调解", "★★"],
        "supervision": ["矛盾纠纷督办单", "第1次督办", "临近期限，请加快办理", "孙督考"],
        "followup": ["矛盾纠纷回访记录", "2026年11月23日", "满意", "已履行"],
        "dossier": [
            "矛盾纠纷调处卷宗",
            "卷内目录",
            "流转记录",
            "调解记录（第1次）",
            "人民调解协议书",
            "回访记录",
            "超期说明",
        ],
    }
    for kind, items in expected.items():
        doc = documents.make(platform, m, kind)
        word = doc.save_docx(tmp_path / f"{kind}.docx")
        opened = WordDocument(str(word))
        words = "\n".join(
            [p.text for p in opened.paragraphs]
            + [c.text for table in opened.tables for row in table.rows for c in row.cells]
        )
        for item in items:
            assert item in doc.text(), (kind, item)
            assert item in words, (kind, item)


def test_papers_without_their_records_are_refused(township):
    t = township
    m = report(t)
    p = t.login("platform")
    for kind, item in [
        ("dispatch", "交办记录"),
        ("supervision", "督办记录"),
        ("followup", "回访记录"),
        ("agreement", "调解协议"),
        ("record", "调解记录"),
    ]:
        with pytest.raises(MissingItems, match=item):
            documents.make(p, m, kind)
    with pytest.raises(MissingItems, match="尚未办结"):
        documents.make(p, m, "dossier")
    assert documents.offers(p, m) == []
