"""The 统计 page with closed months: it says how each rate is counted, the platform office closes a month from
it (button, confirm), a closed month shows its figures as published, and the open month the adjustments."""

import re
from datetime import date, datetime

from PySide6.QtWidgets import QMessageBox

from desktop.services import steps
from tests.services.test_matters import report

# What Qt's PDF writer stamps on every file it makes (its time and a new document id); the rest is the report.
STAMPS = re.compile(
    rb"(/CreationDate|/ModDate) \(D:\d+Z\)|xmp:\w+Date=\"[^\"]*\"|uuid:[0-9a-f-]{36}|/ID \[[^\]]*\]"
)


def pdf_content(path) -> bytes:
    return STAMPS.sub(b"", path.read_bytes())


def test_the_platform_closes_november_from_the_page_and_december_shows_the_adjustment(
    township, clock, window_for, settle, no_popups, monkeypatch, tmp_path
):
    t = township
    p = t.login("platform")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(t.login("grid1"), m)
    steps.close(t.login("grid1"), m, "resolved")
    steps.check_closure(p, m)
    clock.now = datetime(2026, 12, 1, 9, 0)
    window = window_for("platform")
    window.go("stats")
    page = window.stack.currentWidget()
    page.period.setCurrentIndex(page.period.findData("-11"))
    settle()
    assert "按期办结率＝本期办结的事项中，在办结时有效的办理时限内办结的比例" in page.rules.text()
    header = page.table.horizontalHeaderItem(9)
    assert header.text().replace("\n", "") == "按期办结率" and "办结时有效的办理时限" in header.toolTip()
    assert page.close_month.isVisible() and page.close_month.isEnabled()
    shown = [(page.units[0].name, page.units[0].counts.follow_ups)]

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    page.close_month.click()
    settle()
    settle()
    # the period as Chinese names it, never 2026-11
    assert "月结 2026年11月 后" in asked[0] and no_popups[:1] == ["2026年11月 的考核数据已发布"]
    assert (
        page.stamp.isVisible()
        and page.stamp.text() == "本期已月结：钱平台于2026年12月1日 09:00发布，以下为发布时的数据。"
    )
    assert "sha256" not in page.stamp.text() and "sha256:" in page.stamp.toolTip()
    assert not page.close_month.isEnabled()
    page.export_to(str(tmp_path / "before.pdf"))
    settle()

    steps.follow_up(t.login("supervisor"), m, steps.FollowUpInput(date(2026, 11, 30), "满意"))
    page.refresh()
    settle()
    assert [(u.name, u.counts.follow_ups) for u in page.units] == shown  # November as published
    page.export_to(str(tmp_path / "after.pdf"))
    settle()
    assert pdf_content(tmp_path / "after.pdf") == pdf_content(tmp_path / "before.pdf")
    assert (tmp_path / "after.pdf").stat().st_size > 1000
    page.period.setCurrentIndex(page.period.findData("-12"))
    settle()
    assert page.adjusted.isVisible() and "对2026年11月的调整　东村：回访+1，满意+1" in page.adjusted.text()
    assert not page.close_month.isEnabled()  # December is not over


def test_only_the_platform_office_sees_the_close_button(township, window_for, settle):
    for who in ("leader", "grid1"):
        window = window_for(who)
        window.go("stats")
        assert not window.stack.currentWidget().close_month.isVisibleTo(window)
