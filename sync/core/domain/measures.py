"""Measures of the work, from raw counts. Formulas are configuration; these are the defaults of
docs/domain.md (Measures)."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

from sync.core.domain.messages import msg


@dataclass
class Counts:
    """Raw counts for one period and one unit of assessment (a village, a grid worker, a unit, a team)."""

    registered: int = 0  # found (立案) in the period: the denominator of the resolution rate
    closed: int = 0  # closed in the period
    resolved: int = 0  # of those found in the period, resolved (by agreement or otherwise) by its end
    done: int = 0  # of those found in the period, closed (办结, whatever the outcome) by its end
    archived: int = 0  # of those closed in the period, their dossier filed (卷宗归档) by its end
    closed_on_time: int = 0  # of those closed in the period, by their due date
    open_overdue: int = 0  # still open at the period's end, past their due date: late, and counted as such
    mediations_held: int = 0
    mediations_agreed: int = 0
    follow_ups: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    dissatisfied: int = 0
    overdue: int = 0
    repeat_orders: int = 0
    group_matters: int = 0
    escalations: int = 0
    criminal_prevented: int = 0
    supervised: int = 0  # matters supervised (督办) in the period
    in_charge: int = 0  # matters a leader took in charge (包案) in the period
    follow_up_due: int = 0  # closed in the period as resolved: those a follow-up (回访) is owed for
    followed_up: int = 0  # of those, followed up (回访) by the period's end
    # 信访三率 (sync.core.domain.petitions.count_petition): acceptance decisions made in the period and those
    # within 15 days of receipt; written replies given and those within the limit in force; petitioners asked
    # (回访) and those satisfied
    petitions_decided: int = 0
    petitions_decided_in_time: int = 0
    petitions_replied: int = 0
    petitions_replied_in_time: int = 0
    petitions_asked: int = 0
    petitions_satisfied: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def ratio(numerator: int, denominator: int) -> float | None:
    """None when nothing was counted: 0 % and "no data" are different things on a report."""
    return None if denominator == 0 else numerator / denominator


@dataclass
class Measures:
    resolution_rate: float | None
    mediation_success_rate: float | None
    on_time_rate: float | None
    satisfaction_rate: float | None
    completion_rate: float | None = None  # 办结率: of the matters found, closed by the period's end
    archive_rate: float | None = None  # 卷宗归档率: of the matters closed, dossiers filed
    follow_up_rate: float | None = None  # 回访率: of the matters settled in the period, followed up
    # 信访三率 (seed 003): 及时受理率, 按期办结率, 群众满意率 of the petitions
    timely_acceptance_rate: float | None = None
    on_time_reply_rate: float | None = None
    petition_satisfaction_rate: float | None = None

    @classmethod
    def of(cls, c: Counts) -> Measures:
        return cls(
            # 化解率 over the matters found in the period, as the township reports count it
            # ("排查出矛盾纠纷324件，已成功化解299件，整体化解成功率为92.28%"): an open matter counts
            # against the unit.
            resolution_rate=ratio(c.resolved, c.registered),
            mediation_success_rate=ratio(c.mediations_agreed, c.mediations_held),
            # 按期办结率: a matter still open past its due date is not on time.
            on_time_rate=ratio(c.closed_on_time, c.closed + c.open_overdue),
            satisfaction_rate=ratio(c.satisfied + c.basically_satisfied, c.follow_ups),
            completion_rate=ratio(c.done, c.registered),
            archive_rate=ratio(c.archived, c.closed),
            # 回访率 over the matters settled (化解) in the period, as seed 001 counts it
            # ("对已经化解的矛盾纠纷进行跟踪回访"): a village that never follows up scores nothing here.
            follow_up_rate=ratio(c.followed_up, c.follow_up_due),
            timely_acceptance_rate=ratio(c.petitions_decided_in_time, c.petitions_decided),
            on_time_reply_rate=ratio(c.petitions_replied_in_time, c.petitions_replied),
            petition_satisfaction_rate=ratio(c.petitions_satisfied, c.petitions_asked),
        )


# The seeds give no weight for 回访率; 10 of the 100 points are taken from the on-time rate (still the second
# weight) so the total stays 100. A township sets its own in configuration "assessment_weights".
DEFAULT_WEIGHTS = {
    "resolution_rate": 40,
    "on_time_rate": 20,
    "satisfaction_rate": 20,
    "mediation_success_rate": 10,
    "follow_up_rate": 10,
}

# 民转刑 signals (records.py matters.signals): a matter carrying one and settled is a 民转刑 prevented.
CRIMINAL_SIGNALS = frozenset({"fight", "criminal", "death"})


def criminal_risk(signals: object) -> bool:
    """Whether a matter's signals say it could turn into a criminal case (可能民转刑, 械斗, 非正常死亡)."""
    return isinstance(signals, list | tuple | set | frozenset) and bool(
        CRIMINAL_SIGNALS & set(map(str, signals))
    )


NO_DATA_RULES = ("rescale", "zero")  # configuration "assessment_no_data"; the report says which applied


def score(measures: Measures, weights: dict[str, float] | None = None, no_data: str = "rescale") -> float:
    """Assessment score out of the sum of weights. A measure with no data is never full marks: it is left out
    and the other weights rescaled to the same total ("rescale"), or it scores nothing ("zero")."""
    weights = dict(weights or DEFAULT_WEIGHTS)
    if no_data not in NO_DATA_RULES:
        raise ValueError(f"assessment_no_data must be one of {NO_DATA_RULES}, not {no_data!r}")
    counted = {name: w for name, w in weights.items() if getattr(measures, name) is not None}
    earned: float = sum(w * getattr(measures, name) for name, w in counted.items())
    if no_data == "zero":
        return round(earned, 2)
    return round(earned * sum(weights.values()) / sum(counted.values()), 2) if counted else 0.0


def rank(scores: dict[str, float]) -> list[tuple[int, str, float]]:
    """Competition ranking (1, 2, 2, 4): equal scores share a place."""
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    result, place = [], 0
    for i, (name, value) in enumerate(ordered):
        if i == 0 or value != ordered[i - 1][1]:
            place = i + 1
        result.append((place, name, value))
    return result


# ------------------------------------------------------------------------------------------ marks by hand

MARK_KINDS = {"highlight": "亮点工作", "notice": "通报", "interview": "约谈"}
MARK_UNITS = ("village", "grid", "unit", "team", "handler")
HIGHLIGHT_MAX = 20  # points one 亮点工作 entry may give; the seeds give no cap, this keeps a slip visible


def mark_problem(data: dict[str, Any]) -> str | None:
    """Why an assessment mark (亮点工作赋分, 通报, 约谈) cannot be recorded, naming the field, or None."""
    kind = data.get("kind")
    if kind not in MARK_KINDS:
        return msg("类别：应为{0}之一", "、".join(MARK_KINDS))
    if data.get("unit_by") not in MARK_UNITS:
        return msg("对象类别：应为{0}之一", "、".join(MARK_UNITS))
    if not str(data.get("unit_key") or "").strip():
        return msg("对象：请指明被考核的单位")
    if not str(data.get("reason") or "").strip():
        return msg("事由：请写明{0}的理由", MARK_KINDS[kind])
    points = data.get("points", 0)
    if isinstance(points, bool) or not isinstance(points, int | float) or math.isnan(points):
        return msg("加分：应为数字")
    if kind == "highlight" and not 0 < points <= HIGHLIGHT_MAX:
        return msg("加分：亮点工作加分应大于0且不超过{0}分", HIGHLIGHT_MAX)
    if kind != "highlight" and points != 0:
        return msg("加分：{0}不加分", MARK_KINDS[kind])
    return None
