"""Forms that check as you go and keep what was typed: a field's error shows under it, nothing is cleared."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import Issue

from .common import issues_of, say, tr, user_message
from .plain import plain_label, warn


class FieldForm(QFormLayout):
    """A form layout whose rows have an error line each, found by the field's user-facing name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}

    def add(self, name: str, widget: QWidget) -> QWidget:
        error = plain_label()
        error.setStyleSheet("color: #B00020; font-size: 11px")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        layout.addWidget(error)
        self.addRow(name, box)
        self._errors[name] = error
        return widget

    def show_issues(self, issues: list[Issue]) -> list[Issue]:
        """Put each issue under its field; return those that belong to no field of this form."""
        self.clear_issues()
        rest = []
        for issue in issues:
            label = self._errors.get(issue.field)
            if label is None:
                rest.append(issue)
                continue
            colour = "#8A6D00" if issue.warning else "#B00020"
            label.setStyleSheet(f"color: {colour}; font-size: 11px")
            reason = say(issue.reason)
            label.setText(reason if not label.text() else f"{label.text()}；{reason}")
            label.show()
        return rest

    def clear_issues(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()


class FormDialog(QDialog):
    """A dialog around a FieldForm. A failed save is shown under the fields it concerns, or in a message box
    when no field fits; nothing the user typed is cleared."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = FieldForm()
        self.saved_id: str | None = None
        self.last_error: Exception | None = None
        self.failure_title = tr("无法保存")

    def make_buttons(self, on_ok, ok_text: str | None = None) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if ok_text:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(ok_text)
        buttons.accepted.connect(on_ok)
        buttons.rejected.connect(self.reject)
        return buttons

    def lay_out(self, on_ok, ok_text: str | None = None) -> None:
        """The plain arrangement: the form, then the buttons."""
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.make_buttons(on_ok, ok_text))

    def saved(self, changed) -> None:
        self.saved_id = changed.id
        self.accept()

    def show_failure(self, error: Exception) -> None:
        self.last_error = error
        issues = issues_of(error)
        rest = self.form.show_issues(issues)
        if rest or not issues:
            warn(self, self.failure_title, "\n".join(str(i) for i in rest) or user_message(error))
