"""A matter's history as the server checks it: each step an event records is one the rules allow from the
state the server holds, at a time the server can bound, in the name of the account that pushes it; what a
step sets is written only with that step, to the value the rules give; what is fixed once written stays so.

`authority` says who may act; this module says whether the history a laptop sends could be true. The rules are
the core's (`sync.core.domain.lifecycle`, `timing`), the same the laptop runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.core import protocol as p
from sync.core.domain import calendar, lifecycle, risk, timing
from sync.core.domain.deadlines import DeadlineCalculator, DeadlinePolicy
from sync.core.domain.lifecycle import Action
from sync.core.domain.roles import Role, shown_name
from sync.core.domain.workdays import WorkdayCalendar

from . import authority, counted_time, fact_checks, linkage
from .authority import Identity, Refused
from .models import Device, Record

HOLIDAYS = Path(__file__).resolve().parents[2] / "resources" / "reference" / "holidays.json"
# A push of fewer ops than a laptop sends at once emptied its outbox: whatever it recorded before, it sent.
COMPLETE_PUSH = p.CLIENT_PUSH_BATCH
# The agreement's content the parties signed: frozen once they have (人民调解法 Art. 29); a change is a new
# agreement (变更协议) with its own signatures.
SIGNED_CONTENT = ("matter_id", "session_id", "form", "parties", "facts", "terms", "performance", "perform_by")


@dataclass(frozen=True)
class DeviceTimes:
    """What the server knows of a pushing device's clock and its previous complete push."""

    device_id: str
    offset_seconds: float | None  # server minus device, measured at the device's last handshake
    previous_push: datetime | None  # when the server received it (its clock)
    previous_seq: int  # the server's sequence then: changes after it the device may not have seen
    received: datetime  # now
    registered: datetime | None = None  # when the device joined
    account_bound: datetime | None = None  # the account's previous complete push, any device (counted_time)

    @property
    def bound(self) -> datetime | None:
        """No step of this device is older than this (its clock's offset aside). Before its first push there
        is none: a laptop worked offline before it joined sends that history at its first sync."""
        return self.previous_push

    @classmethod
    def of(cls, session: Session, device_id: str, received: datetime) -> DeviceTimes:
        device = session.get(Device, device_id)
        # The device's latest complete push, kept on the device as it is answered (counted_time.record_push):
        # a push padded to a full batch never counts as one and never hides the one before (review findings).
        return cls(
            device_id,
            device.clock_offset_seconds if device is not None else None,
            device.complete_push_at if device is not None else None,
            (device.complete_push_seq or 0) if device is not None else 0,
            received,
            device.registered_at if device is not None else None,
            counted_time.account_bound(session, device_id),
        )


def _moment(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None) if isinstance(value, str) else None
    except ValueError:
        return None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------ an event


def check_event(session: Session, who: Identity, data: dict, times: DeviceTimes, lookup) -> None:
    """An event is a step that happened: in the name of the account pushing it, at a time the server can
    bound, allowed by the rules from the state the server holds."""
    actor = authority.acting(session, who, data.get("actor_id"))
    name = data.get("actor_name") or ""
    known = actor.names or frozenset({actor.username})
    if name not in known:
        raise Refused(f"办理记录的经办人应为“{'、'.join(sorted(known))}”（服务器上的账号），不能写“{name}”")
    at = _moment(data.get("at"))
    if at is None:
        raise Refused("at：应为日期和时间")
    if problem := timing.event_time_problem(at, times.offset_seconds, times.bound, times.received):
        raise Refused(problem)
    # The rules below judge the step at the time it counts at, not the one its device claims: never before
    # the account's previous complete push, nor before another device's latest step on the matter.
    lower = times.account_bound
    if isinstance(data.get("matter_id"), str):
        seen = counted_time.matter_bound(session, data["matter_id"], times.device_id)
        lower = max(lower, seen) if lower is not None and seen is not None else (lower or seen)
    own, at = at, counted_time.stamp(data, at, times.offset_seconds, lower, times.received)
    matter = lookup(data.get("matter_id")) if isinstance(data.get("matter_id"), str) else None
    if matter is None or matter.table_name != "matters" or matter.deleted:
        return  # the reference check says why
    action = Action(data["action"])
    step = data.get("data") or {}
    if action == Action.REPORT:
        if _events_of(session, matter.id, Action.REPORT):
            raise Refused("事项已有上报记录，不能再上报一次")
        return
    state = authority.state_of(session, matter.id, matter.data)
    reason = lifecycle.why_not(state, action, actor.lifecycle_actor())
    if reason is not None:
        # Judged from the state the server holds, always: a step another device's change made impossible is
        # refused with the reason (the laptop then takes the server's state), never let through as "offline
        # at the same time" — that door let a stolen laptop close a matter it was never given (review).
        raise Refused(f"不能{lifecycle.ACTION_LABELS[action]}：{reason}（服务器上的状态）")
    else:
        try:
            lifecycle.advance(state, action, {**step, "note": data.get("note")})
        except (lifecycle.Refused, ValueError, IndexError, TypeError) as exc:
            raise Refused(str(exc)) from None
    if action == Action.SETTLE_CONFLICT:
        _check_settled_conflict(session, matter, step)
    if action == Action.REGISTER:
        _check_risk(matter, step)
    if action in (Action.DISPATCH, Action.CLAIM):
        _check_not_to_the_accused(session, matter, step.get("handler"))
    fact_checks.check_step(session, matter, action, step, lookup)  # 更正事实, 变更属地, 司法确认
    if action == Action.CONCLUDE and _day(step.get("on")) != at.date():
        # 终结's day is the day it is taken: a later day would pass the 30 days to ask that have not passed
        raise Refused(f"信访终结：日期应为办理当天（{at.date().isoformat()}）")
    if action == Action.CLOSE and matter.data.get("kind") == "petition":
        _check_written_reply(step, timing.typed_today(own, at))
    if action in TYPED_DATES and "on" in step:
        typed = _day(step.get("on"))
        if typed is None:
            raise Refused(f"{TYPED_DATES[action]}：应为日期")
        _check_typed_date(
            TYPED_DATES[action], typed, step.get(timing.LATE_REASON), timing.typed_today(own, at)
        )
    linkage.check_step(action, step, matter.data, at.date())
    if action == Action.REQUEST_EXTENSION or (action == Action.DECIDE_EXTENSION and step.get("approved")):
        due = _day(matter.data.get("due_on"))
        # Judged at the step's counted time: a clock claimed slow cannot grant an extension after the date.
        if problem := timing.extension_problem(due, at.date()):
            raise Refused(f"不能{lifecycle.ACTION_LABELS[action]}：{problem}")


# The steps that record a date a person typed, and what the date is called.
TYPED_DATES = {
    Action.RECORD_SESSION: "调解日期",
    Action.FOLLOW_UP: "回访日期",
    Action.JUDICIAL_CONFIRMATION: "日期",
    Action.APPLY_CONFIRMATION: "申请日期",
    Action.DECIDE_CONFIRMATION: "裁定日期",
    Action.INVESTIGATE: "调查日期",
    Action.REQUEST_REVIEW: "复查申请日期",
    Action.DECIDE_REVIEW: "复查意见日期",
    Action.REQUEST_RECHECK: "复核申请日期",
    Action.DECIDE_RECHECK: "复核意见日期",
}
# The records that hold such a date: (field, the step that records it).
TYPED_RECORDS = {
    "mediation_sessions": ("held_on", Action.RECORD_SESSION),
    "follow_ups": ("on", Action.FOLLOW_UP),
    "investigations": ("held_on", Action.INVESTIGATE),
}


def _check_written_reply(step: dict, today: date) -> None:
    """A petition's 办结 is its written reply (书面答复意见书), dated the day it is given: the petitioner's
    30 days to ask for 复查 run from it, so a reply dated back would end them before they began (review)."""
    if _day(step.get("replied_on")) != today:
        raise Refused(f"书面答复日期：应为办理当天（{today.isoformat()}）")
    if not isinstance(step.get("reply"), str) or not step["reply"].strip():
        raise Refused("书面答复意见：信访事项以书面答复办结，须写明答复意见")


def _check_typed_date(label: str, typed: date, reason: Any, today: date) -> None:
    """`today`: the day the step was taken (`timing.typed_today`: the device's day while its clock is near
    the counted time, else the day the step counts at), so a step that waited offline for its sync is judged
    by the day it was taken, and a clock claimed weeks slow cannot stretch the window back."""
    given = reason if isinstance(reason, str) else None
    if problem := timing.typed_date_problem(label, typed, today, _calendar(), given):
        raise Refused(problem)


def check_typed_record(session: Session, table: str, data: dict, times: DeviceTimes, lookup) -> None:
    """A session or a follow-up record: its date within the window, or late with the reason its step gave
    (the step comes first, from this device)."""
    if table not in TYPED_RECORDS:
        return
    field, action = TYPED_RECORDS[table]
    typed = _day(data.get(field))
    if typed is None:
        return  # the shape check says why
    steps = [
        e
        for e in _events_of(session, str(data.get("matter_id")), action)
        if e.updated_device == times.device_id and (e.data.get("data") or {}).get("on") == typed.isoformat()
    ]
    if not steps:
        # A session or a follow-up counts in the figures: it is written by its step, never alone (review).
        raise Refused(f"没有对应的“{lifecycle.ACTION_LABELS[action]}”办理步骤，不能单独写入")
    latest = max(steps, key=lambda e: e.server_seq)
    if _written_since(session, table, data, latest, times.device_id):
        raise Refused(f"一次“{lifecycle.ACTION_LABELS[action]}”只写一条记录")
    step = latest.data
    if table == "follow_ups" and data.get("by_id") not in (None, step.get("actor_id")):
        raise Refused("by_id：回访人应为办理这一步的账号")
    if table == "investigations" and data.get("by_id") not in (None, step.get("actor_id")):
        raise Refused("by_id：调查记录的录入人应为办理这一步的账号")
    taken, own = counted_time.of(step), _moment(step.get("at"))
    today = timing.typed_today(own, taken) if taken and own else times.received.date()
    _check_typed_date(TYPED_DATES[action], typed, step["data"].get(timing.LATE_REASON), today)


def _written_since(session: Session, table: str, data: dict, step: Record, device_id: str) -> bool:
    """Whether this device already wrote a record of `table` for the matter after that step."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Record)
            .where(
                Record.table_name == table,
                Record.parent_id == data.get("matter_id"),
                Record.updated_device == device_id,
                Record.server_seq > step.server_seq,
            )
        )
        or 0
    ) > 0


def _check_risk(matter: Record, step: dict) -> None:
    """立案定级 below the risk the matter's signals give records it, with a reason and the signals' level."""
    data = matter.data
    try:
        signals = risk.signalled(
            int(data.get("people_count") or 0), float(data.get("amount") or 0), data.get("signals") or []
        )
    except (TypeError, ValueError):
        return
    if risk.lowered(step.get("risk"), signals) and not (
        step.get(lifecycle.RISK_LOWERED_FROM) == signals
        and str(step.get(lifecycle.RISK_REASON) or "").strip()
    ):
        raise Refused(f"立案定级：风险等级低于信号所示（{risk.RISK_LABELS[signals]}），须记录理由")


def _check_not_to_the_accused(session: Session, matter: Record, handler: Any) -> None:
    if not matter.data.get("whistleblower") or not isinstance(handler, str):
        return
    kind, _, ident = handler.partition(":")
    account = session.get(Record, ident) if kind == "account" else None
    org = account.data.get("org_id") if account is not None and account.table_name == "accounts" else None
    if problem := lifecycle.accused_problem(matter.data.get("accused_org_id"), handler, org):
        raise Refused(problem)


def _events_of(session: Session, matter_id: str, action: Action) -> list[Record]:
    found = session.scalars(
        select(Record).where(Record.parent_id == matter_id, Record.table_name == "events")
    )
    return [e for e in found if e.data.get("action") == action and not e.deleted]


def _check_settled_conflict(session: Session, matter: Record, step: dict) -> None:
    """处理同步冲突 settles a conflict the server recorded on this matter's field, with one of its values."""
    field = step.get("field")
    for conflict in session.scalars(
        select(Record).where(Record.parent_id == matter.id, Record.table_name == "conflicts")
    ):
        data = conflict.data
        if data.get("record_id") == matter.id and data.get("field") == field:
            if step.get("value") in (data.get("server_value"), data.get("local_value")):
                return
            raise Refused(f"处理同步冲突：“{step.get('value')}”不是这条冲突的任何一方的值")
    raise Refused(f"处理同步冲突：服务器上没有事项“{field}”的冲突")


# ------------------------------------------------------------------------------------------ a matter's fields


def check_matter_change(
    session: Session, who: Identity, device_id: str, matter: Record, applied: dict, bases: dict
) -> None:
    """What is fixed stays; the state changes only by a step (`authority.check_state_change`); what a step
    sets besides the state is written only with it, to the value the rules give."""
    if kept := counted_time.kept(session, device_id, matter, applied):
        # The laptop's times on its own clock, checked as its step gives them; the server's counted ones win.
        _check_step_fields(
            session, device_id, matter, {f: applied[f] for f in kept}, {**matter.data, **applied}
        )
        applied.update({f: matter.data.get(f) for f in kept})
    changed = {f: v for f, v in applied.items() if v != matter.data.get(f)}
    fixed = [f for f in changed if f in lifecycle.FIXED_FIELDS]
    if fixed:
        raise Refused(f"事项的 {', '.join(fixed)} 在上报时写定，之后不能修改")
    state = {f: v for f, v in changed.items() if f in lifecycle.STATE_FIELDS}
    if state:
        authority.check_state_change(session, who, device_id, matter, state, bases)
    stepped = {f: v for f, v in changed.items() if f in lifecycle.STEP_SET_FIELDS or f == "handler_name"}
    if stepped == {"due_on": changed.get("due_on")} and _recounted(session, matter, applied):
        return  # a year's holidays entered (设置 › 节假日): the due date recounted by the rules, no step
    if stepped:
        _check_step_fields(session, device_id, matter, stepped, {**matter.data, **applied})


def _recounted(session: Session, matter: Record, applied: dict) -> bool:
    """The due date the rules give the matter as it stands, on the township's calendar now: what a laptop
    writes when a year's holidays are entered and moves the open matters' due dates."""
    after = {**matter.data, **applied}
    if after.get("status") not in {str(s) for s in lifecycle.TIMED_STATUSES}:
        return False
    return _day(applied.get("due_on")) == _due_on(session, Action.REGISTER, {}, after)


def _check_step_fields(session: Session, device_id: str, matter: Record, changes: dict, after: dict) -> None:
    step = authority.latest_event(session, matter, device_id)
    if step is None:
        raise Refused(
            fact_checks.refused_without_step(changes)
            or f"事项的 {', '.join(changes)} 只能由办理步骤写入（没有找到对应的办理记录）"
        )
    action = Action(step.data["action"])
    label = lifecycle.ACTION_LABELS[action]
    data = step.data.get("data") or {}
    not_by = [f for f in changes if f != "handler_name" and action not in lifecycle.STEP_SET_FIELDS[f]]
    if not_by:
        raise Refused(f"“{label}”不会改变事项的 {', '.join(not_by)}")
    wrong = []
    times = lifecycle.step_times(action, data, _moment(step.data.get("at")), after.get("status") == "checked")
    for column in set(changes) & {"registered_at", "closed_at", "checked_at"}:
        if _moment(changes[column]) != times.get(column, _moment(matter.data.get(column))):
            wrong.append(column)
    if "due_on" in changes and _day(changes["due_on"]) != _due_on(session, action, data, after):
        wrong.append("due_on")
    if "risk" in changes and changes["risk"] != data.get("risk"):
        wrong.append("risk")
    if "handler_name" in changes and changes["handler_name"] != _handler_name(session, after.get("handler")):
        wrong.append("handler_name")
    wrong += fact_checks.wrong_facts(action, data, changes)
    wrong += linkage.wrong_columns(action, data, changes)
    if wrong:
        raise Refused(f"“{label}”不会把事项的 {', '.join(sorted(wrong))} 改成这样")


def _due_on(session: Session, action: Action, data: dict, after: dict) -> date | None:
    registered = _moment(after.get("registered_at"))
    if registered is None:
        return None
    try:
        refer = int(data["days"]) if action == Action.REFER_DOWN else None
        return timing.due_on_after(
            calculator(session),
            str(after.get("kind") or "dispute"),
            registered,
            after.get("grade"),
            int(after.get("extension_days") or 0),
            refer,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _handler_name(session: Session, handler: Any) -> str | None:
    if not isinstance(handler, str) or ":" not in handler:
        return None
    kind, _, ident = handler.partition(":")
    record = session.get(Record, ident)
    if record is None or record.table_name != ("orgs" if kind == "org" else "accounts"):
        return None
    data = record.data
    if kind == "org":
        return data.get("name")
    # as the laptop names it (roles.shown_name): a county account given no name is 县综治中心 and its roles
    roles = {Role(n) for n in str(data.get("roles") or "").split(",") if n in set(Role)}
    county = data.get("scope_kind") == "county"
    return shown_name(data.get("display_name"), str(data.get("username") or ""), county, roles)


@cache
def _calendar() -> WorkdayCalendar:
    return WorkdayCalendar.load(HOLIDAYS) if HOLIDAYS.exists() else WorkdayCalendar()


def calculator(session: Session) -> DeadlineCalculator:
    """The township's deadline rules as its laptops apply them: its configured policy, its calendar."""
    config = _config(session, "deadline_policy")
    policy = DeadlinePolicy.from_config(config) if config else DeadlinePolicy.default()
    return DeadlineCalculator(policy, calendar.merged(_calendar(), _config(session, "holidays")))


def _config(session: Session, key: str) -> Any:
    return next(
        (
            r.data.get("value")
            for r in session.scalars(select(Record).where(Record.table_name == "config"))
            if r.data.get("key") == key and not r.deleted
        ),
        None,
    )


# ------------------------------------------------------------------------------------------ agreements


def check_agreement_change(agreement: Record, applied: dict) -> None:
    """Once the parties signed, what they signed is fixed: a change is a new agreement (变更协议). Its
    调解文书号,
    once given, is fixed too: it is printed on what the parties hold."""
    given = agreement.data.get("doc_no")
    if given and "doc_no" in applied and applied["doc_no"] != given:
        raise Refused(f"调解文书号 {given} 已编定，不能再改")
    if not agreement.data.get("signed_by_parties"):
        return
    changed = [f for f in SIGNED_CONTENT if f in applied and applied[f] != agreement.data.get(f)]
    if applied.get("signed_by_parties") is False:
        changed.append("signed_by_parties")
    if applied.get("deleted") is True:
        changed.append("deleted")
    if changed:
        raise Refused(
            f"协议已由当事人签名，{', '.join(changed)} 不能再改；变更须另立变更协议，由各方重新签名"
        )
