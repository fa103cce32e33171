"""The time a step counts at on the township: the device's own time moved by its measured clock offset, then
held between the account's previous complete push and the server's receipt (`timing.counted_time`).

A device states its own clock at the handshake, so the offset alone is its word: a laptop that claims to run
18 days slow could otherwise date a close before the deadline. The receipt bounds it above; below, whatever
any device of the account recorded before that account's previous complete push it would have sent then, so a
fresh device of an existing account cannot backdate either. Only an account's very first push has no lower
bound: a township that worked offline before it joined (the demo) sends months of history at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.core import protocol as p
from sync.core.domain import timing

from .models import Device, Record

# A push of fewer applied ops than a laptop sends at once emptied its outbox.
COMPLETE_PUSH = p.CLIENT_PUSH_BATCH
FIELD = "counted_at"


def account_bound(session: Session, device_id: str) -> datetime | None:
    """When the server received the previous complete push of any device of this device's account, or None
    when none of its pushes emptied an outbox yet (its first sync, in as many batches as it takes)."""
    device = session.get(Device, device_id)
    if device is None:
        return None
    return session.scalar(
        select(func.max(Device.complete_push_at)).where(Device.account_id == device.account_id)
    )


def record_push(session: Session, device_id: str, now: datetime, answers: list[dict]) -> None:
    """Keep what the bound needs of a push just answered: the latest complete one (fewer applied ops than a
    laptop sends at once: it emptied its outbox) with the server's sequence then. A push padded to a full
    batch, however many times, never moves it back."""
    applied = [a for a in answers if a["status"] in ("applied", "conflict")]
    if not applied:
        return
    device = session.get(Device, device_id)
    if device is None:
        return
    if len(applied) < COMPLETE_PUSH:
        device.complete_push_at = now
        device.complete_push_seq = max((a["server_seq"] or 0) for a in applied)


def matter_bound(session: Session, matter_id: str, device_id: str) -> datetime | None:
    """No step on a matter counts before the server received the latest step another device took on it: this
    device could act only on what it had pulled (a dispatch received today cannot be closed last month)."""
    return session.scalar(
        select(func.max(Record.server_time)).where(
            Record.parent_id == matter_id,
            Record.table_name == "events",
            Record.updated_device != device_id,
        )
    )


def stamp(data: dict, at: datetime, offset_seconds: float | None, lower: datetime | None, received: datetime):
    """Write the counted time on the event being inserted (whatever the laptop sent under that name) and
    return it."""
    counted = timing.counted_time(at, offset_seconds, lower, received)
    data[FIELD] = counted.isoformat()
    return counted


def of(event: dict) -> datetime | None:
    """An event's counted time as the server stored it, else its own (an event from before counted times)."""
    for key in (FIELD, "at"):
        value = event.get(key)
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value).replace(tzinfo=None)
            except ValueError:
                continue
    return None


# The matter's times a step sets: the server's, at the step's counted time, stand over the laptop's own.
TIMES = ("registered_at", "closed_at", "checked_at", "due_on")


def kept(session: Session, device_id: str, matter: Record, applied: dict) -> set[str]:
    """The times in a matter edit that the server already set from this device's step (`derived`), where
    the edit says otherwise: the laptop's own clock; the server keeps its counted ones."""
    fields = [
        f
        for f in TIMES
        if f in applied and applied[f] != matter.data.get(f) and matter.field_device.get(f) == device_id
    ]
    seqs = {matter.field_seq.get(f) for f in fields}
    if not fields:
        return set()
    steps = set(
        session.scalars(
            select(Record.server_seq).where(
                Record.parent_id == matter.id,
                Record.table_name == "events",
                Record.updated_device == device_id,
                Record.server_seq.in_(seqs),
            )
        )
    )
    return {f for f in fields if matter.field_seq.get(f) in steps}
