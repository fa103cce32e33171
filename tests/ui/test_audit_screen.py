"""The auditor (审计员) signs in to a window without an error and lands on the audit trail: the chain's
verdict at the top, filters, a paged list; after a sync the chain is checked again and a broken one is
marked."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select, text

from desktop.services import steps
from desktop.services.context import Changed
from desktop.store.models import AuditEntry
from desktop.ui.audit import BROKEN_STYLE, AuditPage
from desktop.ui.hub import SYNCED
from tests.services.test_matters import report


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
    assert {page.model.item(r, 4).text() for r in range(7)} >= {"王网格（grid1）", "吴审计（auditor）"}
    assert {page.model.item(r, 3).text() for r in range(7)} == {"新增账号"}
    assert page.model.item(0, 2).text() == "管理员（admin）"
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


def test_the_trail_reads_as_an_auditor_reads_it_with_the_raw_entry_behind_a_toggle(
    township, window_for, settle, tmp_path
):
    t = township
    p = t.login("platform")
    matter = report(t)
    steps.register(p, matter, 1, category="邻里")
    steps.dispatch(p, matter, f"org:{t.committee}")
    window = window_for("auditor")
    window.resize(1400, 700)
    window.show()
    page = window.stack.currentWidget()
    settle()
    header = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert header == ["序号", "时间", "操作人", "操作", "对象", "变更", "设备"]
    login = [page.model.item(0, c).text() for c in (2, 3)]
    assert login == ["吴审计（auditor）", "登录"]  # the auditor's own sign-in, newest
    first = [page.model.item(1, c).text() for c in range(page.model.columnCount())]
    assert first[2:6] == ["钱平台（platform）", "交办", first[4], "状态: 待交办 → 待签收"]
    assert first[4].startswith("向城-2026-") and first[4].endswith("宅基地边界争议")
    shown = "\n".join(page.model.item(r, c).text() for r in range(page.model.rowCount()) for c in range(2, 6))
    assert "{" not in shown and matter not in shown  # no JSON, no ids
    assert not page.raw.isVisible()
    page.table.setCurrentIndex(page.model.index(1, 0))
    page.details.setChecked(True)
    settle()
    assert page.raw.isVisible()
    raw = page.raw.toPlainText()
    assert (
        "action: matter.dispatched" in raw and f"target: {matter}" in raw and '"status": "dispatched"' in raw
    )
    window.grab().save(str(tmp_path / "audit.png"))
    shot = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if shot:  # for a person to look at (the helper's report names the file)
        window.grab().save(str(Path(shot) / "audit_screen.png"))
    page.details.setChecked(False)
    assert not page.raw.isVisible()


def test_other_roles_have_no_audit_screen(window_for):
    window = window_for("platform")
    assert "audit" not in window.pages and window.desk is not None
