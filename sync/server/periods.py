"""The server's check of a closed month (月结) a laptop pushes: written once, by an account that may close
a period, in its own name, for a month that is over and not closed yet, with figures that match their digest
and equal the figures the server itself computes from the records it holds (the same rules, in
sync.core.domain.counting and .periods). Its closed_at is the server's receipt time. A period record is never
changed afterwards."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.core import records
from sync.core.domain import linkage
from sync.core.domain import periods as rules
from sync.core.domain.counting import Book, Mark, MatterFacts

from . import authority, history
from .authority import Identity, Refused
from .models import Record, Township


def check(
    session: Session,
    who: Identity,
    op_kind: str,
    record_id: str,
    data: dict,
    existing,
    now: datetime | None = None,
) -> None:
    """Refused, with the reason, unless this is a new month's publication this account may make, with the
    figures the server computes; then its closed_at becomes the server's receipt time `now`."""
    authority.check_permission(who, records.BY_TABLE["periods"])
    month = str(data.get("month") or (existing.data.get("month") if existing is not None else ""))
    if existing is not None or op_kind != "insert":
        raise Refused(f"{_label(month)}已月结，发布的数据不能修改或删除")
    township = session.info.get("township")  # the pushing device's, set by scope.confine
    if problem := rules.record_problem(data, record_id, township, legacy_ids(session, township)):
        raise Refused(problem)
    actor = authority.acting(session, who, data.get("closed_by"))
    if not actor.may("close_period"):
        raise Refused(f"账号 {actor.username} 无权月结")
    check_name(actor, data.get("closed_by_name"), "closed_by_name")
    # the server's own day decides whether the month is over (a laptop's clock is its own word)
    now = now or datetime.now()
    if reason := rules.why_not_close(month, now.date(), closed_months(session)):
        raise Refused(reason)
    check_figures(session, month, data["figures"])
    # when the township received it is the server's word (a laptop's clock is its own)
    data["closed_at"] = now.isoformat()


def legacy_ids(session: Session, township: str | None) -> bool:
    """Whether this township may still close a month under the old one-per-month id (before one server held
    many townships, rules.legacy_period_id): a server of one township (its ids collide with nobody's, and a
    laptop that closed before its first sync, or before the upgrade, made that id), or a township that already
    closed a month under it (it closed before the upgrade; its laptops that have not synced since still make
    it). Any other township must use its own (a laptop learns it in the handshake)."""
    if township is None or session.scalar(select(func.count()).select_from(Township)) <= 1:
        return True
    held = session.scalars(select(Record).where(Record.table_name == "periods"))
    return any(r.id == _legacy(str(r.data.get("month"))) for r in held)


def _legacy(month: str) -> str | None:
    try:
        return rules.legacy_period_id(month)
    except ValueError:
        return None


def check_figures(session: Session, month: str, sent: dict[str, Any]) -> None:
    """The figures must be those the rules give from the records the server holds: a laptop that has not
    pulled everything (or one that made its figures up) is refused, naming the first figure that differs."""
    closed = {
        str(r.data.get("month")): dict(r.data.get("figures") or {})
        for r in session.scalars(select(Record).where(Record.table_name == "periods"))
        if not r.deleted
    }
    expected = rules.figures(book(session), month, closed, history.calculator(session))
    found = rules.first_difference(sent, expected)
    if found is not None:
        where, theirs, ours = found
        raise Refused(
            f"figures：{_label(month)}的数据与服务器上的记录不符（{where}：本机 {theirs}，服务器 {ours}）；"
            "请先同步，取得服务器上的全部记录后再月结"
        )


def book(session: Session) -> Book:
    """Everything counting reads, from the records the server holds (deleted ones left out, as a laptop
    leaves them out; names of places and people whatever their state, as a laptop keeps them)."""

    def rows(table: str, live: bool = True) -> list[Record]:
        query = select(Record).where(Record.table_name == table)
        return list(session.scalars(query.where(Record.deleted.is_(False)) if live else query))

    matters = {
        r.id: MatterFacts(
            d.get("kind"),
            bool(d.get("is_group")),
            d.get("signals"),
            d.get("village_id"),
            d.get("grid_id"),
            linkage.source_label(d.get("referral_kind"), d.get("source")),
            d.get("category"),
        )
        for r in rows("matters")
        for d in (r.data,)
    }
    events = []
    for r in rows("events"):
        # at the time it counts at (the server's bound, sync.server.counted_time), as the laptops count it
        at = _moment(r.data.get("counted_at") or r.data.get("at"))
        if at is not None:
            events.append(
                (str(r.data.get("matter_id")), str(r.data.get("action")), at, r.data.get("data") or {})
            )
    sessions = [
        (str(r.data.get("matter_id")), day, r.data.get("outcome") == "agreement")
        for r in rows("mediation_sessions")
        if (day := _day(r.data.get("held_on"))) is not None
    ]
    follow_ups = [
        (str(r.data.get("matter_id")), day, r.data.get("satisfaction"))
        for r in rows("follow_ups")
        if (day := _day(r.data.get("on"))) is not None
    ]
    marks = sorted(
        (
            (day, str(r.data.get("unit_name")), r.id, r.data)
            for r in rows("assessment_marks")
            if (day := _day(r.data.get("on"))) is not None
        ),
        key=lambda m: m[:3],
    )
    return Book(
        matters=matters,
        events=events,
        sessions=sessions,
        follow_ups=follow_ups,
        divisions={r.id: str(r.data.get("name")) for r in rows("divisions", live=False)},
        grids={r.id: str(r.data.get("name")) for r in rows("grids", live=False)},
        accounts=[
            (r.id, str(r.data.get("display_name")), r.data.get("org_id")) for r in rows("accounts", False)
        ],
        orgs=[
            (r.id, str(r.data.get("name")), str(r.data.get("kind")), bool(r.deleted))
            for r in rows("orgs", live=False)
        ],
        marks=[
            Mark(
                d.get("kind"),
                day,
                d.get("unit_by"),
                d.get("unit_key"),
                d.get("unit_name"),
                d.get("points", 0),
                d.get("reason"),
                d.get("by_name", ""),
            )
            for day, _, _, d in marks
        ],
        weights=history._config(session, "assessment_weights"),
        no_data=history._config(session, "assessment_no_data") or "rescale",
    )


def _moment(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None) if isinstance(value, str) else None
    except ValueError:
        return None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


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


def received(record: Any, seq: int) -> None:
    """A period just taken: its closed_at (the server's receipt time, set by `check`) is the server's own
    change, numbered after the laptop's insert, so the laptop that closed the month pulls it back."""
    record.server_seq = seq
    record.field_seq = {**record.field_seq, "closed_at": seq}
    record.field_device = {**record.field_device, "closed_at": None}
    record.updated_device = None
