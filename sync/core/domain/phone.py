"""Phone numbers: mobiles (1[3-9] and nine digits) and landlines with an area code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sync.core.domain.messages import msg

from .issues import Issue
from .text import to_half_width

# Three-digit mobile prefixes in use; anything else that looks like a mobile is only a warning.
KNOWN_MOBILE_PREFIXES = frozenset(
    [str(p) for p in range(130, 140)]
    + ["145", "146", "147", "148", "149"]
    + [str(p) for p in range(150, 160) if p != 154]
    + ["162", "165", "166", "167", "170", "171", "172", "173", "175", "176", "177", "178"]
    + [str(p) for p in range(180, 190)]
    + ["190", "191", "192", "193", "195", "196", "197", "198", "199"]
)

FIELD = msg("手机号")


@dataclass
class PhoneCheck:
    raw: str
    normalized: str
    kind: str | None = None  # "mobile" / "landline"
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def issues(self) -> list[Issue]:
        return self.errors + self.warnings


def normalise(raw: str) -> str:
    value = re.sub(r"[\s\-()（）]", "", to_half_width(raw or ""))
    if value.startswith("+86"):
        value = value[3:]
    elif value.startswith("0086"):
        value = value[4:]
    return value


def check(raw: str | None, *, field_name: str = FIELD) -> PhoneCheck:
    value = normalise(raw or "")
    result = PhoneCheck(raw=raw or "", normalized=value)
    if not value:
        result.errors.append(Issue(field_name, msg("不能为空")))
    elif re.fullmatch(r"1[3-9]\d{9}", value):
        result.kind = "mobile"
        if value[:3] not in KNOWN_MOBILE_PREFIXES:
            result.warnings.append(Issue(field_name, msg("号段{0}不常见，请核对", value[:3]), warning=True))
    elif re.fullmatch(r"0[1-9]\d{1,2}\d{7,8}", value) and 10 <= len(value) <= 12:
        result.kind = "landline"
    elif value.isdigit() and value.startswith("1"):
        result.errors.append(Issue(field_name, msg("手机号应为11位、以13–19开头，这里是{0}位", len(value))))
    else:
        result.errors.append(Issue(field_name, msg("不是有效的手机号或带区号的固定电话")))
    return result
