"""A household's card: the household, its members, its visits and the matters its members are party to, in one
read, phone numbers masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.store.models import Division, Grid, Household, Matter, Party, Person
from desktop.store.queries import PersonRow
from sync.core.domain.masking import mask_phone
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import matters
from .context import Workspace, name_of
from .errors import NotFound
from .lists import persons
from .visits import VisitRow, visits_of

MEMBERS_SHOWN = 500  # far more than any household has: the card lists them all


@dataclass(frozen=True)
class MatterLine:
    id: str
    serial: str
    title: str
    status: str
    reported_at: datetime


@dataclass(frozen=True)
class HouseholdDetail:
    id: str
    number: str
    address: str
    village: str
    village_id: str
    grid: str
    grid_id: str | None
    phone: str
    tags: tuple[str, ...]
    note: str
    members: tuple[PersonRow, ...]
    visits: tuple[VisitRow, ...]
    matters: tuple[MatterLine, ...]


def household_detail(ws: Workspace, household_id: str) -> HouseholdDetail:
    ws.require(Permission.VIEW_RESIDENTS)
    with ws.read() as s:
        h = s.get(Household, household_id)
        if h is None or h.deleted or not ws.actor.scope.covers(h.village_id, h.grid_id, h.id):
            raise NotFound(msg("找不到该户，或不在您的范围内"))
        village = name_of(s, Division, h.village_id)
        grid = name_of(s, Grid, h.grid_id)
        member_ids = select(Person.id).where(Person.household_id == h.id)
        party_matters = select(Party.matter_id).where(Party.person_id.in_(member_ids))
        found = s.execute(
            select(Matter)
            .where(Matter.id.in_(party_matters), Matter.deleted.is_(False))
            .order_by(Matter.reported_at.desc())
        ).scalars()
        lines = tuple(
            MatterLine(m.id, m.serial, m.title, m.status, m.reported_at)
            for m in found
            if matters.visible(ws.actor, m)
        )
    return HouseholdDetail(
        id=h.id,
        number=h.number,
        address=h.address,
        village=village,
        village_id=h.village_id,
        grid=grid,
        grid_id=h.grid_id,
        phone=mask_phone(h.phone),
        tags=tuple(h.tags or ()),
        note=h.note,
        members=tuple(persons(ws, household_id=household_id, limit=MEMBERS_SHOWN).rows),
        visits=tuple(visits_of(ws, household_id)),
        matters=lines,
    )
