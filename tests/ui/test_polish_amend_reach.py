"""The 变更协议… button on the matter's 调解与协议 tab is in sight at 1366×768 and 125 % (a 1093×614 window)
without scrolling, however long the agreements grow (it sat half below a grown panel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services import steps
from tests.services.test_agreement_versions import _signed
from tests.services.test_step_rules import handling

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
# what 1366×768 at 125 % and 150 % leaves a window, in its own pixels
ROOMS = {"125": (1366 * 4 // 5, 768 * 4 // 5), "150": (1366 * 2 // 3, 768 * 2 // 3)}


@pytest.mark.parametrize("scale", sorted(ROOMS))
def test_the_amend_button_is_in_sight_on_a_small_screen(township, window_for, settle, scale):
    t = township
    m = handling(t)
    g = t.login("grid1")
    steps.record_agreement(g, m, _signed("李四拆除越界部分，并赔偿围墙修缮费用" * 3, date(2026, 12, 1)))
    window = window_for("platform")
    window.resize(*ROOMS[scale])
    window.go("ledger")
    view = window.ledger.view
    view.show_matter(m)
    settle()
    view.tabs.setCurrentIndex(2)  # 调解与协议
    settle()
    assert view.amend.isVisible()
    seen = view.amend.visibleRegion().boundingRect()
    assert seen == view.amend.rect(), f"only {seen} of {view.amend.rect()} is in sight"
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / f"polish_amend_reach_{scale}.png"))
