"""Words that come from data, not code (statuses, steps, roles, form fields), translated in one context.

Qt's lupdate only finds literal strings, so `resources/i18n/update.py` collects these words from where they
live (sync.core.domain and the forms) into the "labels" context of the .ts files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "labels"


def label(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else text
