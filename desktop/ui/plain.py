"""Data reaches the screen as text, never as markup.

A title, a name or an address came from someone else's laptop: if Qt guessed it was rich text, `<b>` would
turn bold, `<a href=...>` would become a live link and `<img src="file:///...">` would load a local file. Qt
guesses for every QLabel, message box and tooltip (Qt.AutoText), so every label here is set to plain text, and
a view that is deliberately rich (the matter's summary and tabs) escapes every value with `escaped` before it
is put in the HTML. The screens use only these helpers for that, so one place decides it.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escaped(value) -> str:
    """A value to put inside HTML we build: its markup made literal, its line breaks kept."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True).replace("\n", "<br>")


def plain(label: QLabel) -> QLabel:
    """This label shows its text as written, whatever it holds."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return plain(QLabel(text, parent))


def as_text(text: str) -> str:
    """Text for a place where Qt guesses (a message box, a tooltip): unchanged when Qt would show it as
    written anyway, else as HTML that shows every character literally. Message boxes keep their static calls
    this way."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, as_text(text))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, as_text(text))


def ask(parent: QWidget | None, title: str, text: str, *args) -> QMessageBox.StandardButton:
    return QMessageBox.question(parent, title, as_text(text), *args)
