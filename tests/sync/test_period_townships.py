"""Two townships on one server each close the same month (issue 29): a closed month's id is one per township
and month, so both closes are taken, and each township's laptops receive only their own. Closes made under the
old one-per-month id (before the upgrade, or by a laptop that had never synced) stay valid. Real server
processes on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from desktop.services import matters, periods, steps, syncing
from desktop.services.matters import MatterInput, PartyInput
from desktop.store.models import Period, SyncState
from sync.core.domain import periods as rules
from sync.server import accounts as server_accounts
from sync.server.models import Record
from tests.conftest import FAST_KDF, PASSWORD
from tests.services.test_matters import report

from .conftest import server_on_the_test_clock
from .test_townships import Two


class County:
    """Township A (the laptops fixture's, its platform office on the township's laptop) and township B
    (马厂湖镇, set up by its admin's raw device; its platform office on a laptop that joined)."""

    def __init__(self, laptops, clock, tmp_path, a_platform: bool = True):
        self.laptops, self.clock = laptops, clock
        self.two = Two(laptops)
        server_on_the_test_clock(laptops, clock)
        if a_platform:  # the platform office signs in on the township's PC
            with laptops.server.server.db.writing() as s:  # one session serves one township
                server_accounts.add_account(
                    s,
                    "platform",
                    PASSWORD,
                    "township",
                    [],
                    display_name="钱平台",
                    roles=["platform"],
                    township=self.two.a_id,
                )
        with laptops.server.server.db.writing() as s:
            server_accounts.add_account(
                s,
                "bplatform",
                PASSWORD,
                "township",
                [],
                display_name="马平台",
                roles=["platform"],
                township="马厂湖镇",
            )
        # B's admin writes the township's account record the laptops sign B's steps with
        fields = {
            "username": "bplatform",
            "display_name": "马平台",
            "roles": "platform",
            "scope_kind": "township",
        }
        (result,) = self.two.b.push(self.two.b.op("accounts", str(uuid.uuid4()), fields=fields))
        assert result["status"] == "applied", result
        self.a = laptops.town.login("platform")
        self.b = laptops.join(tmp_path / "bp" / "fengqiao.db", "bplatform")
        self.b.clock = clock  # B's laptop lives on the test's clock too (a joined laptop's is the real one)

    def b_matter(self, n: int) -> None:
        """`n` matters reported in township B's grid and registered, by B's platform office."""
        for i in range(n):
            found = matters.report(
                self.b,
                MatterInput(
                    title=f"北村纠纷{i}",
                    source="网格排查",
                    facts="两户因排水发生争执",
                    grid_id=self.two.b_grid,
                    people_count=2,
                    parties=[PartyInput("赵一", "申请人"), PartyInput("钱二", "被申请人")],
                ),
            )
            steps.register(self.b, found.id, 2, category="邻里")

    def november(self, a_matters: int = 1, b_matters: int = 2) -> None:
        """Both townships record their November (different figures), then December comes."""
        self.clock.now = datetime(2026, 11, 30, 23, 50)
        for _ in range(a_matters):
            steps.register(self.a, report(self.laptops.town, who="platform"), 2, category="邻里")
        self.b_matter(b_matters)
        self.clock.now = datetime(2026, 12, 1, 0, 1)
        assert syncing.sync_now(self.laptops.a).rejected == 0
        assert syncing.sync_now(self.b).rejected == 0, [
            (e.table_name, e.reason) for e in syncing.rejected_edits(self.b)
        ]

    def close(self, ws, month: str) -> None:
        periods.close(ws, month)
        report = syncing.sync_now(ws)
        assert report.rejected == 0, periods.refused(ws)


def forget_township(ws) -> None:
    """The laptop as it was before it learned its township (an older version, or never synced)."""
    with ws.db.applying() as s:
        row = s.get(SyncState, "township")
        if row is not None:
            s.delete(row)


def held_periods(server) -> dict[str, tuple[str, str]]:
    with server.server.db.reading() as s:
        return {
            r.id: (r.township_id, r.data["month"])
            for r in s.scalars(select(Record).where(Record.table_name == "periods"))
        }


def laptop_periods(ws) -> dict[str, str]:
    with ws.read() as s:
        return {r.id: r.month for r in s.scalars(select(Period))}


def test_two_townships_both_close_the_same_month_and_each_sees_only_its_own(laptops, clock, tmp_path):
    county = County(laptops, clock, tmp_path)
    county.november()
    a_id, b_id = county.two.a_id, county.two.b_id
    county.close(county.a, "2026-11")
    county.close(county.b, "2026-11")
    a_period, b_period = rules.period_id("2026-11", a_id), rules.period_id("2026-11", b_id)
    assert a_period != b_period
    assert held_periods(laptops.server) == {a_period: (a_id, "2026-11"), b_period: (b_id, "2026-11")}
    # each township's laptops: A's own laptop, A's grid worker, B's platform office
    syncing.sync_now(laptops.b)
    assert laptop_periods(laptops.a) == {a_period: "2026-11"}
    assert laptop_periods(laptops.b) == {a_period: "2026-11"}
    assert laptop_periods(county.b) == {b_period: "2026-11"}
    # the figures are each township's own: A registered one matter in November, B two
    a_total = periods.closed(county.a)["2026-11"].figures["sections"]["village"]
    b_total = periods.closed(county.b)["2026-11"].figures["sections"]["village"]
    assert sum(row[4].get("registered", 0) for row in a_total) == 1
    assert sum(row[4].get("registered", 0) for row in b_total) == 2


def test_closes_under_the_old_id_stay_valid_and_a_new_township_uses_its_own(laptops, clock, tmp_path):
    """A township that closed November before the upgrade (the old one-per-month id, on a server of one
    township) keeps it, and may still close under it from a laptop that has not synced since; a township
    added later must use its own id, refused with the id it should have."""
    county = County(laptops, clock, tmp_path)
    county.november()
    a_id, b_id = county.two.a_id, county.two.b_id
    # A's laptop as it was before it learned its township closes November under the old id: the server holds
    # two townships and A never closed under the old id, so it is refused, naming A's own id
    forget_township(county.a)
    assert periods.period_id(county.a, "2026-11") == rules.legacy_period_id("2026-11")
    with laptops.server.server.db.reading() as s:
        assert s.scalar(select(Record).where(Record.table_name == "periods")) is None
    periods.close(county.a, "2026-11")
    syncing.sync_now(laptops.a)
    reason = periods.refused(county.a).get("2026-11", "")
    assert reason.startswith("id：") and rules.period_id("2026-11", a_id) in reason
    # the next sync tells the laptop its township; closing again uses the township's id and is taken
    county.close(county.a, "2026-11")
    assert held_periods(laptops.server) == {rules.period_id("2026-11", a_id): (a_id, "2026-11")}

    # B, a laptop that lost its township (never synced since the upgrade), is refused the old id likewise
    forget_township(county.b)
    periods.close(county.b, "2026-11")
    syncing.sync_now(county.b)
    assert rules.period_id("2026-11", b_id) in periods.refused(county.b)["2026-11"]
    county.close(county.b, "2026-11")
    assert len(held_periods(laptops.server)) == 2


def test_a_township_that_closed_before_the_upgrade_keeps_its_old_ids(laptops, clock, tmp_path):
    """On the server of one township, a laptop closes under the old id (before its handshake named the
    township, or before the upgrade); a second township is added; the first keeps its close, and may go on
    closing under the old id from a laptop that has not synced since; the second closes under its own."""
    t = laptops.town
    server_on_the_test_clock(laptops, clock)
    with laptops.server.server.db.writing() as s:
        server_accounts.add_account(
            s, "platform", PASSWORD, "township", [], display_name="钱平台", roles=["platform"]
        )
    p = t.login("platform")
    clock.now = datetime(2026, 11, 30, 23, 57)
    steps.register(p, report(t, who="platform"), 2, category="邻里")
    clock.now = datetime(2026, 12, 1, 0, 1)
    assert syncing.sync_now(laptops.a).rejected == 0
    forget_township(p)
    periods.close(p, "2026-11")
    assert syncing.sync_now(laptops.a).rejected == 0, periods.refused(p)
    old = rules.legacy_period_id("2026-11")
    assert laptop_periods(p) == {old: "2026-11"}

    county = County(laptops, clock, tmp_path, a_platform=False)  # township B arrives after A's close
    a_id, b_id = county.two.a_id, county.two.b_id
    county.b_matter(1)
    clock.now = datetime(2027, 1, 1, 0, 5)
    syncing.sync_now(county.b)
    county.close(county.b, "2026-11")
    forget_township(p)  # A's laptop has not synced since the upgrade: it still makes the old id
    assert periods.period_id(p, "2026-12") == rules.legacy_period_id("2026-12")
    county.close(p, "2026-12")
    assert held_periods(laptops.server) == {
        old: (a_id, "2026-11"),
        rules.legacy_period_id("2026-12"): (a_id, "2026-12"),
        rules.period_id("2026-11", b_id): (b_id, "2026-11"),
    }
    # A's laptops read both its closes; B's laptop only its own
    syncing.sync_now(laptops.b)
    assert set(periods.closed(p)) == {"2026-11", "2026-12"}
    assert laptop_periods(county.b) == {rules.period_id("2026-11", b_id): "2026-11"}
    # a laptop of B without its township may not take the old id (here A's already; B never closed under it)
    forget_township(county.b)
    periods.close(county.b, "2026-12")
    syncing.sync_now(county.b)
    assert "2026-12" in periods.refused(county.b) and len(held_periods(laptops.server)) == 3
    county.close(county.b, "2026-12")  # its handshake named its township: closed under B's own id
    assert held_periods(laptops.server)[rules.period_id("2026-12", b_id)] == (b_id, "2026-12")


def test_a_joined_laptop_keeps_its_township_from_the_handshake(laptops, tmp_path):
    ws = syncing.join_township(
        tmp_path / "j" / "fengqiao.db", laptops.server.url, "grid2", PASSWORD, kdf=FAST_KDF
    )
    try:
        with ws.read() as s:
            township = s.get(SyncState, "township").value
        with laptops.server.server.db.reading() as s:
            from sync.server import townships

            assert township["id"] == townships.named(s, None).id
    finally:
        ws.close()
