"""Duplicate residents: one ID number on two records (two households, two villages, or one person imported
twice under different spellings of a name, or entered on two laptops offline). Listed for the township to
resolve by moving the person or merging the records; a merge keeps the history (matters point at the kept
record, the audit log says what was merged)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from desktop.store.models import Division, Household, Party, Person
from desktop.store.queries import Viewer, scope_clause
from sync.core import records
from sync.core.domain.issues import Issue
from sync.core.domain.masking import mask_id
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from .context import Changed, Workspace
from .errors import NotFound, ValidationFailed
from .lists import viewer_of
from .residents import household_in_scope


@dataclass(frozen=True)
class Twin:
    id: str
    name: str
    village: str
    household: str  # 户号
    household_id: str
    address: str


@dataclass(frozen=True)
class DuplicateGroup:
    id_number: str  # masked
    persons: tuple[Twin, ...]  # oldest record first


def _live() -> list[ColumnElement[bool]]:
    return [Person.deleted.is_(False), Person.id_number.is_not(None)]


def _twin_numbers(viewer: Viewer) -> Select[tuple[str]]:
    """ID numbers held by more than one live record, in scope."""
    return (
        select(Person.id_number)
        .join(Household, Household.id == Person.household_id)
        .where(*_live(), scope_clause(Household, viewer.scope))
        .group_by(Person.id_number)
        .having(func.count() > 1)
    )


def count_duplicates(s: Session, viewer: Viewer) -> int:
    return s.execute(select(func.count()).select_from(_twin_numbers(viewer).subquery())).scalar() or 0


def duplicate_persons(ws: Workspace) -> list[DuplicateGroup]:
    ws.require(Permission.VIEW_RESIDENTS)
    viewer = viewer_of(ws)
    with ws.read() as s:
        numbers = _twin_numbers(viewer)
        rows = s.execute(
            select(Person, Household.number, Household.address, Division.name)
            .join(Household, Household.id == Person.household_id)
            .join(Division, Division.id == Household.village_id)
            .where(*_live(), Person.id_number.in_(numbers))
            .order_by(Person.id_number, Person.server_seq, Person.id)
        ).all()
    groups: dict[str, list[Twin]] = {}
    for person, number, address, village in rows:
        twin = Twin(person.id, person.name, village, number, person.household_id, address)
        groups.setdefault(person.id_number, []).append(twin)
    return [DuplicateGroup(mask_id(idn), tuple(twins)) for idn, twins in groups.items()]


def merge_persons(ws: Workspace, keep_id: str, drop_id: str) -> Changed:
    """One person, two records: the matters naming `drop_id` name `keep_id`, what `keep_id` lacks is taken
    from `drop_id` (mobile, birth date, tags …), and `drop_id` is removed. Both must carry one ID number."""
    ws.require(Permission.EDIT_RESIDENTS)
    with ws.tx("person.merge", keep_id, dropped=drop_id) as tx:
        s = tx.session
        keep, drop = s.get(Person, keep_id), s.get(Person, drop_id)
        if keep is None or drop is None or keep.deleted or drop.deleted or keep_id == drop_id:
            raise NotFound(msg("找不到要合并的两条居民记录"))
        for person in (keep, drop):
            household_in_scope(ws, s, person.household_id)
        if keep.id_number != drop.id_number:
            raise ValidationFailed([Issue(msg("身份证号"), msg("两条记录的身份证号不同，不能合并"))])
        for name in ("sex", "ethnicity", "birth_date", "mobile", "relation"):
            if getattr(keep, name) in (None, "") and getattr(drop, name) not in (None, ""):
                setattr(keep, name, getattr(drop, name))
        keep.tags = sorted({*(keep.tags or []), *(drop.tags or [])})
        if drop.note and drop.note not in (keep.note or ""):
            keep.note = "\n".join(filter(None, [keep.note, drop.note]))
        # Through the ORM, one record at a time: each changed party is recorded for the township server.
        parties = s.execute(select(Party).where(Party.person_id == drop.id)).scalars().all()
        for party in parties:
            party.person_id = keep.id
        moved = len(parties)
        tx.detail = {"name": drop.name, "household_id": drop.household_id, "parties_moved": moved}
        drop_household = s.get(Household, drop.household_id)
        if drop_household is not None and drop_household.head_id == drop.id:
            drop_household.head_id = None
        drop.deleted = True
        for name, value in records.cleared(records.BY_TABLE["persons"]).items():
            setattr(drop, name, value)
    return Changed("persons", (keep_id, drop_id), "merge", also=("parties", "households"))


def move_person(ws: Workspace, person_id: str, household_id: str) -> Changed:
    """The person lives in another household now (the other record is then merged or kept as it is)."""
    ws.require(Permission.EDIT_RESIDENTS)
    with ws.tx("person.move", person_id, household_id=household_id) as tx:
        s = tx.session
        person = s.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFound(msg("找不到该居民"))
        household_in_scope(ws, s, household_id)
        old = household_in_scope(ws, s, person.household_id)
        if old.head_id == person.id:
            old.head_id = None
        tx.detail = {"from": person.household_id}
        person.household_id = household_id
    return Changed("persons", (person_id,), "move", also=("households",))
