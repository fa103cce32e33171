"""The server's check of a closed month (月结) a laptop pushes: written once, by an account that may close
a period, in its own name, for a month that is over and not closed yet, with figures that match their digest.
A period record is never changed afterwards (the rules are sync.core.domain.periods)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.core import records
from sync.core.domain import periods as rules

from . import authority
from .authority import Identity, Refused
from .models import Record


def check(session: Session, who: Identity, op_kind: str, record_id: str, data: dict, existing) -> None:
    """Refused, with the reason, unless this is a new month's publication this account may make."""
    authority.check_permission(who, records.BY_TABLE["periods"])
    month = str(data.get("month") or (existing.data.get("month") if existing is not None else ""))
    if existing is not None or op_kind != "insert":
        raise Refused(f"{_label(month)}已月结，发布的数据不能修改或删除")
    if problem := rules.record_problem(data, record_id):
        raise Refused(problem)
    actor = authority.acting(session, who, data.get("closed_by"))
    if not actor.may("close_period"):
        raise Refused(f"账号 {actor.username} 无权月结")
    check_name(actor, data.get("closed_by_name"), "closed_by_name")
    # the server's own day decides whether the month is over (a laptop's clock is its own word)
    if reason := rules.why_not_close(month, date.today(), closed_months(session)):
        raise Refused(reason)


def closed_months(session: Session) -> set[str]:
    return {
        str(r.data.get("month"))
        for r in session.scalars(select(Record).where(Record.table_name == "periods"))
        if not r.deleted
    }


def check_name(actor: Identity, name: object, field: str) -> None:
    """The name a publication is signed with is one the server knows the account by (review: a month was
    published as closed by "县委书记")."""
    known = actor.names or frozenset({actor.username})
    if (name or "") not in known:
        raise Refused(f"{field}：应为“{'、'.join(sorted(known))}”（服务器上的账号），不能写“{name}”")


def _label(month: str) -> str:
    try:
        return rules.label(month)
    except ValueError:
        return month
