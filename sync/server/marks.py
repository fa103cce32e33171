"""The server's check of an assessment mark (亮点工作赋分, 通报, 约谈) a laptop pushes: new only, never
changed, written in the name of an account that may mark the assessment (the 督考办, also when signing in
on the township's shared PC), and well formed by sync.core.domain.measures.mark_problem."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from sync.core import records
from sync.core.domain.measures import mark_problem
from sync.core.domain.roles import Permission

from . import authority, periods
from .authority import Identity, Refused


def check(session: Session, who: Identity, op_kind: str, data: dict, existing) -> None:
    """Refused, with the reason, unless this is a new mark this account (or the one it carries) may make."""
    if existing is not None or op_kind != "insert":
        authority.check_append_only(records.BY_TABLE["assessment_marks"], "update")
    actor = authority.acting(session, who, data.get("by_id"))
    if not actor.may(Permission.MARK_ASSESSMENT.value):
        raise Refused(f"账号 {actor.username} 无权给考核赋分或记录通报、约谈")
    if problem := mark_problem(data):
        raise Refused(problem)
    if not str(data.get("on") or "").startswith(str(data.get("month"))):
        raise Refused("month：应为日期所在的月份")
    periods.check_name(actor, data.get("by_name"), "by_name")
    month = str(data.get("month"))
    if month in periods.closed_months(session):
        raise Refused(f"on：{month} 已月结，请记在当前月份")
    if month > date.today().strftime("%Y-%m"):  # the server's day: a mark is for a month begun
        raise Refused(f"month：{month} 还没有到")
