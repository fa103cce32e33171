"""A finding about one field of user input: an error that blocks saving, or a warning that does not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    field: str
    reason: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.field}：{self.reason}"


class ValidationFailed(ValueError):
    """Raised with every error found, so a form can show them all at once and keep what was typed."""

    def __init__(self, issues: list[Issue]):
        self.issues = [i for i in issues if not i.warning]
        super().__init__("；".join(str(i) for i in self.issues))
