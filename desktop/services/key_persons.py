"""重点人员: residents flagged for 稳控 (steady watch), with the matters and visits that concern them, their
稳控 plan (category, 包保责任人, contact frequency: sync.core.domain.key_persons) and the contacts made, and
the list of those whose contact is due, overdue first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Exists, exists, false, func, or_, select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Account,
    Division,
    Household,
    KeyPersonContact,
    KeyPersonPlan,
    Matter,
    Party,
    Person,
    Visit,
)
from desktop.store.queries import Viewer, scope_clause, visible_clause
from sync.core.domain import key_persons as rules
from sync.core.domain.issues import Issue
from sync.core.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS
from sync.core.domain.masking import mask_phone
from sync.core.domain.messages import msg
from sync.core.domain.residents import KEY_PERSON
from sync.core.domain.roles import Permission

from .context import Changed, Workspace
from .errors import NotFound, ValidationFailed
from .lists import viewer_of


@dataclass(frozen=True)
class KeyPerson:
    id: str
    household_id: str
    name: str
    village: str
    household: str  # 户号
    mobile: str  # masked
    matters: tuple[tuple[str, str, str, bool], ...]  # (serial, title, status label, open)
    visits: int
    last_visit: datetime | None
    # the 稳控 plan, when one is kept (and the contact it asks for)
    plan_id: str | None = None
    category: str = ""
    keeper: str = ""  # 包保责任人's name
    every_days: int = 0
    plan: str = ""
    last_contact: date | None = None
    next_due: date | None = None

    @property
    def open_matters(self) -> int:
        return sum(1 for *_, is_open in self.matters if is_open)


def _flagged() -> Exists:
    tag = func.json_each(Person.tags).table_valued("value")
    return exists(select(1).select_from(tag).where(tag.c.value == KEY_PERSON))


def _where(viewer: Viewer) -> list[ColumnElement[bool]]:
    return [
        Person.deleted.is_(False),
        Household.deleted.is_(False),
        scope_clause(Household, viewer.scope),
        _flagged(),
    ]


def count_key_persons(session: Session, viewer: Viewer) -> int:
    return (
        session.execute(
            select(func.count())
            .select_from(Person)
            .join(Household, Household.id == Person.household_id)
            .where(*_where(viewer))
        ).scalar()
        or 0
    )


def key_persons(ws: Workspace) -> list[KeyPerson]:
    """Every flagged resident in scope, those with open matters first."""
    ws.require(Permission.VIEW_RESIDENTS)
    viewer = viewer_of(ws)
    with ws.read() as s:
        people = s.execute(
            select(Person, Household.number, Division.name)
            .join(Household, Household.id == Person.household_id)
            .join(Division, Division.id == Household.village_id)
            .where(*_where(viewer))
        ).all()
        found = []
        for person, number, village in people:
            concerns = or_(
                Party.person_id == person.id,
                Party.id_number == person.id_number if person.id_number else false(),
            )
            matters = tuple(
                (serial, title, STATUS_LABELS.get(status, status), status in OPEN_STATUSES)
                for serial, title, status in s.execute(
                    select(Matter.serial, Matter.title, Matter.status)
                    .distinct()
                    .join(Party, Party.matter_id == Matter.id)
                    .where(
                        concerns, Party.deleted.is_(False), Matter.deleted.is_(False), visible_clause(viewer)
                    )
                    .order_by(Matter.serial.desc())
                )
            )
            watch = _watch(s, person.id)
            visits, last = s.execute(
                select(func.count(), func.max(Visit.visited_at)).where(
                    Visit.household_id == person.household_id, Visit.deleted.is_(False)
                )
            ).one()
            found.append(
                KeyPerson(
                    person.id,
                    person.household_id,
                    person.name,
                    village,
                    number,
                    mask_phone(person.mobile),
                    matters,
                    visits,
                    last,
                    **watch,
                )
            )
    return sorted(found, key=lambda k: (-k.open_matters, k.village, k.name))


# ------------------------------------------------------------------ 稳控 plans and contacts


def _plan(s: Session, person_id: str) -> KeyPersonPlan | None:
    """The person's plan in force: the latest kept and not ended (two laptops may each have made one)."""
    return (
        s.execute(
            select(KeyPersonPlan)
            .where(
                KeyPersonPlan.person_id == person_id,
                KeyPersonPlan.deleted.is_(False),
                KeyPersonPlan.ended_on.is_(None),
            )
            .order_by(KeyPersonPlan.since.desc(), KeyPersonPlan.id)
        )
        .scalars()
        .first()
    )


def _last_contact(s: Session, person_id: str) -> date | None:
    last: date | None = s.execute(
        select(func.max(KeyPersonContact.on)).where(
            KeyPersonContact.person_id == person_id, KeyPersonContact.deleted.is_(False)
        )
    ).scalar()
    return last


def _watch(s: Session, person_id: str) -> dict[str, Any]:
    """The KeyPerson fields its plan and contacts give."""
    plan = _plan(s, person_id)
    last = _last_contact(s, person_id)
    if plan is None:
        return {"last_contact": last}
    keeper = s.get(Account, plan.keeper_id) if plan.keeper_id else None
    return {
        "plan_id": plan.id,
        "category": plan.category,
        "keeper": keeper.display_name if keeper else "",
        "every_days": plan.every_days,
        "plan": plan.plan,
        "last_contact": last,
        "next_due": rules.next_due(plan.since, plan.every_days, last),
    }


def _watched_person(ws: Workspace, s: Session, person_id: str) -> Person:
    """A resident in the account's scope, flagged as 重点人员."""
    found = s.execute(
        select(Person)
        .join(Household, Household.id == Person.household_id)
        .where(Person.id == person_id, *_where(viewer_of(ws)))
    ).scalar()
    if found is None:
        raise NotFound(msg("找不到该重点人员，或不在您的范围内（须先在居民信息中列为重点人员）"))
    return found


@dataclass
class PlanInput:
    category: str
    keeper_id: str
    plan: str
    every_days: int
    since: date


def save_plan(ws: Workspace, person_id: str, data: PlanInput) -> Changed:
    """Keep a 重点人员's 稳控 plan: a new one, or the one in force changed."""
    ws.require(Permission.EDIT_RESIDENTS)
    fields = {
        "category": data.category,
        "keeper_id": data.keeper_id,
        "plan": (data.plan or "").strip(),
        "every_days": data.every_days,
        "since": data.since,
    }
    issues = [Issue(msg(f), reason) for f, reason in rules.plan_problems(fields, ws.now().date())]
    with ws.tx("key_person.plan", person_id) as tx:
        s = tx.session
        _watched_person(ws, s, person_id)
        keeper = s.get(Account, data.keeper_id) if data.keeper_id else None
        if data.keeper_id and (keeper is None or keeper.deleted or keeper.disabled):
            issues.append(Issue(msg("包保责任人"), msg("应为一个在用的账号")))
        if issues:
            raise ValidationFailed(issues)
        plan = _plan(s, person_id)
        if plan is None:
            plan = KeyPersonPlan(person_id=person_id, **fields)
            s.add(plan)
        else:
            for name, value in fields.items():
                if getattr(plan, name) != value:
                    setattr(plan, name, value)
        s.flush()
        tx.detail = {"category": data.category, "every_days": data.every_days}
    return Changed("key_person_plans", (plan.id,), "save")


def end_plan(ws: Workspace, person_id: str, on: date) -> Changed:
    """解除列管: the plan in force ends; no contact falls due any more."""
    ws.require(Permission.EDIT_RESIDENTS)
    with ws.tx("key_person.end", person_id) as tx:
        _watched_person(ws, tx.session, person_id)
        plan = _plan(tx.session, person_id)
        if plan is None:
            raise NotFound(msg("该重点人员没有在管的稳控方案"))
        plan.ended_on = on
    return Changed("key_person_plans", (plan.id,), "end")


@dataclass
class ContactInput:
    on: date
    way: str
    seen: str


def record_contact(ws: Workspace, person_id: str, data: ContactInput) -> Changed:
    """A contact with a 重点人员: when, how, what was seen. It moves the next contact's due date."""
    ws.require(Permission.LOG_VISIT)
    fields = {"on": data.on, "way": data.way, "seen": (data.seen or "").strip()}
    if problems := rules.contact_problems(fields, ws.now().date()):
        raise ValidationFailed([Issue(msg(f), reason) for f, reason in problems])
    with ws.tx("key_person.contact", person_id) as tx:
        _watched_person(ws, tx.session, person_id)
        contact = KeyPersonContact(person_id=person_id, by_id=ws.actor.account_id, **fields)
        tx.session.add(contact)
        tx.session.flush()
    return Changed("key_person_contacts", (contact.id,), "record")


@dataclass(frozen=True)
class ContactLine:
    on: date
    way: str
    seen: str
    by: str


def contacts(ws: Workspace, person_id: str) -> list[ContactLine]:
    """Every contact with the person, latest first."""
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        _watched_person(ws, s, person_id)
        rows = s.execute(
            select(KeyPersonContact, Account.display_name)
            .outerjoin(Account, Account.id == KeyPersonContact.by_id)
            .where(KeyPersonContact.person_id == person_id, KeyPersonContact.deleted.is_(False))
            .order_by(KeyPersonContact.on.desc())
        ).all()
        return [ContactLine(c.on, c.way, c.seen, name or "") for c, name in rows]


def due(ws: Workspace) -> list[KeyPerson]:
    """The 重点人员 whose contact is due today or overdue, the most overdue first (待走访)."""
    today = ws.now().date()
    return sorted(
        (k for k in key_persons(ws) if k.next_due is not None and k.next_due <= today),
        key=lambda k: (k.next_due, k.village, k.name),
    )


def count_due(session: Session, viewer: Viewer, today: date) -> int:
    """How many 重点人员 in scope have a contact due today or overdue: the desk's tile."""
    last = (
        select(KeyPersonContact.person_id, func.max(KeyPersonContact.on).label("on"))
        .where(KeyPersonContact.deleted.is_(False))
        .group_by(KeyPersonContact.person_id)
        .subquery()
    )
    plans = session.execute(
        select(KeyPersonPlan.person_id, KeyPersonPlan.since, KeyPersonPlan.every_days, last.c.on)
        .join(Person, Person.id == KeyPersonPlan.person_id)
        .join(Household, Household.id == Person.household_id)
        .outerjoin(last, last.c.person_id == KeyPersonPlan.person_id)
        .where(*_where(viewer), KeyPersonPlan.deleted.is_(False), KeyPersonPlan.ended_on.is_(None))
    ).all()
    due_people = {person for person, since, every, on in plans if rules.next_due(since, every, on) <= today}
    return len(due_people)
