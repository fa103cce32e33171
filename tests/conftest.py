"""Shared fixtures: every test gets fresh, real, encrypted databases in its own temporary folder."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.services import accounts, setup  # noqa: E402
from desktop.store.keyslots import KdfParams  # noqa: E402

# Real Argon2id, lighter than a laptop's default so that many databases can be made per run.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
PASSWORD = "correct horse 1"
NOW = datetime(2026, 11, 23, 9, 30)


class Clock:
    """A clock the test can move: deadlines and colours depend on the date."""

    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


class Township:
    """A small township: two villages with a grid each, a unit, a team and one account per role."""

    def __init__(self, tmp: Path, clock: Clock):
        self.path = tmp / "fengqiao.db"
        self.clock = clock
        self.admin = setup.create_township(
            self.path, "向城镇", PASSWORD, division_code="110105001000", kdf=FAST_KDF, clock=clock
        )
        a = self.admin
        self.village = setup.add_village(a, "东村", "110105001001").id
        self.village2 = setup.add_village(a, "西村", "110105001002").id
        self.grid = setup.add_grid(a, self.village, "东村一网格").id
        self.grid2 = setup.add_grid(a, self.village2, "西村一网格").id
        self.unit = setup.add_org(a, "unit", "司法所").id
        self.team = setup.add_org(a, "team", "老娘舅调解队").id
        self.committee = setup.add_org(
            a, "village_committee", "东村村委会", level="village", village_id=self.village
        ).id
        self.accounts = {}
        for username, name, roles, kind, ids, org in [
            ("grid1", "王网格", "grid_worker", "grid", [self.grid], self.committee),
            ("grid2", "李网格", "grid_worker", "grid", [self.grid2], None),
            ("mediator", "赵调解", "mediator", "township", [], self.team),
            ("platform", "钱平台", "platform", "township", [], None),
            ("supervisor", "孙督考", "supervisor", "township", [], None),
            ("leader", "周领导", "leader", "township", [], None),
            ("auditor", "吴审计", "auditor", "township", [], None),
        ]:
            self.accounts[username] = accounts.add_account(
                a, username, name, PASSWORD, roles, scope_kind=kind, scope_ids=ids, org_id=org, kdf=FAST_KDF
            ).id
        self._sessions = {"admin": a}

    def login(self, username: str):
        if username not in self._sessions:
            self._sessions[username] = accounts.login(self.path, username, PASSWORD, clock=self.clock)
        return self._sessions[username]

    def close(self):
        for ws in self._sessions.values():
            ws.close()


@pytest.fixture
def township(tmp_path, clock):
    town = Township(tmp_path, clock)
    yield town
    town.close()
