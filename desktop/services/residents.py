"""Households and residents: register, edit, remove, and reveal an unmasked number (always audited)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import Division, Grid, Household, Person
from sync.core import records
from sync.core.domain.issues import Issue
from sync.core.domain.masking import mask_id
from sync.core.domain.messages import msg
from sync.core.domain.residents import CheckedPerson, PersonFields, check_person
from sync.core.domain.roles import Permission
from sync.core.domain.text import squeeze

from .context import Changed, Workspace
from .errors import NotAllowed, NotFound, ValidationFailed


@dataclass
class HouseholdInput:
    village_id: str
    number: str
    address: str = ""
    grid_id: str | None = None
    phone: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""
    worker_id: str | None = None


def _require_scope(
    ws: Workspace, village_id: str | None, grid_id: str | None, household_id: str | None = None
) -> None:
    if not ws.actor.scope.covers(village_id, grid_id, household_id):
        raise NotAllowed(msg("这户不在您负责的范围内"))


def household_in_scope(ws: Workspace, session: Session, household_id: str) -> Household:
    household = session.get(Household, household_id)
    if household is None or household.deleted:
        raise NotFound(msg("找不到该户"))
    _require_scope(ws, household.village_id, household.grid_id, household.id)
    return household


def _check_household(session: Session, data: HouseholdInput) -> list[Issue]:
    issues = []
    if not squeeze(data.number):
        issues.append(Issue(msg("户号"), msg("不能为空")))
    village = session.get(Division, data.village_id) if data.village_id else None
    if village is None or village.level != "village":
        issues.append(Issue(msg("村/社区"), msg("请选择一个村（社区）")))
    if data.grid_id:
        grid = session.get(Grid, data.grid_id)
        if grid is None or grid.village_id != data.village_id:
            issues.append(Issue(msg("网格"), msg("网格不属于所选的村（社区）")))
    return issues


def check_person_fields(data: PersonFields, today: date) -> CheckedPerson:
    """The inline check a form runs as the user types: errors and warnings, and the normalised values."""
    return check_person(data, today)


def save_household(ws: Workspace, data: HouseholdInput, household_id: str | None = None) -> Changed:
    ws.require(Permission.EDIT_RESIDENTS)
    _require_scope(ws, data.village_id, data.grid_id)
    with ws.tx("household.edit" if household_id else "household.add") as tx:
        s = tx.session
        if issues := _check_household(s, data):
            raise ValidationFailed(issues)
        number = squeeze(data.number)
        clash = s.execute(
            select(Household.id).where(Household.village_id == data.village_id, Household.number == number)
        ).scalar()
        if clash and clash != household_id:
            raise ValidationFailed([Issue(msg("户号"), msg("本村已有户号为“{0}”的住户", number))])
        household = household_in_scope(ws, s, household_id) if household_id else Household()
        if not household_id:
            s.add(household)
        household.village_id, household.grid_id, household.number = data.village_id, data.grid_id, number
        household.address, household.phone, household.note = (
            data.address.strip(),
            squeeze(data.phone),
            data.note,
        )
        household.tags, household.worker_id = list(data.tags), data.worker_id
        s.flush()
        tx.target = household.id
    return Changed("households", (household.id,), "edit" if household_id else "add")


def save_person(
    ws: Workspace, household_id: str, data: PersonFields, person_id: str | None = None
) -> Changed:
    """Add a resident to a household or edit one. Errors come back all at once; warnings do not block."""
    ws.require(Permission.EDIT_RESIDENTS)
    checked = check_person(data, ws.now().date())
    if checked.errors:
        raise ValidationFailed(checked.errors)
    f = checked.fields
    with ws.tx("person.edit" if person_id else "person.add") as tx:
        s = tx.session
        household = household_in_scope(ws, s, household_id)
        if f.id_number:
            other = s.execute(
                select(Person).where(Person.id_number == f.id_number, Person.deleted.is_(False))
            ).scalar()
            if other is not None and other.id != person_id:
                raise ValidationFailed(
                    [Issue(msg("身份证号"), msg("{0} 已登记为“{1}”", mask_id(f.id_number), other.name))]
                )
        person = s.get(Person, person_id) if person_id else Person()
        if person is None or person.deleted:
            raise NotFound(msg("找不到该居民"))
        if not person_id:
            s.add(person)
        person.household_id = household_id
        person.name, person.sex, person.ethnicity = f.name, f.sex or None, f.ethnicity or None
        person.id_number, person.mobile, person.birth_date = (
            f.id_number or None,
            f.mobile or None,
            checked.birth_date,
        )
        person.relation, person.tags, person.note = f.relation or None, f.tags, f.note
        s.flush()
        if f.relation == "户主":
            household.head_id = person.id
        tx.target = person.id
        tx.detail = {"warnings": [str(w) for w in checked.warnings]}
    return Changed("persons", (person.id,), "edit" if person_id else "add")


def remove_person(ws: Workspace, person_id: str, reason: str) -> Changed:
    ws.require(Permission.EDIT_RESIDENTS)
    with ws.tx("person.remove", person_id, reason=reason) as tx:
        person = tx.session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFound(msg("找不到该居民"))
        household_in_scope(ws, tx.session, person.household_id)
        person.deleted = True
        for name, value in records.cleared(records.BY_TABLE["persons"]).items():  # nothing personal stays
            setattr(person, name, value)
    return Changed("persons", (person_id,), "remove")


def reveal_person(ws: Workspace, person_id: str) -> tuple[str | None, str | None]:
    """The full ID number and mobile of one resident, for an entitled role; the viewing is audited."""
    ws.require(Permission.REVEAL_PERSONAL)
    with ws.tx("person.reveal", person_id) as tx:
        person = tx.session.get(Person, person_id)
        if person is None:
            raise NotFound(msg("找不到该居民"))
        household_in_scope(ws, tx.session, person.household_id)
        return person.id_number, person.mobile


def person_for_edit(ws: Workspace, person_id: str) -> tuple[str, PersonFields]:
    """A resident's record as the edit form needs it, numbers in full; opening it is audited like a reveal."""
    ws.require(Permission.EDIT_RESIDENTS)
    with ws.tx("person.open_for_edit", person_id) as tx:
        person = tx.session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFound(msg("找不到该居民"))
        household_in_scope(ws, tx.session, person.household_id)
        fields = PersonFields(
            person.name,
            person.sex or "",
            person.ethnicity or "",
            person.id_number or "",
            person.mobile or "",
            person.relation or "",
            list(person.tags or []),
            person.note or "",
        )
        return person.household_id, fields
