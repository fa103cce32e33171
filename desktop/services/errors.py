"""Refusals a use case gives, each with a reason in the user's words."""

from __future__ import annotations

from sync.core.domain.issues import Issue, ValidationFailed
from sync.core.domain.lifecycle import Refused

__all__ = [
    "ServiceError",
    "NotAllowed",
    "NotFound",
    "Cancelled",
    "ValidationFailed",
    "Refused",
    "Issue",
    "explained",
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
