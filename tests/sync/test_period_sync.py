"""A closed month (月结) travels to every laptop and never changes: against a real server (uvicorn on
127.0.0.1, SQLite and PostgreSQL) a hostile or buggy laptop's altered, repeated, early or unauthorised period
records are each refused alone, with the reason, and everyone keeps syncing."""

from __future__ import annotations

import copy
from datetime import date, datetime

from sqlalchemy import select

from desktop.services import periods, steps, syncing
from desktop.store.models import Period
from sync.core.domain import periods as rules
from sync.server import accounts as server_accounts
from sync.server.models import Record
from tests.conftest import PASSWORD
from tests.services.test_matters import report

from .conftest import server_on_the_test_clock
from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, reasons, record_on_server


def _closed_november(laptops, clock):
    t = laptops.town
    server_on_the_test_clock(laptops, clock)
    with laptops.server.server.db.writing() as s:  # the platform office signs in on the township's PC
        server_accounts.add_account(
            s, "platform", PASSWORD, "township", [], display_name="钱平台", roles=["platform"]
        )
    p = t.login("platform")
    # November's last minutes, then December's first: a laptop's clock runs on, it does not jump days between
    # recording a step and sending it (the server bounds a step's time by the device's: docs/domain.md)
    clock.now = datetime(2026, 11, 30, 23, 57)
    m = report(t, who="platform")
    steps.register(p, m, 2, category="邻里")
    clock.now = datetime(2026, 12, 1, 0, 1)
    periods.close(p, "2026-11")
    assert syncing.sync_now(laptops.a).rejected == 0
    return periods.period_id(p, "2026-11")  # the township's id for November (the handshake named it)


def test_a_closed_month_reaches_every_laptop_and_no_laptop_can_change_it(laptops, clock):
    period_id = _closed_november(laptops, clock)
    stored = record_on_server(laptops.server, period_id)
    assert stored is not None and stored.data["month"] == "2026-11"
    syncing.sync_now(laptops.b)
    with laptops.b.read() as s:
        (row,) = s.scalars(select(Period)).all()
    assert (row.month, row.digest, row.closed_by_name) == ("2026-11", stored.data["digest"], "钱平台")

    # A grid worker's laptop may not write a period at all, nor change the published one.
    grid = RawDevice(laptops.server.url, "grid1")
    altered = copy.deepcopy(stored.data["figures"])
    altered["sections"]["village"][0][4]["registered"] = 0
    forged = {**stored.data, "month": "2026-10", "figures": altered}
    forged["digest"] = rules.digest("2026-10", altered)
    (update, insert) = reasons(
        grid.push(
            grid.op("periods", period_id, op="update", fields={"figures": altered}, base_seqs={"figures": 1}),
            grid.op("periods", rules.period_id("2026-10"), fields=forged),
        )
    )
    assert "无权" in update and "无权" in insert

    # The platform office's own account: an altered figure (the digest no longer matches), the same month
    # again, a month not over, a month before the last closed, and a close in another account's name.
    office = RawDevice(laptops.server.url, "admin")
    later = date.today().strftime("%Y-%m")
    results = reasons(
        office.push(
            office.op(
                "periods", period_id, op="update", fields={"figures": altered}, base_seqs={"figures": 1}
            ),
            office.op(
                "periods", rules.period_id("2026-10"), fields={**forged, "digest": stored.data["digest"]}
            ),
            office.op("periods", period_id, fields=stored.data),
            office.op(
                "periods",
                rules.period_id(later),
                fields={**stored.data, "month": later, "digest": rules.digest(later, stored.data["figures"])},
            ),
            office.op("periods", rules.period_id("2026-10"), fields=forged),
            office.op(
                "periods",
                rules.period_id("2026-12"),
                fields={
                    **stored.data,
                    "month": "2026-12",
                    "digest": rules.digest("2026-12", stored.data["figures"]),
                    "closed_by": laptops.town.accounts["grid1"],
                },
            ),
        )
    )
    assert "不能修改" in results[0]
    assert "digest" in results[1]
    assert "已月结" in results[2]
    assert "尚未结束" in results[3]
    assert "不能再月结更早的" in results[4]
    assert "无权月结" in results[5] or "本账号的名义" in results[5]
    # Review: a month published in a name the closing account does not have
    (signed,) = reasons(
        office.push(
            office.op("periods", rules.period_id("2026-10"), fields={**forged, "closed_by_name": "县委书记"})
        )
    )
    assert signed.startswith("closed_by_name") and "钱平台" in signed
    assert record_on_server(laptops.server, period_id).data == stored.data
    with laptops.server.server.db.reading() as s:
        assert [r.data["month"] for r in s.scalars(select(Record).where(Record.table_name == "periods"))] == [
            "2026-11"
        ]
    everyone_keeps_syncing(laptops)


def test_the_platform_laptop_closes_a_month_by_itself_after_a_sync(laptops, clock):
    t = laptops.town
    server_on_the_test_clock(laptops, clock)
    with laptops.server.server.db.writing() as s:  # the platform office signs in on the township's PC
        server_accounts.add_account(
            s, "platform", PASSWORD, "township", [], display_name="钱平台", roles=["platform"]
        )
    p = t.login("platform")
    # a step recorded after the laptop's last sync (the server refuses one backdated before it), in November
    clock.now = datetime(2026, 11, 30, 23, 57)
    steps.register(p, report(t, who="platform"), 2, category="邻里")
    clock.now = datetime(2026, 11, 30, 23, 58)
    assert syncing.sync_now(laptops.a).rejected == 0
    clock.now = datetime(2026, 12, 5, 9, 0)
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)  # the grid worker's laptop never closes a month
    assert periods.closed(p) == {}
    clock.now = datetime(2026, 12, 6, 9, 0)  # five days after November's end
    syncing.sync_now(laptops.a)
    (row,) = periods.closed(p).values()
    assert (row.month, row.automatic) == ("2026-11", True)
    assert syncing.sync_now(laptops.a).rejected == 0, periods.refused(p)
    assert record_on_server(laptops.server, periods.period_id(p, "2026-11")).data["digest"] == row.digest
