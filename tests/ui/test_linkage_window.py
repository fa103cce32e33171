"""三调联动 in the window: the referral's form keeps what was typed when refused and names the field, fits a
1366×768 screen; the matter shows the court's number; the ledger filters by the 三调联动 kind."""

from datetime import date

from PySide6.QtWidgets import QLabel

from desktop.ui.actions import ActionDialog
from sync.core.domain.lifecycle import Action
from tests.services.test_matters import matter, report
from tests.ui.test_matter_life import select_first

CASE = "（2026）鲁1324民诉前调345号"


def test_a_court_referral_recorded_from_the_matter(township, window_for, settle, no_popups, tmp_path):
    t = township
    m = report(t, source="法院移送", title="借款纠纷")
    window = window_for("platform")
    select_first(window, settle)
    view = window.ledger.view
    assert Action.RECEIVE_REFERRAL in view.action_buttons
    view.action_buttons[Action.RECEIVE_REFERRAL].click()
    dialog = next(d for d in view.findChildren(ActionDialog) if d.isVisible())
    assert dialog.width() <= 1366 and dialog.height() <= 698
    dialog.set_value("kind", "court_pre")
    dialog.set_value("number", "345号")  # not a case number
    dialog.set_value("body", "郯城县人民法院")
    dialog.set_value("received_on", date(2026, 11, 2))
    dialog.submit()
    settle()
    assert dialog.isVisible()  # refused: still open, with what was typed
    assert dialog.values()["number"] == "345号" and dialog.values()["body"] == "郯城县人民法院"
    assert "法院案号" in str(dialog.last_error)
    assert no_popups == []  # said under the field, not in a message box
    shown = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert any("鲁1324民诉前调345号”的样式" in text for text in shown), shown
    dialog.grab().save(str(tmp_path / "referral_refused.png"))
    dialog.set_value("number", CASE)
    dialog.submit()
    settle()
    assert not dialog.isVisible(), dialog.last_error
    row = matter(t, m)
    assert (row.referral_kind, row.referral_no, row.referral_received_on) == (
        "court_pre",
        CASE,
        date(2026, 11, 2),
    )
    assert row.referral_due_on == date(2026, 12, 23)  # the form started at 30 days from today
    settle()
    assert CASE in view.summary.text() and "诉前调解" in view.summary.text()
    assert "尚未反馈结果" in view.summary.text()
    view.grab().save(str(tmp_path / "matter_with_referral.png"))
    # the ledger's source filter offers the kinds and finds it by them
    ledger = window.ledger
    index = ledger.source.findData("诉前调解")
    assert index >= 0
    ledger.source.setCurrentIndex(index)
    ledger.refresh()
    settle()
    assert ledger.table.model().rowCount() == 1
