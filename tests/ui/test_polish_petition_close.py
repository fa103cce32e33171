"""办结 of a 信访事项 (书面答复) offers the petition outcomes only; a dispute's close keeps its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.services import steps
from sync.core.domain.lifecycle import OUTCOME_LABELS, PETITION_OUTCOME_LABELS, Action
from tests.services.test_matters import report

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _outcomes(window, m, settle):
    window.go("ledger")
    view = window.ledger.view
    view.show_matter(m)
    settle()
    dialog = view.open_action(Action.CLOSE)
    combo = dialog.widgets["outcome"][1]
    return dialog, [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_a_petitions_close_offers_the_petition_outcomes_only(township, clock, window_for, settle):
    t = township
    p, med = t.login("platform"), t.login("mediator")
    petition, dispute = report(t, kind="petition", source="信访来访"), report(t)
    clock.now = datetime(2026, 12, 1, 10, 0)
    for m in (petition, dispute):
        steps.register(p, m, 2, category="劳动争议")
        steps.dispatch(p, m, f"org:{t.team}")
        steps.accept(med, m)
    window = window_for("mediator")
    dialog, offered = _outcomes(window, petition, settle)
    assert offered == [(str(k), v) for k, v in PETITION_OUTCOME_LABELS.items()]
    assert "调解成功" not in [text for _, text in offered]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "polish_petition_close.png"))
    dialog.close()
    _, offered = _outcomes(window, dispute, settle)
    assert offered == [(str(k), v) for k, v in OUTCOME_LABELS.items()]
