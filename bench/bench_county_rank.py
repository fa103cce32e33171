"""The county's monthly ranking on PostgreSQL (issue 29): 20 townships, each with a year of closed months
written straight into the server's tables as a server holds them (figures of township size: villages, grids,
units, teams, handlers, sources, categories, each row with counts), among `--households` filler records per
township (the rows a ranking must not touch), then `fengqiao-server assessment`'s query and ranking timed.

    .venv/bin/python bench/bench_county_rank.py [--townships 20] [--households 30000] [--repeat 5] [--sqlite]
        [--recount /work/bench-data/t30000.db --month 2026-11]

Printed: rows written, the database's size, and the ranking's time (min/median/max over --repeat runs) for a
month and for a quarter. `--recount DB`: also the server's recount of one township's month (what it does
to a pushed close: sync.server.periods.book + periods.figures), after the demo township DB (made with
bench_transfer's FAST_KDF and PASSWORD) is pushed to the server as bench_load pushes it. Run on demand, not
in CI.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select, text  # noqa: E402

from sync.core.domain import periods as rules  # noqa: E402
from sync.core.domain.counting import BY  # noqa: E402
from sync.server import county_rank  # noqa: E402
from sync.server.app import open_server  # noqa: E402
from sync.server.db import meta  # noqa: E402
from sync.server.models import Record, Township  # noqa: E402

# a township's size (the demo township at 30,000 households): rows of each section of a closed month
UNITS = {"village": 30, "grid": 300, "unit": 12, "team": 6, "handler": 60, "source": 8, "category": 15}
MONTHS = [rules.month_name(2026, m) for m in range(1, 13)]


def figures(rng: random.Random) -> dict:
    def row(by: str, i: int) -> list:
        registered = rng.randint(0, 40)
        resolved = rng.randint(0, registered)
        counts = {"registered": registered, "resolved": resolved, "closed": resolved, "done": resolved}
        counts |= {"mediations_held": rng.randint(0, 20), "follow_ups": rng.randint(0, 10)}
        counts["mediations_agreed"] = rng.randint(0, counts["mediations_held"])
        counts["satisfied"] = rng.randint(0, counts["follow_ups"])
        return [str(uuid.uuid4()), f"{by}{i}", i + 1, round(rng.uniform(50, 100), 2), counts]

    return {
        "version": rules.FIGURES_VERSION,
        "no_data": "rescale",
        "weights": None,
        "sections": {by: [row(by, i) for i in range(UNITS.get(by, 10))] for by in BY},
        "adjustments": {},
        "marks": [],
    }


def fill(server, townships: int, households: int, seed: int = 29, existing: list[str] | None = None) -> int:
    """`existing`: the ids of townships the server holds already (bench_county), written into instead of
    `townships` new ones. Sequence numbers follow the server's last one, which is moved past them, so a
    server that holds pushed records (or is pushed to later) hands out no number twice."""
    rng, written = random.Random(seed), 0
    with server.db.reading() as s:
        seq = int(meta(s, "last_seq").value)
    now = datetime(2027, 1, 10)
    count = len(existing) if existing is not None else townships
    for n in range(count):
        if existing is not None:
            township_id = existing[n]
        else:
            township_id = str(uuid.uuid4())
            with server.db.writing() as s:
                s.add(
                    Township(
                        id=township_id,
                        code=f"3713241{n:02d}000",
                        name=f"第{n + 1}镇",
                        short_name="",
                        created_at=now,
                    )
                )
        rows = []
        for month in MONTHS:
            f = figures(rng)
            data = {
                "month": month,
                "figures": f,
                "digest": rules.digest(month, f),
                "closed_by_name": "平台",
                "closed_at": now.isoformat(),
                "automatic": False,
            }
            rows.append((rules.period_id(month, township_id), "periods", data))
        rows += [
            (str(uuid.uuid4()), "households", {"number": str(i), "address": "某村"})
            for i in range(households)
        ]
        for start in range(0, len(rows), 5000):
            batch = []
            for rid, table, data in rows[start : start + 5000]:
                seq += 1
                batch.append(
                    {
                        "id": rid,
                        "township_id": township_id,
                        "table_name": table,
                        "data": data,
                        "field_seq": {},
                        "field_device": {},
                        "server_seq": seq,
                        "deleted": False,
                        "shared": False,
                    }
                )
            with server.db.writing() as s:
                s.execute(insert(Record), batch)
        with server.db.writing() as s:
            meta(s, "last_seq", lock=True).value = str(seq)
        written += len(rows)
        print(f"  township {n + 1}/{count}: {len(rows)} rows", flush=True)
    return written


def timed(server, period: str, repeat: int) -> tuple[list[float], county_rank.Ranking]:
    times, found = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        with server.db.reading() as s:
            found = county_rank.ranking(s, period)
            county_rank.lines(found)
        times.append(time.perf_counter() - started)
    assert found is not None
    return times, found


def print_rankings(server, repeat: int, label: str = "ranking", size: str = "") -> None:
    """The month's and the quarter's ranking timed, a line each (`size`: the county's, said at the end)."""
    for period in ("2026-11", "2026-Q4"):
        times, found = timed(server, period, repeat)
        ranked = sum(r.place is not None for r in found.rows)
        print(
            f"{label} {period}: {ranked}/{len(found.rows)} townships ranked, county registered "
            f"{found.total.counts.registered}; min {min(times) * 1000:.0f} ms, median "
            f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
            + (f" ({repeat} runs, {size})" if size else ""),
            flush=True,
        )


def recount(db: Path, url: str | None, folder: Path, month: str, repeat: int) -> None:
    """Push a demo township to a server process, then time the server's recount of `month` on its tables."""
    import shutil

    from bench.bench_sync import first_push, serve
    from sync.server import history
    from sync.server import periods as server_periods
    from sync.server.scope import confine

    township = folder / "recount.db"
    shutil.copy(db, township)
    shutil.copy(str(db) + ".keys", str(township) + ".keys")
    data = folder / "recount-server"
    process, address = serve(data, url)
    try:
        town, report, seconds = first_push(township, data, url, address)
        print(f"recount: first push of {report.pushed} records in {seconds:.0f} s")
        town.close()
    finally:
        process.terminate()
        process.wait(30)
    server = open_server(url or f"sqlite:///{data / 'server.db'}", data)
    times = []
    for _ in range(repeat):
        with server.db.reading() as s:
            confine(s, s.scalar(select(Township.id)))
            started = time.perf_counter()
            book = server_periods.book(s)
            loaded = time.perf_counter() - started
            found = rules.figures(book, month, {}, history.calculator(s))
            times.append((loaded, time.perf_counter() - started))
    registered = sum(row[4].get("registered", 0) for row in found["sections"]["village"])
    reading, whole = (statistics.median(t[i] for t in times) for i in (0, 1))
    print(
        f"recount of {month} ({len(book.matters)} matters, {len(book.events)} events; "
        f"{registered} registered "
        f"that month): reading {reading:.2f} s, all {whole:.2f} s (median of {repeat}; "
        f"max {max(t[1] for t in times):.2f} s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--townships", type=int, default=20)
    ap.add_argument("--households", type=int, default=30000, help="filler records per township")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sqlite", action="store_true", help="SQLite instead of a throwaway PostgreSQL cluster")
    ap.add_argument("--recount", type=Path, help="a demo township DB: time the server's recount of its month")
    ap.add_argument("--month", default="2026-11", help="the month --recount recounts")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-rank-"))
    cluster = None
    if args.sqlite:
        url = f"sqlite:///{folder / 'server.db'}"
    else:
        from tests.sync.servers import PostgresCluster

        cluster = PostgresCluster()
        url = cluster.new_database()
    try:
        if args.recount:
            recount(
                args.recount, None if args.sqlite else cluster.new_database(), folder, args.month, args.repeat
            )
        server = open_server(url, folder / "data")
        started = time.perf_counter()
        written = fill(server, args.townships, args.households)
        print(f"written: {written} records in {time.perf_counter() - started:.1f} s")
        with server.db.writing() as s:
            if not args.sqlite:
                s.execute(text("ANALYZE records"))
                size = s.scalar(text("SELECT pg_database_size(current_database())"))
                print(f"database size: {size / 2**20:.0f} MiB")
        print_rankings(server, args.repeat)
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
