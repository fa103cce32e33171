"""The auditor (审计员) signs in to a window without an error and lands on the audit trail: the chain's
verdict at the top, filters, a paged list; after a sync the chain is checked again and a broken one is
marked."""

from __future__ import annotations

from sqlalchemy import select, text

from desktop.services.context import Changed
from desktop.store.models import AuditEntry
from desktop.ui.audit import BROKEN_STYLE, AuditPage
from desktop.ui.hub import SYNCED


def test_the_auditor_signs_in_to_the_audit_trail_without_an_error(township, window_for, settle, no_popups):
    window = window_for("auditor")
    assert not no_popups  # today's build showed "没有“查看矛盾纠纷”的权限" at sign-in
    page = window.stack.currentWidget()
    assert isinstance(page, AuditPage) and window.desk is None
    assert "哈希链完好" in page.chain.text() and page.check.ok
    assert page.model.total == page.check.entries > 0

    page.who.setText("admin")
    page.what.setText("account.add")
    page.refresh()
    settle()
    assert page.model.total == 7
    assert {page.model.item(r, 4).text() for r in range(7)} >= {"grid1", "auditor"}
    page.start.setText("2026-13-40")
    page.refresh()
    settle()
    assert "YYYY-MM-DD" in no_popups[-1] and page.model.total == 7  # nothing read with a bad date
    page.start.setText("")

    # A sync brings entries: the chain is verified again, and a broken one is marked at the top.
    with township.admin.db.writing() as s:
        s.execute(text("DROP TRIGGER audit_log_no_update"))  # someone holding the key, behind the app's back
        s.scalars(select(AuditEntry).where(AuditEntry.target == "grid2")).first().action = "login"
    window.worker.hub.publish(Changed(SYNCED, (), "synced", also=("accounts",)))
    settle()
    assert not page.check.ok and "哈希链校验失败" in page.chain.text()
    assert page.chain.styleSheet() == BROKEN_STYLE


def test_other_roles_have_no_audit_screen(window_for):
    window = window_for("platform")
    assert "audit" not in window.pages and window.desk is not None
