"""The audit log: who did or viewed what, when, on which device; each entry chained to the last by hash."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import AuditEntry

GENESIS = "0" * 64


def _digest(
    prev_hash: str, at: datetime, account: str, device: str, action: str, target: str, detail: dict[str, Any]
) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(), account, device, action, target, detail],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    account: str,
    device: str,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    at = at or datetime.now()
    detail = detail or {}
    prev = (
        session.execute(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).scalar() or GENESIS
    )
    entry = AuditEntry(
        at=at,
        account=account,
        device_id=device,
        action=action,
        target=target,
        detail=detail,
        prev_hash=prev,
        hash=_digest(prev, at, account, device, action, target, detail),
    )
    session.add(entry)
    return entry


def verify(session: Session) -> int | None:
    """The seq of the first entry whose chain is broken, or None when the whole log is intact."""
    prev = GENESIS
    for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        if e.prev_hash != prev or e.hash != _digest(
            prev, e.at, e.account, e.device_id, e.action, e.target, e.detail
        ):
            return e.seq
        prev = e.hash
    return None
