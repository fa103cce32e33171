"""Household visits (入户走访): the grid worker's daily round, and the matters a visit brings to light."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.store.models import Account, Matter, Visit
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from .context import Changed, Workspace
from .errors import NotFound, ValidationFailed
from .matters import MatterInput, PartyInput
from .residents import household_in_scope


@dataclass
class VisitInput:
    household_id: str
    purpose: str
    findings: str = ""
    needs_follow_up: bool = False
    visited_at: datetime | None = None  # now, when not given


@dataclass(frozen=True)
class VisitRow:
    id: str
    household_id: str
    visited_at: datetime
    visitor: str
    purpose: str
    findings: str
    needs_follow_up: bool
    matters: tuple[str, ...]  # serial numbers of the matters it raised


def log_visit(ws: Workspace, data: VisitInput) -> Changed:
    ws.require(Permission.LOG_VISIT)
    when = data.visited_at or ws.now()
    issues = []
    if not (data.purpose or "").strip():
        issues.append(Issue(msg("走访目的"), msg("不能为空")))
    if when > ws.now():
        issues.append(Issue(msg("走访时间"), msg("不能晚于现在")))
    if issues:
        raise ValidationFailed(issues)
    with ws.tx("visit.log") as tx:
        household = household_in_scope(ws, tx.session, data.household_id)
        visit = Visit(
            household_id=household.id,
            visitor_id=ws.actor.account_id,
            visited_at=when,
            purpose=data.purpose.strip(),
            findings=data.findings.strip(),
            needs_follow_up=data.needs_follow_up,
        )
        tx.session.add(visit)
        tx.session.flush()
        tx.target = visit.id
    return Changed("visits", (visit.id,), "log")


def matter_from_visit(ws: Workspace, visit_id: str) -> MatterInput:
    """ "This visit found a dispute": a report form filled in from the visit and its household."""
    with ws.read() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFound(msg("找不到该走访记录"))
        household = household_in_scope(ws, s, visit.household_id)
        from desktop.store.models import Person

        head = s.get(Person, household.head_id) if household.head_id else None
    parties = (
        [
            PartyInput(
                head.name,
                "申请人",
                id_number=head.id_number or "",
                phone=head.mobile or "",
                person_id=head.id,
            )
        ]
        if head
        else []
    )
    return MatterInput(
        title="",
        source="走访发现",
        facts=visit.findings,
        occurred_at=visit.visited_at,
        place=household.address,
        village_id=household.village_id,
        grid_id=household.grid_id,
        parties=parties,
        visit_id=visit.id,
        household_id=household.id,
    )


def visits_of(ws: Workspace, household_id: str) -> list[VisitRow]:
    with ws.read() as s:
        household_in_scope(ws, s, household_id)
        rows = s.execute(
            select(Visit, Account.display_name)
            .outerjoin(Account, Account.id == Visit.visitor_id)
            .where(Visit.household_id == household_id, Visit.deleted.is_(False))
            .order_by(Visit.visited_at.desc())
        ).all()
        raised: dict[str, list[str]] = {}
        ids = [v.id for v, _ in rows]
        for visit_id, serial in s.execute(
            select(Matter.visit_id, Matter.serial).where(Matter.visit_id.in_(ids))
        ):
            raised.setdefault(visit_id, []).append(serial)
    return [
        VisitRow(
            v.id,
            v.household_id,
            v.visited_at,
            name or "",
            v.purpose,
            v.findings,
            v.needs_follow_up,
            tuple(raised.get(v.id, ())),
        )
        for v, name in rows
    ]


@dataclass(frozen=True)
class HouseholdReport:
    """A report form opened from a household: set to its village, grid and address, its head the first
    party, and every resident offered as a party."""

    form: MatterInput
    residents: list[PartyInput]


def matter_from_household(ws: Workspace, household_id: str) -> HouseholdReport:
    ws.require(Permission.VIEW_MATTERS)
    from desktop.store.models import Person

    with ws.read() as s:
        household = household_in_scope(ws, s, household_id)
        people = (
            s.execute(
                select(Person)
                .where(Person.household_id == household.id, Person.deleted.is_(False))
                .order_by(Person.id != household.head_id, Person.name)
            )
            .scalars()
            .all()
        )
        residents = [
            PartyInput(p.name, "申请人", id_number=p.id_number or "", phone=p.mobile or "", person_id=p.id)
            for p in people
        ]
    first = residents[:1] or [PartyInput("", "申请人")]
    return HouseholdReport(
        MatterInput(
            title="",
            source="网格排查",
            place=household.address,
            village_id=household.village_id,
            grid_id=household.grid_id,
            parties=[*first, PartyInput("", "被申请人")],
            household_id=household.id,
        ),
        residents,
    )
