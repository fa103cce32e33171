"""亮点工作赋分, 通报 and 约谈: what the 督考办 records by hand against a unit of assessment for a month
(seed 004: "统一模版智能评分和亮点工作人工赋分相结合", "月通报、季排名", "通报批评 … 约谈"). Highlight points
stand beside the formula score, never folded into it silently: 公式分 + 亮点分 = 总分. A mark is a synced,
append-only record; the server takes it only from an account with the permission (records.py
`assessment_marks`)."""

from __future__ import annotations

import uuid
from datetime import date

from desktop.store.models import AssessmentMark
from sync.core.domain import periods as period_rules
from sync.core.domain.measures import MARK_KINDS, MARK_UNITS, mark_problem
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import periods, stats
from .context import Changed, Workspace
from .errors import ServiceError
from .stats import Mark


class MarkRefused(ServiceError):
    """A mark that cannot be recorded; the message names the field and the reason."""


def record(
    ws: Workspace,
    kind: str,
    unit_by: str,
    unit_key: str,
    reason: str,
    on: date,
    points: float = 0,
) -> Changed:
    """Record a 亮点工作 (with its points), a 通报 or a 约谈 against one unit, in the month of `on`. A month
    already closed (月结) is refused: its figures are published, so a mark belongs in the open month."""
    ws.require(Permission.MARK_ASSESSMENT)
    month = period_rules.month_of(on)
    if month in periods.closed(ws):
        raise MarkRefused(
            msg("日期：{0}已月结，{1}请记在当前月份", period_rules.label(month), MARK_KINDS.get(kind, kind))
        )
    if unit_by not in MARK_UNITS:
        raise MarkRefused(msg("对象类别：应为{0}之一", "、".join(MARK_UNITS)))
    names = stats.unit_names(ws, unit_by)
    if unit_key not in names:
        raise MarkRefused(msg("对象：没有这个{0}：{1}", stats.BY_LABELS[unit_by], unit_key))
    data = {
        "kind": kind,
        "month": month,
        "on": on,
        "unit_by": unit_by,
        "unit_key": unit_key,
        "unit_name": names[unit_key],
        "points": points,
        "reason": (reason or "").strip(),
        "by_id": ws.actor.account_id,
        "by_name": ws.actor.display_name,
    }
    problem = mark_problem(data)
    if problem:
        raise MarkRefused(problem)
    mark_id = str(uuid.uuid4())
    with ws.tx("assessment.mark", unit_key, kind=kind, month=month, points=points) as tx:
        tx.session.add(AssessmentMark(id=mark_id, **data))
    return Changed("assessment_marks", (mark_id,), "insert")


def of_period(ws: Workspace, period: str) -> list[Mark]:
    """The marks dated in a period (a month, a quarter or a year), oldest first; a closed month's as
    published."""
    ws.require(Permission.VIEW_MATTERS)
    published = periods.published(ws, period)
    if published is not None:
        return published.marks()
    start, end = stats.period_bounds(period)
    with ws.read() as s:
        return stats.marks_between(s, start, end)
