"""The one error of the server's administration (its command line and the admin API): the message names what
to fix. On its own so that every module that refuses an administrator's input can raise it without importing
another's logic (accounts and townships check each other's input)."""

from __future__ import annotations


class AdminError(Exception):
    """A server command line mistake: the message names what to fix."""
