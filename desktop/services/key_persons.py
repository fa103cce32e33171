"""重点人员: residents flagged for 稳控 (steady watch), with the matters and visits that concern them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Exists, exists, false, func, or_, select
from sqlalchemy.orm import Session

from desktop.store.models import Division, Household, Matter, Party, Person, Visit
from desktop.store.queries import Viewer, scope_clause, visible_clause
from sync.core.domain.lifecycle import OPEN_STATUSES, STATUS_LABELS
from sync.core.domain.masking import mask_phone
from sync.core.domain.residents import KEY_PERSON
from sync.core.domain.roles import Permission

from .context import Workspace
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
                )
            )
    return sorted(found, key=lambda k: (-k.open_matters, k.village, k.name))
