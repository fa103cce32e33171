"""The audit trail read: the auditor's screen and `fengqiao audit` page through it with filters (from, to,
who, what) and verify its hash chain (`audit.verify`). Only the auditor (审计员) may.

Each entry is read as an auditor reads it (desktop.services.audit_words): the action in Chinese, who by name,
the record named the way a person knows it, and the change as "字段: 旧 → 新" lines; the raw entry (action,
target, detail as JSON) stays on the row for whoever needs it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from desktop.store.models import Account, AuditEntry
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import audit_words
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
    detail: str  # the raw detail, as JSON
    who: str = ""  # 钱平台（platform）
    action_label: str = ""  # 登记立案
    target_label: str = ""  # 向城-2026-00001 宅基地边界争议
    changes: tuple[str, ...] = ()  # 状态: 已上报 → 已登记

    @property
    def raw(self) -> str:
        """The entry as stored, for the details toggle."""
        return "\n".join(
            [
                f"seq: {self.id}",
                f"at: {self.at.isoformat()}",
                f"account: {self.account}",
                f"device: {self.device}",
                f"action: {self.action}",
                f"target: {self.target}",
                f"detail: {self.detail or '{}'}",
            ]
        )


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
    if f.who.strip():  # the account name, or the name the person goes by
        who = f.who.strip()
        named = select(Account.username).where(Account.display_name.contains(who, autoescape=True))
        where.append(or_(AuditEntry.account.contains(who, autoescape=True), AuditEntry.account.in_(named)))
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
        entries = list(
            s.scalars(
                select(AuditEntry).where(*where).order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)
            )
        )
        words = audit_words.Words(s)
        before = words.statuses_before(entries)
        rows = [
            AuditRow(
                e.seq,
                e.at,
                e.account,
                e.device_id,
                e.action,
                e.target,
                json.dumps(e.detail, ensure_ascii=False, sort_keys=True, default=str) if e.detail else "",
                words.account(e.account),
                words.action(e.action),
                words.target(e.action, e.target),
                words.changes(e.action, e.detail or {}, before.get(e.seq)),
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
