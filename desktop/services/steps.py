"""Every lifecycle step of a matter after it is reported: one function each, all through `_step`.

`_step` loads the matter in scope, asks the state machine whether this account may take the step now, advances
the state, writes the event and the cached status, and lets the step add its own records (a session, an
agreement, a follow-up) in the same transaction.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Account,
    Agreement,
    Conflict,
    Division,
    FollowUp,
    Grid,
    Investigation,
    Matter,
    MatterLink,
    MediationSession,
)
from sync.core.domain import confirmation, facts, linkage, supervision
from sync.core.domain.issues import Issue
from sync.core.domain.lifecycle import (
    RISK_LOWERED_FROM,
    RISK_LOWERED_TO,
    RISK_REASON,
    STEP_SET_FIELDS,
    TIMED_STATUSES,
    Action,
    Refused,
    SessionOutcome,
    Status,
    accused_problem,
    advance,
    allowed_actions,
    check,
    step_times,
)
from sync.core.domain.mediation import SATISFACTION, SESSION_KINDS
from sync.core.domain.messages import msg
from sync.core.domain.risk import RISK_LABELS, Risk, lowered, signalled
from sync.core.domain.timing import (
    LATE_REASON,
    due_on_after,
    extension_problem,
    needs_late_reason,
    typed_date_problem,
)

from . import committees, matters
from .context import Changed, Workspace
from .errors import NotFound, ServiceError, ValidationFailed


def _step(
    ws: Workspace,
    matter_id: str,
    action: Action,
    data: dict[str, Any] | None = None,
    note: str = "",
    extra: Callable[[Session, Matter], None] | None = None,
) -> Changed:
    data = {k: v for k, v in (data or {}).items() if v is not None}
    with ws.tx(f"matter.{action}", matter_id) as tx:
        s = tx.session
        matter = matters.load(ws, s, matter_id)
        state = matters.state_of(matter)
        check(state, action, ws.actor.for_lifecycle())
        new_state = advance(state, action, {**data, "note": note})
        # The event first, alone: the township server accepts a change of the matter only after the step that
        # makes it, and checks the step against the state it holds before the change.
        event = matters.add_event(ws, s, matter, action, note, data)
        s.flush()
        # … and the matter's changes in one edit after it: the server pairs an edit with the step before it.
        with s.no_autoflush:
            if extra:
                extra(s, matter)
            matters.store_state(matter, new_state)
            if new_state.handler != state.handler:
                matter.handler_name = matters.handler_name(s, new_state.handler)
            _update_deadline(ws, s, matter, action, data, event.at)
        tx.detail = {"serial": matter.serial, "status": matter.status}
    return Changed("matters", (matter_id,), str(action))


def _update_deadline(
    ws: Workspace, s: Session, matter: Matter, action: Action, data: dict[str, Any], at: datetime
) -> None:
    """The times and the due date a step sets, by the rules the server checks them with: the times are the
    event's own, the due date `timing.due_on_after`'s."""
    for column, value in step_times(action, data, at, checked=matter.status == Status.CHECKED).items():
        setattr(matter, column, value)
    if action in STEP_SET_FIELDS["due_on"]:
        matter.due_on = due_on_after(
            ws.deadlines(s),
            matter.kind,
            matter.registered_at,
            matter.grade,
            matter.extension_days,
            int(data["days"]) if action == Action.REFER_DOWN else None,
        )


deadline_of = matters.deadline_of  # (where the papers and the matter's view read it too)


# ------------------------------------------------------------------ 核实立案 registration


def register(
    ws: Workspace,
    matter_id: str,
    grade: int,
    *,
    category: str | None = None,
    subcategory: str | None = None,
    risk: str | None = None,
    note: str = "",
    risk_reason: str = "",
) -> Changed:
    def extra(s: Session, matter: Matter) -> None:
        chosen = category or matter.category
        issues = [] if chosen else [Issue(msg("类别"), msg("立案时须选择类别"))]
        issues += matters.check_category(s, chosen, subcategory or matter.subcategory)
        if grade not in ws.deadlines(s).policy.rules:
            issues.append(
                Issue(
                    msg("星级"),
                    msg("应为{0}星之一", "、".join(map(str, sorted(ws.deadlines(s).policy.rules)))),
                )
            )
        if risk and risk not in set(Risk):
            issues.append(Issue(msg("风险等级"), msg("未知的风险等级")))
        if issues:
            raise ValidationFailed(issues)
        matter.category, matter.subcategory = chosen, subcategory or matter.subcategory
        if risk:
            matter.risk = risk

    data: dict[str, Any] = {"grade": grade, "category": category, "risk": risk}
    with ws.read() as s:
        found = matters.load(ws, s, matter_id)
        signals = signalled(found.people_count, found.amount, found.signals or [])
    if lowered(risk, signals):
        # Lower than the signals say: the reason is recorded, and the matter stays on the early-warning list
        # as lowered by whom and why until a leader confirms it.
        if not risk_reason.strip():
            raise ValidationFailed(
                [
                    Issue(
                        msg("降低风险等级的理由"),
                        msg("信号显示为“{0}”，定为更低须说明理由", RISK_LABELS[signals]),
                    )
                ]
            )
        data.update({RISK_LOWERED_FROM: str(signals), RISK_REASON: risk_reason.strip()})
    return _step(ws, matter_id, Action.REGISTER, data, note, extra)


def confirm_risk(ws: Workspace, matter_id: str, note: str = "") -> Changed:
    """A leader confirms a risk registered lower than its signals: it leaves the early-warning list."""
    return _step(ws, matter_id, Action.CONFIRM_RISK, {}, note)


def reject(ws: Workspace, matter_id: str, reason: str) -> Changed:
    return _step(ws, matter_id, Action.REJECT, {"reason": reason}, reason)


def mark_repeat(ws: Workspace, matter_id: str, primary_id: str, note: str = "") -> Changed:
    """A repeat order (重复工单): linked to its primary matter and counted once."""

    def extra(s: Session, matter: Matter) -> None:
        primary = matters.load(ws, s, primary_id)
        if primary.id == matter.id or primary.status == Status.REPEAT:
            raise ValidationFailed([Issue(msg("主工单"), msg("应为另一件非重复的事项"))])
        s.add(MatterLink(matter_id=matter.id, other_id=primary.id, kind="repeat"))

    return _step(ws, matter_id, Action.MARK_REPEAT, {"primary_id": primary_id}, note, extra)


def mark_repeat_by_serial(ws: Workspace, matter_id: str, primary_serial: str, note: str = "") -> Changed:
    """The same, naming the primary matter by the serial people read on it."""
    return mark_repeat(ws, matter_id, matters.id_by_serial(ws, primary_serial), note)


def regrade(ws: Workspace, matter_id: str, grade: int, reason: str) -> Changed:
    return _step(ws, matter_id, Action.REGRADE, {"grade": grade, "reason": reason}, reason)


# ------------------------------------------------------------------ 指挥派遣 dispatch and claim


def _not_to_the_accused(s: Session, matter: Matter, handler: str) -> None:
    """A whistleblower matter goes neither to the unit it accuses nor to anyone of it."""
    kind, _, ident = handler.partition(":")
    account = s.get(Account, ident) if kind == "account" else None
    if problem := accused_problem(
        matter.accused_org_id if matter.whistleblower else None, handler, account.org_id if account else None
    ):
        raise ValidationFailed([Issue(msg("承办单位或承办人"), problem)])


def dispatch(ws: Workspace, matter_id: str, handler: str, note: str = "") -> Changed:
    """交办 to a village committee, unit or team ("org:<id>") or a person ("account:<id>")."""
    return _step(
        ws,
        matter_id,
        Action.DISPATCH,
        {"handler": handler},
        note,
        lambda s, matter: _not_to_the_accused(s, matter, handler),
    )


def publish(ws: Workspace, matter_id: str, note: str = "") -> Changed:
    """Open the order for volunteer mediators to claim (认领工单)."""
    return _step(ws, matter_id, Action.PUBLISH, {}, note)


def claim(ws: Workspace, matter_id: str, note: str = "") -> Changed:
    me = f"account:{ws.actor.account_id}"
    return _step(
        ws,
        matter_id,
        Action.CLAIM,
        {"handler": me},
        note,
        lambda s, matter: _not_to_the_accused(s, matter, me),
    )


# ------------------------------------------------------------------ 处理反馈 handling


def accept(ws: Workspace, matter_id: str, note: str = "", received_by: str = "") -> Changed:
    """签收; `received_by` records the 交办单's 回执 returned by the unit, with who signed it for them
    (shown in the matter's history)."""
    received_by = (received_by or "").strip()
    if len(received_by) > 50:
        raise ValidationFailed([Issue(msg("回执签收人"), msg("最多{0}个字符", 50))])
    if received_by:
        note = "；".join(filter(None, [note.strip(), f"交办单回执已收回，签收人：{received_by}"]))
    return _step(ws, matter_id, Action.ACCEPT, {"received_by": received_by or None}, note)


def return_to_platform(ws: Workspace, matter_id: str, reason: str) -> Changed:
    """回流: the receiver cannot handle it; it goes back to the platform to be dispatched again."""
    return _step(ws, matter_id, Action.RETURN, {"reason": reason}, reason)


@dataclass
class SessionInput:
    held_on: date
    kind: str
    outcome: str
    place: str = ""
    mediators: str = ""
    attendees: str = ""
    record: str = ""
    late_reason: str = ""  # why a session held more than the window ago is entered only now


def typed_date_issues(ws: Workspace, label: str, typed: date, reason: str | None) -> list[Issue]:
    """A date a person typed: never after today, and before the window only with a reason (timing)."""
    problem = typed_date_problem(label, typed, ws.now().date(), ws.calendar, reason)
    return [Issue(msg(label), problem)] if problem else []


def late_entry(ws: Workspace, typed: date, reason: str | None) -> dict[str, Any]:
    """What the event records of a typed date: the date, and the reason when it lies before the window."""
    late = needs_late_reason(typed, ws.now().date(), ws.calendar)
    return {"on": typed.isoformat(), LATE_REASON: (reason or "").strip() if late else None}


def record_session(ws: Workspace, matter_id: str, data: SessionInput) -> Changed:
    def extra(s: Session, matter: Matter) -> None:
        issues = []
        if data.kind not in SESSION_KINDS:
            issues.append(Issue(msg("调解类型"), msg("应为{0}之一", "、".join(SESSION_KINDS))))
        issues += typed_date_issues(ws, "调解日期", data.held_on, data.late_reason)
        if not data.record.strip():
            issues.append(Issue(msg("调解记录"), msg("不能为空")))
        if issues:
            raise ValidationFailed(issues)
        # the mediators as accounts where a typed name is an account's (the agreement's mediator line reads
        # them), the typed text kept as written
        typed = {n.strip() for n in re.split("[、，,;；]", data.mediators) if n.strip()}
        mediator_ids = [
            a.id
            for a in s.scalars(
                select(Account).where(Account.display_name.in_(typed), Account.disabled.is_(False))
            )
        ]
        s.add(
            MediationSession(
                mediator_ids=sorted(mediator_ids),
                matter_id=matter.id,
                held_on=data.held_on,
                place=data.place,
                kind=data.kind,
                mediators=data.mediators,
                attendees=data.attendees,
                record=data.record,
                outcome=data.outcome,
                level=matter.level,
            )
        )

    if data.outcome not in set(SessionOutcome):
        raise ValidationFailed([Issue(msg("调解结果"), msg("未知的调解结果"))])
    step = {"outcome": data.outcome, **late_entry(ws, data.held_on, data.late_reason)}
    return _step(ws, matter_id, Action.RECORD_SESSION, step, data.record[:200], extra)


@dataclass
class InvestigationInput:
    """调查记录: who investigated (with their unit: 自然资源所 张工), when, where, what was looked into
    and what was found; filed in the dossier as a record of its own, not inside a session's text."""

    held_on: date
    investigators: str
    findings: str
    place: str = ""
    subject: str = ""
    present: str = ""
    late_reason: str = ""  # why an investigation made more than the window ago is entered only now


def record_investigation(ws: Workspace, matter_id: str, data: InvestigationInput) -> Changed:
    def extra(s: Session, matter: Matter) -> None:
        issues = typed_date_issues(ws, "调查日期", data.held_on, data.late_reason)
        for value, label, longest in (
            (data.investigators, "调查人", 200),
            (data.place, "调查地点", 200),
            (data.subject, "调查事项", 200),
            (data.present, "被调查人或在场人", 500),
        ):
            if len(value or "") > longest:
                issues.append(Issue(msg(label), msg("最多{0}个字符", longest)))
        if not (data.investigators or "").strip():
            issues.append(Issue(msg("调查人"), msg("不能为空")))
        if not (data.findings or "").strip():
            issues.append(Issue(msg("调查结果"), msg("不能为空")))
        if issues:
            raise ValidationFailed(issues)
        s.add(
            Investigation(
                matter_id=matter.id,
                held_on=data.held_on,
                place=data.place.strip(),
                investigators=data.investigators.strip(),
                present=data.present.strip(),
                subject=data.subject.strip(),
                findings=data.findings.strip(),
                by_id=ws.actor.account_id,
            )
        )

    step = late_entry(ws, data.held_on, data.late_reason)
    return _step(ws, matter_id, Action.INVESTIGATE, step, (data.subject or data.findings)[:200], extra)


@dataclass
class AgreementInput:
    """人民调解法 第二十九条: parties, main facts and points in dispute with responsibilities, what was
    agreed, and how and by when it is performed."""

    form: str  # written / oral
    parties: str
    facts: str
    terms: str
    performance: str = ""
    perform_by: date | None = None
    signed_by_parties: bool = False
    signed_by_mediator: bool = False
    copies: int = 0
    session_id: str | None = None


def agreement_issues(data: AgreementInput) -> list[Issue]:
    issues = []
    if data.form not in ("written", "oral"):
        issues.append(Issue(msg("协议形式"), msg("应为书面或口头")))
    for value, label in (
        (data.parties, "当事人"),
        (data.facts, "主要事实、争议事项及各方责任"),
        (data.terms, "达成的协议内容"),
    ):
        if not (value or "").strip():
            issues.append(Issue(label, msg("不能为空（人民调解法第二十九条）")))
    if data.perform_by is None and not data.performance.strip():
        issues.append(Issue(msg("履行方式和期限"), msg("应写明怎样履行、何时履行")))
    return issues


def record_agreement(ws: Workspace, matter_id: str, data: AgreementInput) -> Changed:
    extra = _agreement_extra(ws, data)
    return _step(ws, matter_id, Action.RECORD_AGREEMENT, {"form": data.form}, data.terms[:200], extra)


def _agreement_extra(
    ws: Workspace, data: AgreementInput, replaces_id: str | None = None
) -> Callable[[Session, Matter], None]:
    def extra(s: Session, matter: Matter) -> None:
        if issues := agreement_issues(data):
            raise ValidationFailed(issues)
        written_effective = data.signed_by_parties and data.signed_by_mediator
        effective = ws.now().date() if (data.form == "oral" or written_effective) else None
        agreement = Agreement(
            matter_id=matter.id,
            session_id=data.session_id,
            form=data.form,
            parties=data.parties,
            facts=data.facts,
            terms=data.terms,
            performance=data.performance,
            perform_by=data.perform_by,
            signed_by_parties=data.signed_by_parties,
            signed_by_mediator=data.signed_by_mediator,
            effective_on=effective,
            copies=data.copies,
            replaces_id=replaces_id,
        )
        s.add(agreement)
        if written_effective:  # signed: the committee's 调解文书号 for the year, fixed from now on
            committees.give_number(s, matter, agreement, ws.now().year)

    return extra


def amend_agreement(ws: Workspace, matter_id: str, replaces_id: str, data: AgreementInput) -> Changed:
    """变更协议: a signed agreement is never edited; its change is a new agreement, signed anew, naming the
    one it replaces. The old one stays as the parties signed it, and printable."""
    # The change takes the old agreement's place only once everyone signed it: an unsigned draft would void
    # what the parties signed (review: it replaced the signed one silently).
    unsigned = [
        Issue(msg(name), msg("变更协议须经各方当事人和调解员重新签名后才能代替原协议"))
        for name, signed in (("当事人签名", data.signed_by_parties), ("调解员签名", data.signed_by_mediator))
        if not signed
    ]
    if data.form == "written" and unsigned:
        raise ValidationFailed(unsigned)
    make = _agreement_extra(ws, data, replaces_id)

    def extra(s: Session, matter: Matter) -> None:
        old = s.get(Agreement, replaces_id)
        if old is None or old.deleted or old.matter_id != matter.id:
            raise ValidationFailed([Issue(msg("原协议"), msg("应为本事项的一份协议"))])
        if not old.signed_by_parties:
            raise ValidationFailed([Issue(msg("原协议"), msg("尚未由当事人签名，不必另立变更协议"))])
        make(s, matter)

    step = {"form": data.form, "replaces": replaces_id}
    return _step(ws, matter_id, Action.RECORD_AGREEMENT, step, data.terms[:200], extra)


CONFIRMATION_WINDOW_DAYS = 30  # 人民调解法 第三十三条
CONFIRMING = (Action.APPLY_CONFIRMATION, Action.DECIDE_CONFIRMATION)


def judicial_confirmation_due(agreement: Agreement) -> date | None:
    """The last day to apply for judicial confirmation: 30 days after a written agreement took effect. None
    for an oral agreement (it cannot be confirmed) and once the application is made."""
    if agreement.form != "written" or not agreement.effective_on or agreement.confirmation_applied_on:
        return None
    last_day: date = agreement.effective_on + timedelta(days=CONFIRMATION_WINDOW_DAYS)
    return last_day


def _confirmable(s: Session, matter: Matter) -> Agreement:
    """The matter's written agreement in effect that no 变更协议 replaced: the one a court confirms."""
    replaced = select(Agreement.replaces_id).where(
        Agreement.matter_id == matter.id, Agreement.deleted.is_(False), Agreement.replaces_id.is_not(None)
    )
    agreement = (
        s.execute(
            select(Agreement)
            .where(
                Agreement.matter_id == matter.id,
                Agreement.deleted.is_(False),
                Agreement.form == "written",
                Agreement.effective_on.is_not(None),
                Agreement.id.not_in(replaced),
            )
            .order_by(Agreement.effective_on.desc())
        )
        .scalars()
        .first()
    )
    if agreement is None:  # the lifecycle's check refuses this step first; a type checker cannot know
        raise ServiceError(msg("只有生效的书面调解协议可以申请司法确认"))
    return agreement


def _confirmable_id(ws: Workspace, matter_id: str) -> str | None:
    """The id the step names (None: the lifecycle's check then says why there is none)."""
    with ws.read() as s:
        try:
            return _confirmable(s, matters.load(ws, s, matter_id)).id
        except ServiceError:
            return None


def _court_issues(court: str) -> list[Issue]:
    if not court.strip() or len(court.strip()) > confirmation.COURT_MAX:
        return [Issue(msg("人民法院"), msg("须填写受理的人民法院"))]
    return []


def apply_confirmation(
    ws: Workspace, matter_id: str, court: str, on: date, note: str = "", late_reason: str = ""
) -> Changed:
    """申请司法确认 of the matter's written agreement in effect, to a court, within 30 days of it taking
    effect (人民调解法 第三十三条). Recorded on the agreement (the court, the day) and in the history."""
    if issues := _court_issues(court):
        raise ValidationFailed(issues)
    agreement_id = _confirmable_id(ws, matter_id)

    def extra(s: Session, matter: Matter) -> None:
        agreement = _confirmable(s, matter)
        issues = typed_date_issues(ws, "日期", on, late_reason)
        if agreement.confirmation_applied_on is not None:
            issues.append(Issue(msg("协议"), msg("已申请过司法确认")))
        last = agreement.effective_on + timedelta(days=CONFIRMATION_WINDOW_DAYS)
        if on > last:
            issues.append(Issue(msg("日期"), msg("应在协议生效后30日内（{0}前）申请", last.isoformat())))
        if issues:
            raise ValidationFailed(issues)
        agreement.confirmation_applied_on, agreement.court = on, court.strip()

    data = {"agreement_id": agreement_id, "court": court.strip(), **late_entry(ws, on, late_reason)}
    return _step(ws, matter_id, Action.APPLY_CONFIRMATION, data, note, extra)


def decide_confirmation(
    ws: Workspace,
    matter_id: str,
    result: str,
    court: str,
    document_no: str,
    on: date,
    note: str = "",
    late_reason: str = "",
) -> Changed:
    """司法确认结果: the court confirmed the agreement (确认有效) or rejected the application (驳回), by a
    ruling with its number (文书号, e.g. "（2026）鲁1324民特12号") and date."""
    issues = _court_issues(court)
    if result not in confirmation.RESULTS:
        issues.append(Issue(msg("裁定结果"), msg("应为{0}之一", "、".join(confirmation.RESULTS.values()))))
    number = linkage.normal_number(document_no)
    if not confirmation.DOCUMENT_NO.fullmatch(number) or len(number) > confirmation.DOCUMENT_NO_MAX:
        issues.append(Issue(msg("文书号"), msg("应形如“（2026）鲁1324民特12号”")))
    if issues:
        raise ValidationFailed(issues)
    agreement_id = _confirmable_id(ws, matter_id)

    def extra(s: Session, matter: Matter) -> None:
        agreement = _confirmable(s, matter)
        issues = typed_date_issues(ws, "日期", on, late_reason)
        if agreement.confirmation_applied_on is None:
            issues.append(Issue(msg("协议"), msg("尚未申请司法确认")))
        elif on < agreement.confirmation_applied_on:
            issues.append(Issue(msg("日期"), msg("不能早于申请日期{0}", agreement.confirmation_applied_on)))
        if agreement.confirmation_decided_on is not None:
            issues.append(Issue(msg("协议"), msg("司法确认已有结果")))
        if issues:
            raise ValidationFailed(issues)
        agreement.confirmation_decided_on, agreement.confirmation_result = on, result
        agreement.judicial_confirmation = result == "confirmed"
        agreement.court, agreement.confirmation_document_no = court.strip(), number

    data = {
        "agreement_id": agreement_id,
        "result": result,
        "court": court.strip(),
        "document_no": number,
        **late_entry(ws, on, late_reason),
    }
    return _step(ws, matter_id, Action.DECIDE_CONFIRMATION, data, note, extra)


# ------------------------------------------------------------------ 更正事实, 变更属地


def correct_facts(
    ws: Workspace, matter_id: str, people_count: int, amount: float, signals: list[str], reason: str
) -> Changed:
    """更正事实: the people, amount and signals a matter's risk and figures are judged by, with a reason. A
    correction whose facts signal a lower risk than before is a lowering: recorded as one, kept on the early
    warning until a leader confirms it."""
    issues = [] if reason.strip() else [Issue(msg("更正理由"), msg("不能为空"))]
    if people_count < 0:
        issues.append(Issue(msg("涉及人数"), msg("不能为负数")))
    if amount < 0:
        issues.append(Issue(msg("涉及金额"), msg("不能为负数")))
    if unknown := set(signals) - set(facts.SIGNAL_KEYS):
        issues.append(Issue(msg("风险信号"), msg("未知的信号：{0}", "、".join(sorted(unknown)))))
    if issues:
        raise ValidationFailed(issues)
    new = {"people_count": int(people_count), "amount": float(amount), "signals": sorted(set(signals))}
    with ws.read() as s:
        found = matters.load(ws, s, matter_id)
        before = {"people_count": found.people_count, "amount": found.amount, "signals": found.signals or []}
        current_risk = found.risk
    if all(facts.same_facts(before[k], new[k], k) for k in new):
        raise ValidationFailed([Issue(msg("更正事实"), msg("与原来的事实相同，没有需要更正的内容"))])
    data: dict[str, Any] = {**new, "reason": reason.strip(), facts.BEFORE: before}
    if (higher := facts.raises(current_risk, new)) is not None:
        data["risk"] = str(higher)
    if (old := facts.lowers(before, new)) is not None:
        data.update(
            {
                RISK_LOWERED_FROM: str(old),
                RISK_LOWERED_TO: str(facts.signalled(new)),
                RISK_REASON: reason.strip(),
            }
        )

    def extra(s: Session, matter: Matter) -> None:
        for column, value in facts.corrected(data).items():
            setattr(matter, column, value)
        if "risk" in data:
            matter.risk = data["risk"]

    return _step(ws, matter_id, Action.CORRECT_FACTS, data, reason.strip(), extra)


def change_place(ws: Workspace, matter_id: str, village_id: str, grid_id: str | None, reason: str) -> Changed:
    """变更属地: the matter belongs to another village (and grid), with a reason; its figures move with it."""
    issues = [] if reason.strip() else [Issue(msg("变更理由"), msg("不能为空"))]
    with ws.read() as s:
        village = s.get(Division, village_id) if village_id else None
        grid = s.get(Grid, grid_id) if grid_id else None
        if village is None:
            issues.append(Issue(msg("村（社区）"), msg("请选择")))
        elif grid_id and (grid is None or grid.village_id != village_id):
            issues.append(Issue(msg("网格"), msg("不属于所选的村（社区）")))
        found = matters.load(ws, s, matter_id)
        if not issues and (found.village_id, found.grid_id) == (village_id, grid_id or None):
            issues.append(Issue(msg("村（社区）"), msg("与原来的属地相同")))
    if issues:
        raise ValidationFailed(issues)
    data = {"village_id": village_id, "grid_id": grid_id or None, "reason": reason.strip()}

    def extra(s: Session, matter: Matter) -> None:
        matter.village_id, matter.grid_id = village_id, grid_id or None

    return _step(ws, matter_id, Action.CHANGE_PLACE, data, reason.strip(), extra)


def escalate(ws: Workspace, matter_id: str, reason: str) -> Changed:
    """One level up (village → township → county) when this level cannot resolve it."""
    return _step(ws, matter_id, Action.ESCALATE, {"reason": reason}, reason)


def refer_down(ws: Workspace, matter_id: str, decision: str, days: int) -> Changed:
    """下转: the level above decided; one level down carries the decision out, within its own deadline."""
    return _step(ws, matter_id, Action.REFER_DOWN, {"decision": decision, "days": days}, decision)


def _before_due(ws: Workspace, matter: Matter, action: Action) -> None:
    """An extension is asked and granted only before the due date passes (timing.extension_problem)."""
    if problem := extension_problem(matter.due_on, ws.now().date()):
        raise Refused(action, problem)


def request_extension(ws: Workspace, matter_id: str, days: int, reason: str) -> Changed:
    def extra(s: Session, matter: Matter) -> None:
        _before_due(ws, matter, Action.REQUEST_EXTENSION)
        limit = ws.deadlines(s).policy.petition_extension_max_days
        if matter.kind == "petition" and matter.extension_days + days > limit:
            raise ValidationFailed([Issue(msg("延期天数"), msg("信访事项延期合计不得超过{0}日", limit))])

    return _step(ws, matter_id, Action.REQUEST_EXTENSION, {"days": days, "reason": reason}, reason, extra)


def decide_extension(
    ws: Workspace, matter_id: str, approved: bool, note: str = "", told_petitioner: bool = False
) -> Changed:
    """审批延期. A petition's extension (信访工作条例: at most 30 days) is granted only with the petitioner
    told the reason for it (`told_petitioner`), recorded with the step."""

    def extra(s: Session, matter: Matter) -> None:
        if approved:  # refusing one stays possible after the date: it only says no
            _before_due(ws, matter, Action.DECIDE_EXTENSION)
        if approved and matter.kind == "petition" and not told_petitioner:
            raise ValidationFailed([Issue(msg("告知信访人"), msg("信访事项延期须告知信访人延期理由"))])

    data = {"approved": approved, "told_petitioner": True if told_petitioner else None}
    return _step(ws, matter_id, Action.DECIDE_EXTENSION, data, note, extra)


def supervise(ws: Workspace, matter_id: str, note: str, level: str = "", reply_days: int = 0) -> Changed:
    """督办: chase a late matter; the note says what is asked. The slip is printed from what the step records
    now — the state, 时限状态 and days overdue at this moment, the 督办 level (by the days overdue
    unless chosen)
    and the 反馈时限 — so it reads the same after the matter moves on or is reopened."""
    if not (note or "").strip():
        raise Refused(Action.SUPERVISE, msg("须填写督办意见"))
    if level and (problem := supervision.level_problem(level)):
        raise ValidationFailed([Issue(msg("督办级别"), msg(problem))])
    if reply_days < 0 or reply_days > 60:
        raise ValidationFailed(
            [Issue(msg("反馈时限（工作日）"), msg("应在0到60之间（0为默认{0}个工作日）", 3))]
        )
    now = ws.now()
    with ws.read() as s:
        matter = matters.load(ws, s, matter_id)
        colour = ws.deadlines(s).colour(
            deadline_of(matter), now, closed=matter.status not in {str(x) for x in TIMED_STATUSES}
        )
        overdue = max((now.date() - matter.due_on).days, 0) if matter.due_on else 0
        snapshot = {
            "status": matter.status,
            "colour": str(colour),
            "overdue_days": overdue,
            "due_on": matter.due_on.isoformat() if matter.due_on else None,
            "handler_name": matter.handler_name or "",
            "level": level or supervision.level_for(overdue),
            "reply_by": ws.calendar.add_workdays(
                now.date(), reply_days or supervision.REPLY_WORKDAYS
            ).isoformat(),
        }
    return _step(ws, matter_id, Action.SUPERVISE, snapshot, note)


def explain_overdue(ws: Workspace, matter_id: str, note: str) -> Changed:
    return _step(ws, matter_id, Action.EXPLAIN_OVERDUE, {"note": note}, note)


def take_charge(ws: Workspace, matter_id: str, note: str = "") -> Changed:
    """包案: a leader personally takes charge of a hard or repeated case."""
    return _step(ws, matter_id, Action.TAKE_CHARGE, {"leader": ws.actor.account_id}, note)


# ------------------------------------------------------------------ 核查结案 and 考核评价


def close(
    ws: Workspace, matter_id: str, outcome: str, note: str = "", legal_channels: str = "", reply: str = ""
) -> Changed:
    """办结. A matter from the 12345 hotline (or 首发) needs the reply (销号回复) sent back to it."""

    def extra(s: Session, matter: Matter) -> None:
        if matter.external_no and not reply.strip():
            raise ValidationFailed(
                [Issue(msg("销号回复"), msg("来自工单 {0}，须填写回复内容", matter.external_no))]
            )
        if matter.kind == "petition" and not reply.strip():
            raise ValidationFailed(
                [Issue(msg("书面答复意见"), msg("信访事项以书面答复办结，须填写答复意见"))]
            )
        matter.closing_reply = reply.strip()

    data: dict[str, Any] = {"outcome": outcome, "legal_channels": legal_channels or None}
    with ws.read() as s:
        if matters.load(ws, s, matter_id).kind == "petition":
            # 书面答复意见书: dated, so 复查 may be asked within 30 days of it (petitions.Stage.REPLIED)
            data["replied_on"] = ws.now().date().isoformat()
            data["reply"] = reply.strip()  # the server asks for it too
    return _step(ws, matter_id, Action.CLOSE, data, note, extra)


def archive(ws: Workspace, matter_id: str, note: str = "") -> Changed:
    """卷宗归档: the closed matter's papers are filed; counted in the 卷宗归档率."""
    return _step(ws, matter_id, Action.ARCHIVE, {}, note)


def check_closure(ws: Workspace, matter_id: str, passed: bool = True, note: str = "") -> Changed:
    """销号: the platform checks a closure; a failed check sends it back to the handler."""
    return _step(ws, matter_id, Action.CHECK, {"passed": passed, "note": note or None}, note)


@dataclass
class FollowUpInput:
    on: date
    satisfaction: str
    performed: bool | None = None
    relapse: bool = False
    next_step: str = ""
    late_reason: str = ""  # why a follow-up made more than the window ago is entered only now


def follow_up(ws: Workspace, matter_id: str, data: FollowUpInput) -> Changed:
    def extra(s: Session, matter: Matter) -> None:
        if issues := typed_date_issues(ws, "回访日期", data.on, data.late_reason):
            raise ValidationFailed(issues)
        s.add(
            FollowUp(
                matter_id=matter.id,
                on=data.on,
                by_id=ws.actor.account_id,
                performed=data.performed,
                satisfaction=data.satisfaction,
                relapse=data.relapse,
                next_step=data.next_step,
            )
        )

    if data.satisfaction not in SATISFACTION:
        raise ValidationFailed([Issue(msg("满意度"), msg("应为{0}之一", "、".join(SATISFACTION)))])
    payload = {
        "satisfaction": data.satisfaction,
        "relapse": data.relapse or None,
        **late_entry(ws, data.on, data.late_reason),
    }
    return _step(ws, matter_id, Action.FOLLOW_UP, payload, data.next_step, extra)


def reopen(ws: Workspace, matter_id: str, reason: str) -> Changed:
    """A relapse found at follow-up reopens the matter; it goes back to be dispatched."""
    return _step(ws, matter_id, Action.REOPEN, {"reason": reason}, reason)


def settle_conflict(ws: Workspace, matter_id: str, conflict_id: str, field: str, value: Any) -> Changed:
    """Two laptops took different steps offline and a field of the matter's state collided: the chosen value
    becomes the matter's state by a step of its own, checked and recorded in the history like any other."""

    def extra(s: Session, matter: Matter) -> None:
        conflict = s.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise NotFound(msg("这条冲突已不存在或已处理"))
        conflict.resolved = True

    note = msg("同步冲突：{0} 取“{1}”", field, "—" if value is None else value)
    return _step(ws, matter_id, Action.SETTLE_CONFLICT, {"field": field, "value": value}, note, extra)


# ------------------------------------------------------------------ 三调联动: the court's and police's


def receive_referral(
    ws: Workspace,
    matter_id: str,
    kind: str,
    number: str,
    body: str,
    received_on: date,
    due_on: date | None = None,
    note: str = "",
) -> Changed:
    """登记联动移送: the court's 诉前调解 / 委派调解 (its 案号, the court, when received, its deadline) or the
    police's 警调对接 (the 110 接警编号, the station), recorded on the matter by the step."""
    data = {
        "kind": kind,
        "number": linkage.normal_number(number),
        "body": (body or "").strip(),
        "received_on": received_on.isoformat() if isinstance(received_on, date) else received_on,
        "due_on": due_on.isoformat() if isinstance(due_on, date) else (due_on or None),
    }
    if problems := linkage.received_problems(data, ws.now().date()):
        raise ValidationFailed([Issue(msg(f), reason) for f, reason in problems])

    def extra(s: Session, matter: Matter) -> None:
        for column, value in linkage.columns("received", data).items():
            setattr(matter, column, value)

    return _step(ws, matter_id, Action.RECEIVE_REFERRAL, data, note, extra)


def answer_referral(
    ws: Workspace, matter_id: str, result: str, on: date, reply: str = "", note: str = ""
) -> Changed:
    """反馈联动结果: the mediation's result goes back to the court (回复函) or the station
    (警调对接反馈单) once the matter is done."""
    data = {"result": result, "on": on.isoformat() if isinstance(on, date) else on, "reply": reply.strip()}
    with ws.read() as s:
        found = matters.load(ws, s, matter_id)
        received_on, outcome = found.referral_received_on, found.outcome
    if problems := linkage.answered_problems(data, received_on, outcome, ws.now().date()):
        raise ValidationFailed([Issue(msg(f), reason) for f, reason in problems])

    def extra(s: Session, matter: Matter) -> None:
        matter.referral_result = result
        for column, value in linkage.columns("answered", data).items():
            setattr(matter, column, value)

    return _step(ws, matter_id, Action.ANSWER_REFERRAL, data, note or reply[:200], extra)


# ------------------------------------------------------------------ 信访 by the regulation (信访工作条例)


def forward(ws: Workspace, matter_id: str, organ: str, note: str = "") -> Changed:
    """转送: the petition belongs to another organ; it goes there with a 转送告知书 to the petitioner."""
    organ = (organ or "").strip()
    if not organ:
        raise ValidationFailed([Issue(msg("转送机关"), msg("须写明转送到哪个机关或单位"))])
    return _step(ws, matter_id, Action.FORWARD, {"organ": organ}, note)


def _petition_dated(
    ws: Workspace, matter_id: str, action: Action, label: str, on: date, late_reason: str, **data: Any
) -> Changed:
    if issues := typed_date_issues(ws, label, on, late_reason):
        raise ValidationFailed(issues)
    return _step(
        ws, matter_id, action, {**late_entry(ws, on, late_reason), **data}, str(data.get("opinion", ""))
    )


def request_review(ws: Workspace, matter_id: str, on: date, late_reason: str = "") -> Changed:
    """The petitioner asks for 复查 (within 30 days of the written reply): the day the request came in."""
    return _petition_dated(ws, matter_id, Action.REQUEST_REVIEW, "复查申请日期", on, late_reason)


def decide_review(ws: Workspace, matter_id: str, on: date, opinion: str, late_reason: str = "") -> Changed:
    """复查意见书 (within 30 days of the request)."""
    return _petition_dated(
        ws, matter_id, Action.DECIDE_REVIEW, "复查意见日期", on, late_reason, opinion=opinion.strip()
    )


def request_recheck(ws: Workspace, matter_id: str, on: date, late_reason: str = "") -> Changed:
    """The petitioner asks for 复核 (within 30 days of the 复查意见书)."""
    return _petition_dated(ws, matter_id, Action.REQUEST_RECHECK, "复核申请日期", on, late_reason)


def decide_recheck(ws: Workspace, matter_id: str, on: date, opinion: str, late_reason: str = "") -> Changed:
    """复核意见书 (within 30 days of the request): the petition may then be concluded."""
    return _petition_dated(
        ws, matter_id, Action.DECIDE_RECHECK, "复核意见日期", on, late_reason, opinion=opinion.strip()
    )


def conclude(ws: Workspace, matter_id: str, note: str = "") -> Changed:
    """信访终结: after 复核, or once the window to ask has passed; not accepted again on the same facts."""
    return _step(ws, matter_id, Action.CONCLUDE, {"on": ws.now().date().isoformat()}, note)


# Every step a matter's screen offers, by name. A step's form has exactly the parameters of its function (or
# of the input record it takes) as fields, so values reach the use case by name, never by position; a test
# checks every step.
STEPS: dict[Action, Callable[..., Changed]] = {
    Action.REGISTER: register,
    Action.REJECT: reject,
    Action.MARK_REPEAT: mark_repeat_by_serial,
    Action.DISPATCH: dispatch,
    Action.PUBLISH: publish,
    Action.CLAIM: claim,
    Action.ACCEPT: accept,
    Action.RETURN: return_to_platform,
    Action.RECORD_SESSION: record_session,
    Action.RECORD_AGREEMENT: record_agreement,
    Action.ESCALATE: escalate,
    Action.REQUEST_EXTENSION: request_extension,
    Action.DECIDE_EXTENSION: decide_extension,
    Action.SUPERVISE: supervise,
    Action.EXPLAIN_OVERDUE: explain_overdue,
    Action.REGRADE: regrade,
    Action.TAKE_CHARGE: take_charge,
    Action.CLOSE: close,
    Action.CHECK: check_closure,
    Action.FOLLOW_UP: follow_up,
    Action.REOPEN: reopen,
    Action.APPLY_CONFIRMATION: apply_confirmation,
    Action.DECIDE_CONFIRMATION: decide_confirmation,
    Action.CORRECT_FACTS: correct_facts,
    Action.CHANGE_PLACE: change_place,
    Action.REFER_DOWN: refer_down,
    Action.ARCHIVE: archive,
    Action.CONFIRM_RISK: confirm_risk,
    Action.RECEIVE_REFERRAL: receive_referral,
    Action.ANSWER_REFERRAL: answer_referral,
    Action.INVESTIGATE: record_investigation,
    Action.FORWARD: forward,
    Action.REQUEST_REVIEW: request_review,
    Action.DECIDE_REVIEW: decide_review,
    Action.REQUEST_RECHECK: request_recheck,
    Action.DECIDE_RECHECK: decide_recheck,
    Action.CONCLUDE: conclude,
}
INPUTS: dict[Action, type] = {
    Action.RECORD_SESSION: SessionInput,
    Action.RECORD_AGREEMENT: AgreementInput,
    Action.FOLLOW_UP: FollowUpInput,
    Action.INVESTIGATE: InvestigationInput,
}


def take(ws: Workspace, matter_id: str, action: Action, values: dict[str, Any]) -> Changed:
    """Take one step with the values of its form, passed by name."""
    if action in INPUTS:
        return STEPS[action](ws, matter_id, INPUTS[action](**values))
    return STEPS[action](ws, matter_id, **values)


def parameters(action: Action) -> tuple[set[str], set[str]]:
    """The names a step takes: (those it requires, all of them)."""
    if action in INPUTS:
        found = {
            f.name: f.default is MISSING and f.default_factory is MISSING for f in fields(INPUTS[action])
        }
    else:
        signature = inspect.signature(STEPS[action])
        found = {
            name: p.default is inspect.Parameter.empty
            for name, p in list(signature.parameters.items())[2:]  # after ws and matter_id
        }
    return {name for name, required in found.items() if required}, set(found)


def actions_for(ws: Workspace, matter_id: str) -> list[Action]:
    """Exactly the steps this account may take on this matter now: what the screen offers."""
    with ws.read() as s:
        return offered_on(ws, s, matters.load(ws, s, matter_id))


def offered_on(ws: Workspace, s: Session, matter: Matter) -> list[Action]:
    """The same, for a matter already read (the matter's screen reads it with everything else)."""
    offered = allowed_actions(matters.state_of(matter), ws.actor.for_lifecycle())
    if extension_problem(matter.due_on, ws.now().date()):  # past the due date: no extension to ask
        offered = [a for a in offered if a != Action.REQUEST_EXTENSION]
    if Action.APPLY_CONFIRMATION in offered:  # the pair in order: applied for once, then decided once
        agreement = _confirmable(s, matter)
        applied, decided = agreement.confirmation_applied_on, agreement.confirmation_decided_on
        drop = {Action.APPLY_CONFIRMATION} if applied else {Action.DECIDE_CONFIRMATION}
        offered = [a for a in offered if a not in drop and not (decided and a in CONFIRMING)]
    return offered
