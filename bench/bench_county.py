"""A county on one server (issue 29): 20 townships × 30,000 households on PostgreSQL, 500 laptops doing a
day's small sync, the server's CPU and memory, the database's size, and the county's monthly ranking.

    .venv/bin/python bench/bench_county.py [--townships 20] [--households 30000] [--laptops 500]
        [--spread 60] [--rounds 3] [--repeat 5] [--db /work/bench-data/t30000.db]
    .venv/bin/python bench/bench_county.py --townships 3 --households 2000 --laptops 30   # the quick check

How the county is built (on a throwaway PostgreSQL cluster, one server process):
1. the demo township (`--db`, made with bench_transfer's FAST_KDF and PASSWORD; else one is generated with
   `--households`) is pushed once by its township laptop (bench_sync.first_push): township 1, exactly as a
   server holds it after a real push;
2. the other townships are added with `fengqiao-server township add`, and township 1's rows are copied into
   each with fresh ids inside one transaction a township: every record id, every reference to one (the
   village, grid, parent and household columns, and any id inside the record's fields) mapped to a new uuid
   of that township, the township column set, and new sequence numbers taken from the server's own counter
   (moved past them), so each copy is what a push of that township would leave. Copying, not pushing 20
   times: one push of 30,000 households takes about 400 s on this machine (load-pg-30000.log), 20 would take
   over two hours; the copy is checked (no record of one township refers to another's);
3. each township's closed months of 2026, as bench_county_rank writes them (its `fill`, into these
   townships);
4. `--laptops` grid-worker accounts, spread evenly over the townships (each a grid of its own township),
   then bench_load's wave: each laptop the real SyncClient over a laptop store in memory, registering, pulling
   its grid, then `--rounds` times a few edits and a sync, once every `--spread` seconds from a random phase.

Printed: the build's steps and times, p50/p95/p99 of one sync, errors, the server process's CPU seconds and
peak memory, PostgreSQL's own CPU seconds, the database's size (pg_database_size and the five largest tables),
then the county's ranking of a month and of a quarter (bench_county_rank.timed, min/median/max of
`--repeat`) on that same database. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.bench_county_rank import (
    fill,  # noqa: E402
    print_rankings,  # noqa: E402
)
from bench.bench_load import MemoryLaptop, wave  # noqa: E402
from bench.bench_sync import demo_township, first_push, serve  # noqa: E402
from bench.bench_transfer import PASSWORD  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.server import accounts as server_accounts  # noqa: E402
from sync.server.state import open_server  # noqa: E402
from sync.transport import Transport  # noqa: E402

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
COPY_NAMESPACE = uuid.UUID("6f1c5c0e-29c0-4c7a-9a61-000000000029")
REFERENCES = ("village_id", "grid_id", "parent_id", "household_id", "protected_from")
COLUMNS = (
    "id",
    "township_id",
    "table_name",
    "data",
    "field_seq",
    "field_device",
    "server_seq",
    "deleted",
    "shared",
    *REFERENCES,
    "county",
    "blob",
    "updated_by",
    "updated_device",
    "device_time",
    "server_time",
)
JSON_COLUMNS = ("data", "field_seq", "field_device")


def cli(data: Path, url: str, *args: str) -> str:
    """`fengqiao-server …` on this server's database, as an administrator would type it."""
    command = [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data), "--database-url", url, *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def new_id(township: str, old: str) -> str:
    """The copy's id of a record of township 1 in `township`: the same every time (so references agree)."""
    return str(uuid.uuid5(COPY_NAMESPACE, f"{township}:{old}"))


def copy_township(url: str, source: str, target: str) -> int:
    """Township `source`'s records into `target` with fresh ids and sequence numbers, in one transaction."""
    select_cols = ", ".join(f"{c}::text" if c in JSON_COLUMNS else c for c in COLUMNS)
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            f"SELECT {select_cols} FROM records WHERE township_id = %s ORDER BY server_seq", (source,)
        ).fetchall()
        mapping = {row[0]: new_id(target, row[0]) for row in rows}
        mapping[source] = target

        def mapped(match: re.Match) -> str:
            return mapping.get(match.group(0), match.group(0))

        with conn.transaction():
            last = int(conn.execute("SELECT value FROM meta WHERE key = 'last_seq' FOR UPDATE").fetchone()[0])
            at = {c: i for i, c in enumerate(COLUMNS)}
            with conn.cursor().copy(f"COPY records ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    out = list(row)
                    last += 1
                    out[at["id"]] = mapping[row[0]]
                    out[at["township_id"]] = target
                    out[at["server_seq"]] = last
                    for c in REFERENCES:
                        if out[at[c]] is not None:
                            out[at[c]] = mapping.get(out[at[c]], out[at[c]])
                    for c in JSON_COLUMNS:
                        out[at[c]] = UUID.sub(mapped, out[at[c]])
                    copy.write_row(out)
            exits = conn.execute(
                "SELECT table_name, record_id, village_id, grid_id, household_id FROM scope_exits "
                "WHERE township_id = %s ORDER BY seq",
                (source,),
            ).fetchall()
            for table, *places in exits:  # a record that moved out of a village or grid, and where from
                last += 1
                record, village, grid, household = (mapping.get(v, v) if v else v for v in places)
                conn.execute(
                    "INSERT INTO scope_exits (seq, table_name, record_id, township_id, village_id, grid_id, "
                    "household_id) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                    (last, table, record, target, village, grid, household),
                )
            conn.execute("UPDATE meta SET value = %s WHERE key = 'last_seq'", (str(last),))
    return len(rows)


def crossed(url: str) -> int:
    """Records whose village, grid, parent or household is another township's record: 0 for honest copies."""
    with psycopg.connect(url) as conn:
        return sum(
            conn.execute(
                f"SELECT count(*) FROM records r JOIN records o ON o.id = r.{c} "
                "WHERE o.township_id IS DISTINCT FROM r.township_id"
            ).fetchone()[0]
            for c in ("village_id", "grid_id", "parent_id", "household_id")
        )


def sizes(url: str) -> str:
    with psycopg.connect(url) as conn:
        total = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        top = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid), "
            "pg_indexes_size(c.oid) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY 2 DESC LIMIT 5"
        ).fetchall()
    parts = [
        f"{name} {all_ / 2**20:.0f} MiB (table {rel / 2**20:.0f}, indexes {idx / 2**20:.0f})"
        for name, all_, rel, idx in top
    ]
    return f"database {total / 2**20:.0f} MiB; largest: " + "; ".join(parts)


def per_township(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT t.name, count(r.id) FILTER (WHERE r.table_name = 'households'), count(r.id), "
            "min(r.server_seq), max(r.server_seq) "
            "FROM townships t LEFT JOIN records r ON r.township_id = t.id "
            "GROUP BY t.name, t.created_at ORDER BY t.created_at, t.name"
        ).fetchall()


def grid_pull(address: str, username: str, schema: str) -> dict:
    """What one grid worker's laptop pulls: the records of its grid, by table."""
    local = MemoryLaptop(schema)
    client = SyncClient(local, Transport(address, read_timeout=120))
    client.register(username, PASSWORD, "bench-check")
    client.sync()
    return local.local_counts()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--townships", type=int, default=20)
    ap.add_argument("--households", type=int, default=30000, help="per township (the demo's size)")
    ap.add_argument(
        "--laptops", type=int, default=500, help="grid workers' laptops, spread over the townships"
    )
    ap.add_argument("--spread", type=float, default=60.0, help="seconds between one laptop's syncs")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--processes", type=int, default=6)
    ap.add_argument("--repeat", type=int, default=5, help="runs of the ranking")
    ap.add_argument("--db", type=Path, help="a demo township made earlier with the bench password")
    args = ap.parse_args()
    from tests.sync.servers import PostgresCluster

    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-county-"))
    cluster = PostgresCluster()
    url = cluster.new_database()
    data = folder / "server"
    began = time.perf_counter()
    try:
        township = demo_township(folder, args.db, args.households)

        process, address = serve(data, url)
        try:
            town, report, seconds = first_push(township, data, url, address)
        finally:
            process.terminate()
            process.wait(30)
        print(f"township 1, first push: {report.pushed} records in {seconds:.0f} s", flush=True)
        from desktop.store.models import Grid

        with town.read() as s:
            grids = sorted(s.scalars(select(Grid.id).where(Grid.deleted.is_(False))))
        schema = town.db.schema_version
        town.close()

        started = time.perf_counter()
        cli(data, url, "township", "set", "本镇（待命名）", "--rename", "第01镇", "--code", "371324100000")
        for n in range(2, args.townships + 1):
            cli(data, url, "township", "add", f"第{n:02d}镇", "--code", f"3713241{n:02d}000")
        with psycopg.connect(url) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM townships ORDER BY name").fetchall()]
        print(f"{len(ids)} townships (fengqiao-server township add): {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        for n, target in enumerate(ids[1:], start=2):
            copied = copy_township(url, ids[0], target)
            print(
                f"  township {n}: {copied} records copied ({time.perf_counter() - started:.0f} s)", flush=True
            )
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE records")
        print(f"copies: {time.perf_counter() - started:.0f} s; cross-township references: {crossed(url)}")

        server = open_server(url, data)
        started = time.perf_counter()
        written = fill(server, 0, 0, existing=ids)
        print(f"closed months: {written} records in {time.perf_counter() - started:.0f} s", flush=True)

        started = time.perf_counter()
        users = [f"t{n % len(ids) + 1:02d}g{n // len(ids):03d}" for n in range(args.laptops)]
        for n, township_id in enumerate(ids):
            mine = [u for u in users if u.startswith(f"t{n + 1:02d}g")]
            with server.db.writing() as s:
                for i, name in enumerate(mine):
                    grid = grids[i % len(grids)]
                    place = grid if n == 0 else new_id(township_id, grid)
                    server_accounts.add_account(s, name, PASSWORD, "grid", [place], township=township_id)
        server.db.close()
        print(f"{len(users)} grid workers' accounts: {time.perf_counter() - started:.0f} s")
        for name, homes, records, low, high in per_township(url):
            print(f"  {name}: {homes} households, {records} records, seq {low}…{high}")
        print(sizes(url), flush=True)

        process, address = serve(data, url)
        try:
            first, last = (
                grid_pull(address, users[0], schema),
                grid_pull(address, users[len(ids) - 1], schema),
            )
            print(f"a grid pull, township 1: {first}; township {len(ids)}: {last}", flush=True)
            if first != last:
                print("  (differ: the copy is not what township 1 holds)", flush=True)
            wave(
                address, users, schema, args.rounds, args.spread, args.processes, process.pid, False, cluster
            )
        finally:
            process.terminate()
            process.wait(30)
        print(sizes(url), flush=True)

        server = open_server(url, data)
        county = f"{args.townships} × {args.households} households"
        print_rankings(server, args.repeat, "county ranking", county)
        server.db.close()
        print(f"all: {time.perf_counter() - began:.0f} s")
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
