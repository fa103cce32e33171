"""Words that come from data rather than code (statuses, steps, roles, form fields), translated in one context.

Qt's lupdate only finds literal strings, so `resources/i18n/update.py` adds every text listed by
`all_labels()` to the "labels" context of the .ts files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "labels"


def label(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else text


def all_labels() -> set[str]:
    from desktop.domain import deadlines, lifecycle, risk, roles, scope
    from desktop.services.matters import SIGNALS
    from desktop.services.steps import SATISFACTION, SESSION_KINDS

    from .actions import GRADES, RISKS, fields_for
    from .settings import LANGUAGES
    from .visits import PURPOSES

    texts: set[str] = set()
    for table in (lifecycle.STATUS_LABELS, lifecycle.ACTION_LABELS, lifecycle.LEVEL_LABELS, lifecycle.OUTCOME_LABELS,
                  lifecycle.SESSION_OUTCOME_LABELS, risk.RISK_LABELS, roles.ROLE_LABELS, deadlines.COLOUR_LABELS,
                  scope.SCOPE_LABELS, roles.PERMISSION_LABELS, SIGNALS):  # fmt: skip
        texts |= {v for v in table.values() if v}
    texts |= (
        {g for _, g in GRADES}
        | {r for _, r in RISKS}
        | set(SATISFACTION)
        | set(SESSION_KINDS)
        | set(PURPOSES)
    )
    texts |= {name for _, name in LANGUAGES}

    class NoPlaces:
        categories: dict = {}
        orgs = people = ()

    for action in lifecycle.Action:
        if action == lifecycle.Action.REPORT:
            continue
        for f in fields_for(action, NoPlaces):
            texts.add(f.label)
            texts |= {text for _, text in f.choices if isinstance(text, str)}
    return texts
