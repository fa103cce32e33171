"""What the township server holds between requests: its database, its attachment files, its clock, the
counters `/metrics` shows, the registration throttle and its edge settings (trusted proxies, the host names
it answers to, the password-hashing gate, devices per account, a pull page's bytes). Built once by the
composition root (the command line, the desktop's embedded server or a test) and kept on the application's
`app.state`."""

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
from .hashing import HashGate
from .peers import LOOPBACK_HOSTS, TrustedProxies

MAX_DEVICES_PER_ACCOUNT = 5  # active (not revoked) devices one account may register
MAX_PAGE_BYTES = 4 * 1024 * 1024  # a pull page stops before its changes pass this many bytes of JSON

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
    # Proxy headers are believed only from these direct peers (none by default).
    trusted_proxies: TrustedProxies = field(default_factory=TrustedProxies)
    # The Host names answered (a web page's DNS rebinding names its own); None answers any.
    allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS
    hashing: HashGate = field(default_factory=HashGate)
    max_devices: int = MAX_DEVICES_PER_ACCOUNT
    max_page_bytes: int = MAX_PAGE_BYTES

    def epoch(self) -> str:
        with self.db.reading() as s:
            return meta(s, "epoch").value


def open_server(
    database_url: str,
    data_dir: Path,
    clock: Callable[[], datetime] = datetime.now,
    *,
    first_account_from_loopback: bool = False,
    **settings,
) -> Server:
    """`settings`: any of the edge fields of `Server` (trusted_proxies, allowed_hosts, hashing, max_devices,
    max_page_bytes); the defaults suit the desktop's embedded server, which answers its own machine only."""
    return Server(
        ServerDatabase(database_url),
        BlobStore(Path(data_dir) / "blobs"),
        clock,
        first_account_from_loopback=first_account_from_loopback,
        **settings,
    )
