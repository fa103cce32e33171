"""重点人员 as the server checks it: a 稳控 plan and a contact hold what the rules allow
(`sync.core.domain.key_persons`), the plan's 包保责任人 is an account still in use, and a contact is recorded
in the name of the account that pushes it (or, from a township PC, of one of its accounts)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from sync.core.domain import key_persons

from . import authority
from .authority import Identity, Refused
from .models import Record

TABLES = ("key_person_plans", "key_person_contacts")
# A laptop's calendar may run up to a day ahead of the server's (time zones, a clock set by hand).
CLOCK_SLACK = timedelta(days=1)


def check(
    session: Session, who: Identity, table: str, fields: dict, record: Record | None, today: date
) -> None:
    if set(fields) <= {"deleted"}:
        return  # a plan ended by deleting it: nothing to check but the permission
    data = {**(record.data if record is not None else {}), **fields}
    if table == "key_person_plans":
        problems = key_persons.plan_problems(data, today + CLOCK_SLACK)
        keeper = (
            session.get(Record, data.get("keeper_id")) if isinstance(data.get("keeper_id"), str) else None
        )
        if (
            not problems
            and keeper is not None
            and keeper.table_name == "accounts"
            and keeper.data.get("disabled")
        ):
            problems = [("包保责任人", f"账号 {keeper.data.get('username')} 已停用")]
    elif table == "key_person_contacts":
        problems = key_persons.contact_problems(data, today + CLOCK_SLACK)
        if not problems and record is None and not isinstance(data.get("by_id"), str):
            problems = [("走访人", "须写明走访的账号")]  # a visit in no one's name (review)
        if not problems and "by_id" in fields:
            authority.acting(session, who, data.get("by_id"))  # refused unless the pushing account's own
    else:
        return
    if problems:
        field, reason = problems[0]
        raise Refused(f"{field}：{reason}")
