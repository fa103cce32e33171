"""Forms that check as you go and keep what was typed: a field's error shows under it, nothing is cleared."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import Issue

from .common import issues_of, say, tr, user_message
from .plain import ask, plain_label, warn


def typed(dialog: QWidget) -> list:
    """What a form holds as the person left it: every field's value, in the order the fields were made."""
    values: list = []
    for w in dialog.findChildren(QWidget):
        if isinstance(w, QLineEdit) and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            values.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            values.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            values.append(w.currentText())
        elif isinstance(w, QDateTimeEdit):
            values.append(w.dateTime().toString())
        elif isinstance(w, QAbstractSpinBox):
            values.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            values.append(w.isChecked())
        elif isinstance(w, QTableWidget):
            values.append(
                [w.item(r, c).text() if w.item(r, c) else "" for r in range(w.rowCount()) for c in range(2)]
            )
    return values


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

    def also_named(self, name: str, *others: str) -> None:
        """Issues naming the field by any of `others` (a form row that stands for several, as the court's
        案号 or the police's 接警编号) go under it too."""
        for other in others:
            self._errors[other] = self._errors[name]

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
        # A form that asks before Cancel or Esc throws away what was typed into it (report, visit, household,
        # resident); its values when it was first shown are what "nothing typed" means.
        self.ask_before_discarding = False
        self._as_opened: list | None = None

    def showEvent(self, event) -> None:
        if self._as_opened is None:
            self._as_opened = typed(self)
        super().showEvent(event)

    def filled_in(self) -> None:
        """The record a form edits has arrived and is in its fields: that is "nothing typed" now."""
        self._as_opened = typed(self)

    def changed_since_opened(self) -> bool:
        return self._as_opened is not None and typed(self) != self._as_opened

    def discard(self) -> None:
        """Closed without asking (a screenshot's form, a window closing for good)."""
        super().reject()

    def reject(self) -> None:
        if self.ask_before_discarding and self.result() == 0 and self.changed_since_opened():
            answer = ask(
                self,
                tr("放弃填写"),
                tr("表单里已填写的内容还没有保存。放弃这些内容并关闭吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

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
