"""What a paper is assembled from: everything about one matter that a paper may print, read once (`Records`),
each party's particulars as the agreement names them, the dates as papers write them, and the refusal that
names the items the law or the form needs when the records do not hold them yet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Account,
    Agreement,
    Attachment,
    Division,
    Event,
    FollowUp,
    Grid,
    Household,
    Investigation,
    Matter,
    MediationSession,
    Party,
    Person,
)
from sync.core.domain import idnumber
from sync.core.domain.deadlines import COLOUR_LABELS
from sync.core.domain.lifecycle import TIMED_STATUSES, Action, Status
from sync.core.domain.messages import msg

from .. import committees, matters
from ..context import Workspace, name_of
from ..document_layout import zh
from ..errors import NotFound, ServiceError
from .templates import checked_templates, fill

TITLES = {
    "agreement": "人民调解协议书",
    "oral": "口头调解协议登记表",
    "record": "人民调解笔录",
    "dispatch": "矛盾纠纷交办单",
    "supervision": "矛盾纠纷督办单",
    "followup": "矛盾纠纷回访记录",
    "dossier": "矛盾纠纷调处卷宗",
}
CLOSED = frozenset({Status.CLOSED, Status.CHECKED, Status.EVALUATED})


class MissingItems(ServiceError):
    """The paper cannot be made: the law or the form needs these items, which the records do not hold yet."""

    def __init__(self, title: str, items: list[str]):
        self.title, self.items = title, items
        super().__init__(msg("无法生成{0}，缺少：{1}", title, "、".join(items)))


def refuse_if(title: str, items: list[str]) -> None:
    if items:
        raise MissingItems(title, items)


def day(value: date | datetime | None) -> str:
    return f"{value:%Y年%m月%d日}" if value else ""


def minute(value: datetime | None) -> str:
    return f"{value:%Y年%m月%d日 %H:%M}" if value else ""


@dataclass(frozen=True)
class Particulars:
    """A party as the agreement names it: from the party record, its resident, and the ID number."""

    name: str
    role: str
    kind: str
    sex: str
    age: str
    ethnicity: str
    occupation: str
    address: str
    id_number: str
    phone: str

    def missing(self) -> list[str]:
        """What 人民调解法 第二十九条 wants of a party that the records lack: a person's particulars, or an
        organisation's seat."""
        if self.kind == "org":
            wanted = {"住所": self.address}
        else:
            wanted = {
                "性别": self.sex,
                "年龄": self.age,
                "民族": self.ethnicity,
                "职业或工作单位": self.occupation,
                "住所": self.address,
                "身份证号": self.id_number,
            }
        return [zh("{0}{1}的{2}", self.role, self.name, item) for item, value in wanted.items() if not value]

    def line(self) -> str:
        if self.kind == "org":
            return "，".join(filter(None, [self.name, zh("住所：{0}", self.address), self.phone]))
        parts = [
            self.name,
            self.sex,
            zh("{0}岁", self.age) if self.age else "",
            self.ethnicity,
            self.occupation,
            zh("住{0}", self.address) if self.address else "",
            zh("公民身份号码{0}", self.id_number) if self.id_number else "",
            zh("联系电话{0}", self.phone) if self.phone else "",
        ]
        return "，".join(p for p in parts if p)


def particulars(s: Session, party: Party, on: date) -> Particulars:
    """What the party record leaves empty is taken from the resident it refers to, then from the ID number."""
    person = s.get(Person, party.person_id) if party.person_id else None
    household = s.get(Household, person.household_id) if person else None
    id_number = party.id_number or (person.id_number if person else None) or ""
    checked = idnumber.check(id_number, today=on) if id_number else None
    born = (person.birth_date if person else None) or (checked.birth_date if checked else None)
    return Particulars(
        name=party.name,
        role=party.role,
        kind=party.kind,
        sex=(person.sex if person else None) or (checked.sex if checked else None) or "",
        age=str(idnumber.age_on(born, on)) if born else "",
        ethnicity=party.ethnicity or (person.ethnicity if person else None) or "",
        occupation=party.occupation or "",
        address=party.address or (household.address if household else ""),
        id_number=id_number,
        phone=party.phone or (person.mobile if person else None) or "",
    )


class Records:
    """Everything about one matter that a paper may print, read once."""

    def __init__(self, ws: Workspace, s: Session, matter_id: str):
        self.ws, self.s = ws, s
        self.matter = m = matters.load(ws, s, matter_id)
        self.today = ws.now().date()
        live = {"matter_id": m.id, "deleted": False}
        self.parties = [particulars(s, p, self.today) for p in s.scalars(select(Party).filter_by(**live))]
        self.sessions = list(
            s.scalars(select(MediationSession).filter_by(**live).order_by(MediationSession.held_on))
        )
        self.agreements = list(s.scalars(select(Agreement).filter_by(**live)))
        self.follow_ups = list(s.scalars(select(FollowUp).filter_by(**live).order_by(FollowUp.on)))
        self.events = matters.history(s, m.id)
        attached = select(Attachment).where(
            Attachment.owner_kind == "matter", Attachment.owner_id == m.id, Attachment.deleted.is_(False)
        )
        self.files = list(s.scalars(attached))
        self.t, self.notices = checked_templates(s)  # notices: a synced template refused, default used
        township = s.scalar(select(Division).where(Division.level == "township"))
        self.township: str = township.name if township else ""
        self.village = name_of(s, Division, m.village_id)
        self.grid = name_of(s, Grid, m.grid_id)
        self.seal = committees.committee_of(s, m)  # the 人民调解委员会 that seals its agreements
        self.committee = self.seal.name
        self.investigations = list(
            s.scalars(select(Investigation).filter_by(**live).order_by(Investigation.held_on))
        )
        self.policy = ws.deadlines(s)

    def fill(self, key: str, **extra: Any) -> str:
        values = {"township": self.township, "village": self.village, "committee": self.committee, **extra}
        return fill(self.t[key], values)

    def header(self) -> str:
        return self.fill("header") if self.t["header"] else self.committee

    def number(self) -> str:
        return zh("编号：{0}", self.matter.serial)

    def party_names(self) -> str:
        return "；".join(f"{p.role} {p.name}" for p in self.parties if not self.hides(p.role))

    def hides(self, role: str) -> bool:
        """A whistleblower matter's reporter (申请人, who 检举) is named to the platform office only."""
        return bool(self.matter.whistleblower) and role == "申请人" and "platform" not in self.ws.actor.roles

    def grade_label(self) -> str:
        grade = self.matter.grade
        rule = self.policy.policy.rules.get(grade) if grade else None
        if rule is None:
            return ""
        return rule.label if "★" in rule.label else f"{'★' * grade} {rule.label}"

    def colour(self) -> str:
        m = self.matter
        if m.status in CLOSED:
            return zh("已办结")
        colour = self.policy.colour(
            matters.deadline_of(m), self.ws.now(), closed=m.status not in TIMED_STATUSES
        )
        return COLOUR_LABELS[colour]

    def effective_agreement(self) -> Agreement | None:
        """The agreement that settled the matter: one in effect (written and signed, or oral), or the last;
        never one a 变更协议 has replaced."""
        replaced = {a.replaces_id for a in self.agreements if a.replaces_id}
        current = [a for a in self.agreements if a.id not in replaced]
        in_effect = [a for a in current if a.form == "oral" or a.effective_on]
        chosen = in_effect or current
        return chosen[-1] if chosen else None

    def versions(self) -> list[Agreement]:
        """The agreement in effect and the versions it replaced (each 变更协议 names the one before it),
        newest first: every version stays printable as the parties signed it."""
        by_id = {a.id: a for a in self.agreements}
        chain: list[Agreement] = []
        a = self.effective_agreement()
        while a is not None and a not in chain:  # (a loop in hostile data ends where it repeats)
            chain.append(a)
            a = by_id.get(a.replaces_id) if a.replaces_id else None
        return chain

    def mediators(self) -> str:
        """The mediators the sessions recorded as accounts (structured), in the order they first mediated;
        a session recorded before that, or by name only, adds its written names."""
        names: list[str] = []
        for x in self.sessions:
            recorded = [self.account_name(i) for i in (x.mediator_ids or []) if isinstance(i, str)]
            for name in [n for n in recorded if n] or [
                n.strip() for n in re.split("[、，,;；]", x.mediators)
            ]:
                if name and name not in names:
                    names.append(name)
        return "、".join(names)

    def last_event(self, action: Action) -> Event | None:
        found = [e for e in self.events if e.action == action]
        return found[-1] if found else None

    def step_for(self, title: str, action: Action, item: str) -> Event:
        """The last step of a kind a paper is about (交办, 督办): refused, naming it, when there is none."""
        event = self.last_event(action)
        if event is None:
            raise MissingItems(title, [item])
        return event

    def name_of(self, handler: str | None) -> str:
        try:
            return matters.handler_name(self.s, handler) or ""
        except NotFound:
            return ""

    def account_name(self, account_id: str | None) -> str:
        account = self.s.get(Account, account_id) if account_id else None
        return account.display_name if account else ""

    def matter_fields(self) -> list[tuple[str, str]]:
        m: Matter = self.matter
        return [
            (zh("事项编号"), m.serial),
            (zh("事项名称"), m.title),
            (zh("类别"), m.category or ""),
            (zh("星级"), self.grade_label()),
            (zh("发生地"), f"{self.village} {self.grid} {m.place}".strip()),
            (zh("当事人"), self.party_names()),
            (zh("事实经过"), m.facts),
        ]
