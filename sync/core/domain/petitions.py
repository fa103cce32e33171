"""信访 by the 信访工作条例 (2022): the stages after the written reply, each window's due date, and the
counts of 信访三率 (the rates themselves are `measures.Measures`, so a closed month publishes them like the
others).

A petition (a matter of kind `petition`) is received (来访 / 来信 …, the matter's report), decided within
15 days (受理 = 立案定级, 不予受理 = 不予立案, or 转送 to the organ in charge, each with its written
notice), handled within 60 days of acceptance (extendable by at most 30, the petitioner told), and answered
in writing (书面答复意见书, its 办结). The petitioner may ask for 复查 within 30 days of the reply,
answered within 30 days (复查意见书); then for 复核 within 30 days of that, answered within 30 days
(复核意见书). After 复核, or when no request came in time, the matter is 终结: not accepted again on the
same facts.

The stage after the reply and the day its window runs from are the matter's state (`lifecycle.STATE_FIELDS`
`petition_stage`, `petition_since`), so both ends check a step against them. Dates are ISO days
("2026-03-02"): the step's data carries them as typed, the matter stores them as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .deadlines import Colour, PetitionLimits, colour_of, seconds
from .measures import Counts
from .messages import msg

LIMITS = PetitionLimits()


class Stage:
    """Where a petition stands after its written reply (None before it)."""

    REPLIED = "replied"  # 书面答复 given: 复查 may be asked within 30 days
    REVIEW_REQUESTED = "review_requested"  # 复查 asked: to be answered within 30 days
    REVIEWED = "reviewed"  # 复查意见 given: 复核 may be asked within 30 days
    RECHECK_REQUESTED = "recheck_requested"  # 复核 asked: to be answered within 30 days
    RECHECKED = "rechecked"  # 复核意见 given: the matter may be concluded (终结)
    CONCLUDED = "concluded"  # 终结: not accepted again on the same facts


STAGE_LABELS = {
    Stage.REPLIED: "已书面答复",
    Stage.REVIEW_REQUESTED: "复查中",
    Stage.REVIEWED: "已复查",
    Stage.RECHECK_REQUESTED: "复核中",
    Stage.RECHECKED: "已复核",
    Stage.CONCLUDED: "已终结",
}

# 受理决定: how the petition was decided within 15 days, and the paper each gives the petitioner.
DECISIONS = {"accepted": "受理", "not_accepted": "不予受理", "forwarded": "转送"}


def day_of(value: Any) -> date | None:
    """A day from a step's data or a stored column: a date, or its ISO text; anything else is None."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def typed_day(data: dict[str, Any], label: str) -> date:
    """The day a petition step names (`on`), or a ValueError naming the field."""
    value = data.get("on")
    found = day_of(value)
    if found is None:
        raise ValueError(msg("{0}：应为日期（如 2026-03-02）", label))
    return found


def request_problem(label: str, since: date | None, on: date, days: int) -> str | None:
    """Why a 复查 / 复核 request made on `on` is out of time, naming the last day, or None: it may be made
    within `days` days of the paper it answers (`since`), counted from the day after (day 1)."""
    if since is None:
        return None
    last = since + timedelta(days=days)
    if on < since:
        return msg("{0}日期 {1} 早于所针对的意见书日期 {2}", label, on.isoformat(), since.isoformat())
    if on > last:
        return msg(
            "{0}须在意见书日期 {1} 起{2}日内提出（至 {3}），{4} 已超过期限",
            label,
            since.isoformat(),
            days,
            last.isoformat(),
            on.isoformat(),
        )
    return None


def conclude_problem(stage: str | None, since: date | None, on: date) -> str | None:
    """Why a petition cannot be concluded (终结) on `on`, or None: after 复核, or once the window to ask for
    复查 (after the reply) or 复核 (after 复查) has passed without a request."""
    if stage == Stage.RECHECKED:
        return None
    if stage in (Stage.REPLIED, Stage.REVIEWED) and since is not None:
        last = since + timedelta(days=LIMITS.review_request)
        if on > last:
            return None
        asked = "复查" if stage == Stage.REPLIED else "复核"
        return msg("信访人可在 {0} 前申请{1}，期限届满前不能终结", last.isoformat(), asked)
    if stage == Stage.CONCLUDED:
        return msg("信访事项已终结")
    return msg("须在书面答复后，复核完毕或申请期限届满才能终结")


# ------------------------------------------------------------------------------------------ windows


@dataclass(frozen=True)
class Window:
    """One time limit of the regulation on one petition: what is due, by when, from when, and when it was met
    (None while it runs)."""

    label: str
    start: date
    due: date
    met_on: date | None = None
    # a window for the petitioner to ask in (复查 / 复核), not the office's deadline: shown, never coloured
    for_petitioner: bool = False

    @property
    def late(self) -> bool:
        return self.met_on is not None and self.met_on > self.due

    def running(self) -> bool:
        return self.met_on is None

    def colour(self, now: datetime, yellow_ratio: float) -> Colour:
        """The office's running window coloured as a dispute's deadline is (临期 / 超期); none once met, and
        none for the petitioner's own window to ask."""
        if self.met_on is not None or self.for_petitioner:
            return Colour.NONE
        return colour_of(seconds(self.start), seconds(self.due), seconds(now), yellow_ratio)


@dataclass(frozen=True)
class PetitionFacts:
    """What the windows and the 三率 of one petition are computed from (as either end holds them)."""

    received: date  # 来访 / 来信: the matter's report
    decided_on: date | None = None  # 受理 / 不予受理 / 转送
    decision: str | None = None  # a key of DECISIONS
    accepted_on: date | None = None  # the start of the 60 days (立案定级; a reopen restarts it)
    limit: date | None = None  # the handling limit in force (the matter's due date, extensions counted)
    replied_on: date | None = None  # 书面答复
    stage: str | None = None
    since: date | None = None  # the day the stage's window runs from


def statute_limit(accepted_on: date, extension_days: int = 0) -> date:
    """The regulation's limit for the written reply: 60 days from acceptance, and the extension granted (at
    most 30). What the petitioner is told and the window shows; a township may hold its handler to a sooner
    grade deadline (the matter's own due date), which is no promise to the petitioner (review: the
    受理告知书 promised the ★ grade's 5 days beside the words 六十日)."""
    return accepted_on + timedelta(days=LIMITS.handle + max(0, extension_days))


def windows(f: PetitionFacts) -> list[Window]:
    """The regulation's windows on this petition, in the order they come, each with its due date."""
    result = [
        Window(
            msg("受理告知（15日内）"),
            f.received,
            f.received + timedelta(days=LIMITS.tell_acceptance),
            f.decided_on,
        )
    ]
    if f.decision == "accepted" and f.accepted_on is not None:
        due = f.limit or f.accepted_on + timedelta(days=LIMITS.handle)
        result.append(Window(msg("办理答复（60日内，可延30日）"), f.accepted_on, due, f.replied_on))
    if f.stage is None or f.since is None:
        return result
    since = f.since
    request_by = since + timedelta(days=LIMITS.review_request)
    answer_by = since + timedelta(days=LIMITS.review_decision)
    if f.stage == Stage.REPLIED:
        result.append(Window(msg("申请复查（答复后30日内）"), since, request_by, for_petitioner=True))
    elif f.stage == Stage.REVIEW_REQUESTED:
        result.append(Window(msg("复查意见（30日内）"), since, answer_by))
    elif f.stage == Stage.REVIEWED:
        result.append(Window(msg("申请复核（复查意见后30日内）"), since, request_by, for_petitioner=True))
    elif f.stage == Stage.RECHECK_REQUESTED:
        result.append(Window(msg("复核意见（30日内）"), since, answer_by))
    return result


def running_window(f: PetitionFacts) -> Window | None:
    """The window that runs now against the office (acceptance, handling, an answer to 复查 / 复核), or None.
    A window for the petitioner to ask is not the office's deadline: it is shown, not coloured."""
    for w in windows(f):
        if w.running() and not w.for_petitioner:
            return w
    return None


# ------------------------------------------------------------------------------------------ 信访三率


RATE_LABELS = {
    "timely_acceptance_rate": "及时受理率",
    "on_time_reply_rate": "按期办结率",
    "petition_satisfaction_rate": "群众满意率",
}
SATISFIED = frozenset({"满意", "基本满意"})


def count_petition(
    c: Counts,
    received: date,
    decided_on: date | None,
    replies: list[tuple[date, date | None]],
    answers: list[tuple[date, str]],
    start: date,
    end: date,
) -> None:
    """Adds one petition to the counts of 信访三率 for the period [start, end), each by the day it happened:
    its acceptance decision (受理 / 不予受理 / 转送), in time within 15 days of receipt; each written reply
    (day, the limit then in force), in time by that limit (none: no limit ran, in time); each time the
    petitioner was asked (回访: day, answer), satisfied if 满意 or 基本满意."""
    if decided_on is not None and start <= decided_on < end:
        c.petitions_decided += 1
        c.petitions_decided_in_time += decided_on <= received + timedelta(days=LIMITS.tell_acceptance)
    for replied_on, limit in replies:
        if start <= replied_on < end:
            c.petitions_replied += 1
            c.petitions_replied_in_time += limit is None or replied_on <= limit
    for on, answer in answers:
        if start <= on < end:
            c.petitions_asked += 1
            c.petitions_satisfied += answer in SATISFIED
