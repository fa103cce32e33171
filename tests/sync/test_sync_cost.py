"""A small sync costs what it carries: no statement of a day's sync reads a whole big table (query plans on
the laptop, on a SQLite server and on PostgreSQL), its work does not grow with the township, and the check of
counts that does read every record runs on a schedule (and after a restore), not on every sync."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, select, text

from bench.bench_transfer import write_matters
from desktop.services import lists, syncing
from desktop.store.models import Matter
from desktop.store.queries import MatterFilter
from desktop.store.replica import Replica
from tests.conftest import FAST_KDF, PASSWORD

from .conftest import add_server_account
from .plans import SERVER_BIG, full_scans, heavy_reads, watching

# A laptop's tables that hold a handful of rows whatever the township's size.
# periods: a record a closed month (the platform laptop looks for the month to close after a sync)
LAPTOP_SMALL = {
    "sync_state",
    "uploaded_files",
    "alembic_version",
    "divisions",
    "orgs",
    "grids",
    "config",
    "periods",
}


def laptop_big(ws) -> set[str]:
    with ws.db.engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all()
    return set(names) - LAPTOP_SMALL


def a_day(ws, village, grid, seed: int) -> None:
    """A day's work on a laptop: 17 new matters with two parties each (51 records) and 10 edited matters."""
    write_matters(ws, village, grid, 17, seed, f"D{seed}")
    with ws.db.writing(actor_id=ws.actor.account_id, device_id=ws.device_id, now=ws.now()) as s:
        for i, matter in enumerate(
            s.scalars(select(Matter).where(Matter.serial.not_like("D%")).order_by(Matter.serial).limit(10))
        ):
            matter.place = f"东村{seed}-{i}号"


def age(ws, hours: int) -> str:
    """Make the laptop's last comparison of counts `hours` old (its clock is the real one)."""
    replica = Replica(ws.db)
    then = (datetime.fromisoformat(replica.get_state("verified_at")) - timedelta(hours=hours)).isoformat()
    replica.set_state(verified_at=then)
    return then


@pytest.fixture
def township(laptops):
    """The township laptop with 300 matters pushed, and a platform laptop that pulled them."""
    town = laptops.town
    write_matters(laptops.a, town.village, town.grid, 300, 1, "向城")
    syncing.sync_now(laptops.a)
    add_server_account(laptops.server, "platform")
    puller = laptops.join(laptops.b.db.path.parent.parent / "p" / "fengqiao.db", "platform")
    return laptops, puller


def test_no_statement_of_a_days_sync_reads_a_whole_big_table(township):
    laptops, puller = township
    town, pusher, server = laptops.town, laptops.a, laptops.server.server.db.engine
    grid = laptops.b  # a grid worker's laptop: its pull is filtered by scope, with scope exits
    syncing.sync_now(puller)  # the scheduled count check is done; what follows are the day's syncs
    syncing.sync_now(grid)
    a_day(pusher, town.village, town.grid, 7)
    with watching(pusher.db.engine) as laptop, watching(server) as served:
        assert syncing.sync_now(pusher).pushed == 61
    with watching(puller.db.engine) as pulling, watching(server) as served_pull:
        assert syncing.sync_now(puller).pulled == 61
    with watching(grid.db.engine) as grid_pull, watching(server) as served_grid:
        assert syncing.sync_now(grid).pulled == 61
    scans = full_scans(grid.db.engine, grid_pull.statements, laptop_big(grid))
    served.statements += served_grid.statements
    scans += full_scans(pusher.db.engine, laptop.statements, laptop_big(pusher))
    scans += full_scans(puller.db.engine, pulling.statements, laptop_big(puller))
    scans += full_scans(server, served.statements + served_pull.statements, SERVER_BIG)
    assert scans == [], "\n".join(scans)
    # The records table holds ≈ 1,000: a day's sync reads ≈ 70 of them.
    if server.dialect.name == "postgresql":
        heavy = heavy_reads(server, served.statements + served_pull.statements, SERVER_BIG, most=300)
        assert heavy == [], "\n".join(heavy)
    assert len(served.statements) > 5 and len(pulling.statements) > 5  # the watch saw the sync


def test_a_days_sync_does_not_grow_with_the_township(tmp_path, clock, sqlite_server):
    """The same day's sync with 300 matters (≈900 records) and with 3,000 (≈9,000), in one process: SQLite's
    VM steps on the pushing laptop, the pulling laptop and the server stay within 1.5×, where any read of a
    whole table would grow them tenfold."""
    from .conftest import Laptops

    laptops = Laptops(tmp_path, clock, sqlite_server)
    try:
        town, pusher = laptops.town, laptops.a
        add_server_account(sqlite_server, "platform")
        puller = laptops.join(tmp_path / "p" / "fengqiao.db", "platform")
        steps = []
        for size, seed in ((300, 1), (2700, 2)):
            write_matters(pusher, town.village, town.grid, size, seed, f"S{seed}")
            syncing.sync_now(pusher)
            syncing.sync_now(puller)
            a_day(pusher, town.village, town.grid, 10 + seed)
            with watching(pusher.db.engine) as push, watching(sqlite_server.server.db.engine) as served:
                syncing.sync_now(pusher)
            with watching(puller.db.engine) as pull, watching(sqlite_server.server.db.engine) as served_pull:
                assert syncing.sync_now(puller).pulled == 61
            steps.append((push.steps, pull.steps, served.steps + served_pull.steps))
        small, big = steps
        for where, few, many in zip(("pushing laptop", "pulling laptop", "server"), small, big, strict=True):
            assert many < 1.5 * few, f"{where}: {few} VM steps at 300 matters, {many} at 3,000"
    finally:
        laptops.close()


def test_counts_are_compared_on_a_schedule_and_a_missing_record_is_pulled_again(township):
    laptops, puller = township
    town = laptops.town
    # A record lost on this laptop outside any sync (a damaged copy); its search entry stays behind.
    with puller.db.applying() as s:
        lost, serial = s.execute(select(Matter.id, Matter.serial).order_by(Matter.serial).limit(1)).one()
        s.execute(delete(Matter).where(Matter.id == lost))
    report = syncing.sync_now(puller)
    assert report.repulled_tables == []  # compared when it joined: not again within the hour
    age(puller, hours=7)
    report = syncing.sync_now(puller)
    assert report.repulled_tables == ["matters"]
    with puller.read() as s:
        assert s.get(Matter, lost) is not None
        # the stale entry was replaced by the re-pulled record's own: one entry, found by search
        entries = s.execute(text("SELECT count(*) FROM search_fts_refs WHERE ref = :id"), {"id": lost})
        assert entries.scalar() == 1
    assert [row.id for row in lists.matters(puller, MatterFilter(text=serial)).rows] == [lost]
    a_day(laptops.a, town.village, town.grid, 3)
    syncing.sync_now(laptops.a)
    with watching(laptops.server.server.db.engine) as served:
        assert syncing.sync_now(puller).repulled_tables == []
    counted = [st for st, _ in served.statements if "count(" in st.lower() and "group by" in st.lower()]
    assert counted == []  # the server did not count the scope for a sync with no check due


def test_a_restored_server_is_followed_by_a_count_check(township):
    from sync.server.db import meta

    laptops, puller = township
    long_ago = age(puller, hours=1)
    with laptops.server.server.db.writing() as s:  # a restore from a backup gives the server a new epoch
        meta(s, "epoch").value = "restored-from-a-backup"
    report = syncing.sync_now(puller)
    assert report.reset
    assert Replica(puller.db).get_state("verified_at") > long_ago  # compared after the re-pull


def test_a_new_laptop_compares_its_first_pull(tmp_path, laptops):
    add_server_account(laptops.server, "platform")
    ws = syncing.join_township(
        tmp_path / "n" / "fengqiao.db", laptops.server.url, "platform", PASSWORD, kdf=FAST_KDF
    )
    try:
        assert Replica(ws.db).get_state("verified_at") is not None
    finally:
        ws.close()


# A pushing laptop's writing transactions in a day's sync: the push's answers, the pull's page (its cursor),
# the sync's closing state, its audit entry.
LAPTOP_WRITES = 4


def test_the_server_asks_little_of_its_database_for_a_days_sync(township):
    """Statements the server runs for a day's sync (61 records pushed, then pulled by another laptop): a
    handful per request, not one or more per record, and the handshake written with the push (one commit)."""
    laptops, puller = township
    town, pusher, server = laptops.town, laptops.a, laptops.server.server.db.engine
    syncing.sync_now(puller)
    a_day(pusher, town.village, town.grid, 7)
    with watching(server) as pushed, watching(pusher.db.engine) as laptop:
        assert syncing.sync_now(pusher).pushed == 61
    with watching(server) as pulled:
        assert syncing.sync_now(puller).pulled == 61
    # The laptop's writing transactions (each takes the write lock): one per step that stores something, none
    # to store the unchanged account the handshake names.
    locks = [st for st, _ in laptop.statements if st == "BEGIN IMMEDIATE"]
    assert len(locks) <= LAPTOP_WRITES, laptop.statements
    # Per request: the caller's identity (its device, account and account record), then the work. A
    # statement per record pushed or pulled would be ≥ 61 here.
    assert len(pushed.statements) <= 30, [st for st, _ in pushed.statements]
    assert len(pulled.statements) <= 15, [st for st, _ in pulled.statements]
    if server.dialect.name == "sqlite":
        writes = [st for st, _ in pushed.statements if st == "BEGIN IMMEDIATE"]
        assert len(writes) == 1  # the handshake rode on the push: one writing transaction, one commit


def test_a_first_push_writes_its_new_records_a_batch_at_a_time(laptops):
    """A laptop's first push of 400 matters with two parties each (1,200 new records, three batches): the
    server writes each batch's new records in one statement, not one each (a check that asks the database
    in the middle of a batch would write the records pending before it, one statement per op)."""
    town = laptops.town
    write_matters(laptops.a, town.village, town.grid, 400, 3, "首推")
    with watching(laptops.server.server.db.engine) as pushed:
        assert syncing.sync_now(laptops.a).pushed == 1200
    inserts = [st for st, _ in pushed.statements if st.lstrip().upper().startswith("INSERT INTO RECORDS")]
    pushes = -(-1200 // 500)  # batches of at most 500 ops
    assert 1 <= len(inserts) <= pushes, len(inserts)
