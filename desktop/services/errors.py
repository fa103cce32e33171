"""Refusals a use case gives, each with a reason in the user's words."""

from __future__ import annotations

from sync.core.domain.issues import Issue, ValidationFailed
from sync.core.domain.lifecycle import Refused
from sync.core.domain.messages import Message, msg

__all__ = [
    "ServiceError",
    "NotAllowed",
    "NotFound",
    "Cancelled",
    "ValidationFailed",
    "Refused",
    "Issue",
    "explained",
    "storage_trouble",
]


class ServiceError(Exception):
    """Something the user asked for cannot be done; str() is the reason to show them."""


class NotAllowed(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class Cancelled(ServiceError):
    """The person stopped long work part way; what it had begun was undone."""


def explained() -> tuple[type[Exception], ...]:
    """Every error whose message is written for the user (the rest are shown as unexpected, and logged)."""
    from desktop.store.backup import BackupUnreadable
    from desktop.store.engine import DatabaseUnreadable
    from desktop.store.keyslots import UnlockError
    from desktop.store.migrate import MigrationFailed
    from sync.core.bundle import BundleError
    from sync.transport import SyncError

    return (
        ValidationFailed,
        ServiceError,
        Refused,
        PermissionError,
        FileNotFoundError,
        FileExistsError,
        UnlockError,
        DatabaseUnreadable,
        MigrationFailed,
        BackupUnreadable,
        BundleError,
        SyncError,
    )


# What SQLite says when the file itself is the trouble, and what the person can do about it. The database is
# the one thing a grid worker cannot fix by trying again, so these are told in words, not as an error class.
_STORAGE_TROUBLES = (
    (
        ("database or disk is full", "disk i/o error"),
        msg("磁盘已满或无法写入，这次没有保存。请清理磁盘空间后再试；之前保存的数据不受影响。"),
    ),
    (
        ("database disk image is malformed", "file is not a database"),
        msg(
            "数据库文件已损坏，无法读取。请不要继续录入：退出程序，用最近的备份恢复（“文件 → 从备份恢复…”），"
            "或请技术支持处理。"
        ),
    ),
    (
        ("attempt to write a readonly database", "unable to open database file"),
        msg(
            "数据库文件无法写入（只读、无权限或所在的 U 盘已拔出），这次没有保存。"
            "请检查文件所在的位置后再试。"
        ),
    ),
)


def storage_trouble(error: BaseException) -> Message | None:
    """Words for a failure of the database file itself (full disk, damaged file, no write access), or None.

    The store's driver errors reach here wrapped (SQLAlchemy around sqlcipher3):
    their text names the cause."""
    text = str(error).lower()
    for needles, words in _STORAGE_TROUBLES:
        if any(needle in text for needle in needles):
            return words
    return None


def database_damaged(error: BaseException) -> bool:
    """The database file itself is the trouble (damaged, not a database, a failed upgrade, its key file
    missing), not the password typed: a backup is the way back (the login offers to restore one)."""
    from desktop.store.engine import DatabaseUnreadable
    from desktop.store.keyslots import UnlockError
    from desktop.store.migrate import MigrationFailed

    if isinstance(error, UnlockError):
        return "密钥文件" in str(error)  # a missing or unreadable key file, not a wrong password
    return isinstance(error, (DatabaseUnreadable, MigrationFailed)) or storage_trouble(error) is not None
