"""Reporting a matter, who may see it, and the helpers every lifecycle step shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Account,
    Agreement,
    Division,
    Event,
    Grid,
    Household,
    Matter,
    MatterLink,
    Org,
    Party,
    Patrol,
    Visit,
)
from sync.core.domain import idnumber, phone
from sync.core.domain.deadlines import Deadline
from sync.core.domain.issues import Issue
from sync.core.domain.lifecycle import (
    LOWERING_ACTIONS,
    STATE_FIELDS,
    Action,
    Level,
    MatterState,
    Outcome,
    Status,
    check,
    place_in_history,
    replay,
    risk_lowered_in,
    stored,
)
from sync.core.domain.messages import msg
from sync.core.domain.risk import Risk, assess
from sync.core.domain.roles import Permission, Role, parse_roles, shown_name
from sync.core.domain.text import check_name

from .context import Actor, Changed, Workspace, config_value
from .errors import NotAllowed, NotFound, ServiceError, ValidationFailed

PARTY_ROLES = ("申请人", "被申请人", "第三人", "代理人")
SIGNALS = {"group": "集体上访倾向", "fight": "械斗倾向", "criminal": "民转刑倾向", "death": "非正常死亡"}


@dataclass
class PartyInput:
    name: str
    role: str = "申请人"
    kind: str = "person"  # person / org
    id_number: str = ""
    phone: str = ""
    address: str = ""
    person_id: str | None = None
    ethnicity: str = ""  # 民族, for the agreement when the party is not a registered resident
    occupation: str = ""  # 职业或工作单位


@dataclass
class MatterInput:
    title: str
    source: str
    kind: str = "dispute"  # dispute / petition
    category: str | None = None
    subcategory: str | None = None
    facts: str = ""
    occurred_at: datetime | None = None
    place: str = ""
    village_id: str | None = None
    grid_id: str | None = None
    people_count: int = 0
    amount: float = 0
    risk: str | None = None
    signals: list[str] = field(default_factory=list)
    parties: list[PartyInput] = field(default_factory=list)
    visit_id: str | None = None
    household_id: str | None = None  # the household it concerns: from the visit, or a 联户长's household
    whistleblower: bool = False
    accused_org_id: str | None = None
    external_no: str = ""  # the 12345 hotline's or 首发 platform's order number, when it came from there
    patrol_id: str | None = None  # the 巡查 entry it was found on (services.patrols)
    by_proxy: bool = (
        False  # 信访代办: the reporting grid worker files the petition on the petitioner's behalf
    )


def visible(actor: Actor, matter: Matter) -> bool:
    """In the actor's scope, or handled or reported by them; whistleblower material never to the accused."""
    if matter.whistleblower and matter.accused_org_id and matter.accused_org_id == actor.org_id:
        return False
    return (
        actor.scope.covers(matter.village_id, matter.grid_id, matter.household_id)
        or matter.handler in actor.handler_keys
        or matter.reported_by == actor.account_id
        or (matter.status == Status.OPEN_FOR_CLAIM and "mediator" in actor.roles)
    )


def load(ws: Workspace, session: Session, matter_id: str) -> Matter:
    matter = session.get(Matter, matter_id)
    if matter is None or matter.deleted or not visible(ws.actor, matter):
        raise NotFound(msg("找不到该事项，或不在您的范围内"))
    return matter


def state_of(matter: Matter) -> MatterState:
    forms = _agreements_in_effect(matter)
    return MatterState(
        status=Status(matter.status),
        level=Level(matter.level),
        failed_tries=matter.failed_tries,
        handler=matter.handler,
        grade=matter.grade,
        pending_extension_days=matter.pending_extension_days,
        extension_days=matter.extension_days,
        has_agreement=bool(forms),
        written_agreement="written" in forms,
        outcome=Outcome(matter.outcome) if matter.outcome else None,
        satisfaction=matter.satisfaction,
        repeat_of=matter.repeat_of,
        leader=matter.leader_id,
        supervised=matter.supervised,
        explanation_due=bool(matter.explanation_due),
        archived=bool(matter.archived),
        risk_lowered=_risk_lowered(matter),
        referral_kind=matter.referral_kind,
        referral_result=matter.referral_result,
        petition=matter.kind == "petition",
        petition_stage=matter.petition_stage,
        petition_since=matter.petition_since,
    )


def _risk_lowered(matter: Matter) -> bool:
    """Registered with a risk below its signals' and not confirmed by a leader since: from the events."""
    session = Session.object_session(matter)
    if session is None:
        return False
    watched = [str(a) for a in (*LOWERING_ACTIONS, Action.CONFIRM_RISK)]
    steps = session.execute(
        select(Event.action, Event.data).where(
            Event.matter_id == matter.id, Event.deleted.is_(False), Event.action.in_(watched)
        )
    ).all()
    return risk_lowered_in((action, data) for action, data in steps)


def _agreements_in_effect(matter: Matter) -> set[str]:
    """The forms (written / oral) of the matter's agreements in effect: a written agreement signed by every
    party and the mediator (人民调解法 Art. 29), or an oral one recorded as such (Art. 28). An unsigned draft
    does not let a matter close as resolved by agreement."""
    session = Session.object_session(matter)
    if session is None:  # a matter not yet added to a session has no agreements stored
        return set()

    return set(
        session.execute(
            select(Agreement.form).where(
                Agreement.matter_id == matter.id,
                Agreement.deleted.is_(False),
                Agreement.effective_on.is_not(None),
            )
        ).scalars()
    )


def store_state(matter: Matter, state: MatterState) -> None:
    """Write the cache of the history back onto the matter row (only the fields that changed)."""
    for column in STATE_FIELDS:
        value = stored(state, column)
        if getattr(matter, column) != value:
            setattr(matter, column, value)


def history(session: Session, matter_id: str) -> list[Event]:
    """Events in the order they were taken: by their number within the matter (device clocks can be wrong)."""
    events = session.execute(
        select(Event).where(Event.matter_id == matter_id, Event.deleted.is_(False))
    ).scalars()
    return sorted(events, key=lambda e: (place_in_history(e.data), e.at))


def derived_state(session: Session, matter_id: str) -> MatterState:
    """The state the events alone lead to: the check that the cached status is only a cache."""
    return replay([(e.action, e.data) for e in history(session, matter_id)])


def add_event(
    ws: Workspace, session: Session, matter: Matter, action: Action, note: str, data: dict[str, Any]
) -> Event:
    count = (
        session.execute(select(func.count()).select_from(Event).where(Event.matter_id == matter.id)).scalar()
        or 0
    )
    event = Event(
        matter_id=matter.id,
        action=str(action),
        actor_id=ws.actor.account_id,
        actor_name=ws.actor.display_name,
        device_id=ws.device_id,
        at=ws.now(),
        note=note or "",
        data={**data, "n": count + 1},
    )
    session.add(event)
    return event


def handler_name(session: Session, handler: str | None) -> str | None:
    if not handler:
        return None
    kind, _, ident = handler.partition(":")
    record = session.get(Org, ident) if kind == "org" else session.get(Account, ident)
    if record is None:
        raise NotFound(msg("找不到承办单位或承办人"))
    if isinstance(record, Org):
        return str(record.name)
    county = record.scope_kind == "county"  # a county account named as its steps are (roles.shown_name)
    return shown_name(record.display_name, record.username, county, parse_roles(record.roles))


def next_serial(session: Session, prefix: str, year: int) -> str:
    stem = f"{prefix}-{year}-"
    last = session.execute(select(func.max(Matter.serial)).where(Matter.serial.like(stem + "%"))).scalar()
    number = int(last.rsplit("-", 1)[1]) + 1 if last and re.search(r"-\d+$", last) else 1
    return f"{stem}{number:05d}"


def _check_parties(parties: list[PartyInput], today: date, *, numbered: bool = True) -> list[Issue]:
    issues = []
    for i, party in enumerate(parties, 1):
        label = f"当事人{i}" if numbered else "当事人"
        issues += check_name(party.name, f"{label}姓名")
        if party.role not in PARTY_ROLES:
            issues.append(Issue(msg("{0}角色", label), msg("应为{0}之一", "、".join(PARTY_ROLES))))
        if party.kind == "person" and party.id_number.strip():
            issues += idnumber.check(party.id_number, today=today, field_name=f"{label}身份证号").errors
        if party.phone.strip():
            issues += phone.check(party.phone, field_name=f"{label}电话").errors
    return issues


def check_input(session: Session, data: MatterInput, today: date) -> list[Issue]:
    issues = []
    title = (data.title or "").strip()
    if not title:
        issues.append(Issue(msg("标题"), msg("不能为空")))
    elif len(title) > 200:
        issues.append(Issue(msg("标题"), msg("最多200个字符")))
    if data.kind not in ("dispute", "petition"):
        issues.append(Issue(msg("类型"), msg("应为矛盾纠纷或信访事项")))
    if data.by_proxy and data.kind != "petition":
        issues.append(Issue(msg("信访代办"), msg("只有信访事项可以代办")))
    channels = config_value(session, "channels", [])
    if not data.source:
        issues.append(Issue(msg("来源"), msg("不能为空")))
    elif channels and data.source not in channels:
        issues.append(Issue(msg("来源"), msg("“{0}”不在配置的来源渠道中", data.source)))
    if data.people_count < 0:
        issues.append(Issue(msg("涉及人数"), msg("不能为负数")))
    if data.amount < 0:
        issues.append(Issue(msg("涉及金额"), msg("不能为负数")))
    if data.occurred_at and data.occurred_at.date() > today:
        issues.append(Issue(msg("发生时间"), msg("不能晚于今天")))
    external = (data.external_no or "").strip()
    if len(external) > 40 or any(not (c.isalnum() or c in "-_/") for c in external):
        issues.append(Issue(msg("外部工单号"), msg("最多40个字母、数字或 - _ /")))
    unknown = set(data.signals) - set(SIGNALS)
    if unknown:
        issues.append(Issue(msg("风险信号"), msg("未知：{0}", "、".join(sorted(unknown)))))
    if data.grid_id:
        grid = session.get(Grid, data.grid_id)
        if grid is None or (data.village_id and grid.village_id != data.village_id):
            issues.append(Issue(msg("网格"), msg("网格不属于所选的村（社区）")))
    issues += check_category(session, data.category, data.subcategory)
    issues += _check_parties(data.parties, today)
    return issues


def check_category(session: Session, category: str | None, subcategory: str | None) -> list[Issue]:
    if not category:
        return []
    categories = config_value(session, "categories", {})
    if categories and category not in categories:
        return [Issue(msg("类别"), msg("“{0}”不在配置的类别中", category))]
    if subcategory and categories and subcategory not in categories[category]:
        return [Issue(msg("小类"), msg("“{0}”不属于“{1}”", subcategory, category))]
    return []


def _place_from_household(s: Session, data: MatterInput) -> None:
    """A matter found on a visit concerns that visit's household, and happens in its village and grid unless
    the form says otherwise."""
    if data.visit_id and not data.household_id:
        visit = s.get(Visit, data.visit_id)
        data.household_id = visit.household_id if visit is not None else None
    household = s.get(Household, data.household_id) if data.household_id else None
    if household is None or household.deleted:
        data.household_id = None
        return
    data.village_id = data.village_id or household.village_id
    data.grid_id = data.grid_id or household.grid_id


def _patrol_in_scope(ws: Workspace, s: Session, patrol_id: str | None) -> str | None:
    """The 巡查 entry a matter is reported from: one this account may see."""
    if not patrol_id:
        return None
    patrol = s.get(Patrol, patrol_id)
    if patrol is None or patrol.deleted or not ws.actor.scope.covers(patrol.village_id, patrol.grid_id, None):
        raise NotFound(msg("找不到该巡查记录，或不在您的范围内"))
    return patrol_id


def report(ws: Workspace, data: MatterInput) -> Changed:
    """采集上报: the first step of every matter, by a grid worker on a visit or from any channel."""
    today = ws.now().date()
    with ws.tx("matter.report") as tx:
        s = tx.session
        check(MatterState(), Action.REPORT, ws.actor.for_lifecycle())
        if issues := check_input(s, data, today):
            raise ValidationFailed(issues)
        _place_from_household(s, data)
        if data.grid_id and not data.village_id:
            grid = s.get(Grid, data.grid_id)
            data.village_id = grid.village_id if grid is not None else None
        if not ws.actor.scope.covers(data.village_id, data.grid_id, data.household_id):
            if ws.actor.scope.kind == "household":
                raise NotAllowed(msg("联户长上报事项，须从所联系住户的走访记录发起"))
            raise NotAllowed(msg("事项发生地不在您负责的范围内"))
        risk = assess(
            people=data.people_count,
            amount=data.amount,
            group_tendency="group" in data.signals,
            fight_tendency="fight" in data.signals,
            criminal_tendency="criminal" in data.signals,
            abnormal_death="death" in data.signals,
            stated=Risk(data.risk) if data.risk else None,
        )
        township = s.execute(select(Division).where(Division.level == "township")).scalar()
        matter = Matter(
            serial=next_serial(s, township.short_name if township else "FQ", today.year),
            kind=data.kind,
            source=data.source,
            category=data.category,
            subcategory=data.subcategory,
            title=data.title.strip(),
            facts=data.facts.strip(),
            occurred_at=data.occurred_at,
            place=data.place.strip(),
            village_id=data.village_id,
            grid_id=data.grid_id,
            people_count=data.people_count,
            amount=data.amount,
            risk=str(risk.risk),
            signals=sorted(data.signals),
            status=str(Status.REPORTED),
            level=str(Level.VILLAGE),
            reported_at=ws.now(),
            reported_by=ws.actor.account_id,
            visit_id=data.visit_id,
            household_id=data.household_id,
            is_group=data.people_count >= 5 or "group" in data.signals,
            whistleblower=data.whistleblower,
            accused_org_id=data.accused_org_id,
            external_no=(data.external_no or "").strip() or None,
            patrol_id=_patrol_in_scope(ws, s, data.patrol_id),
            by_proxy=bool(data.by_proxy),
        )
        s.add(matter)
        s.flush()
        for p in data.parties:
            s.add(Party(matter_id=matter.id, kind=p.kind, person_id=p.person_id, **_party_fields(p)))
        event_data = {"major": risk.major, "reasons": risk.reasons}
        note = ""
        if risk.report_to_police:
            event_data["report_to_police"] = True
            note = "可能转化为治安或刑事案件，须当日报告公安机关和乡镇（人民调解法第二十五条）"
        add_event(ws, s, matter, Action.REPORT, note, event_data)
        tx.target = matter.id
        tx.detail = {"serial": matter.serial}
    return Changed("matters", (matter.id,), str(Action.REPORT))


def _party_fields(p: PartyInput) -> dict[str, Any]:
    return dict(
        name=p.name.strip(),
        role=p.role,
        id_number=idnumber.normalise(p.id_number) or None,
        phone=phone.normalise(p.phone) or None,
        address=p.address.strip(),
        ethnicity=p.ethnicity.strip() or None,
        occupation=p.occupation.strip() or None,
    )


def party_for_edit(ws: Workspace, party_id: str) -> PartyInput:
    """A party's particulars in full, for the form that completes them; audited like a reveal."""
    ws.require(Permission.REVEAL_PERSONAL)
    with ws.tx("matter.party.open_for_edit", party_id) as tx:
        party = tx.session.get(Party, party_id)
        if party is None or party.deleted:
            raise NotFound(msg("找不到该当事人"))
        load(ws, tx.session, party.matter_id)
        return PartyInput(
            party.name,
            party.role,
            party.kind,
            party.id_number or "",
            party.phone or "",
            party.address or "",
            party.person_id,
            party.ethnicity or "",
            party.occupation or "",
        )


def update_party(ws: Workspace, party_id: str, data: PartyInput) -> Changed:
    """Complete or correct a party's particulars (the agreement names them: Art. 29), by whoever may see the
    matter and handles residents' details."""
    ws.require(Permission.REVEAL_PERSONAL)
    if issues := _check_parties([data], ws.now().date(), numbered=False):
        raise ValidationFailed(issues)
    with ws.tx("matter.party", party_id) as tx:
        party = tx.session.get(Party, party_id)
        if party is None or party.deleted:
            raise NotFound(msg("找不到该当事人"))
        load(ws, tx.session, party.matter_id)
        for key, value in _party_fields(data).items():
            setattr(party, key, value)
        tx.target = party.matter_id
    return Changed("parties", (party_id,), "update")


def link(ws: Workspace, matter_id: str, other_id: str, kind: str = "related") -> Changed:
    if not ws.has_role(Role.PLATFORM):
        raise NotAllowed(msg("只有平台办公室可以关联事项"))
    if matter_id == other_id:
        raise ServiceError(msg("不能关联自身"))
    with ws.tx("matter.link", matter_id, other=other_id, kind=kind) as tx:
        load(ws, tx.session, matter_id)
        load(ws, tx.session, other_id)
        tx.session.add(MatterLink(matter_id=matter_id, other_id=other_id, kind=kind))
    return Changed("matters", (matter_id, other_id), "link")


def id_by_serial(ws: Workspace, serial: str) -> str:
    with ws.read() as s:
        matter = s.execute(
            select(Matter).where(Matter.serial == serial.strip(), Matter.deleted.is_(False))
        ).scalar()
        if matter is None or not visible(ws.actor, matter):
            raise ValidationFailed([Issue(msg("主工单编号"), msg("找不到编号为“{0}”的事项", serial))])
        return matter.id


def deadline_of(matter: Matter) -> Deadline | None:
    if matter.registered_at is None or matter.due_on is None:
        return None
    return Deadline(matter.registered_at, matter.due_on)
