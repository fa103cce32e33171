"""三调联动 as the server checks it: a referral's step carries data the rules accept on the day it was taken,
and the matter's referral columns hold exactly what the step says (`sync.core.domain.linkage`).

The order (the result only after the referral, once) is the state machine's and `history` checks it like any
step; this module adds what only the referral steps carry.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sync.core.domain import linkage
from sync.core.domain.lifecycle import ACTION_LABELS, Action

from .authority import Refused

STEPS = (Action.RECEIVE_REFERRAL, Action.ANSWER_REFERRAL)


def check_step(action: Action, step: dict, matter: dict, taken_on: date) -> None:
    """A referral step's data on the day it was taken (the device's date, bounded by the server's time)."""
    if action == Action.RECEIVE_REFERRAL:
        problems = linkage.received_problems(step, taken_on)
    elif action == Action.ANSWER_REFERRAL:
        problems = linkage.answered_problems(
            step, matter.get("referral_received_on"), matter.get("outcome"), taken_on
        )
    else:
        return
    if problems:
        field, reason = problems[0]
        raise Refused(f"{ACTION_LABELS[action]}：{field}{reason}")


def wrong_columns(action: Action, step: dict, changes: dict[str, Any]) -> list[str]:
    """The referral columns an edit sets to other values than its step gives."""
    if action not in STEPS:
        return []
    given = linkage.columns("received" if action == Action.RECEIVE_REFERRAL else "answered", step)
    wrong = []
    for column, value in changes.items():
        if column not in given:
            continue
        expected = given[column]
        if isinstance(expected, date):
            expected = expected.isoformat()
        if (value if value not in ("", None) else None) != (expected if expected not in ("", None) else None):
            wrong.append(column)
    return wrong
