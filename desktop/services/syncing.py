"""Sync use cases: join a township from its server, sync now, offline bundles, the sync state, and conflicts.

The sync client itself lives in `sync/`; this module wires it to the open database (`Replica`) and to the
account signed in, and turns what came back into plain objects for the window and the command line.
"""

from __future__ import annotations

import platform
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.database import Database
from desktop.store.keyslots import KdfParams
from desktop.store.models import MODELS, Account, Conflict, OutboxEntry, SyncState
from desktop.store.replica import CONVERTERS, Replica
from sync.client import CLOCK_WARNING_SECONDS, Progress, SyncClient, SyncReport
from sync.core.domain import lifecycle
from sync.core.domain.issues import Issue, ValidationFailed
from sync.core.domain.messages import msg
from sync.pinning import CertificateUnreadable, normalise, pinned_session, server_fingerprint
from sync.transport import AuthFailed, Offline, SyncError, Transport

from . import accounts, periods, setup, steps
from .context import Changed, Workspace
from .errors import NotFound, ServiceError

DEFAULT_SERVER = "http://127.0.0.1:8765"  # the township server run from the README, on this machine


__all__ = ["CLOCK_WARNING_SECONDS", "Offline", "SyncError", "SyncReport"]


ADDRESS = "服务器地址"  # the field a bad address is reported against, in the window and on the command line


def reachable(server_url: str, fingerprint: str | None = None) -> bool:
    """One quick look at the township server's health; no retries, a short timeout."""
    try:
        return _session(server_url, fingerprint).get(server_url.rstrip("/") + "/v1/health", timeout=3).ok
    except requests.RequestException:
        return False


# A host name, an IPv4 address or an IPv6 address (urlsplit gives it without brackets): no spaces, no junk.
_HOST = re.compile(
    r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|[0-9a-fA-F:.]+"
)


def server_address(text: str) -> str:
    """The address as typed → "http(s)://host[:port]", or a refusal naming the field and saying why."""
    url = text.strip().rstrip("/")
    if not url:
        raise ValidationFailed([Issue(ADDRESS, msg("请填写乡镇服务器地址，如 https://192.168.1.10:8765"))])
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises ValueError for a port that is not a number
    except ValueError:
        raise ValidationFailed(
            [Issue(ADDRESS, msg("“{0}”不是有效的地址：端口应是数字", text.strip()))]
        ) from None
    host_ok = bool(parts.hostname) and _HOST.fullmatch(parts.hostname or "") is not None
    if parts.scheme not in ("http", "https") or not host_ok or parts.path or parts.query:
        raise ValidationFailed(
            [Issue(ADDRESS, msg("“{0}”不是有效的地址：应写成 http(s)://主机[:端口]", text.strip()))]
        )
    return url


def certificate_of(server_url: str) -> str | None:
    """The fingerprint of an https:// server's certificate, for the person to compare before trusting it
    (None for plain http, which has no certificate)."""
    if not server_url.startswith("https://"):
        return None
    try:
        return server_fingerprint(server_url)
    except CertificateUnreadable as exc:
        raise ValidationFailed([Issue(ADDRESS, msg("读不到服务器的证书：{0}", str(exc)))]) from None


def _session(url: str, fingerprint: str | None) -> requests.Session:
    """HTTPS to a township server trusts the one certificate whose fingerprint was accepted."""
    if url.startswith("https://") and fingerprint:
        return pinned_session(fingerprint)
    return requests.Session()


class RegistrationLost(AuthFailed):
    """The township server no longer knows this laptop's registration (its token): register again with the
    account's password; the edits waiting in the outbox stay and go up with the next sync."""


def set_server(ws: Workspace, server_url: str, fingerprint: str | None = None) -> str:
    """同步 → 服务器设置: the township server's address (and its trusted certificate). The registration stays;
    if the server there does not know it, the next sync asks for the password to register again."""
    url = server_address(server_url)
    if url.startswith("https://") and not fingerprint:
        raise ValidationFailed([Issue(ADDRESS, msg("https 地址需要先核对并信任服务器证书的指纹"))])
    with ws.tx("sync.set_server", url):
        pass
    Replica(ws.db).set_state(
        server_url=url, server_fingerprint=normalise(fingerprint) if fingerprint else None
    )
    return url


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
    fingerprint: str | None = None,
) -> SyncClient:
    replica = Replica(db)
    known = replica.get_state("server_url")
    url = (server_url or known or DEFAULT_SERVER).rstrip("/")
    token = replica.get_state("device_token") if url == known else None
    if fingerprint is None and url == known:
        fingerprint = replica.get_state("server_fingerprint")
    transport = Transport(
        url, token=token, cancelled=cancelled, session=session or _session(url, fingerprint)
    )
    return SyncClient(replica, transport, progress=progress, now=now)


def sync_now(
    ws: Workspace,
    *,
    password: str | None = None,
    server_url: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    session: requests.Session | None = None,
    register_again: bool = False,
) -> SyncReport:
    """Push this laptop's edits and pull the township's. The first time, registers the device; after the
    server forgot the registration, `register_again` with the password registers it anew (same device id,
    so the server keeps its history; the outbox is untouched and is pushed by this very sync)."""
    client = client_for(
        ws.db, server_url, progress=progress, cancelled=cancelled, session=session, now=ws.clock
    )
    try:
        if not client.transport.token or register_again:
            if not password:
                raise NeedsPassword(msg("这台电脑第一次同步：请输入本账号的密码，以便在乡镇服务器登记设备"))
            client.register(ws.actor.username, password, platform.node())
            client.local.set_state(registration_lost=None)
        report = client.sync()
    except AuthFailed as exc:
        lost = "重新登记" in str(
            exc
        )  # the server's words for a token it does not know (not a revoked device)
        client.local.set_state(
            last_error=str(exc), last_attempt=ws.now().isoformat(), registration_lost=True if lost else None
        )
        if lost:
            raise RegistrationLost(str(exc)) from exc
        raise
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
    fingerprint: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Workspace:
    """A new laptop: an encrypted database for this account, registered with the township, filled by pull.
    An https:// server is trusted by the certificate fingerprint the person accepted (`certificate_of`).
    If anything fails or is cancelled, the half-made database is removed, so the same form can try again."""
    server_url = server_address(server_url)
    if server_url.startswith("https://") and not fingerprint and session is None:
        raise ValidationFailed([Issue(ADDRESS, msg("https 地址需要先核对并信任服务器证书的指纹"))])
    path = Path(path)
    db = Database.create(path, username, password, kdf)
    try:
        with db.applying() as s:
            s.add(SyncState(key="device_id", value=str(uuid.uuid4())))
            if fingerprint:
                s.add(SyncState(key="server_fingerprint", value=normalise(fingerprint)))
        client = client_for(
            db, server_url, progress=progress, session=session, fingerprint=fingerprint, cancelled=cancelled
        )
        info = client.register(username, password, platform.node())
        client.sync()
    except BaseException:
        db.close()
        setup.remove_database(path)
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
    fingerprint: str | None = None  # the trusted certificate of an https:// server
    registration_lost: bool = False  # the server forgot this laptop's registration: register again


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
        fingerprint=state.get("server_fingerprint"),
        registration_lost=bool(state.get("registration_lost")) and bool(last_error),
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
