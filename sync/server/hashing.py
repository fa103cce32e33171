"""A gate on password hashing. One Argon2 hash takes 64 MiB for its moment, and requests are answered on
many threads: 32 registrations at once took the server from 160 MB to 1.9 GB. So only a few hash at a time,
a few more wait their turn, and the rest are told at once to come back (429 with Retry-After) — a refused
request holds neither memory nor a thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

HASHING_AT_ONCE = 2  # hashes running together: 2 × 64 MiB
HASHING_QUEUE = 8  # requests that may wait for a turn; one more is refused
RETRY_AFTER_SECONDS = 2


class Busy(Exception):
    """Every hashing slot and every waiting place is taken."""


class HashGate:
    def __init__(self, at_once: int = HASHING_AT_ONCE, queue: int = HASHING_QUEUE):
        if at_once < 1 or queue < 0:
            raise ValueError(f"密码计算并发数至少为 1、排队数不能为负（现为 {at_once}、{queue}）")
        self.at_once, self.queue = at_once, queue
        self._slots = threading.BoundedSemaphore(at_once)
        self._lock = threading.Lock()
        self._inside = 0  # running + waiting

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._lock:
            if self._inside >= self.at_once + self.queue:
                raise Busy(f"服务器正忙于核对密码，请 {RETRY_AFTER_SECONDS} 秒后再试")
            self._inside += 1
        try:
            with self._slots:
                yield
        finally:
            with self._lock:
                self._inside -= 1
