"""The matter state machine of the six-step loop (六步闭环).

The status of a matter is derived from its events: `replay` folds them with `advance`, the same function a use
case calls for each new step, so the stored status is only a cache of the history. Every step names the roles
entitled to it and whether only the current handler may take it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sync.core.domain.messages import msg

from . import confirmation, linkage, petitions
from .facts import facts_problem
from .petitions import Stage
from .roles import ROLE_LABELS, Role


class Status(StrEnum):
    REPORTED = "reported"
    REGISTERED = "registered"
    REJECTED = "rejected"
    REPEAT = "repeat"
    DISPATCHED = "dispatched"
    OPEN_FOR_CLAIM = "open_for_claim"
    HANDLING = "handling"
    RETURNED = "returned"
    CLOSED = "closed"
    CHECKED = "checked"
    EVALUATED = "evaluated"
    FORWARDED = "forwarded"  # 信访转送: sent to the organ in charge with a 转送告知书


STATUS_LABELS = {
    Status.REPORTED: "已上报",
    Status.REGISTERED: "待交办",
    Status.REJECTED: "不予立案",
    Status.REPEAT: "重复件",
    Status.DISPATCHED: "待签收",
    Status.OPEN_FOR_CLAIM: "待认领",
    Status.HANDLING: "办理中",
    Status.RETURNED: "已回流",
    Status.CLOSED: "已办结",
    Status.CHECKED: "已销号",
    Status.EVALUATED: "已回访",
    Status.FORWARDED: "已转送",
}

OPEN_STATUSES = frozenset(
    {
        Status.REPORTED,
        Status.REGISTERED,
        Status.DISPATCHED,
        Status.OPEN_FOR_CLAIM,
        Status.HANDLING,
        Status.RETURNED,
    }
)
# Statuses in which the clock runs against the handler.
TIMED_STATUSES = frozenset(
    {Status.REGISTERED, Status.DISPATCHED, Status.OPEN_FOR_CLAIM, Status.HANDLING, Status.RETURNED}
)
DONE_STATUSES = frozenset({Status.CLOSED, Status.CHECKED, Status.EVALUATED})


class Level(StrEnum):
    VILLAGE = "village"
    TOWNSHIP = "township"
    COUNTY = "county"


LEVEL_LABELS = {Level.VILLAGE: "村级", Level.TOWNSHIP: "镇级", Level.COUNTY: "县级"}
LEVEL_ORDER = [Level.VILLAGE, Level.TOWNSHIP, Level.COUNTY]
TRIES_PER_LEVEL = 3  # 三个三: three tries at each level before it must go one level up


class Action(StrEnum):
    REPORT = "reported"
    REGISTER = "registered"
    REJECT = "rejected"
    MARK_REPEAT = "marked_repeat"
    DISPATCH = "dispatched"
    PUBLISH = "published"
    CLAIM = "claimed"
    ACCEPT = "accepted"
    RETURN = "returned"
    RECORD_SESSION = "session_held"
    RECORD_AGREEMENT = "agreement_recorded"
    ESCALATE = "escalated"
    REQUEST_EXTENSION = "extension_requested"
    DECIDE_EXTENSION = "extension_decided"
    SUPERVISE = "supervised"
    EXPLAIN_OVERDUE = "overdue_explained"
    REGRADE = "regraded"
    TAKE_CHARGE = "taken_in_charge"
    CLOSE = "closed"
    CHECK = "checked"
    FOLLOW_UP = "followed_up"
    REOPEN = "reopened"
    JUDICIAL_CONFIRMATION = "judicial_confirmation"  # 司法确认: applied for, then the court's decision
    REFER_DOWN = "referred_down"  # the level above decided; a lower level carries the decision out
    ARCHIVE = "archived"  # 卷宗归档: the closed matter's dossier is filed
    SETTLE_CONFLICT = "conflict_settled"  # two laptops took different steps offline; someone decides
    CONFIRM_RISK = "risk_confirmed"  # a leader confirms a risk registered lower than its signals say
    CORRECT_FACTS = "facts_corrected"  # 更正事实: people, amount, signals, with a reason (facts.py)
    CHANGE_PLACE = "place_changed"  # 变更属地: the village and grid, with a reason
    APPLY_CONFIRMATION = "confirmation_applied"  # 申请司法确认: which agreement, which court, when
    DECIDE_CONFIRMATION = "confirmation_decided"  # 司法确认结果: confirmed or rejected, court, 文书号, date
    RECEIVE_REFERRAL = "referral_received"  # 三调联动: the court's or the police's referral, with its number
    ANSWER_REFERRAL = "referral_answered"  # … and the result sent back to them (sync.core.domain.linkage)
    INVESTIGATE = "investigated"  # 调查: who looked into what, when and where, and what they found
    # 信访 by the regulation (sync.core.domain.petitions): 转送, then after the written reply 复查 and 复核
    FORWARD = "forwarded"
    REQUEST_REVIEW = "review_requested"
    DECIDE_REVIEW = "review_decided"
    REQUEST_RECHECK = "recheck_requested"
    DECIDE_RECHECK = "recheck_decided"
    CONCLUDE = "concluded"


ACTION_LABELS = {
    Action.REPORT: "上报",
    Action.REGISTER: "立案定级",
    Action.REJECT: "不予立案",
    Action.MARK_REPEAT: "标记为重复件",
    Action.DISPATCH: "交办",
    Action.PUBLISH: "发布认领",
    Action.CLAIM: "认领",
    Action.ACCEPT: "签收",
    Action.RETURN: "回流",
    Action.RECORD_SESSION: "记录调解",
    Action.RECORD_AGREEMENT: "记录协议",
    Action.ESCALATE: "提级（报请上级）",
    Action.REQUEST_EXTENSION: "申请延期",
    Action.DECIDE_EXTENSION: "审批延期",
    Action.SUPERVISE: "督办",
    Action.EXPLAIN_OVERDUE: "超期说明",
    Action.REGRADE: "调整星级",
    Action.TAKE_CHARGE: "领导包案",
    Action.CLOSE: "办结",
    Action.CHECK: "核查销号",
    Action.FOLLOW_UP: "回访",
    Action.REOPEN: "恢复办理",
    Action.JUDICIAL_CONFIRMATION: "司法确认",
    Action.REFER_DOWN: "交下级落实",
    Action.ARCHIVE: "卷宗归档",
    Action.SETTLE_CONFLICT: "处理同步冲突",
    Action.CONFIRM_RISK: "确认风险等级",
    Action.CORRECT_FACTS: "更正事实",
    Action.CHANGE_PLACE: "变更属地",
    Action.APPLY_CONFIRMATION: "申请司法确认",
    Action.DECIDE_CONFIRMATION: "司法确认结果",
    Action.RECEIVE_REFERRAL: "登记联动移送",
    Action.ANSWER_REFERRAL: "反馈联动结果",
    Action.INVESTIGATE: "记录调查",
    Action.FORWARD: "转送",
    Action.REQUEST_REVIEW: "登记复查申请",
    Action.DECIDE_REVIEW: "复查意见",
    Action.REQUEST_RECHECK: "登记复核申请",
    Action.DECIDE_RECHECK: "复核意见",
    Action.CONCLUDE: "信访终结",
}


@dataclass(frozen=True)
class Rule:
    sources: frozenset[Status | None]  # statuses it may start from; None stands for "no matter yet"
    roles: frozenset[Role]
    handler_only: bool = False  # only the current handler (or, for platform roles, their office) may act


_HANDLERS = frozenset({Role.GRID_WORKER, Role.GRID_LEADER, Role.MEDIATOR, Role.PLATFORM})
_ACTIVE = frozenset({Status.DISPATCHED, Status.HANDLING})
_S = Status

RULES: dict[Action, Rule] = {
    Action.REPORT: Rule(
        frozenset({None}),
        frozenset(
            {
                Role.HOUSEHOLD_HEAD,
                Role.GRID_WORKER,
                Role.GRID_LEADER,
                Role.MEDIATOR,
                Role.PLATFORM,
                Role.LEADER,
            }
        ),
    ),
    Action.REGISTER: Rule(frozenset({_S.REPORTED}), frozenset({Role.PLATFORM})),
    Action.REJECT: Rule(frozenset({_S.REPORTED}), frozenset({Role.PLATFORM})),
    Action.MARK_REPEAT: Rule(frozenset({_S.REPORTED, _S.REGISTERED}), frozenset({Role.PLATFORM})),
    Action.DISPATCH: Rule(frozenset({_S.REGISTERED, _S.RETURNED}), frozenset({Role.PLATFORM, Role.LEADER})),
    Action.PUBLISH: Rule(frozenset({_S.REGISTERED, _S.RETURNED}), frozenset({Role.PLATFORM})),
    Action.CLAIM: Rule(frozenset({_S.OPEN_FOR_CLAIM}), frozenset({Role.MEDIATOR})),
    Action.ACCEPT: Rule(frozenset({_S.DISPATCHED}), _HANDLERS, handler_only=True),
    Action.RETURN: Rule(_ACTIVE, _HANDLERS, handler_only=True),
    Action.RECORD_SESSION: Rule(frozenset({_S.HANDLING}), _HANDLERS, handler_only=True),
    Action.RECORD_AGREEMENT: Rule(frozenset({_S.HANDLING}), _HANDLERS, handler_only=True),
    Action.ESCALATE: Rule(frozenset({_S.HANDLING}), _HANDLERS, handler_only=True),
    Action.REQUEST_EXTENSION: Rule(_ACTIVE, _HANDLERS, handler_only=True),
    Action.DECIDE_EXTENSION: Rule(_ACTIVE, frozenset({Role.PLATFORM, Role.LEADER})),
    Action.SUPERVISE: Rule(TIMED_STATUSES, frozenset({Role.SUPERVISOR, Role.LEADER})),
    Action.EXPLAIN_OVERDUE: Rule(_ACTIVE, _HANDLERS, handler_only=True),
    Action.REGRADE: Rule(TIMED_STATUSES, frozenset({Role.PLATFORM})),
    Action.TAKE_CHARGE: Rule(OPEN_STATUSES, frozenset({Role.LEADER})),
    Action.CLOSE: Rule(frozenset({_S.HANDLING}), _HANDLERS, handler_only=True),
    Action.CHECK: Rule(frozenset({_S.CLOSED}), frozenset({Role.PLATFORM})),
    Action.FOLLOW_UP: Rule(
        frozenset({_S.CHECKED, _S.EVALUATED}), frozenset({Role.SUPERVISOR, Role.PLATFORM})
    ),
    Action.REOPEN: Rule(DONE_STATUSES, frozenset({Role.PLATFORM, Role.SUPERVISOR})),
    Action.JUDICIAL_CONFIRMATION: Rule(
        frozenset({_S.HANDLING, _S.CLOSED, _S.CHECKED, _S.EVALUATED}), _HANDLERS
    ),
    Action.REFER_DOWN: Rule(frozenset({_S.REGISTERED, _S.HANDLING}), frozenset({Role.PLATFORM, Role.LEADER})),
    Action.ARCHIVE: Rule(DONE_STATUSES, frozenset({Role.PLATFORM, Role.MEDIATOR})),
    Action.SETTLE_CONFLICT: Rule(frozenset(Status), _HANDLERS, handler_only=True),
    Action.CONFIRM_RISK: Rule(frozenset(Status), frozenset({Role.LEADER})),
    # Before 立案 (no handler yet) whoever may report corrects the report; then its handler or the office.
    Action.CORRECT_FACTS: Rule(OPEN_STATUSES, _HANDLERS | {Role.LEADER}, handler_only=True),
    Action.CHANGE_PLACE: Rule(OPEN_STATUSES, frozenset({Role.PLATFORM})),
    Action.APPLY_CONFIRMATION: Rule(frozenset({_S.HANDLING, _S.CLOSED, _S.CHECKED, _S.EVALUATED}), _HANDLERS),
    Action.DECIDE_CONFIRMATION: Rule(
        frozenset({_S.HANDLING, _S.CLOSED, _S.CHECKED, _S.EVALUATED}), _HANDLERS
    ),
    # The 综治中心 (or the 调委会's mediator the court sent it to) records the court's or station's referral
    # while it is open; the result goes back once the matter is done, from whoever handled it.
    # (a mediator only on a matter they handle: any mediator of the township could relabel any matter: review)
    Action.RECEIVE_REFERRAL: Rule(
        OPEN_STATUSES, frozenset({Role.PLATFORM, Role.MEDIATOR}), handler_only=True
    ),
    Action.ANSWER_REFERRAL: Rule(DONE_STATUSES, _HANDLERS, handler_only=True),
    Action.INVESTIGATE: Rule(frozenset({_S.HANDLING}), _HANDLERS, handler_only=True),
    # 信访: the 信访办 (the platform) decides, records the petitioner's requests and gives the opinions
    Action.FORWARD: Rule(frozenset({_S.REPORTED}), frozenset({Role.PLATFORM})),
    Action.REQUEST_REVIEW: Rule(DONE_STATUSES, frozenset({Role.PLATFORM})),
    Action.DECIDE_REVIEW: Rule(DONE_STATUSES, frozenset({Role.PLATFORM, Role.LEADER})),
    Action.REQUEST_RECHECK: Rule(DONE_STATUSES, frozenset({Role.PLATFORM})),
    Action.DECIDE_RECHECK: Rule(DONE_STATUSES, frozenset({Role.PLATFORM, Role.LEADER})),
    Action.CONCLUDE: Rule(DONE_STATUSES, frozenset({Role.PLATFORM, Role.LEADER})),
}
PETITION_ACTIONS = frozenset(
    {
        Action.FORWARD,
        Action.REQUEST_REVIEW,
        Action.DECIDE_REVIEW,
        Action.REQUEST_RECHECK,
        Action.DECIDE_RECHECK,
        Action.CONCLUDE,
    }
)
# The petition stage each step after the reply needs, and the one it leads to.
PETITION_STAGES: dict[Action, tuple[frozenset[str | None], str]] = {
    Action.REQUEST_REVIEW: (frozenset({Stage.REPLIED}), Stage.REVIEW_REQUESTED),
    Action.DECIDE_REVIEW: (frozenset({Stage.REVIEW_REQUESTED}), Stage.REVIEWED),
    Action.REQUEST_RECHECK: (frozenset({Stage.REVIEWED}), Stage.RECHECK_REQUESTED),
    Action.DECIDE_RECHECK: (frozenset({Stage.RECHECK_REQUESTED}), Stage.RECHECKED),
    Action.CONCLUDE: (frozenset({Stage.REPLIED, Stage.REVIEWED, Stage.RECHECKED}), Stage.CONCLUDED),
}
# A petition's steps in the words of the 信访工作条例 (review: a 信访 matter offered 立案定级 / 不予立案).
PETITION_ACTION_LABELS = {
    Action.REGISTER: "受理",
    Action.REJECT: "不予受理",
    Action.CLOSE: "书面答复（办结）",
}


def action_label(action: Action, kind: str | None = None) -> str:
    """What a step is called on a matter of this kind."""
    if kind == "petition" and action in PETITION_ACTION_LABELS:
        return PETITION_ACTION_LABELS[action]
    return ACTION_LABELS[action]


# Steps taken from elsewhere than the matter's buttons (the conflicts view), and 司法确认 as one step, which
# older laptops recorded (their histories still replay; it is now the pair 申请司法确认 / 司法确认结果).
NOT_OFFERED = frozenset({Action.SETTLE_CONFLICT, Action.JUDICIAL_CONFIRMATION})

# The matter's columns that cache its state, with the state's attribute and how a stored value reads back.
STATE_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "status": ("status", lambda v: Status(v)),
    "level": ("level", lambda v: Level(v)),
    "failed_tries": ("failed_tries", int),
    "handler": ("handler", lambda v: v),
    "grade": ("grade", lambda v: None if v is None else int(v)),
    "pending_extension_days": ("pending_extension_days", int),
    "extension_days": ("extension_days", int),
    "outcome": ("outcome", lambda v: Outcome(v) if v else None),
    "satisfaction": ("satisfaction", lambda v: v),
    "repeat_of": ("repeat_of", lambda v: v),
    "leader_id": ("leader", lambda v: v),
    "supervised": ("supervised", int),
    "explanation_due": ("explanation_due", bool),
    "archived": ("archived", bool),
    "referral_kind": ("referral_kind", lambda v: v),  # 三调联动: who sent it (linkage.KIND_LABELS)
    "referral_result": ("referral_result", lambda v: v),  # … and the result sent back to them
    "petition_stage": ("petition_stage", lambda v: v),
    "petition_since": ("petition_since", lambda v: v),
}


# The matter's other columns a step sets (besides the state above): written only along with a step that sets
# them, to the value the step gives (`step_times`, the deadline rule in `timing.due_on_after`, the handler's
# name). The server refuses them written any other way.
STEP_SET_FIELDS: dict[str, frozenset[Action]] = {
    "registered_at": frozenset({Action.REGISTER, Action.ESCALATE, Action.REOPEN, Action.REFER_DOWN}),
    "due_on": frozenset(
        {
            Action.REGISTER,
            Action.ESCALATE,
            Action.REOPEN,
            Action.REGRADE,
            Action.DECIDE_EXTENSION,
            Action.REFER_DOWN,
        }
    ),
    "closed_at": frozenset({Action.CLOSE, Action.CHECK, Action.REOPEN}),
    "checked_at": frozenset({Action.CHECK, Action.REOPEN}),
    "risk": frozenset({Action.REGISTER, Action.CORRECT_FACTS}),  # a correction raises it (facts.raises)
    "category": frozenset({Action.REGISTER}),
    "subcategory": frozenset({Action.REGISTER}),
    "closing_reply": frozenset({Action.CLOSE}),
    # the facts the risk and the figures are judged by (sync.core.domain.facts): a step with a reason
    "people_count": frozenset({Action.CORRECT_FACTS}),
    "amount": frozenset({Action.CORRECT_FACTS}),
    "signals": frozenset({Action.CORRECT_FACTS}),
    "is_group": frozenset({Action.CORRECT_FACTS}),
    "village_id": frozenset({Action.CHANGE_PLACE}),
    "grid_id": frozenset({Action.CHANGE_PLACE}),
    # 三调联动: the outside body's number, name and dates, and the reply (sync.core.domain.linkage)
    "referral_no": frozenset({Action.RECEIVE_REFERRAL}),
    "referral_body": frozenset({Action.RECEIVE_REFERRAL}),
    "referral_received_on": frozenset({Action.RECEIVE_REFERRAL}),
    "referral_due_on": frozenset({Action.RECEIVE_REFERRAL}),
    "referral_result_on": frozenset({Action.ANSWER_REFERRAL}),
    "referral_reply": frozenset({Action.ANSWER_REFERRAL}),
}
# 信访代办: set when the matter is reported (a grid worker files on the petitioner's behalf), never after.
# Written once, when the matter is reported: never changed by any laptop afterwards.
FIXED_FIELDS = (
    "reported_by",
    "reported_at",
    "whistleblower",
    "accused_org_id",
    "serial",
    "kind",
    "by_proxy",
    "source",  # the channel it came by: the counts by source group by it (review)
    "external_no",  # a hotline or referral number, looked up by it
)


def step_times(action: Action, data: dict[str, Any], at: Any, checked: bool = True) -> dict[str, Any]:
    """The times a step sets on the matter: the step's own time (`at`, the event's), or clears.
    `checked`: for 核查销号, whether the check passed."""
    if action in (Action.REGISTER, Action.ESCALATE, Action.REFER_DOWN):
        return {"registered_at": at}
    if action == Action.REOPEN:
        return {"registered_at": at, "closed_at": None, "checked_at": None}
    if action == Action.CLOSE:
        return {"closed_at": at}
    if action == Action.CHECK:
        return {"checked_at": at} if checked else {"checked_at": None, "closed_at": None}
    return {}


def stored(state: MatterState, column: str) -> Any:
    """A state's value as the matter row stores it."""
    attribute, _ = STATE_FIELDS[column]
    value = getattr(state, attribute)
    return str(value) if column in ("status", "level", "outcome") and value is not None else value


# What 立案定级 records when it sets a risk below the signals' (sync.core.domain.risk.assess): the level the
# signals gave, and why it is lower.
RISK_LOWERED_FROM = "risk_lowered_from"
RISK_REASON = "risk_reason"
# … and what 更正事实 records when its facts signal a lower level than the ones it replaced: the new level.
RISK_LOWERED_TO = "risk_lowered_to"
# The steps that may lower a risk below the signals' (each records RISK_LOWERED_FROM when it does).
LOWERING_ACTIONS = frozenset({Action.REGISTER, Action.CORRECT_FACTS})


def lowering(action: str, data: Any) -> tuple[str, str, str] | None:
    """What a step lowered, as recorded: (the signals' level, the level it went to, the reason); None when the
    step lowered nothing."""
    if action not in LOWERING_ACTIONS or not isinstance(data, dict) or not data.get(RISK_LOWERED_FROM):
        return None
    to = data.get("risk") if action == Action.REGISTER else data.get(RISK_LOWERED_TO)
    return str(data[RISK_LOWERED_FROM]), str(to or ""), str(data.get(RISK_REASON) or "")


def risk_lowered_in(steps: Iterable[tuple[str, Any]]) -> bool:
    """Whether a matter's history (its (action, data) pairs, any order) holds a lowering of the risk that no
    确认风险等级 followed: the early warning keeps such a matter."""
    lowered = False
    for action, data in sorted(steps, key=lambda step: place_in_history(step[1])):
        if action == Action.CONFIRM_RISK:
            lowered = False
        elif lowering(action, data):
            lowered = True
    return lowered


CONFIRMATION_STAGES = {"applied": "已申请司法确认", "confirmed": "法院确认有效", "rejected": "法院不予确认"}


class Outcome(StrEnum):
    """How a matter was closed."""

    AGREEMENT = "agreement"  # 调解成功，达成协议
    RESOLVED_OTHERWISE = "resolved"  # 以其他方式化解
    UNRESOLVED = "unresolved"  # 未化解：告知当事人法律途径


OUTCOME_LABELS = {
    Outcome.AGREEMENT: "调解成功",
    Outcome.RESOLVED_OTHERWISE: "其他方式化解",
    Outcome.UNRESOLVED: "未化解",
}

# A petition (信访事项) closes with its written reply (书面答复): the outcomes a reply can state, worded
# as one (信访工作条例 第三十二条); a mediation agreement (调解成功) is a dispute's outcome, not offered.
PETITION_OUTCOME_LABELS = {
    Outcome.RESOLVED_OTHERWISE: "予以支持，诉求已解决",
    Outcome.UNRESOLVED: "不予支持或未能解决（告知复查途径）",
}


class SessionOutcome(StrEnum):
    AGREEMENT = "agreement"
    PARTIAL = "partial"
    FAILED = "failed"
    ADJOURNED = "adjourned"


SESSION_OUTCOME_LABELS = {
    SessionOutcome.AGREEMENT: "达成协议",
    SessionOutcome.PARTIAL: "部分达成",
    SessionOutcome.FAILED: "调解不成",
    SessionOutcome.ADJOURNED: "中止/择期再调",
}


@dataclass(frozen=True)
class MatterState:
    """What the history of one matter amounts to now."""

    status: Status | None = None
    level: Level = Level.VILLAGE
    failed_tries: int = 0  # failed sessions at the current level
    handler: str | None = None  # "org:<id>" or "account:<id>"
    grade: int | None = None
    pending_extension_days: int = 0
    extension_days: int = 0
    has_agreement: bool = False  # an agreement in effect
    written_agreement: bool = False  # … and a written one: only that can be judicially confirmed (Art. 33)
    outcome: Outcome | None = None
    satisfaction: str | None = None
    repeat_of: str | None = None
    leader: str | None = None
    supervised: int = 0
    explanation_due: bool = False  # supervised (督办) since the handler last explained the delay
    archived: bool = False  # the dossier (卷宗) is filed
    # registered with a risk below what its signals say, and no leader has confirmed that yet (from the
    # events, like has_agreement: not a column of its own)
    risk_lowered: bool = False
    referral_kind: str | None = None  # 三调联动: sent by the court or the police (linkage.KIND_LABELS)
    referral_result: str | None = None  # … and the result sent back (linkage.RESULT_LABELS)
    # 信访 (sync.core.domain.petitions): the matter's kind (not a state: fixed at the report), the stage after
    # the written reply and the ISO day its window runs from
    petition: bool = False
    petition_stage: str | None = None
    petition_since: str | None = None


@dataclass(frozen=True)
class Actor:
    """Who is acting, as the state machine needs to know it."""

    roles: frozenset[Role]
    # "account:<id>", "org:<id>" they answer for
    handler_keys: frozenset[str] = field(default_factory=frozenset)
    # a county account (its scope's kind, never its roles, makes it one): the county's steps are its own
    county: bool = False


class Refused(Exception):
    """A lifecycle step that may not be taken now; the message says why, in the user's words."""

    def __init__(self, action: Action, reason: str):
        self.action = action
        self.reason = reason
        super().__init__(msg("不能{0}：{1}", ACTION_LABELS[action], reason))


def _role_names(roles: Iterable[Role]) -> str:
    return "、".join(ROLE_LABELS[r] for r in Role if r in roles)


def is_handler(state: MatterState, actor: Actor) -> bool:
    return state.handler is not None and state.handler in actor.handler_keys


def why_not(state: MatterState, action: Action, actor: Actor) -> str | None:
    """None when the actor may take this step now; otherwise the reason, in Chinese."""
    if tier := tier_problem(state, action, actor):
        return tier
    rule = RULES[action]
    if state.status not in rule.sources:
        current = STATUS_LABELS.get(state.status, "未上报") if state.status else "未上报"
        return msg("事项当前为“{0}”", current)
    if not (actor.roles & rule.roles):
        return msg("只有{0}可以办理", _role_names(rule.roles))
    unhandled = action == Action.CORRECT_FACTS and state.status == Status.REPORTED  # the report itself
    if (
        rule.handler_only
        and not unhandled
        and not is_handler(state, actor)
        and Role.PLATFORM not in actor.roles
    ):
        return msg("只有当前承办人可以办理")
    if action == Action.RECORD_SESSION and state.failed_tries >= TRIES_PER_LEVEL:
        return msg("本级已调解{0}次未成，应提级报请上一级", TRIES_PER_LEVEL)
    if action == Action.ESCALATE and state.level == Level.COUNTY:
        return msg("已在县级，无法再提级")
    if action == Action.REFER_DOWN and state.level == Level.VILLAGE:
        return msg("已在村级，没有下级")
    if action == Action.SUPERVISE and state.handler is None and not actor.county:
        # 督办 is sent to the unit handling the matter (处理反馈); one with nobody yet is the platform's
        # own to dispatch (交办), not to chase with a 督办单 addressed to no one. The county's 督办 of a
        # matter it sent down goes to the township, which has not dispatched it yet.
        return msg("尚未交办给任何单位或承办人，督办须发给承办单位：请先交办")
    if action == Action.CLOSE and state.explanation_due:
        return msg("已被督办，须先提交超期说明")
    if action == Action.ARCHIVE and state.archived:
        return msg("卷宗已归档")
    if action == Action.REQUEST_EXTENSION and state.pending_extension_days:
        return msg("已有待审批的延期申请")
    confirming = (Action.JUDICIAL_CONFIRMATION, Action.APPLY_CONFIRMATION, Action.DECIDE_CONFIRMATION)
    if action in confirming and not state.written_agreement:
        return msg("只有生效的书面调解协议可以申请司法确认")
    if action == Action.DECIDE_EXTENSION and not state.pending_extension_days:
        return msg("没有待审批的延期申请")
    if action == Action.CONFIRM_RISK and not state.risk_lowered:
        return msg("没有待确认的降低风险等级")
    if action == Action.RECEIVE_REFERRAL and state.referral_kind:
        return msg("已登记为“{0}”", linkage.KIND_LABELS.get(state.referral_kind, state.referral_kind))
    if action == Action.ANSWER_REFERRAL and not state.referral_kind:
        return msg("不是法院或公安移送的事项，须先登记联动移送")
    if action == Action.ANSWER_REFERRAL and state.referral_result:
        return msg("已反馈结果")
    if action in PETITION_ACTIONS and not state.petition:
        return msg("只有信访事项有此步骤")
    if action in PETITION_STAGES and state.petition_stage not in PETITION_STAGES[action][0]:
        current = petitions.STAGE_LABELS.get(state.petition_stage or "", "尚未书面答复")
        return msg("信访事项当前为“{0}”", current)
    if action == Action.REOPEN and state.petition_stage == Stage.CONCLUDED:
        return msg("信访事项已终结，同一事实不再受理")
    return None


# 三个三 across the boundary: the steps a county account takes on a matter it sent down (交下级落实), whose
# township now carries it out against the county's deadline.
COUNTY_OVER_LOWER = frozenset({Action.SUPERVISE})


def tier_problem(state: MatterState, action: Action, actor: Actor) -> str | None:
    """Whose tier a step is: while a matter is at county level only county accounts take its steps (the
    township keeps it, read-only); below it the township acts, and the county only supervises (督办)."""
    if state.status is None:  # the report: a county account reports nothing of the township's
        return msg("县级账号不在乡镇上报事项") if actor.county and action == Action.REPORT else None
    if state.level == Level.COUNTY and not actor.county:
        return msg("事项已提级到县级，由县级办理，本级只能查看")
    if actor.county and state.level != Level.COUNTY and action not in COUNTY_OVER_LOWER:
        return msg("事项已交下级落实，由乡镇办理；县级只能督办")
    return None


# The steps a user takes first, without a form to think about, before others open (签收, 认领): a step they
# unlock is shown greyed with the reason, not hidden (review: 提级 could not be found until 签收).
FIRST_STEPS = (Action.ACCEPT, Action.CLAIM)
# Who receives a matter sent one level up (提级), by the level it arrives at.
LEVEL_CENTRES = {Level.TOWNSHIP: "乡镇综治中心", Level.COUNTY: "县综治中心"}


def first_step_for(state: MatterState, action: Action, actor: Actor) -> Action | None:
    """The first step (签收, 认领) after which this actor may take `action`, when it may not take it now."""
    if why_not(state, action, actor) is None:
        return None
    me = next((k for k in sorted(actor.handler_keys) if k.startswith("account:")), None)
    for first in FIRST_STEPS:
        if why_not(state, first, actor) is not None:
            continue
        try:
            after = advance(state, first, {"handler": me})
        except Refused:
            continue
        if why_not(after, action, actor) is None:
            return first
    return None


def level_above(level: Level) -> Level | None:
    """Where 提级 sends a matter at this level; None at the top."""
    index = LEVEL_ORDER.index(level) + 1
    return LEVEL_ORDER[index] if index < len(LEVEL_ORDER) else None


def level_below(level: Level) -> Level | None:
    """Where 交下级落实 sends a matter at this level; None at the bottom."""
    index = LEVEL_ORDER.index(level) - 1
    return LEVEL_ORDER[index] if index >= 0 else None


def allowed_actions(state: MatterState, actor: Actor) -> list[Action]:
    """The steps the matter's screen offers this actor now."""
    return [a for a in Action if a not in NOT_OFFERED and why_not(state, a, actor) is None]


def check(state: MatterState, action: Action, actor: Actor) -> None:
    reason = why_not(state, action, actor)
    if reason:
        raise Refused(action, reason)


def advance(state: MatterState, action: Action, data: dict[str, Any] | None = None) -> MatterState:
    """The state after one step. Checks the data the step needs; who may act is `check`'s job."""
    data = data or {}

    def need(key: str, label: str) -> Any:
        value = data.get(key)
        if value in (None, ""):
            raise Refused(action, msg("须填写{0}", label))
        return value

    s = state
    if action == Action.REPORT:
        return MatterState(status=Status.REPORTED, level=Level(data.get("level", Level.VILLAGE)))
    if action == Action.REGISTER:
        lowered = bool(data.get(RISK_LOWERED_FROM))
        if lowered:
            need(RISK_REASON, "降低风险等级的理由")
        grade = int(need("grade", "星级"))
        return replace(s, status=Status.REGISTERED, grade=grade, risk_lowered=s.risk_lowered or lowered)
    if action == Action.CONFIRM_RISK:
        return replace(s, risk_lowered=False)
    if action == Action.REJECT:
        need("reason", "不予立案的理由")
        return replace(s, status=Status.REJECTED)
    if action == Action.MARK_REPEAT:
        return replace(s, status=Status.REPEAT, repeat_of=need("primary_id", "主工单"))
    if action == Action.DISPATCH:
        return replace(s, status=Status.DISPATCHED, handler=need("handler", "承办单位或承办人"))
    if action == Action.PUBLISH:
        return replace(s, status=Status.OPEN_FOR_CLAIM, handler=None)
    if action == Action.CLAIM:
        return replace(s, status=Status.HANDLING, handler=need("handler", "认领人"))
    if action == Action.ACCEPT:
        return replace(s, status=Status.HANDLING)
    if action == Action.RETURN:
        need("reason", "回流理由")
        return replace(s, status=Status.RETURNED, handler=None, pending_extension_days=0)
    if action == Action.RECORD_SESSION:
        outcome = SessionOutcome(need("outcome", "调解结果"))
        return replace(s, failed_tries=s.failed_tries + (outcome == SessionOutcome.FAILED))
    if action == Action.RECORD_AGREEMENT:
        return replace(s, has_agreement=True)
    if action == Action.INVESTIGATE:
        need("on", "调查日期")
        return s
    if action == Action.ESCALATE:
        need("reason", "提级理由")
        upper = LEVEL_ORDER[LEVEL_ORDER.index(s.level) + 1]
        return replace(
            s,
            status=Status.REGISTERED,
            level=upper,
            failed_tries=0,
            handler=None,
            pending_extension_days=0,
            explanation_due=s.explanation_due and not _crosses_county(s.level, upper),
        )
    if action == Action.REQUEST_EXTENSION:
        days = int(need("days", "延期天数"))
        if days <= 0:
            raise Refused(action, msg("延期天数应大于0"))
        need("reason", "延期理由")
        return replace(s, pending_extension_days=days)
    if action == Action.DECIDE_EXTENSION:
        granted = s.pending_extension_days if data.get("approved") else 0
        return replace(s, pending_extension_days=0, extension_days=s.extension_days + granted)
    if action == Action.REFER_DOWN:
        need("decision", "上级处理意见")
        try:
            days = int(need("days", "落实期限（天）"))
        except (TypeError, ValueError):
            days = 0
        if days <= 0:
            raise Refused(action, msg("落实期限应大于0天"))
        lower = LEVEL_ORDER[LEVEL_ORDER.index(s.level) - 1]
        return replace(
            s,
            status=Status.REGISTERED,
            level=lower,
            failed_tries=0,
            handler=None,
            pending_extension_days=0,
            explanation_due=s.explanation_due and not _crosses_county(s.level, lower),
        )
    if action == Action.ARCHIVE:
        return replace(s, archived=True)
    if action == Action.SUPERVISE:
        return replace(s, supervised=s.supervised + 1, explanation_due=True)
    if action == Action.EXPLAIN_OVERDUE:
        need("note", "超期说明")
        return replace(s, explanation_due=False)
    if action == Action.REGRADE:
        return replace(s, grade=int(need("grade", "星级")))
    if action == Action.TAKE_CHARGE:
        return replace(s, leader=need("leader", "包案领导"))
    if action == Action.CLOSE:
        closing = Outcome(need("outcome", "办结结果"))
        # 信访: the 办结 is the written reply (书面答复意见书), dated: 复查 may be asked within 30 days of it
        stage, since = s.petition_stage, s.petition_since
        if data.get("replied_on") is not None:
            on = petitions.day_of(data.get("replied_on"))
            if on is None:
                raise Refused(action, msg("书面答复日期应为日期"))
            stage, since = Stage.REPLIED, on.isoformat()
        if closing == Outcome.AGREEMENT and not s.has_agreement:
            raise Refused(
                action, msg("尚无生效的调解协议（书面协议须各方和调解员签名），不能以“调解成功”办结")
            )
        if closing == Outcome.UNRESOLVED:
            need("legal_channels", "已告知当事人的法律途径（仲裁、诉讼、行政复议等）")
        return replace(s, status=Status.CLOSED, outcome=closing, petition_stage=stage, petition_since=since)
    if action == Action.CHECK:
        if data.get("passed", True):
            return replace(s, status=Status.CHECKED)
        need("note", "核查不通过的理由")
        return replace(s, status=Status.HANDLING, outcome=None)
    if action == Action.FOLLOW_UP:
        return replace(s, status=Status.EVALUATED, satisfaction=need("satisfaction", "满意度"))
    if action == Action.JUDICIAL_CONFIRMATION:
        if need("stage", "进展") not in CONFIRMATION_STAGES:
            raise Refused(action, msg("司法确认的进展应为{0}之一", "、".join(CONFIRMATION_STAGES.values())))
        return s
    if action == Action.CORRECT_FACTS:
        need("reason", "更正理由")
        if problem := facts_problem(data):
            raise Refused(action, problem)
        return replace(s, risk_lowered=s.risk_lowered or bool(data.get(RISK_LOWERED_FROM)))
    if action == Action.CHANGE_PLACE:
        need("reason", "变更理由")
        need("village_id", "村（社区）")
        return s
    if action in (Action.APPLY_CONFIRMATION, Action.DECIDE_CONFIRMATION):
        decided = action == Action.DECIDE_CONFIRMATION
        if problem := (confirmation.decision_problem if decided else confirmation.application_problem)(data):
            raise Refused(action, problem)
        return s
    if action == Action.RECEIVE_REFERRAL:
        if problems := linkage.received_problems(data):
            raise Refused(action, msg("{0}：{1}", *problems[0]))
        return replace(s, referral_kind=data["kind"])
    if action == Action.ANSWER_REFERRAL:
        # the received date is checked against the matter's column by the use case and the server
        if problems := linkage.answered_problems(data, None, str(s.outcome) if s.outcome else None):
            raise Refused(action, msg("{0}：{1}", *problems[0]))
        return replace(s, referral_result=data["result"])
    if action == Action.SETTLE_CONFLICT:
        field_name = need("field", "字段")
        if field_name not in STATE_FIELDS:
            raise Refused(action, msg("“{0}”不是事项的办理状态", field_name))
        attribute, read = STATE_FIELDS[field_name]
        return replace(s, **{attribute: read(data.get("value"))})
    if action == Action.REOPEN:
        need("reason", "恢复办理的理由")
        return replace(
            s,
            status=Status.REGISTERED,
            handler=None,
            outcome=None,
            failed_tries=0,
            satisfaction=None,
            archived=False,
            petition_stage=None,
            petition_since=None,
        )
    if action == Action.FORWARD:
        need("organ", "转送机关")
        return replace(s, status=Status.FORWARDED)
    if action in PETITION_STAGES:
        return _petition_step(s, action, data)
    raise Refused(action, msg("未知的步骤"))


def _petition_step(s: MatterState, action: Action, data: dict[str, Any]) -> MatterState:
    """复查 / 复核 asked and answered, and 终结: each dated (`on`), each request within its 30 days."""
    label = ACTION_LABELS[action]
    try:
        on = petitions.typed_day(data, label)
    except ValueError as exc:
        raise Refused(action, str(exc)) from None
    since = petitions.day_of(s.petition_since)
    if action in (Action.REQUEST_REVIEW, Action.REQUEST_RECHECK):
        asked = "复查申请" if action == Action.REQUEST_REVIEW else "复核申请"
        if problem := petitions.request_problem(asked, since, on, petitions.LIMITS.review_request):
            raise Refused(action, problem)
    elif action in (Action.DECIDE_REVIEW, Action.DECIDE_RECHECK):
        need_text = data.get("opinion")
        if not str(need_text or "").strip():
            raise Refused(action, msg("须填写{0}", "意见书内容"))
        if since is not None and on < since:
            raise Refused(action, msg("意见书日期 {0} 早于申请日期 {1}", on.isoformat(), since.isoformat()))
    elif problem := petitions.conclude_problem(s.petition_stage, since, on):
        raise Refused(action, problem)
    return replace(s, petition_stage=PETITION_STAGES[action][1], petition_since=on.isoformat())


def place_in_history(data: object) -> int:
    """An event's place in its matter's history: the whole number `n` its data holds (device clocks can be
    wrong, so this, not the time, orders a history). Anything else counts as 0, so one bad entry from a buggy
    laptop cannot stop a history being read."""
    n = data.get("n") if isinstance(data, dict) else None
    return n if isinstance(n, int) and not isinstance(n, bool) else 0


def history_data_problem(data: object) -> str | None:
    """Why an event's data cannot be taken into a history, or None: it is an object, and its `n` (if any) a
    whole number."""
    if data is None:
        return None
    if not isinstance(data, dict):
        return "办理记录的内容应为对象"
    n = data.get("n", 0)
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 1_000_000:
        return "办理记录的序号 n 应为不小于 0 的整数"
    return None


def _crosses_county(level: Level, to: Level) -> bool:
    """Whether a matter moves between the township and the county: the 超期说明 a 督办 asked of one tier is
    not the other's (review: the township was still asked "待超期说明" for a matter the county had). Inside a
    tier it stays owed: passing a late matter to a village does not answer a 督办 (review 3: 交下级落实 to
    the village, then 办结, closed a 督办ed matter with no 超期说明)."""
    return Level.COUNTY in (level, to)


def replay(events: list[tuple[Action, dict[str, Any]]]) -> MatterState:
    """The state that a history of (action, data) pairs leads to."""
    state = MatterState()
    for action, data in events:
        state = advance(state, Action(action), data)
    return state


def sent_down_by_county(events: Iterable[tuple[str, Any]]) -> bool:
    """Whether the county sent the matter down and it has not come back up to the county since (the levels
    walked step by step: 上报 at its level, 提级 one up, 交下级落实 one down): what the township lists as sent
    down by the county — still so when the township passed it on to a village (review 3)."""
    level, from_county = Level.VILLAGE, False
    for action, data in events:
        if action == Action.REPORT:
            level = Level((data or {}).get("level", Level.VILLAGE))
        elif action == Action.ESCALATE and (above := level_above(level)) is not None:
            level = above
        elif action == Action.REFER_DOWN and level != Level.VILLAGE:
            from_county = from_county or level == Level.COUNTY
            level = LEVEL_ORDER[LEVEL_ORDER.index(level) - 1]
        if level == Level.COUNTY:
            from_county = False
    return from_county


def accused_problem(accused_org_id: str | None, handler: str | None, handler_org: str | None) -> str | None:
    """A whistleblower matter (检举) never goes to the unit it accuses, nor to anyone of that unit: `handler`
    is who it would go to ("org:<id>" / "account:<id>"), `handler_org` that account's unit."""
    if not accused_org_id:
        return None
    if handler == f"org:{accused_org_id}" or (handler_org is not None and handler_org == accused_org_id):
        return msg("检举事项不能交给被检举的单位或其人员办理")
    return None
