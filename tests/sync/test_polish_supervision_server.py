"""The server refuses 督办 of a matter with nobody yet (the shared core rule), alone and with the reason, and
takes it once the matter is dispatched (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

from desktop.services import steps, syncing

from .conftest import add_server_account
from .servers import RawDevice
from .test_authority import reported_in_grid
from .test_history_authority import reasons


def _supervise(laptops, m) -> dict:
    return {
        "matter_id": m,
        "action": "supervised",
        "actor_id": laptops.town.accounts["supervisor"],
        "actor_name": "孙督考",
        "at": datetime.now().isoformat(timespec="seconds"),
        "note": "已超期，请尽快办结",
        "data": {"level": "黄牌", "overdue_days": 0},
    }


def test_the_server_refuses_supervising_a_matter_with_nobody(laptops):
    laptops.town.clock.now = datetime.now().replace(microsecond=0)
    m = reported_in_grid(laptops)
    steps.register(laptops.a, m, 1, category="邻里")
    syncing.sync_now(laptops.a)
    add_server_account(laptops.server, "supervisor")
    office = RawDevice(laptops.server.url, "supervisor")
    (refused,) = reasons(office.push(office.op("events", fields=_supervise(laptops, m))))
    assert "请先交办" in refused and "服务器上的状态" in refused
    steps.dispatch(laptops.a, m, f"org:{laptops.town.unit}")
    syncing.sync_now(laptops.a)
    (taken,) = office.push(office.op("events", fields=_supervise(laptops, m)))
    assert taken["status"] != "rejected", taken
