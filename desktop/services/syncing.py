"""Sync use cases: join a township from its server, sync now, offline bundles, the sync state, and conflicts.

The sync client itself lives in `sync/`; this module wires it to the open database (`Replica`) and to the
account signed in, and turns what came back into plain objects for the window and the command line.
"""

from __future__ import annotations

import platform
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.database import Database
from desktop.store.keyslots import KdfParams
from desktop.store.models import MODELS, Account, Conflict, OutboxEntry, SyncState
from desktop.store.replica import CONVERTERS, Replica
from sync.client import CLOCK_WARNING_SECONDS, Progress, SyncClient, SyncReport
from sync.core.domain import lifecycle
from sync.core.domain.messages import msg
from sync.transport import Offline, SyncError, Transport

from . import accounts, periods, steps
from .context import Changed, Workspace
from .errors import NotFound, ServiceError

DEFAULT_SERVER = "http://127.0.0.1:8765"  # the township server run from the README, on this machine


__all__ = ["CLOCK_WARNING_SECONDS", "Offline", "SyncError", "SyncReport"]


def reachable(server_url: str) -> bool:
    """One quick look at the township server's health; no retries, a short timeout."""
    try:
        return requests.get(server_url.rstrip("/") + "/v1/health", timeout=3).ok
    except requests.RequestException:
        return False


class NeedsPassword(ServiceError):
    """First sync of this device: the account's password registers it with the township server."""


def client_for(
    db: Database,
    server_url: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    session: requests.Session | None = None,
    now: Callable[[], datetime] = datetime.now,
) -> SyncClient:
    replica = Replica(db)
    known = replica.get_state("server_url")
    url = (server_url or known or DEFAULT_SERVER).rstrip("/")
    token = replica.get_state("device_token") if url == known else None
    transport = Transport(url, token=token, cancelled=cancelled, session=session)
    return SyncClient(replica, transport, progress=progress, now=now)


def sync_now(
    ws: Workspace,
    *,
    password: str | None = None,
    server_url: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    session: requests.Session | None = None,
) -> SyncReport:
    """Push this laptop's edits and pull the township's. The first time, registers the device."""
    client = client_for(
        ws.db, server_url, progress=progress, cancelled=cancelled, session=session, now=ws.clock
    )
    try:
        if not client.transport.token:
            if not password:
                raise NeedsPassword(msg("这台电脑第一次同步：请输入本账号的密码，以便在乡镇服务器登记设备"))
            client.register(ws.actor.username, password, platform.node())
        report = client.sync()
    except SyncError as exc:
        client.local.set_state(last_error=str(exc), last_attempt=ws.now().isoformat())
        raise
    with ws.tx("sync.run", client.transport.base_url, pushed=report.pushed, pulled=report.pulled):
        pass
    # 月结 by itself: on the platform office's laptop, a month past its closing day closes now, with all this
    # sync brought; the record goes out with the next sync (desktop.services.periods)
    periods.close_due(ws)
    return report


def join_township(
    path: Path,
    server_url: str,
    username: str,
    password: str,
    *,
    kdf: KdfParams | None = None,
    progress: Progress | None = None,
    session: requests.Session | None = None,
) -> Workspace:
    """A new laptop: an encrypted database for this account, registered with the township, filled by pull."""
    db = Database.create(Path(path), username, password, kdf)
    with db.applying() as s:
        s.add(SyncState(key="device_id", value=str(uuid.uuid4())))
    client = client_for(db, server_url, progress=progress, session=session)
    try:
        info = client.register(username, password, platform.node())
        client.sync()
    except SyncError:
        db.close()
        raise
    with db.applying() as s:
        if s.scalar(select(Account).where(Account.username == username)) is None:
            # The township has not synced an account record of this name: make this laptop's own.
            s.add(
                Account(
                    username=username,
                    display_name=info.display_name or username,
                    roles=",".join(info.roles or ["grid_worker"]),
                    scope_kind=info.scope_kind,
                    scope_ids=info.scope_ids,
                    created_at=datetime.now(),
                )
            )
    db.close()
    return accounts.login(Path(path), username, password)


def export_bundle(ws: Workspace, target: Path) -> int:
    count = client_for(ws.db).export_bundle(Path(target))
    with ws.tx("sync.export_bundle", str(target), ops=count):
        pass
    return count


def import_bundle(ws: Workspace, source: Path) -> SyncReport:
    report = client_for(ws.db).import_bundle(Path(source))
    with ws.tx("sync.import_bundle", str(source), pushed=report.pushed, pulled=report.pulled):
        pass
    return report


# ------------------------------------------------------------------ what the window shows


@dataclass(frozen=True)
class SyncStatus:
    server_url: str
    registered: bool
    pending: int
    rejected: int
    open_conflicts: int
    last_sync: str | None
    last_error: str | None
    clock_offset_seconds: float
    unstorable: int = 0  # records the township sent that this laptop could not store


def status(ws: Workspace) -> SyncStatus:
    with ws.read() as s:
        state: dict[str, Any] = {row.key: row.value for row in s.scalars(select(SyncState))}
        counts = dict(s.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)).all())
        conflicts = s.scalar(select(func.count()).select_from(Conflict).where(Conflict.resolved.is_(False)))
    last_error = state.get("last_error")
    if last_error and state.get("last_sync") and state.get("last_attempt", "") < state["last_sync"]:
        last_error = None
    return SyncStatus(
        server_url=state.get("server_url") or DEFAULT_SERVER,
        registered=bool(state.get("device_token")),
        pending=counts.get("pending", 0),
        rejected=counts.get("rejected", 0),
        open_conflicts=conflicts or 0,
        last_sync=state.get("last_sync"),
        last_error=last_error,
        clock_offset_seconds=float(state.get("clock_offset_seconds") or 0),
        unstorable=len(state.get("skipped") or {}),
    )


@dataclass(frozen=True)
class ConflictRow:
    id: str
    table_name: str
    record_id: str
    record_label: str
    field: str
    base_value: object
    server_value: object
    local_value: object
    server_author: str
    local_author: str
    server_at: str
    local_at: str
    village: str = ""  # the record's village (a household's, a resident's household's, a matter's), if any


def _village(s: Session, table: str, record_id: str) -> str:
    """The village a conflicting record belongs to, so "住户 0001" is told from every other village's 0001."""
    model = MODELS.get(table)
    row = s.get(model, record_id) if model else None
    for step in ("household_id", "village_id"):
        if row is not None and step == "household_id" and getattr(row, "household_id", None):
            row = s.get(MODELS["households"], row.household_id)
        if row is not None and step == "village_id" and getattr(row, "village_id", None):
            village = s.get(MODELS["divisions"], row.village_id)
            return village.name if village is not None else ""
    return ""


def _label(s: Session, table: str, record_id: str) -> str:
    model = MODELS.get(table)
    row = s.get(model, record_id) if model else None
    if row is None:
        return record_id[:8]
    for attr in ("serial", "name", "number", "title", "action"):
        if getattr(row, attr, None):
            return str(getattr(row, attr))
    return record_id[:8]


def _who(s: Session, author: str | None) -> str:
    if not author:
        return ""
    account = s.get(Account, author)
    return account.display_name if account else author


def open_conflicts(ws: Workspace) -> list[ConflictRow]:
    with ws.read() as s:
        rows = s.scalars(
            select(Conflict)
            .where(Conflict.resolved.is_(False), Conflict.deleted.is_(False))
            .order_by(Conflict.server_time)
        )
        return [
            ConflictRow(
                c.id,
                c.table_name,
                c.record_id,
                _label(s, c.table_name, c.record_id),
                c.field,
                c.base_value,
                c.server_value,
                c.local_value,
                _who(s, c.server_author),
                _who(s, c.local_author),
                str(c.server_at or ""),
                str(c.local_at or ""),
                _village(s, c.table_name, c.record_id),
            )
            for c in rows
        ]


def resolve_conflict(ws: Workspace, conflict_id: str, choice: str, value: Any = None) -> Changed:
    """Settle a conflict by an ordinary edit: keep the server's value, take ours, or write a new one."""
    if choice not in ("server", "local", "value"):
        raise ServiceError(msg("不认识的处理方式“{0}”", choice))
    with ws.read() as s:
        conflict = s.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise NotFound(msg("这条冲突已不存在或已处理"))
        chosen = {"server": conflict.server_value, "local": conflict.local_value, "value": value}[choice]
        table, record_id, field = conflict.table_name, conflict.record_id, conflict.field
    if table == "matters" and field in lifecycle.STATE_FIELDS:  # the state changes only by a lifecycle step
        changed = steps.settle_conflict(ws, record_id, conflict_id, field, chosen)
        return Changed("conflicts", (conflict_id,), "resolved", also=tuple(sorted(changed.kinds)))
    with ws.tx("sync.resolve_conflict", conflict_id, choice=choice) as tx:
        conflict = tx.session.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise NotFound(msg("这条冲突已不存在或已处理"))
        model = MODELS.get(conflict.table_name)
        record = tx.session.get(model, conflict.record_id) if model else None
        if record is None:
            raise NotFound(msg("冲突涉及的记录不在这台电脑上"))
        chosen = {"server": conflict.server_value, "local": conflict.local_value, "value": value}[choice]
        if conflict.field == "deleted" and isinstance(chosen, dict):
            # An edit that raced a delete: taking the edit brings the record back with it.
            record.deleted = False
            for field, field_value in chosen.items():
                _set(record, conflict.table_name, field, field_value)
        else:
            _set(record, conflict.table_name, conflict.field, chosen)
        conflict.resolved = True
    return Changed("conflicts", (conflict_id,), "resolved", also=(table,))


def _set(record: Any, table: str, field: str, value: Any) -> None:
    convert = CONVERTERS[table].get(field)
    if convert is None:
        raise ServiceError(msg("字段“{0}”不能修改", field))
    setattr(record, field, convert(value))


@dataclass(frozen=True)
class RejectedEdit:
    op_seq: int
    table_name: str
    record_label: str
    fields: dict[str, Any]
    reason: str
    created_at: datetime


def rejected_edits(ws: Workspace) -> list[RejectedEdit]:
    with ws.read() as s:
        entries = s.scalars(
            select(OutboxEntry).where(OutboxEntry.state == "rejected").order_by(OutboxEntry.op_seq)
        )
        return [
            RejectedEdit(
                e.op_seq,
                e.table_name,
                _label(s, e.table_name, e.record_id),
                e.fields,
                e.reason or "",
                e.created_at,
            )
            for e in entries
        ]
