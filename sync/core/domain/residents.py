"""Rules for a resident's record: what must be there, what is normalised, what only deserves a warning."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sync.core.domain.messages import msg

from . import idnumber, phone
from .issues import Issue
from .text import check_name, normalise_name

SEXES = ("男", "女")
RELATIONS = ("户主", "配偶", "子", "女", "父母", "祖父母", "孙子女", "兄弟姐妹", "儿媳", "女婿", "其他")
SENSITIVE_TAGS = frozenset({"特殊人群", "社区矫正", "刑满释放", "精神障碍", "吸毒人员", "重病", "残疾"})


KEY_PERSON = "重点人员"  # the tag of a resident watched for 稳控 (desktop.services.key_persons)


@dataclass
class PersonFields:
    name: str = ""
    sex: str = ""
    ethnicity: str = ""
    id_number: str = ""
    mobile: str = ""
    relation: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class CheckedPerson:
    fields: PersonFields  # normalised
    birth_date: date | None
    errors: list[Issue]
    warnings: list[Issue]


def check_person(raw: PersonFields, today: date | None = None) -> CheckedPerson:
    """Check and normalise what was typed or imported. Nothing is dropped: errors say what to fix."""
    today = today or date.today()
    errors, warnings = list(check_name(raw.name)), []
    out = PersonFields(
        name=normalise_name(raw.name),
        sex=(raw.sex or "").strip(),
        ethnicity=(raw.ethnicity or "").strip(),
        relation=(raw.relation or "").strip(),
        tags=list(raw.tags or []),
        note=(raw.note or "").strip(),
    )
    birth = None
    if (raw.id_number or "").strip():
        result = idnumber.check(raw.id_number, today=today)
        out.id_number = result.normalized
        errors += result.errors
        warnings += result.warnings
        birth = result.birth_date
        if result.ok and out.sex and out.sex != result.sex:
            warnings.append(
                Issue(msg("性别"), msg("填写为“{0}”，身份证号显示为“{1}”", out.sex, result.sex), warning=True)
            )
        if result.ok and not out.sex:
            out.sex = result.sex or ""
    if out.sex and out.sex not in SEXES:
        errors.append(Issue(msg("性别"), msg("应为“男”或“女”，而不是“{0}”", out.sex)))
    if (raw.mobile or "").strip():
        checked = phone.check(raw.mobile)
        out.mobile = checked.normalized
        errors += checked.errors
        warnings += checked.warnings
    if birth and idnumber.age_on(birth, today) < 14:
        out.tags = sorted(set(out.tags) | {"未成年人(14岁以下)"})
    return CheckedPerson(out, birth, errors, warnings)
