"""Masking of ID numbers and phones for screens, lists and exports (个人信息保护法: show only what is needed)."""

from __future__ import annotations


def mask_id(number: str | None) -> str:
    """110105199003070021 → 110105********0021; a 15-digit number keeps the same head and tail."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(number: str | None) -> str:
    """13812341234 → 138****1234; a landline keeps its area code and last four digits."""
    if not number:
        return ""
    if len(number) == 11 and number.startswith("1"):
        return number[:3] + "****" + number[-4:]
    if number.startswith("0") and len(number) >= 10:
        area = 3 if number[1] in "12" else 4
        return number[:area] + "*" * (len(number) - area - 4) + number[-4:]
    if len(number) <= 4:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]
