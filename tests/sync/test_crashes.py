"""A laptop killed with -9 in the middle of a push or of a pull loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from desktop.services import syncing
from desktop.store.models import Household, OutboxEntry
from sync.server.models import OpResult, Record
from tests.conftest import PASSWORD
from tests.sync.test_end_to_end import add_household


def run_until_frozen(db, username, mode, marker):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.crash_child", str(db), username, PASSWORD, mode, str(marker)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert child.poll() is None, child.stdout.read().decode()
        assert time.monotonic() < deadline, "the child never reached the crash point"
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()


def server_households(server):
    with server.server.db.reading() as s:
        return s.scalar(select(func.count()).select_from(Record).where(Record.table_name == "households"))


def test_killed_in_the_middle_of_a_push(laptops, tmp_path):
    town, a = laptops.town, laptops.a
    for i in range(45):
        add_household(a, town, f"1{i:03d}", f"东村{i}号")
    before = server_households(laptops.server)
    path = a.db.path
    laptops.town.close()  # the laptop's own process is the one that dies

    run_until_frozen(path, "admin", "push", tmp_path / "frozen")
    with laptops.server.server.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(OpResult)) > 0  # the server had committed a batch

    from desktop.services import accounts

    again = accounts.login(path, "admin", PASSWORD)
    report = syncing.sync_now(again)
    assert report.pushed == 45 and report.rejected == 0 and report.conflicts == 0
    assert server_households(laptops.server) == before + 45
    with again.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")) == 0
        )
        assert s.scalar(select(func.count()).select_from(Household)) == before + 45
    again.close()


def test_killed_in_the_middle_of_a_pull(laptops, tmp_path):
    town, a, b = laptops.town, laptops.a, laptops.b
    for i in range(70):
        add_household(a, town, f"2{i:03d}", f"东村{i}号")
    syncing.sync_now(a)
    path = b.db.path
    b.close()

    run_until_frozen(path, "grid1", "pull", tmp_path / "frozen")

    from desktop.services import accounts

    again = accounts.login(path, "grid1", PASSWORD)
    report = syncing.sync_now(again)
    assert report.repulled_tables == []  # counts agree with the server without a repair
    with again.read() as s:
        numbers = s.scalars(select(Household.number).where(Household.number.like("2%"))).all()
    assert sorted(numbers) == [f"2{i:03d}" for i in range(70)]
    again.close()
    laptops.b = accounts.login(path, "grid1", PASSWORD)
