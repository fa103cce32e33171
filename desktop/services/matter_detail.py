"""A matter's detail screen: the matter, its parties, history, sessions, agreements, follow-ups and files, and
the steps this account may take now, in one read; ID and phone numbers masked."""

from __future__ import annotations

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
    FollowUp,
    Grid,
    Investigation,
    Matter,
    MediationSession,
    Party,
)
from sync.core.domain import linkage
from sync.core.domain.deadlines import COLOUR_LABELS
from sync.core.domain.lifecycle import (
    TIMED_STATUSES,
    Action,
    Status,
    first_step_for,
    level_above,
    level_below,
    lowering,
    tier_problem,
)
from sync.core.domain.masking import mask_id, mask_phone
from sync.core.domain.roles import Permission

from . import matters, petitions, repeats
from .attachments import stored_path
from .calendar import unknown_note, unknown_years_of
from .context import Workspace, name_of
from .errors import NotFound
from .lists import viewer_of
from .repeats import Candidate
from .steps import deadline_of, judicial_confirmation_due, offered_on


@dataclass(frozen=True)
class PartyLine:
    name: str
    role: str
    id_number: str  # masked
    phone: str  # masked
    address: str
    id: str = ""


@dataclass(frozen=True)
class EventLine:
    action: str
    at: datetime
    actor: str
    note: str
    data: dict[str, Any]
    given_to: str = ""  # whom a 交办 (or any step naming a handler) gave it to, by name (review 3)


def _given_to(s: Session, data: dict[str, Any] | None) -> str:
    """The name of the unit or person a step handed the matter to; empty when it names none this laptop
    holds (a unit of the other tier, a record not pulled yet)."""
    handler = (data or {}).get("handler")
    if not isinstance(handler, str):
        return ""
    try:
        return matters.handler_name(s, handler) or ""
    except NotFound:
        return ""


@dataclass(frozen=True)
class WindowLine:
    """One time limit of the 信访工作条例 on a petition, as the matter shows it."""

    label: str
    start: date
    due: date
    met_on: date | None
    late: bool
    colour: str  # deadlines.Colour: the office's running window only
    colour_label: str
    for_petitioner: bool


@dataclass(frozen=True)
class SessionLine:
    held_on: date
    kind: str
    outcome: str
    place: str
    mediators: str
    record: str
    level: str


@dataclass(frozen=True)
class InvestigationLine:
    """调查记录 as the matter's screen lists it."""

    held_on: date
    investigators: str
    place: str
    subject: str
    findings: str


@dataclass(frozen=True)
class AgreementLine:
    form: str
    parties: str
    facts: str
    terms: str
    performance: str
    perform_by: date | None
    effective_on: date | None
    confirmation_due: date | None
    # what 变更协议 starts from and what the view shows of 司法确认
    id: str = ""
    signed_by_parties: bool = False
    signed_by_mediator: bool = False
    copies: int = 0
    replaced: bool = False  # a later 变更协议 took its place
    court: str = ""
    applied_on: date | None = None
    result: str = ""  # confirmed / rejected
    document_no: str = ""
    decided_on: date | None = None


@dataclass(frozen=True)
class FollowUpLine:
    on: date
    satisfaction: str
    performed: bool | None
    relapse: bool
    next_step: str


@dataclass(frozen=True)
class AttachmentLine:
    id: str
    filename: str
    sha256: str
    size: int
    present: bool
    path: str


@dataclass(frozen=True)
class LoweredLine:
    """A risk registered lower than the signals gave, awaiting a leader's 确认风险等级: who, from, to, why."""

    signalled: str  # the level the signals gave (sync.core.domain.risk.Risk)
    chosen: str  # the level it was registered with
    by: str
    reason: str


@dataclass(frozen=True)
class ReferralLine:
    """A court's or police station's referral (sync.core.domain.linkage), in the words shown."""

    kind: str  # 诉前调解 / 委派调解 / 警调对接
    number_label: str  # 法院案号 / 接警编号
    number: str
    body: str
    received_on: date | None
    due_on: date | None
    result: str  # 调解成功 / 调解不成功, "" until sent back
    result_on: date | None
    reply: str
    paper: str  # 回复函 / 警调对接反馈单


@dataclass(frozen=True)
class MatterDetail:
    id: str
    serial: str
    kind: str
    source: str
    category: str
    subcategory: str
    title: str
    facts: str
    place: str
    occurred_at: datetime | None
    village: str
    grid: str
    people_count: int
    amount: float
    risk: str
    signals: tuple[str, ...]
    grade: int | None
    status: str
    level: str
    handler_name: str
    reported_at: datetime
    registered_at: datetime | None
    due_on: date | None
    colour: str
    colour_label: str
    outcome: str
    satisfaction: str
    is_group: bool
    parties: tuple[PartyLine, ...]
    events: tuple[EventLine, ...]
    sessions: tuple[SessionLine, ...]
    agreements: tuple[AgreementLine, ...]
    follow_ups: tuple[FollowUpLine, ...]
    attachments: tuple[AttachmentLine, ...]
    actions: tuple[Action, ...]  # the lifecycle steps this account may take now
    # why this account takes no steps here, when the matter is the other tier's (县级 / 乡镇)
    tier_note: str = ""
    # 提级 not open yet but one first step away (签收, 认领): that step; and the level 提级 sends it to
    escalate_after: Action | None = None
    escalate_to: str = ""
    refer_to: str = ""  # the level 交下级落实 sends it to
    supervised: int = 0  # times 督办
    explanation_due: bool = False  # supervised since the handler last explained
    leader_name: str = ""  # 包案领导
    external_no: str = ""  # 12345 / 首发 order number
    closing_reply: str = ""  # 销号回复
    archived: bool = False  # 卷宗已归档
    repeat_of: str = ""  # the primary order's serial, for a repeat
    repeats: tuple[str, ...] = ()  # serials of the orders marked as repeats of this one
    # Earlier matters this one may repeat, while it can still be marked as a repeat.
    possible_repeats: tuple[Candidate, ...] = ()
    # Set while its deadline was counted Monday to Friday through a year whose holidays are not entered.
    calendar_note: str = ""
    # Registered with a risk below its signals' and no leader has confirmed it yet (确认风险等级).
    lowered: LoweredLine | None = None
    # 三调联动: sent by the court or the police, with their number, and the result sent back.
    referral: ReferralLine | None = None
    investigations: tuple[InvestigationLine, ...] = ()  # 调查记录, in the order they were made
    # 信访: the regulation's windows, the stage after the written reply, and the 代办人 (信访代办)
    petition_windows: tuple[WindowLine, ...] = ()
    petition_stage: str = ""
    proxy_name: str = ""


def matter_detail(ws: Workspace, matter_id: str) -> MatterDetail:
    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        m = matters.load(ws, s, matter_id)
        live = {"matter_id": m.id, "deleted": False}
        parties = tuple(
            PartyLine(p.name, p.role, mask_id(p.id_number), mask_phone(p.phone), p.address, p.id)
            for p in s.scalars(select(Party).filter_by(**live))
        )
        events = tuple(
            EventLine(e.action, e.at, e.actor_name, e.note, e.data, _given_to(s, e.data))
            for e in matters.history(s, m.id)
        )
        sessions = tuple(
            SessionLine(x.held_on, x.kind, x.outcome, x.place, x.mediators, x.record, x.level)
            for x in s.scalars(select(MediationSession).filter_by(**live).order_by(MediationSession.held_on))
        )
        kept = list(s.scalars(select(Agreement).filter_by(**live)))
        replaced = {a.replaces_id for a in kept if a.replaces_id}
        investigations = tuple(
            InvestigationLine(x.held_on, x.investigators, x.place, x.subject, x.findings)
            for x in s.scalars(select(Investigation).filter_by(**live).order_by(Investigation.held_on))
        )
        agreements = tuple(
            AgreementLine(
                a.form,
                a.parties,
                a.facts,
                a.terms,
                a.performance,
                a.perform_by,
                a.effective_on,
                judicial_confirmation_due(a),
                a.id,
                bool(a.signed_by_parties),
                bool(a.signed_by_mediator),
                a.copies,
                a.id in replaced,
                a.court or "",
                a.confirmation_applied_on,
                a.confirmation_result or "",
                a.confirmation_document_no or "",
                a.confirmation_decided_on,
            )
            for a in kept
        )
        follow_ups = tuple(
            FollowUpLine(f.on, f.satisfaction, f.performed, f.relapse, f.next_step)
            for f in s.scalars(select(FollowUp).filter_by(**live).order_by(FollowUp.on))
        )
        attached = select(Attachment).where(
            Attachment.owner_kind == "matter", Attachment.owner_id == m.id, Attachment.deleted.is_(False)
        )
        files = tuple(
            AttachmentLine(a.id, a.filename, a.sha256, a.size, a.present, str(stored_path(ws, a.sha256)))
            for a in s.scalars(attached)
        )
        # A pulled page may bring a matter before its village, grid, leader or primary: shown blank until
        # then.
        village = name_of(s, Division, m.village_id)
        grid = name_of(s, Grid, m.grid_id)
        colour = ws.deadlines(s).colour(deadline_of(m), ws.now(), closed=m.status not in TIMED_STATUSES)
        unknown = unknown_years_of(ws.deadlines(s), m.registered_at, m.due_on)
        calendar_note = unknown_note(unknown) if m.status in TIMED_STATUSES else ""
        state = matters.state_of(m)
        actions = tuple(offered_on(ws, s, m))  # exactly what steps.actions_for offers
        actor = ws.actor.for_lifecycle()
        windows = _windows(ws, s, m)
        proxy = s.get(Account, m.reported_by) if m.by_proxy and m.reported_by else None
        lowered = _lowered(events) if state.risk_lowered else None
        leader_account = s.get(Account, m.leader_id) if m.leader_id else None
        leader = leader_account.display_name if leader_account else ""
        primary_matter = s.get(Matter, m.repeat_of) if m.repeat_of else None
        primary = primary_matter.serial if primary_matter else ""
        repeated_by = tuple(
            s.scalars(
                select(Matter.serial)
                .where(Matter.repeat_of == m.id, Matter.deleted.is_(False))
                .order_by(Matter.serial)
            )
        )
        possible = (
            tuple(repeats.candidates(s, viewer_of(ws), m))
            if m.status in (Status.REPORTED, Status.REGISTERED)
            else ()
        )
    return MatterDetail(
        id=m.id,
        serial=m.serial,
        kind=m.kind,
        source=m.source,
        category=m.category or "",
        subcategory=m.subcategory or "",
        title=m.title,
        facts=m.facts,
        place=m.place,
        occurred_at=m.occurred_at,
        village=village,
        grid=grid,
        people_count=m.people_count,
        amount=m.amount,
        risk=m.risk,
        signals=tuple(m.signals or ()),
        grade=m.grade,
        status=m.status,
        level=m.level,
        handler_name=m.handler_name or "",
        reported_at=m.reported_at,
        registered_at=m.registered_at,
        due_on=m.due_on,
        colour=str(colour),
        colour_label=COLOUR_LABELS[colour],
        outcome=m.outcome or "",
        satisfaction=m.satisfaction or "",
        is_group=m.is_group,
        parties=parties,
        events=events,
        sessions=sessions,
        investigations=investigations,
        agreements=agreements,
        follow_ups=follow_ups,
        attachments=files,
        actions=actions,
        tier_note=(tier_problem(state, Action.ACCEPT, actor) or "") if m.status else "",
        escalate_after=first_step_for(state, Action.ESCALATE, actor) if m.status else None,
        escalate_to=str(level_above(state.level) or ""),
        refer_to=str(level_below(state.level) or ""),
        supervised=m.supervised or 0,
        # asked of the tier that has the matter only (a row stored before 提级 cleared it still says so)
        explanation_due=bool(m.explanation_due) and tier_problem(state, Action.ACCEPT, actor) is None,
        leader_name=leader,
        external_no=m.external_no or "",
        closing_reply=m.closing_reply or "",
        archived=bool(m.archived),
        repeat_of=primary,
        repeats=repeated_by,
        possible_repeats=possible,
        calendar_note=calendar_note,
        lowered=lowered,
        referral=referral_of(m),
        petition_windows=windows,
        petition_stage=m.petition_stage or "",
        proxy_name=proxy.display_name if proxy else "",
    )


def referral_of(m: Matter) -> ReferralLine | None:
    if not m.referral_kind:
        return None
    kind = m.referral_kind
    return ReferralLine(
        linkage.KIND_LABELS.get(kind, kind),
        linkage.NUMBER_LABELS.get(kind, ""),
        m.referral_no or "",
        m.referral_body or "",
        m.referral_received_on,
        m.referral_due_on,
        linkage.RESULT_LABELS.get(m.referral_result or "", ""),
        m.referral_result_on,
        m.referral_reply or "",
        linkage.PAPER_LABELS.get(kind, ""),
    )


def _windows(ws: Workspace, s: Session, m: Matter) -> tuple[WindowLine, ...]:
    """A petition's windows by the regulation, each with its due date and, while the office's runs, its
    colour; nothing for a dispute."""
    found = petitions.of_matter(s, m)
    if found is None:
        return ()
    ratio, now = ws.deadlines(s).policy.yellow_ratio, ws.now()
    lines = []
    for w in petitions.windows(found):
        colour = w.colour(now, ratio)
        lines.append(
            WindowLine(
                w.label,
                w.start,
                w.due,
                w.met_on,
                w.late,
                str(colour),
                COLOUR_LABELS[colour],
                w.for_petitioner,
            )
        )
    return tuple(lines)


def _lowered(events: tuple[EventLine, ...]) -> LoweredLine | None:
    """The step that lowered the risk (立案定级, or a 更正事实 signalling less): levels, actor, reason."""
    found = [(e, step) for e in events if (step := lowering(e.action, e.data))]
    if not found:
        return None
    event, (signals, chosen, reason) = found[-1]
    return LoweredLine(signals, chosen, event.actor, reason)
