"""The 人民调解委员会 that seals a matter's agreement, and its 调解文书号.

An agreement is sealed by the committee of the unit that mediated it, never by the unit itself: a matter
mediated in a village by "东村村委会" is sealed "东村人民调解委员会（印）". A unit may name its committee
(`Org.committee_name`); otherwise the name is made from the unit's ("X村委会" → "X村人民调解委员会"),
and a matter mediated at the township is sealed by the township's committee (the template
`township_committee`).

The 调解文书号 "（2026）芒新调字第1号" is the committee's own count for the year: the year, the short name
(township and unit, their first characters unless the unit gives `Org.short_name`), and the
next number of that committee's year. It is given once, when the agreement is signed or first printed,
and never changed (the township server refuses a change); the ledger's serial stays the ledger's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import Agreement, Division, Matter, Org
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission
from sync.core.domain.text import check_place_name

from .context import Changed, Workspace
from .documents.templates import checked_templates, fill
from .errors import NotFound, ValidationFailed

# The endings of a village or community committee's name, and what its 人民调解委员会 keeps of it.
_UNIT_ENDINGS = (("村民委员会", "村"), ("居民委员会", ""), ("村委会", "村"), ("居委会", ""), ("社区", "社区"))
_NUMBER = re.compile(r"第(\d+)号$")


def committee_from_unit(unit: str) -> str:
    """ "东村村委会" → "东村人民调解委员会"; "新华社区居委会" → "新华社区人民调解委员会"."""
    name = unit.strip()
    for ending, keep in _UNIT_ENDINGS:
        if name.endswith(ending):
            base = name[: -len(ending)]
            if keep and not base.endswith(keep):
                base += keep
            return f"{base}人民调解委员会"
    return name if name.endswith("人民调解委员会") else f"{name}人民调解委员会"


@dataclass(frozen=True)
class Committee:
    name: str  # 东村人民调解委员会
    short: str  # 芒东: the short name in its 调解文书号


def _first(name: str) -> str:
    return name.strip()[:1]


def committee_of(s: Session, matter: Matter) -> Committee:
    """The committee that mediated the matter: the handling unit's when it is one with a committee name, the
    village committee's for a matter mediated in the village, else the township's."""
    wording, _ = checked_templates(s)
    township = s.scalar(select(Division).where(Division.level == "township"))
    township_name = township.name if township else ""
    village = s.get(Division, matter.village_id) if matter.village_id else None
    village_name = village.name if village else ""
    values = {"township": township_name, "village": village_name}
    org = None
    kind, _, ident = (matter.handler or "").partition(":")
    if kind == "org" and ident:
        handling = s.get(Org, ident)
        if handling is not None and not handling.deleted and handling.committee_name:
            org = handling
    if org is None and matter.level == "village" and matter.village_id:  # mediated in the village
        org = s.scalar(
            select(Org).where(
                Org.kind == "village_committee", Org.village_id == matter.village_id, Org.deleted.is_(False)
            )
        )
        if org is None:  # a village with no committee recorded: the template's name
            return Committee(fill(wording["committee"], values), _first(township_name) + _first(village_name))
    if org is None:
        return Committee(fill(wording["township_committee"], values), _first(township_name))
    name = org.committee_name or committee_from_unit(org.name)
    unit = village_name or org.name
    return Committee(name, org.short_name or _first(township_name) + _first(unit))


def number_prefix(committee: Committee, year: int) -> str:
    return f"（{year}）{committee.short}调字第"


def next_number(s: Session, committee: Committee, year: int) -> str:
    """The committee's next 调解文书号 this year: one more than the highest it has given."""
    prefix = number_prefix(committee, year)
    given = s.scalars(select(Agreement.doc_no).where(Agreement.doc_no.startswith(prefix, autoescape=True)))
    highest = max((int(m.group(1)) for n in given if n and (m := _NUMBER.search(n))), default=0)
    return f"{prefix}{highest + 1}号"


def give_number(s: Session, matter: Matter, agreement: Agreement, year: int) -> str:
    """The agreement's 调解文书号, given now if it has none (a written agreement only); fixed once given."""
    if not agreement.doc_no and agreement.form == "written":
        agreement.doc_no = next_number(s, committee_of(s, matter), year)
    return agreement.doc_no or ""


def name_committee(ws: Workspace, org_id: str, committee_name: str = "", short_name: str = "") -> Changed:
    """The unit's 人民调解委员会 as its agreements are sealed, and its short name in the 调解文书号; empty for
    the defaults (made from the unit's name and the township's)."""
    ws.require(Permission.CONFIGURE)
    committee_name, short_name = (committee_name or "").strip(), (short_name or "").strip()
    issues = check_place_name(committee_name, msg("调解委员会名称")) if committee_name else []
    if len(short_name) > 10:
        issues.append(Issue(msg("文书号简称"), msg("最多{0}个字符", 10)))
    elif short_name and not short_name.isalnum():  # it stands in "（2026）芒新调字第1号"
        issues.append(Issue(msg("文书号简称"), msg("只能用汉字、字母或数字")))
    if issues:
        raise ValidationFailed(issues)
    with ws.tx("org.committee", org_id) as tx:
        org = tx.session.get(Org, org_id)
        if org is None or org.deleted:
            raise NotFound(msg("找不到该单位"))
        org.committee_name, org.short_name = committee_name or None, short_name or None
    return Changed("orgs", (org_id,), "edit")


def committee_names(ws: Workspace) -> dict[str, tuple[str, str]]:
    """Every unit's committee as its papers name it: org id → (committee name, short name in the number)."""
    with ws.read() as s:
        township = s.scalar(select(Division).where(Division.level == "township"))
        first = _first(township.name if township else "")
        found = {}
        for org in s.scalars(select(Org).where(Org.deleted.is_(False))):
            village = s.get(Division, org.village_id) if org.village_id else None
            unit = village.name if village else org.name
            found[org.id] = (
                org.committee_name or committee_from_unit(org.name),
                org.short_name or first + _first(unit),
            )
        return found
