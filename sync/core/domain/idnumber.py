"""Resident ID numbers (GB 11643): normalise, check, and read sex and birth date from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sync.core.domain.messages import msg

from .issues import Issue
from .text import squeeze

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# Province-level prefixes of the administrative division code. A full county list changes every year
# (codes are retired), so an unknown prefix is only ever a warning.
PROVINCE_PREFIXES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)

FIELD = msg("身份证号")


@dataclass
class IdCheck:
    """The result of checking one ID number: the normalised form, and what was found."""

    raw: str
    normalized: str
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    sex: str | None = None  # "男" / "女"
    birth_date: date | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def issues(self) -> list[Issue]:
        return self.errors + self.warnings


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalise(raw: str) -> str:
    return squeeze(raw or "").upper()


def _birth(text: str, today: date) -> tuple[date | None, str | None]:
    try:
        born = date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None, f"出生日期{text}不是真实日期"
    if born > today:
        return None, f"出生日期{born.isoformat()}在未来"
    if born.year < 1880:
        return None, f"出生日期{born.isoformat()}过早"
    return born, None


def check(raw: str | None, *, today: date | None = None, field_name: str = FIELD) -> IdCheck:
    today = today or date.today()
    value = normalise(raw or "")
    result = IdCheck(raw=raw or "", normalized=value)

    def error(reason: str) -> IdCheck:
        result.errors.append(Issue(field_name, reason))
        return result

    if not value:
        return error(msg("不能为空"))
    if len(value) == 18:
        if not re.fullmatch(r"\d{17}[\dX]", value):
            return error(msg("应为17位数字加1位数字或X"))
        born, problem = _birth(value[6:14], today)
        if problem:
            return error(problem)
        expected = check_digit(value[:17])
        if value[17] != expected:
            return error(msg("校验位不符（应为{0}）", expected))
        sex_digit = int(value[16])
    elif len(value) == 15:
        if not value.isdigit():
            return error(msg("15位旧号码应全为数字"))
        born, problem = _birth("19" + value[6:12], today)
        if problem:
            return error(problem)
        result.warnings.append(
            Issue(field_name, msg("15位旧号码，无校验位，请尽量换用18位号码"), warning=True)
        )
        sex_digit = int(value[14])
    else:
        return error(msg("长度为{0}位，应为18位", len(value)))
    if value[:2] not in PROVINCE_PREFIXES:
        result.warnings.append(Issue(field_name, msg("地址码{0}不在已知区划内", value[:6]), warning=True))
    result.birth_date = born
    result.sex = "男" if sex_digit % 2 else "女"
    return result


def make(address: str, born: date, order: int, sex: str) -> str:
    """Build a valid 18-character number (demo data and tests). order is 0–499; sex sets its parity."""
    seq = order * 2 + (1 if sex == "男" else 0)
    first17 = f"{address}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
