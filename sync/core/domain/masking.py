"""Masking of ID numbers and phones for screens, lists and exports (个人信息保护法: show only what is needed).

Which fields are masked, and how, is decided here (`MASKS`); the store's lists ask `shown` for each field they
show, so a new masked field is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable


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


# A person's identifying numbers, by the field that holds them: shown masked wherever seeing them whole is not
# needed. A field not named here is shown as it is.
MASKS: dict[str, Callable[[str | None], str]] = {
    "id_number": mask_id,
    "mobile": mask_phone,
    "phone": mask_phone,
}


def shown(field: str, value: str | None, *, whole: bool = False) -> str:
    """A field's value as shown: masked if the rule masks the field, unless `whole` (the person may see it
    whole and asked to, e.g. an export marked unmasked); empty as ""."""
    mask = MASKS.get(field)
    if mask is None or whole:
        return value or ""
    return mask(value)
