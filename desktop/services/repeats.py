"""重复工单: when a matter is reported, the earlier matters it may repeat, for one-click linking."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, or_, select
from sqlalchemy.orm import Session

from desktop.store.models import Matter, Party, Person
from desktop.store.queries import Viewer, visible_clause
from sync.core.domain.lifecycle import STATUS_LABELS, Status
from sync.core.domain.messages import msg
from sync.core.domain.text import similarity

LOOK_BACK_DAYS = 365  # a repeat comes back within the year
SIMILAR_TITLES = 0.4  # share of character pairs in common for "same village, similar text"
MOST = 5


@dataclass(frozen=True)
class Candidate:
    id: str
    serial: str
    title: str
    status: str  # label
    reason: str


def candidates(s: Session, viewer: Viewer, matter: Matter) -> list[Candidate]:
    """Earlier matters, not themselves repeats, sharing a party's ID number or phone, a party's household, or
    the village and a similar title; the strongest reason first."""
    parties = s.execute(
        select(Party.id_number, Party.phone, Person.household_id)
        .outerjoin(Person, Person.id == Party.person_id)
        .where(Party.matter_id == matter.id, Party.deleted.is_(False))
    ).all()
    ids = {p.id_number for p in parties if p.id_number}
    phones = {p.phone for p in parties if p.phone}
    households = {p.household_id for p in parties if p.household_id}
    earlier = [
        Matter.deleted.is_(False),
        Matter.id != matter.id,
        Matter.status != str(Status.REPEAT),
        Matter.reported_at <= matter.reported_at,
        Matter.reported_at >= matter.reported_at - timedelta(days=LOOK_BACK_DAYS),
        visible_clause(viewer),
    ]
    found: dict[str, tuple[int, str, Row[Any]]] = {}

    def add(rank: int, reason: str, rows: Iterable[Row[Any]]) -> None:
        for row in rows:
            if row.id not in found or found[row.id][0] > rank:
                found[row.id] = (rank, reason, row)

    same_person = [
        c
        for c in (
            Party.id_number.in_(sorted(ids)) if ids else None,
            Party.phone.in_(sorted(phones)) if phones else None,
        )
        if c is not None
    ]
    columns = (Matter.id, Matter.serial, Matter.title, Matter.status, Matter.reported_at)
    if same_person:
        add(
            0,
            msg("当事人身份证号或电话相同"),
            s.execute(
                select(*columns)
                .distinct()
                .join(Party, Party.matter_id == Matter.id)
                .where(*earlier, Party.deleted.is_(False), or_(*same_person))
            ).all(),
        )
    if households:
        add(
            1,
            msg("当事人是同一户"),
            s.execute(
                select(*columns)
                .distinct()
                .join(Party, Party.matter_id == Matter.id)
                .join(Person, Person.id == Party.person_id)
                .where(*earlier, Party.deleted.is_(False), Person.household_id.in_(sorted(households)))
            ).all(),
        )
    if matter.village_id:
        similar = [
            row
            for row in s.execute(
                select(*columns).where(*earlier, Matter.village_id == matter.village_id)
            ).all()
            if similarity(row.title, matter.title) >= SIMILAR_TITLES
        ]
        add(2, msg("同村且标题相近"), similar)
    ordered = sorted(found.values(), key=lambda f: (f[0], -f[2].reported_at.timestamp()))[:MOST]
    return [
        Candidate(r.id, r.serial, r.title, STATUS_LABELS.get(r.status, r.status), reason)
        for _, reason, r in ordered
    ]
