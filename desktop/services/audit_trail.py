"""The audit trail read: the auditor's screen and `fengqiao audit` page through it with filters (from, to,
who, what) and verify its hash chain (`audit.verify`). Only the auditor (审计员) may."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from desktop.store.models import AuditEntry
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from .audit import verify
from .context import Workspace
from .errors import ValidationFailed


@dataclass(frozen=True)
class AuditRow:
    id: int  # the entry's seq (the paged list keys rows by `id`)
    at: datetime
    account: str
    device: str
    action: str
    target: str
    detail: str


@dataclass(frozen=True)
class AuditPage:
    total: int
    rows: list[AuditRow]


@dataclass(frozen=True)
class ChainCheck:
    """The chain verified from its first entry: intact, or the first entry where it breaks."""

    entries: int
    broken_at: int | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


@dataclass(frozen=True)
class AuditFilter:
    start: date | None = None  # from this day (inclusive)
    end: date | None = None  # to this day (inclusive)
    who: str = ""  # part of the account name
    what: str = ""  # part of the action (account.add, login, …) or of its target


def check_filter(f: AuditFilter) -> None:
    """A filter that could only ever show nothing is said to be wrong, naming the field."""
    if f.start and f.end and f.start > f.end:
        raise ValidationFailed([Issue(msg("至"), msg("结束日期 {0} 早于开始日期 {1}", f.end, f.start))])
    for name, value in ((msg("操作人"), f.who), (msg("操作"), f.what)):
        if len(value) > 50:
            raise ValidationFailed([Issue(name, msg("最多 {0} 个字", 50))])


def _where(f: AuditFilter) -> list[Any]:
    where: list[Any] = []
    if f.start:
        where.append(AuditEntry.at >= datetime.combine(f.start, time.min))
    if f.end:
        where.append(AuditEntry.at < datetime.combine(f.end + timedelta(days=1), time.min))
    if f.who.strip():
        where.append(AuditEntry.account.contains(f.who.strip(), autoescape=True))
    if f.what.strip():
        what = f.what.strip()
        where.append(
            or_(
                AuditEntry.action.contains(what, autoescape=True),
                AuditEntry.target.contains(what, autoescape=True),
            )
        )
    return where


def read(ws: Workspace, f: AuditFilter, offset: int = 0, limit: int = 100) -> AuditPage:
    """The entries the filter selects, newest first, a page at a time."""
    ws.require(Permission.READ_AUDIT)
    check_filter(f)
    where = _where(f)
    with ws.read() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry).where(*where)) or 0
        entries = s.scalars(
            select(AuditEntry).where(*where).order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)
        )
        rows = [
            AuditRow(
                e.seq,
                e.at,
                e.account,
                e.device_id,
                e.action,
                e.target,
                json.dumps(e.detail, ensure_ascii=False, sort_keys=True, default=str) if e.detail else "",
            )
            for e in entries
        ]
    return AuditPage(total, rows)


def check_chain(ws: Workspace) -> ChainCheck:
    """The whole chain verified, for the auditor (on opening the screen, after a sync, `fengqiao audit
    --verify`)."""
    ws.require(Permission.READ_AUDIT)
    with ws.read() as s:
        count = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return ChainCheck(count, verify(s))
