"""What the township server holds between requests: its database, its attachment files, its clock, the
counters `/metrics` shows and the registration throttle. Built once by the composition root (the command line,
the desktop's embedded server or a test) and kept on the application's `app.state`."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .blobs import BlobStore
from .db import ServerDatabase, meta

FAILURES_PER_ADDRESS = 10  # failed registrations from one address in a minute, then 429 for the rest of it


class Throttle:
    """Failed registrations per address in a sliding minute: a guesser is slowed, nobody else is held up."""

    def __init__(self, limit: int = FAILURES_PER_ADDRESS, window: float = 60.0):
        self.limit, self.window = limit, window
        self.failures: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()

    def blocked(self, address: str) -> bool:
        with self.lock:
            recent = self.failures[address]
            while recent and recent[0] < time.monotonic() - self.window:
                recent.popleft()
            return len(recent) >= self.limit

    def failed(self, address: str) -> None:
        with self.lock:
            self.failures[address].append(time.monotonic())


class Counters:
    """Running totals for `/metrics`. Requests are answered on several threads at once, and `+=` on a shared
    dict is a read and a write, so each addition takes the lock."""

    NAMES = ("push_ops", "pull_changes", "requests")

    def __init__(self):
        self._values = dict.fromkeys(self.NAMES, 0)
        self._lock = threading.Lock()

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._values[name] += amount

    def __getitem__(self, name: str) -> int:
        return self._values[name]

    def items(self) -> list[tuple[str, int]]:
        with self._lock:
            return list(self._values.items())


@dataclass
class Server:
    """Everything a request needs.

    first_account_from_loopback: a server with no accounts takes its first registration from its own machine
    (the desktop's embedded server); a standalone server waits for `fengqiao-server account add`."""

    db: ServerDatabase
    blobs: BlobStore
    clock: Callable[[], datetime] = datetime.now
    counters: Counters = field(default_factory=Counters)
    first_account_from_loopback: bool = False
    throttle: Throttle = field(default_factory=Throttle)

    def epoch(self) -> str:
        with self.db.reading() as s:
            return meta(s, "epoch").value


def open_server(
    database_url: str,
    data_dir: Path,
    clock: Callable[[], datetime] = datetime.now,
    *,
    first_account_from_loopback: bool = False,
) -> Server:
    return Server(
        ServerDatabase(database_url),
        BlobStore(Path(data_dir) / "blobs"),
        clock,
        first_account_from_loopback=first_account_from_loopback,
    )
