"""Messages for the user that can be said in any language: the Chinese text, and the template it came from.

A use case refuses with `msg("找不到文件 {0}", name)`: it reads as the Chinese sentence everywhere (logs, the
command line, tests), and the window translates the template (`resources/i18n`, context "messages") and fills
in the same values, so the English interface never shows a Chinese refusal.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """A str with the template and values it was made from."""

    template: str
    values: tuple[object, ...]

    def __new__(cls, template: str, *values: object) -> Message:
        made = super().__new__(cls, template.format(*values) if values else template)
        made.template, made.values = template, values
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, *self.values))


def msg(template: str, *values: object) -> Message:
    return Message(template, *values)
