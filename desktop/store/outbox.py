"""The sync outbox, written by an ORM hook: every local insert, edit and delete of a synced record leaves an
outbox entry in the same transaction as the change itself, so no use case can forget it (docs/architecture.md,
Outbox)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from sync.core.protocol import RECORD_BASE
from sync.core.records import SYNC_COLUMNS, without_controls

from .base import Synced, new_id
from .models import OutboxEntry

SCHEMA_VERSION_KEY = "schema_version"


def jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _sent(obj, key: str) -> bool:
    """Whether a column of a synced record travels: content, not sync state, not this laptop's own facts."""
    spec = obj.__record__.fields.get(key)
    return key not in SYNC_COLUMNS and key != "id" and not (spec is not None and spec.local)


def _content_columns(obj):
    return [a for a in inspect(obj).mapper.column_attrs if _sent(obj, a.key)]


def _fill_defaults(obj) -> None:
    """Python-side column defaults apply at INSERT; the outbox must see them now."""
    if obj.id is None:
        obj.id = new_id()
    for attr in inspect(obj).mapper.column_attrs:
        column = attr.columns[0]
        if getattr(obj, attr.key) is None and column.default is not None:
            arg = column.default.arg
            if column.default.is_scalar:
                setattr(obj, attr.key, arg)
            elif column.default.is_callable:
                setattr(obj, attr.key, arg(None))


def _clean(obj) -> None:
    """Control characters out of every string the record sends, as the server's arrival check would refuse
    them (sync.core.records.control_problem)."""
    for key, spec in obj.__record__.fields.items():
        value = getattr(obj, key, None)
        if isinstance(value, str) and (cleaned := without_controls(spec, value)) != value:
            setattr(obj, key, cleaned)


def _stamp(obj, info) -> None:
    obj.updated_by = info.get("actor_id")
    obj.updated_device = info.get("device_id")
    obj.device_time = info.get("now") or datetime.now()


def _outbox(
    session: Session, obj, op: str, fields: dict, base_seqs: dict, base_values: dict | None = None
) -> None:
    info = session.info
    session.add(
        OutboxEntry(
            mutation_id=str(uuid.uuid4()),
            table_name=obj.__tablename__,
            record_id=obj.id,
            op=op,
            fields=fields,
            base_seqs=base_seqs,
            base_values=base_values,
            author=info.get("actor_id"),
            schema_version=info.get(SCHEMA_VERSION_KEY, ""),
            created_at=info.get("now") or datetime.now(),
        )
    )


def before_flush(session: Session, flush_context, instances) -> None:
    if session.info.get("remote"):  # applying what the server sent: not a local edit
        return
    for obj in list(session.new):
        if isinstance(obj, Synced):
            _fill_defaults(obj)
            _clean(obj)
            _stamp(obj, session.info)
            # A new record has no base: every field starts from nothing. Empty fields are left out.
            fields = {
                a.key: jsonable(v) for a in _content_columns(obj) if (v := getattr(obj, a.key)) is not None
            }
            _outbox(session, obj, "insert", fields, {})
    for obj in list(session.dirty):
        if not isinstance(obj, Synced) or not session.is_modified(obj, include_collections=False):
            continue
        _clean(obj)
        state = inspect(obj)
        seqs = obj.field_seq or {}
        changed, before = {}, {}
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if _sent(obj, attr.key) and history.has_changes():
                changed[attr.key] = jsonable(getattr(obj, attr.key))
                before[attr.key] = jsonable(history.deleted[0]) if history.deleted else None
        if changed:
            _stamp(obj, session.info)
            op = "delete" if changed.get("deleted") is True else "update"
            if op == "delete":
                # A delete carries only itself. What else changed with it here (a person's data, emptied) is
                # the server's to clear too, as the record type declares: sent as edits, stale bases would
                # make them look like edits racing other laptops' edits.
                changed, before = {"deleted": True}, {"deleted": before.get("deleted")}
            bases = {name: seqs.get(name, 0) for name in changed}
            if op == "delete":
                bases[RECORD_BASE] = obj.server_seq or 0  # a delete must not pass edits it never saw
            _outbox(session, obj, op, changed, bases, before)


def install(factory) -> None:
    """Write an outbox entry for each local change the factory's sessions flush."""
    event.listen(factory, "before_flush", before_flush)
