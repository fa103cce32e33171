"""A petition's 卷宗 is titled as a petition's and files its own papers (受理告知书, 书面答复意见书, …) in the
order their steps came; a dispute's file is unchanged."""

from __future__ import annotations

from datetime import datetime

from desktop.services import documents, steps
from desktop.services.document_layout import Contents
from tests.services.test_matters import report


def _replied_petition(t, clock):
    p, med = t.login("platform"), t.login("mediator")
    m = report(t, kind="petition", source="信访来访")
    clock.now = datetime(2026, 12, 1, 10, 0)
    steps.register(p, m, 3, category="劳动争议")
    steps.dispatch(p, m, f"org:{t.team}")
    steps.accept(med, m)
    clock.now = datetime(2027, 1, 20, 10, 0)
    steps.close(med, m, "resolved", note="已答复", reply="经核查，拖欠工资已由用工单位结清。")
    return m


def test_a_petitions_dossier_is_a_petitions_and_holds_its_papers(township, clock):
    t = township
    p = t.login("platform")
    m = _replied_petition(t, clock)
    offered = {o.kind: o.title for o in documents.offers(p, m)}
    assert offered["dossier"] == "信访事项办理卷宗"
    doc = documents.make(p, m, "dossier")
    assert doc.title == "信访事项办理卷宗"
    (contents,) = [b for b in doc.blocks if isinstance(b, Contents)]
    titles = [title for _, title, _ in contents.rows]
    assert titles[:4] == [
        "信访事项登记（来访、来电）",
        "信访事项受理登记表",
        "信访事项受理告知书",
        "信访事项书面答复意见书",
    ]
    text = doc.text()
    assert "经核查，拖欠工资已由用工单位结清。" in text  # the reply itself, as issued
    assert "办理结果：予以支持，诉求已解决" in text and "调解结果" not in text
    assert "人民调解" not in text and "矛盾纠纷调处卷宗" not in text


def test_a_disputes_dossier_keeps_its_title(township, clock):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    steps.close(g, m, "resolved", note="双方和解")
    doc = documents.make(p, m, "dossier")
    assert doc.title == "矛盾纠纷调处卷宗" and "人民调解受理登记表" in doc.text()
    assert "信访事项受理告知书" not in doc.text()
