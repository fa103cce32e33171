"""The change hub: one way for changes to reach the screens.

The workers publish what every piece of work changed (a use case's `Changed`, a sync's record types); pages,
the desk, the status bar and open dialogs subscribe by kind and read again. Nobody wires one screen's refresh
to another screen's save. Publications arriving together are delivered together, on the next turn of the
event loop, and each subscriber is called once for them, so a sync touching ten record types refreshes a page
once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from desktop.services.context import Changed

EVERYTHING = None  # subscribe to every kind
SYNCED = (
    "sync"  # a sync ran: its pending count, conflicts and rejected edits changed even if nothing was pulled
)


def changes_in(result) -> list[Changed]:
    """What a finished piece of work changed: a use case's Changed, or the record types a sync brought in."""
    if isinstance(result, Changed):
        return [result]
    if isinstance(getattr(result, "changed", None), Changed):  # a report of bulk work (a roster import)
        return [result.changed]
    tables = getattr(result, "tables", None)  # sync.client.SyncReport
    if isinstance(tables, set):
        return [Changed(SYNCED, (), "synced", also=tuple(sorted(tables)))]
    return []


class ChangeHub(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._subscribers: list[tuple[QObject, frozenset | None, Callable]] = []
        self._pending: list[Changed] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._deliver)

    def subscribe(
        self, owner: QObject, kinds: Iterable[str] | None, callback: Callable[[list[Changed]], None]
    ):
        """Call callback(changes) after work changing any of these kinds (None: any kind), for as long as the
        owner (a widget) lives."""
        self._subscribers.append((owner, None if kinds is None else frozenset(kinds), callback))

    def publish(self, changes: Changed | list[Changed]) -> None:
        self._pending.extend([changes] if isinstance(changes, Changed) else changes)
        if self._pending:
            self._timer.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, []
        kinds = frozenset().union(*(c.kinds for c in changes))
        alive = [s for s in self._subscribers if isValid(s[0])]
        self._subscribers = alive
        for _owner, wanted, callback in list(alive):
            if wanted is None or wanted & kinds:
                callback(changes)
