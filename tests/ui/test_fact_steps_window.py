"""The window offers 变更协议 on the matter's agreement area (prefilled with the signed terms, the signatures
asked anew, what was typed kept on a refusal) and 更正事实 among the matter's steps (prefilled with the facts,
the reason required); real widgets, offscreen, and a screenshot of each dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.services import desk, steps
from desktop.store.models import Agreement
from sync.core.domain.lifecycle import Action
from tests.services.test_agreement_versions import _signed
from tests.services.test_step_rules import handling

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def test_amend_agreement_from_the_matter_view(township, window_for, settle, no_popups):
    t = township
    m = handling(t)
    g = t.login("grid1")
    steps.record_agreement(g, m, _signed("李四拆除越界部分", date(2026, 12, 1)))
    window = window_for("platform")
    view = window.ledger.view
    view.show_matter(m)
    settle()
    view.tabs.setCurrentIndex(2)  # 调解与协议
    assert view.tabs.tabText(2) == "调解与协议" and view.amend.isVisibleTo(view)
    assert view.amendable.terms == "李四拆除越界部分"

    dialog = view.open_amendment()
    values = dialog.values()
    assert (values["terms"], values["parties"], values["perform_by"]) == (
        "李四拆除越界部分",
        "张三、李四",
        date(2026, 12, 1),
    )
    assert not values["signed_by_parties"] and not values["signed_by_mediator"]  # signed anew
    assert dialog.windowTitle() == "变更协议"
    dialog.set_value("terms", "李四赔偿2000元，不再拆除")
    dialog.set_value("facts", "")  # a required field emptied: refused, what was typed stays
    dialog.submit()
    settle()
    assert dialog.isVisible() and dialog.values()["terms"] == "李四赔偿2000元，不再拆除"
    dialog.set_value("facts", "围墙越界30厘米，李四负主要责任")
    dialog.submit()  # not signed anew: it must not take the signed agreement's place (review)
    settle()
    assert dialog.isVisible() and "签名" in str(dialog.last_error)
    assert view.amendable.terms == "李四拆除越界部分"
    dialog.set_value("signed_by_parties", True)
    dialog.set_value("signed_by_mediator", True)
    path = shot(dialog, "amend_agreement")
    assert path.stat().st_size > 5000
    dialog.submit()
    settle()
    assert not dialog.isVisible()
    with g.read() as s:
        rows = s.scalars(select(Agreement).where(Agreement.matter_id == m)).all()
    (old,) = [a for a in rows if a.replaces_id is None]
    (new,) = [a for a in rows if a.replaces_id == old.id]
    assert (old.terms, new.terms) == ("李四拆除越界部分", "李四赔偿2000元，不再拆除")
    settle()
    assert view.amendable.id == new.id  # the version now in effect is the one a next change replaces
    assert "已被变更协议取代" in view.mediation.toPlainText()
    shot(view, "matter_view_amended")


def test_correct_facts_from_the_matter_view(township, window_for, settle, no_popups):
    t = township
    m = handling(t, people_count=15, signals=["fight"])
    window = window_for("grid1")
    view = window.ledger.view
    view.show_matter(m)
    settle()
    assert Action.CORRECT_FACTS in view.action_buttons
    dialog = view.open_action(Action.CORRECT_FACTS)
    start = dialog.values()
    assert (start["people_count"], start["signals"]) == (15, ["fight"])
    dialog.set_value("people_count", 2)
    dialog.set_value("signals", [])
    dialog.submit()  # no reason: refused, the numbers typed stay
    settle()
    assert dialog.isVisible() and dialog.values()["people_count"] == 2
    dialog.set_value("reason", "实为两户口角，无械斗")
    shot(dialog, "correct_facts")
    dialog.submit()
    settle()
    assert not dialog.isVisible()
    (row,) = desk.lowered_risks(t.login("platform"))
    assert (row.matter_id, row.by, row.reason) == (m, "王网格", "实为两户口角，无械斗")
    settle()
    assert view.lowered.isVisibleTo(view) and "实为两户口角" in view.lowered.text()
