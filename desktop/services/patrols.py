"""巡查 log: a grid worker's patrols of places that are no household (a road, a construction site, a river
bank), what was seen, photos (sealed at rest like every attachment), and a matter reported from an entry the
way a visit reports one (sync.core.domain.patrols)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import Account, Attachment, Division, Grid, Matter, Patrol
from desktop.store.queries import scope_clause
from sync.core.domain import patrols as rules
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from .context import Changed, Workspace
from .errors import NotAllowed, NotFound, ValidationFailed
from .lists import viewer_of
from .matters import MatterInput


@dataclass
class PatrolInput:
    village_id: str
    place: str
    place_kind: str
    seen: str
    grid_id: str | None = None
    patrolled_at: datetime | None = None  # now, when not given
    needs_follow_up: bool = False


def log_patrol(ws: Workspace, data: PatrolInput) -> Changed:
    """Record a patrol in the account's own villages or grids."""
    ws.require(Permission.LOG_VISIT)
    at = data.patrolled_at or ws.now()
    fields = {
        "place": (data.place or "").strip(),
        "place_kind": data.place_kind,
        "seen": (data.seen or "").strip(),
        "patrolled_at": at,
    }
    issues = [Issue(msg(f), reason) for f, reason in rules.problems(fields, ws.now())]
    with ws.tx("patrol.log") as tx:
        s = tx.session
        village = s.get(Division, data.village_id) if data.village_id else None
        grid = s.get(Grid, data.grid_id) if data.grid_id else None
        if village is None or village.deleted or village.level != "village":
            issues.append(Issue(msg("村（社区）"), msg("须选择一个村（社区）")))
        elif data.grid_id and (grid is None or grid.village_id != village.id):
            issues.append(Issue(msg("网格"), msg("网格不属于所选的村（社区）")))
        if issues:
            raise ValidationFailed(issues)
        if not ws.actor.scope.covers(data.village_id, data.grid_id, None):
            raise NotAllowed(msg("巡查地点不在您负责的范围内"))
        patrol = Patrol(
            village_id=data.village_id,
            grid_id=data.grid_id,
            patroller_id=ws.actor.account_id,
            needs_follow_up=data.needs_follow_up,
            **fields,
        )
        s.add(patrol)
        s.flush()
        tx.target = patrol.id
    return Changed("patrols", (patrol.id,), "log")


def patrol_in_scope(ws: Workspace, s: Session, patrol_id: str) -> Patrol:
    patrol = s.get(Patrol, patrol_id)
    if patrol is None or patrol.deleted or not ws.actor.scope.covers(patrol.village_id, patrol.grid_id, None):
        raise NotFound(msg("找不到该巡查记录，或不在您的范围内"))
    return patrol


@dataclass(frozen=True)
class PatrolRow:
    id: str
    patrolled_at: datetime
    patroller: str
    village: str
    grid: str
    place: str
    place_kind: str
    seen: str
    needs_follow_up: bool
    photos: int
    matters: tuple[str, ...]  # serials of the matters reported from it


def patrols(ws: Workspace, limit: int = 500) -> list[PatrolRow]:
    """The patrols in the account's scope, latest first."""
    ws.require(Permission.VIEW_RESIDENTS)
    if ws.actor.scope.kind == "household":  # a 联户长 looks after households, not places
        return []
    with ws.read() as s:
        rows = s.execute(
            select(Patrol, Account.display_name, Division.name, Grid.name)
            .outerjoin(Account, Account.id == Patrol.patroller_id)
            .outerjoin(Division, Division.id == Patrol.village_id)
            .outerjoin(Grid, Grid.id == Patrol.grid_id)
            .where(Patrol.deleted.is_(False), scope_clause(Patrol, viewer_of(ws).scope))
            .order_by(Patrol.patrolled_at.desc())
            .limit(limit)
        ).all()
        ids = [p.id for p, *_ in rows]
        photos: dict[str, int] = {}
        for owner in s.scalars(
            select(Attachment.owner_id).where(
                Attachment.owner_kind == "patrol", Attachment.owner_id.in_(ids), Attachment.deleted.is_(False)
            )
        ):
            photos[owner] = photos.get(owner, 0) + 1
        raised: dict[str, list[str]] = {}
        for patrol_id, serial in s.execute(
            select(Matter.patrol_id, Matter.serial).where(
                Matter.patrol_id.in_(ids), Matter.deleted.is_(False)
            )
        ):
            raised.setdefault(patrol_id, []).append(serial)
    return [
        PatrolRow(
            p.id,
            p.patrolled_at,
            name or "",
            village or "",
            grid or "",
            p.place,
            p.place_kind,
            p.seen,
            p.needs_follow_up,
            photos.get(p.id, 0),
            tuple(raised.get(p.id, ())),
        )
        for p, name, village, grid in rows
    ]


def matter_from_patrol(ws: Workspace, patrol_id: str) -> MatterInput:
    """ "This patrol found a dispute": a report form filled in from the entry (place, what was seen, when)."""
    with ws.read() as s:
        patrol = patrol_in_scope(ws, s, patrol_id)
        return MatterInput(
            title="",
            source="网格排查",
            facts=patrol.seen,
            occurred_at=patrol.patrolled_at,
            place=patrol.place,
            village_id=patrol.village_id,
            grid_id=patrol.grid_id,
            patrol_id=patrol.id,
        )
