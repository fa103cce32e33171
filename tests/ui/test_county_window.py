"""The window review's leftovers for the county tier (real widgets offscreen): 提级 is visible (greyed, with
the step that opens it) before 签收 and its dialog says where the matter goes and what the township keeps."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton

from desktop.services import choices, steps
from desktop.ui.actions import ActionDialog
from desktop.ui.main_window import MainWindow
from sync.core.domain.lifecycle import Action
from tests.services.test_matters import report


def shot(widget, name):
    """For a person to look at: FENGQIAO_SCREENSHOT_DIR names the folder."""
    folder = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def _window(ws, qtbot, worker, settle):
    window = MainWindow(ws, worker, choices.places(ws))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    return window


def test_escalate_shows_before_accept_and_says_where_it_goes(township, qtbot, worker, settle):
    t = township
    matter = report(t)
    p = t.login("platform")
    steps.register(p, matter, 1, category="邻里")
    steps.dispatch(p, matter, f"org:{t.committee}")

    # the village's handler, before 签收: 提级 is there, greyed, saying 签收 opens it and where it goes
    grid = _window(t.login("grid1"), qtbot, worker, settle)
    dialog = grid.open_matter(matter)
    dialog.resize(1100, 700)
    settle()
    view = dialog.view
    assert Action.ACCEPT in view.action_buttons and Action.ESCALATE not in view.action_buttons
    later = view.findChild(QPushButton, "escalateLater")
    assert later is not None and not later.isEnabled() and later.isVisible()
    assert later.toolTip() == "须先签收，之后可提级报送镇级"
    dialog.close()

    # at the township, dispatched to the platform itself: 提级 goes to the county's 综治中心
    steps.accept(t.login("grid1"), matter)
    steps.escalate(t.login("grid1"), matter, "村级三次调解未成")
    steps.dispatch(p, matter, f"account:{t.accounts['platform']}")
    office = _window(p, qtbot, worker, settle)
    dialog = office.open_matter(matter)
    dialog.resize(1100, 700)
    settle()
    later = dialog.view.findChild(QPushButton, "escalateLater")
    assert later is not None and later.toolTip() == "须先签收，之后可提级报送县级"
    shot(dialog, "escalate_before_accept.png")
    steps.accept(p, matter)
    dialog.view.show_matter(matter)
    settle()
    assert dialog.view.findChild(QPushButton, "escalateLater") is None  # open now: the real button only
    dialog.view.action_buttons[Action.ESCALATE].click()
    escalate = next(d for d in dialog.view.findChildren(ActionDialog) if d.isVisible())
    note = escalate.findChild(QLabel, "escalateNote")
    assert note is not None and note.isVisible()
    assert "县级（县综治中心）" in note.text() and "只读" in note.text()
    shot(escalate, "escalate_dialog.png")
    escalate.discard()
    dialog.close()
