"""Fixtures for sync: a real server per test (SQLite and PostgreSQL), a township laptop that pushed its
set-up, and a grid worker's laptop that joined from the server."""

from __future__ import annotations

import pytest

from desktop.services import syncing
from sync.server import accounts as server_accounts
from tests.conftest import FAST_KDF, PASSWORD, Township

from .servers import PostgresCluster, start


@pytest.fixture(scope="session")
def postgres():
    cluster = PostgresCluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path):
    url = (
        f"sqlite:///{tmp_path / 'server.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgres").new_database()
    )
    running = start(url, tmp_path / "server-data")
    yield running
    running.stop()


@pytest.fixture
def sqlite_server(tmp_path):
    running = start(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server-data")
    yield running
    running.stop()


def only_township(session) -> str:
    """The id of a one-township server's township (made as `account add` would, when it has none yet): rows a
    test writes straight into the server's tables belong to it."""
    from datetime import datetime

    from sync.server import townships

    return townships.for_new_account(session, None, datetime.now()).id


def add_server_account(server, username, kind="township", places=()):
    with server.server.db.writing() as s:
        server_accounts.add_account(s, username, PASSWORD, kind, list(places))


class Laptops:
    """The township's own laptop (admin, pushed the set-up) and a grid worker's laptop that joined."""

    def __init__(self, tmp_path, clock, server):
        (tmp_path / "a").mkdir()
        self.town = Township(tmp_path / "a", clock)
        self.server = server
        add_server_account(server, "admin")
        self.a = self.town.admin
        syncing.sync_now(self.a, password=PASSWORD, server_url=server.url)
        add_server_account(server, "grid1", "grid", [self.town.grid])
        add_server_account(server, "grid2", "grid", [self.town.grid2])
        self.b = syncing.join_township(
            tmp_path / "b" / "fengqiao.db", server.url, "grid1", PASSWORD, kdf=FAST_KDF
        )
        self.extra = []

    def join(self, path, username):
        ws = syncing.join_township(path, self.server.url, username, PASSWORD, kdf=FAST_KDF)
        self.extra.append(ws)
        return ws

    def close(self):
        self.b.close()
        for ws in self.extra:
            ws.close()
        self.town.close()


@pytest.fixture
def laptops(tmp_path, clock, server):
    pair = Laptops(tmp_path, clock, server)
    yield pair
    pair.close()


def server_on_the_test_clock(laptops, clock) -> None:
    """The server runs on the test's clock (a month's last minutes, its first day), and the township's
    pushes so far count as made on it too: a step counts no earlier than the account's previous complete push
    and no later than its receipt (timing.counted_time), so a test living in November needs such a server."""
    from sync.server.models import Device

    object.__setattr__(laptops.server.server, "clock", clock)
    with laptops.server.server.db.writing() as s:
        for device in s.query(Device):
            device.complete_push_at = device.complete_push_seq = None
