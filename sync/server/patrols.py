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


def check(session: Session, who: Identity, fields: dict, record: Record | None, now: datetime) -> None:
    if set(fields) <= {"deleted"}:
        return
    data = {**(record.data if record is not None else {}), **fields}
    if problems := rules.problems(data, now.replace(tzinfo=None) + rules.CLOCK_SLACK):
        field, reason = problems[0]
        raise Refused(f"{field}：{reason}")
    if "patroller_id" in fields and fields["patroller_id"] is not None:
        authority.acting(session, who, fields["patroller_id"])  # refused unless the pushing account's own
