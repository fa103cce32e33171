"""Forms that check as you go and keep what was typed: a field's error appears under it, nothing is cleared."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.services.errors import Issue


class FieldForm(QFormLayout):
    """A form layout whose rows have an error line each, found by the field's user-facing name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}

    def add(self, name: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setStyleSheet("color: #B00020; font-size: 11px")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        from PySide6.QtWidgets import QVBoxLayout

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
            label.setText(issue.reason if not label.text() else f"{label.text()}；{issue.reason}")
            label.show()
        return rest

    def clear_issues(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
