"""A petition through the window (offscreen): reported by a grid worker on the petitioner's behalf from the
report form, then 复查 and 复核 asked and answered and the petition concluded from the matter view's step
buttons, the regulation's windows in its header at each stage, and the papers in its print menu."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import steps
from desktop.store.models import Matter
from sync.core.domain.lifecycle import Action
from tests.ui.test_matter_life import do


def _header(view) -> str:
    return view.summary.text()


def test_a_petition_from_the_report_form_to_conclusion(township, window_for, settle, no_popups):
    t = township
    grid = window_for("grid1")
    form = grid.new_matter()
    settle()
    assert not form.by_proxy.isEnabled()  # a dispute has no 代办
    form.kind.setCurrentIndex(form.kind.findData("petition"))
    assert form.by_proxy.isEnabled()
    form.title_edit.setText("拖欠工资")
    form.by_proxy.setChecked(True)
    form.village.setCurrentIndex(form.village.findData(t.village))
    form.grid.setCurrentIndex(form.grid.findData(t.grid))
    form.submit()
    settle(), settle()
    assert not form.isVisible(), no_popups
    with t.admin.read() as s:
        row = s.scalar(select(Matter).where(Matter.title == "拖欠工资"))
        m, proxied, kind = row.id, row.by_proxy, row.kind
    assert (kind, proxied) == ("petition", True)

    window = window_for("platform")
    view = window.ledger.view
    view.show_matter(m)
    settle(), settle()
    # a petition's steps in the regulation's words (review: it offered 立案定级 / 不予立案)
    assert view.action_buttons[Action.REGISTER].text() == "受理"
    assert view.action_buttons[Action.REJECT].text() == "不予受理"
    from desktop.ui.actions import starting_values

    assert starting_values(Action.CLOSE, view.detail) == {"outcome": "resolved"}  # a reply, not 调解成功

    p = t.login("platform")
    steps.register(p, m, 3, category="劳动争议")
    steps.dispatch(p, m, f"account:{t.accounts['grid1']}")
    steps.accept(t.login("grid1"), m)
    steps.close(t.login("grid1"), m, "resolved", reply="工资已结清。")

    view.show_matter(m)
    settle(), settle()
    header = _header(view)
    assert "代办人：王网格（信访代办）" in header and "信访阶段：已书面答复" in header
    assert "受理告知（15日内）" in header and "办理答复（60日内，可延30日）" in header
    assert "申请复查（答复后30日内）" in header and "待信访人提出" in header
    assert Action.REQUEST_REVIEW in view.action_buttons
    assert Action.REQUEST_RECHECK not in view.action_buttons and Action.FORWARD not in view.action_buttons

    do(window, Action.REQUEST_REVIEW, settle)
    settle()
    assert "复查意见（30日内）" in _header(view) and "信访阶段：复查中" in _header(view)
    do(window, Action.DECIDE_REVIEW, settle, opinion="维持原答复意见。")
    do(window, Action.REQUEST_RECHECK, settle)
    do(window, Action.DECIDE_RECHECK, settle, opinion="复核维持复查意见。")
    settle()
    assert "信访阶段：已复核" in _header(view)
    do(window, Action.CONCLUDE, settle, note="复核已结束")
    settle()
    assert "信访阶段：已终结" in _header(view)
    assert Action.REOPEN not in view.action_buttons  # concluded: not accepted again on the same facts
    titles = [a.text() for a in view.papers.menu().actions()]
    for title in ("信访事项受理告知书", "信访事项书面答复意见书", "信访事项复查意见书", "信访事项复核意见书"):
        assert title in titles, titles
