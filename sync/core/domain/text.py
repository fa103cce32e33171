"""Normalising what people type: full-width characters, stray spaces, and name rules."""

from __future__ import annotations

import re

from sync.core.domain.messages import msg

from .issues import Issue

_FULL_WIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＸｘＸ＋－（）"}
_FULL_WIDTH[0x3000] = ord(" ")


def to_half_width(text: str) -> str:
    """Full-width digits, X, plus, minus, brackets and the ideographic space become their ASCII forms."""
    return text.translate(_FULL_WIDTH)


def squeeze(text: str) -> str:
    """Drop every kind of space, inside or around: people type ID numbers in groups."""
    return "".join(to_half_width(text).split())


def check_name(name: str | None, field: str = msg("姓名")) -> list[Issue]:
    """1–50 characters; minority names may use the middle dot ·, which we accept in its common forms."""
    value = (name or "").strip()
    if not value:
        return [Issue(field, msg("不能为空"))]
    if len(value) > 50:
        return [Issue(field, msg("长度为{0}个字符，最多50个", len(value)))]
    if any(ch.isdigit() for ch in value):
        return [Issue(field, msg("不能包含数字"))]
    return []


def check_place_name(name: str | None, field: str) -> list[Issue]:
    """A place's or a unit's name: 1–50 characters, digits allowed (第1网格, 红星1组, 110指挥中心)."""
    value = (name or "").strip()
    if not value:
        return [Issue(field, msg("不能为空"))]
    if len(value) > 50:
        return [Issue(field, msg("长度为{0}个字符，最多50个", len(value)))]
    return []


def normalise_name(name: str) -> str:
    """Unify the dot variants (・ ‧ • .) used in minority names to the standard middle dot."""
    value = " ".join((name or "").split())
    for dot in ("・", "‧", "•", "．", "▪"):
        value = value.replace(dot, "·")
    return value


def _bigrams(text: str) -> set[str]:
    chars = "".join(ch for ch in to_half_width(text) if ch.isalnum())
    return {chars[i : i + 2] for i in range(len(chars) - 1)} or ({chars} if chars else set())


def similarity(a: str, b: str) -> float:
    """How alike two short Chinese texts are: the share of character pairs they have in common (0 to 1). Word
    boundaries mean little in Chinese; pairs of characters catch "宅基地边界纠纷" and "宅基地界址争议"
    alike."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / len(x | y) if x and y else 0.0


# What XML 1.0 (and so .xlsx and .docx) cannot hold: C0 control characters other than tab, line feed and
# carriage return. A vertical tab is how Word's manual line break arrives when pasted.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(text: str) -> str:
    """Text an office file can hold: a control character it cannot becomes a space (one bad title must not
    stop the township's ledger or a paper being written)."""
    return _NOT_IN_XML.sub(" ", text)
