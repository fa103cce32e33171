"""调查记录 from the window: the handler's matter offers 记录调查, its dialog records who investigated,
where and what was found, and the matter shows it before its sessions; a 督办 level chosen in its dialog is
the slip's level."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import documents, steps
from desktop.store.models import Investigation
from sync.core.domain.lifecycle import Action
from tests.services.test_matters import report
from tests.ui.test_matter_life import do, select_first


def test_an_investigation_and_a_supervision_from_the_window(township, window_for, settle):
    t = township
    p = t.login("platform")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}", "请办理")
    steps.accept(t.login("grid1"), m)
    gw = window_for("grid1")
    select_first(gw, settle)
    do(
        gw,
        Action.INVESTIGATE,
        settle,
        investigators="镇自然资源所 赵测量",
        place="东村12号与14号之间",
        subject="宅基地界址测量",
        findings="实测越界30厘米",
    )
    with t.admin.read() as s:
        (x,) = s.scalars(select(Investigation).where(Investigation.matter_id == m)).all()
    assert (x.investigators, x.subject, x.findings) == (
        "镇自然资源所 赵测量",
        "宅基地界址测量",
        "实测越界30厘米",
    )
    shown = gw.ledger.view.mediation.toPlainText()
    assert "调查记录" in shown and "实测越界30厘米" in shown
    sv = window_for("supervisor")
    select_first(sv, settle)
    do(sv, Action.SUPERVISE, settle, note="县里点名，挂牌督办", level="挂牌", reply_days=5)
    assert "督办级别：挂牌" in documents.make(p, m, "supervision").text()
