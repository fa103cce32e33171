"""The server takes a closed month (月结) only with the figures it computes itself from the records it holds,
by the same rules (sync.core.domain.counting and .periods), against a real server (uvicorn on 127.0.0.1,
SQLite and PostgreSQL): the honest platform laptop syncs, closes, pushes and is accepted, with the server's
receipt time as the month's closed_at; made-up figures (with a digest that matches them) are refused alone,
naming the figure; a laptop that closes before it has pulled another laptop's November work is refused with
the reason and what to do, and succeeds after syncing."""

from __future__ import annotations

import copy
from datetime import datetime

from desktop.services import assessment_report, matters, periods, steps, syncing
from desktop.services.matters import MatterInput
from sync.core.domain import periods as rules
from sync.server import accounts as server_accounts
from tests.conftest import PASSWORD
from tests.services.test_matters import report

from .conftest import server_on_the_test_clock
from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, reasons, record_on_server


def _platform(laptops, clock):
    server_on_the_test_clock(laptops, clock)
    with laptops.server.server.db.writing() as s:  # the platform office signs in on the township's PC
        server_accounts.add_account(
            s, "platform", PASSWORD, "township", [], display_name="钱平台", roles=["platform"]
        )
    return laptops.town.login("platform")


def _group_matter_on_grid_laptop(laptops, clock):
    """The grid worker's own laptop reports a group matter (6 people) in November and sends it."""
    laptops.b.clock = clock  # its clock reads November's last minutes too
    matters.report(
        laptops.b,
        MatterInput(
            title="六户排水沟纠纷",
            source="网格排查",
            facts="六户因排水沟改道发生争执",
            grid_id=laptops.town.grid,
            people_count=6,
        ),
    )
    assert syncing.sync_now(laptops.b).rejected == 0


def test_a_laptop_that_has_not_pulled_is_refused_then_closes_after_syncing(laptops, clock):
    p = _platform(laptops, clock)
    clock.now = datetime(2026, 11, 30, 23, 55)  # within the ten minutes a push may reach back
    steps.register(p, report(laptops.town, who="platform"), 2, category="邻里")
    clock.now = datetime(2026, 11, 30, 23, 56)
    _group_matter_on_grid_laptop(laptops, clock)

    clock.now = datetime(2026, 12, 1, 0, 1)
    periods.close(p, "2026-11")  # the platform laptop has not pulled the grid worker's matter yet
    assert syncing.sync_now(laptops.a).rejected == 1
    reason = periods.refused(p)["2026-11"]
    assert reason.startswith("figures：2026年11月的数据与服务器上的记录不符")
    assert "figures.sections." in reason and "group_matters" in reason and "请先同步" in reason
    assert record_on_server(laptops.server, periods.period_id(p, "2026-11")) is None
    assert periods.closed(p) == {}  # refused: the month is not closed here either
    stamp = assessment_report.view(p, "2026-11").stamp  # the 统计 page says so, and what to do
    assert stamp.startswith("本月的月结被乡镇服务器退回，请同步后重新月结") and "group_matters" in stamp

    # that sync pulled the grid worker's matter: the month closes again, with it, and the server takes it
    clock.now = datetime(2026, 12, 1, 0, 3)
    periods.close(p, "2026-11")
    assert periods.refused(p) == {} and "2026-11" in periods.closed(p)  # closed here, on its way
    clock.now = datetime(2026, 12, 1, 0, 4)  # the server's clock (the test's) when the close arrives
    assert syncing.sync_now(laptops.a).rejected == 0
    stored = record_on_server(laptops.server, periods.period_id(p, "2026-11"))
    village = stored.data["figures"]["sections"]["village"]
    assert sum(row[4].get("group_matters", 0) for row in village) == 1
    # closed_at is when the server received it (its own clock), not the laptop's 2026-12-01 00:03
    received = datetime.fromisoformat(stored.data["closed_at"])
    assert received == datetime(2026, 12, 1, 0, 4)
    syncing.sync_now(laptops.a)
    assert periods.closed(p)["2026-11"].closed_at == received  # travelled back to the laptop that closed it
    assert periods.refused(p) == {}
    everyone_keeps_syncing(laptops)


def test_made_up_figures_are_refused_alone_naming_the_figure(laptops, clock):
    p = _platform(laptops, clock)
    clock.now = datetime(2026, 11, 30, 23, 55)  # within the ten minutes a push may reach back
    steps.register(p, report(laptops.town, who="platform"), 2, category="邻里")
    clock.now = datetime(2026, 12, 1, 0, 1)
    assert syncing.sync_now(laptops.a).rejected == 0
    honest = periods.figures(p, "2026-11")

    office = RawDevice(laptops.server.url, "platform")
    forged = copy.deepcopy(honest)
    forged["sections"]["village"][0][4]["registered"] = 5  # a village that found five matters, not one
    fields = {
        "month": "2026-11",
        "figures": forged,
        "digest": rules.digest("2026-11", forged),  # a digest binds whatever figures it is given
        "closed_by": laptops.town.accounts["platform"],
        "closed_by_name": "钱平台",
        "closed_at": "2026-12-01T09:00:00",
    }
    (reason,) = reasons(office.push(office.op("periods", rules.period_id("2026-11"), fields=fields)))
    village = honest["sections"]["village"][0][1]
    assert f"figures.sections.village[{village}].registered：本机 5，服务器 1" in reason
    assert record_on_server(laptops.server, rules.period_id("2026-11")) is None
    everyone_keeps_syncing(laptops)  # refused alone

    # the same push with the figures the records give is taken, stamped with the server's time
    honest_fields = {**fields, "figures": honest, "digest": rules.digest("2026-11", honest)}
    (result,) = office.push(office.op("periods", rules.period_id("2026-11"), fields=honest_fields))
    assert result["status"] == "applied", result
    stored = record_on_server(laptops.server, rules.period_id("2026-11")).data
    assert stored["closed_at"] != "2026-12-01T09:00:00"
    assert stored["digest"] == rules.digest("2026-11", honest)
    everyone_keeps_syncing(laptops)
