"""Refusals a use case gives, each with a reason in the user's words."""

from __future__ import annotations

from desktop.domain.issues import Issue, ValidationFailed
from desktop.domain.lifecycle import Refused

__all__ = ["ServiceError", "NotAllowed", "NotFound", "ValidationFailed", "Refused", "Issue"]


class ServiceError(Exception):
    """Something the user asked for cannot be done; str() is the reason to show them."""


class NotAllowed(ServiceError):
    pass


class NotFound(ServiceError):
    pass
