"""巡查 as the server checks it: an entry holds what the rules allow (`sync.core.domain.patrols`), is no later
than the server's time (a laptop's clock may run a little ahead), and is in the name of the account that
pushes it (or, from a township PC, of one of its accounts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from sync.core.domain import patrols as rules

from . import authority
from .authority import Identity, Refused
from .models import Record

# who patrolled and when: fixed once written (a later edit moved a patrol 200 days back: review)
FIXED = ("patroller_id", "patrolled_at")


def check(session: Session, who: Identity, fields: dict, record: Record | None, now: datetime) -> None:
    if set(fields) <= {"deleted"}:
        return
    data = {**(record.data if record is not None else {}), **fields}
    if problems := rules.problems(data, now.replace(tzinfo=None) + rules.CLOCK_SLACK):
        field, reason = problems[0]
        raise Refused(f"{field}：{reason}")
    if record is None and not isinstance(fields.get("patroller_id"), str):
        raise Refused("巡查人：须写明巡查的账号")  # an entry in no one's name (review)
    if record is not None and (
        moved := sorted(f for f in FIXED if f in fields and fields[f] != record.data.get(f))
    ):
        raise Refused(f"{'、'.join(moved)}：巡查记录写下后，谁、何时巡查不能再改")
    if "patroller_id" in fields:
        authority.acting(session, who, fields["patroller_id"])  # refused unless the pushing account's own
