"""The facts behind a matter's risk and figures, and its agreements, as the server checks them.

A matter's people, amount, signals and place change only by a step with a reason (更正事实, 变更属地), to the
values that step gives; a correction that signals a lower risk than the facts it replaces records it as a
lowering. An agreement is written only by its 记录协议 step (a 变更协议 names a signed agreement of the same
matter that nothing replaced yet); once the parties signed, its dates and signatures stay; its 司法确认 fields
are written only by 申请司法确认 / 司法确认结果, to what the step says. The rules are the core's
(`sync.core.domain.facts`, `confirmation`, `lifecycle`); `history` calls these from its own checks.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.core.domain import confirmation, facts, lifecycle, risk
from sync.core.domain.lifecycle import Action

from .authority import Refused
from .models import Record

CONFIRMATION_WINDOW_DAYS = 30  # 人民调解法 第三十三条: apply within 30 days of the agreement taking effect
CONFIRMING = (Action.APPLY_CONFIRMATION, Action.DECIDE_CONFIRMATION)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def _events(session: Session, matter_id: str, actions) -> list[Record]:
    wanted = {str(a) for a in actions}
    found = session.scalars(
        select(Record).where(Record.parent_id == matter_id, Record.table_name == "events")
    )
    return [e for e in found if e.data.get("action") in wanted and not e.deleted]


# ------------------------------------------------------------------------------------------ a step's data


def check_step(session: Session, matter: Record, action: Action, step: dict, lookup) -> None:
    """What the rules of a fact or confirmation step need beyond the lifecycle's own check."""
    if action == Action.CORRECT_FACTS:
        _check_correction(matter, step)
    elif action == Action.CHANGE_PLACE:
        _check_place(step, lookup)
    elif action in CONFIRMING:
        _check_confirmation(session, matter, action, step, lookup)


def _check_correction(matter: Record, step: dict) -> None:
    """A correction that signals a lower risk than the facts it replaces (as the server holds them) records
    that level and a reason: the early warning then keeps the matter until a leader confirms it."""
    old = facts.lowers(matter.data, step)
    if old is not None and not (
        step.get(lifecycle.RISK_LOWERED_FROM) == old
        and step.get(lifecycle.RISK_LOWERED_TO) == facts.signalled(step)
        and str(step.get(lifecycle.RISK_REASON) or "").strip()
    ):
        raise Refused(f"更正事实：更正后的信号低于原来的（{old}），须记录为降低风险等级并写明理由")
    higher = facts.raises(matter.data.get("risk"), step)
    if step.get("risk") != (str(higher) if higher is not None else None):
        shown = risk.RISK_LABELS[higher] if higher is not None else "不变"
        raise Refused(f"更正事实：更正后的信号所示风险等级为“{shown}”，risk 应随之")


def _check_place(step: dict, lookup) -> None:
    village = lookup(step.get("village_id")) if isinstance(step.get("village_id"), str) else None
    if village is None or village.table_name != "divisions":
        raise Refused("变更属地：village_id 不是服务器上的村（社区）")
    grid_id = step.get("grid_id")
    if grid_id is not None:
        grid = lookup(grid_id) if isinstance(grid_id, str) else None
        if grid is None or grid.table_name != "grids" or grid.data.get("village_id") != village.id:
            raise Refused("变更属地：grid_id 不是所填村（社区）的网格")


def _check_confirmation(session: Session, matter: Record, action: Action, step: dict, lookup) -> None:
    """The agreement named is this matter's written agreement in effect, not replaced; an application comes
    once, within 30 days of it taking effect; a decision follows the application."""
    label = lifecycle.ACTION_LABELS[action]
    agreement = lookup(step.get("agreement_id"))
    data = agreement.data if agreement is not None else {}
    if (
        agreement is None
        or agreement.table_name != "agreements"
        or agreement.deleted
        or data.get("matter_id") != matter.id
        or data.get("form") != "written"
        or not data.get("effective_on")
    ):
        raise Refused(f"{label}：agreement_id 应为本事项一份生效的书面调解协议")
    if _replaced(session, matter.id, agreement.id):
        raise Refused(f"{label}：这份协议已被变更协议取代")
    on, effective = _day(step.get("on")), _day(data.get("effective_on"))
    if action == Action.APPLY_CONFIRMATION:
        if data.get("confirmation_applied_on"):
            raise Refused(f"{label}：这份协议已申请过司法确认")
        last = effective + timedelta(days=CONFIRMATION_WINDOW_DAYS) if effective else None
        if on is None or last is None or not effective <= on <= last:
            raise Refused(f"{label}：on 应在协议生效后30日内（{last}前）")
        return
    applied = _day(data.get("confirmation_applied_on"))
    if applied is None:
        raise Refused(f"{label}：这份协议尚未申请司法确认")
    if data.get("confirmation_decided_on"):
        raise Refused(f"{label}：这份协议的司法确认已有结果")
    if on is None or on < applied:
        raise Refused(f"{label}：on 不能早于申请日期 {applied}")


def _replaced(session: Session, matter_id: str, agreement_id: str) -> Record | None:
    return next(
        (
            r
            for r in session.scalars(
                select(Record).where(Record.parent_id == matter_id, Record.table_name == "agreements")
            )
            if r.data.get("replaces_id") == agreement_id and not r.deleted and r.id != agreement_id
        ),
        None,
    )


# ------------------------------------------------------------------------------------------ a matter's edit


def refused_without_step(changes: dict) -> str | None:
    """The reason a direct write of a fact is refused (no step of this device found), naming the field."""
    named = [f for f in changes if f in facts.FACT_FIELDS or f in facts.PLACE_FIELDS]
    if not named:
        return None
    steps = "“变更属地”" if set(named) <= set(facts.PLACE_FIELDS) else "“更正事实”或“变更属地”"
    return f"事项的 {', '.join(named)} 上报后只能经{steps}步骤修改（须写明理由），不能直接改写"


def wrong_facts(action: Action, data: dict, changes: dict) -> list[str]:
    """The fact columns of an edit that differ from what its step gives."""
    if action == Action.CORRECT_FACTS:
        try:
            expected = facts.corrected(data)
        except (KeyError, TypeError):
            return [f for f in changes if f in facts.FACT_FIELDS]
        return [
            f for f in facts.FACT_FIELDS if f in changes and not facts.same_facts(changes[f], expected[f], f)
        ]
    if action == Action.CHANGE_PLACE:
        return [f for f in facts.PLACE_FIELDS if f in changes and changes[f] != data.get(f)]
    return []


# ------------------------------------------------------------------------------------------ agreements

# Once the parties signed (or it took effect), these stay as they were too: the day it took effect, the
# signatures, and which agreement it changes.
SIGNED_ALSO = ("effective_on", "signed_by_mediator", "replaces_id")


def check_new_agreement(session: Session, data: dict, device_id: str) -> None:
    """An agreement is written by this device's 记录协议 step on its matter (one record per step), with the
    step's form and the agreement it changes; it arrives without a court's decision."""
    matter_id = data.get("matter_id")
    if not isinstance(matter_id, str):
        return  # the shape check says why
    mine = [
        e for e in _events(session, matter_id, [Action.RECORD_AGREEMENT]) if e.updated_device == device_id
    ]
    written = [
        r.server_seq
        for r in session.scalars(
            select(Record).where(Record.parent_id == matter_id, Record.table_name == "agreements")
        )
        if r.field_device.get("matter_id") == device_id  # who wrote it first
    ]
    unused = [e for e in mine if not any(seq > e.server_seq for seq in written)]
    if not unused:
        raise Refused("协议只能由“记录协议”步骤写入：没有找到本设备对应的办理记录")
    step = max(unused, key=lambda e: e.server_seq).data.get("data") or {}
    if step.get("form") != data.get("form"):
        raise Refused(f"form：与“记录协议”步骤记录的协议形式（{step.get('form')}）不一致")
    if step.get("replaces") != data.get("replaces_id"):
        raise Refused("replaces_id：与“记录协议”步骤记录的原协议不一致")
    if data.get("replaces_id") is not None:
        _check_replaces(session, matter_id, data["replaces_id"])
    filled = [f for f in confirmation.AGREEMENT_FIELDS if data.get(f) not in (None, False, "")]
    if filled:
        raise Refused(f"{', '.join(filled)} 只能由“申请司法确认”“司法确认结果”步骤写入")
    effective = data.get("form") == "oral" or (
        data.get("signed_by_parties") and data.get("signed_by_mediator")
    )
    if bool(data.get("effective_on")) != bool(effective):
        raise Refused("effective_on：口头协议或各方与调解员均已签名的书面协议在记录时生效，其余尚未生效")


def _check_replaces(session: Session, matter_id: str, replaces_id: Any) -> None:
    old = session.get(Record, replaces_id) if isinstance(replaces_id, str) else None
    if (
        old is None
        or old.table_name != "agreements"
        or old.deleted
        or old.data.get("matter_id") != matter_id
        or not old.data.get("signed_by_parties")
    ):
        raise Refused("replaces_id：应为本事项一份已由当事人签名的协议")
    if _replaced(session, matter_id, replaces_id):
        raise Refused("replaces_id：这份协议已被另一份变更协议取代")


def check_agreement_edit(
    session: Session, agreement: Record, fields: dict, device_id: str, verb: str
) -> None:
    """A signed agreement keeps its dates and signatures (a null is not a withdrawal either), is not deleted
    by an op without fields, and gets its 司法确认 fields only from its steps."""
    data = agreement.data
    changed = {f: v for f, v in fields.items() if v != data.get(f)}
    signed = bool(data.get("signed_by_parties")) or bool(data.get("effective_on"))
    if signed:
        frozen = [f for f in SIGNED_ALSO if f in changed]
        if (
            "signed_by_parties" in fields
            and fields["signed_by_parties"] is not True
            and data.get("signed_by_parties")
        ):
            frozen.append("signed_by_parties")
        if verb == "delete":
            frozen.append("deleted")
        if frozen:
            raise Refused(
                f"协议已由当事人签名，{', '.join(frozen)} 不能再改；变更须另立变更协议，由各方重新签名"
            )
    elif changed.get("signed_by_parties") or changed.get("effective_on"):
        raise Refused("signed_by_parties：签名和生效只能在“记录协议”时记录；另立协议须经该步骤")
    if "replaces_id" in changed:
        raise Refused("replaces_id：变更协议所取代的协议在记录时写定")
    confirming = {f: v for f, v in changed.items() if f in confirmation.AGREEMENT_FIELDS}
    if confirming:
        _check_confirmation_fields(session, agreement, confirming, device_id)


def _check_confirmation_fields(session: Session, agreement: Record, changes: dict, device_id: str) -> None:
    watched = max((agreement.field_seq.get(f, 0) for f in confirmation.AGREEMENT_FIELDS), default=0)
    matter_id = agreement.data.get("matter_id")
    steps = [
        e
        for e in _events(session, str(matter_id), CONFIRMING)
        if e.updated_device == device_id
        and e.server_seq > watched
        and (e.data.get("data") or {}).get("agreement_id") == agreement.id
    ]
    names = ", ".join(changes)
    if not steps:
        raise Refused(f"协议的 {names} 只能由“申请司法确认”“司法确认结果”步骤写入（没有找到对应的办理记录）")
    step = max(steps, key=lambda e: e.server_seq).data
    decided = step.get("action") == Action.DECIDE_CONFIRMATION
    expected = confirmation.agreement_fields(decided, step.get("data") or {})
    wrong = [f for f, v in changes.items() if f not in expected or v != expected[f]]
    if wrong:
        label = lifecycle.ACTION_LABELS[Action(step["action"])]
        raise Refused(f"“{label}”不会把协议的 {', '.join(wrong)} 改成这样")
