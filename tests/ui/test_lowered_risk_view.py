"""A risk registered below its signals' shows, as plain text, who lowered it and why: in the ledger's early
warning and in the matter's header, until a leader takes 确认风险等级 from the matter view."""

from __future__ import annotations

from desktop.services import steps
from desktop.ui.actions import ActionDialog
from sync.core.domain.lifecycle import Action
from tests.services.test_matters import report

REASON = "双方已和解<b>仅剩赔偿</b>"  # markup in a reason is data: shown as typed, never bold


def _warning_on(ledger, settle):
    ledger.focus.setCurrentIndex(ledger.focus.findData("warning"))
    settle(), settle()


def test_lowered_risk_is_shown_until_a_leader_confirms_it(township, window_for, settle, no_popups):
    t = township
    m = report(t, people_count=15, signals=["fight"])  # 15 people and 械斗: 易激化
    steps.register(t.login("platform"), m, 1, category="房屋宅基地", risk="low", risk_reason=REASON)
    line = f"风险等级由 易激化 降为 可化解（钱平台：{REASON}），待领导确认"

    platform = window_for("platform").ledger
    assert not platform.lowered_note.isVisibleTo(platform)  # the early warning is not chosen yet
    _warning_on(platform, settle)
    assert platform.model.rowCount() == 1  # still on the early warning, though registered 可化解
    assert platform.lowered_note.isVisibleTo(platform)
    assert line in platform.lowered_note.text()
    assert platform.lowered_note.textFormat().name == "PlainText"
    platform.view.show_matter(m)
    settle(), settle()
    assert platform.view.lowered.isVisibleTo(platform.view) and platform.view.lowered.text() == line
    assert platform.view.lowered.textFormat().name == "PlainText"
    assert Action.CONFIRM_RISK not in platform.view.action_buttons  # a leader's step

    leader = window_for("leader").ledger
    _warning_on(leader, settle)
    assert line in leader.lowered_note.text()
    leader.view.show_matter(m)
    settle(), settle()
    assert leader.view.lowered.text() == line
    leader.view.action_buttons[Action.CONFIRM_RISK].click()
    (dialog,) = [d for d in leader.view.findChildren(ActionDialog) if d.isVisible()]
    dialog.submit()
    settle(), settle(), settle()
    assert not dialog.isVisible(), getattr(dialog, "last_error", None)

    assert not leader.view.lowered.isVisibleTo(leader.view) and leader.view.lowered.text() == ""
    assert Action.CONFIRM_RISK not in leader.view.action_buttons
    leader.refresh()
    settle(), settle()
    assert leader.model.rowCount() == 0  # off the early warning once confirmed
    assert leader.lowered_note.text() == "" and not leader.lowered_note.isVisibleTo(leader)
