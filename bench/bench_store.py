"""Benchmark of the local store on a township-sized demo (run on demand, not in CI).

    .venv/bin/python bench/bench_store.py --households 30000

Prints: demo generation time, database size, open-and-unlock time, and search times by name, ID number, phone
and matter text (median and worst of several runs), through the same list queries the screens use.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from desktop.services import accounts, demo, lists
from desktop.store.models import Matter, Person
from desktop.store.queries import MatterFilter

PASSWORD = "bench password"


def timed(fn, runs: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=30000)
    parser.add_argument("--db", type=Path, help="reuse a demo database made earlier with this password")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-"))
    db = args.db or folder / "bench.db"
    if not args.db:
        started = time.perf_counter()
        report = demo.build(db, PASSWORD, args.households)
        print(
            f"demo generation       {time.perf_counter() - started:8.1f} s   "
            f"({report.households} households, {report.persons} persons, {report.visits} visits, "
            f"{report.matters} matters)"
        )

    unlock_ms, unlock_worst = timed(lambda: accounts.login(db, "platform", PASSWORD).close(), runs=5)
    ws = accounts.login(db, "platform", PASSWORD)
    with ws.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    print(f"database size         {size / 1e6:8.1f} MB")
    print(
        f"open and unlock       {unlock_ms:8.1f} ms median, {unlock_worst:.1f} ms worst "
        "(Argon2id + key check + migrate check)"
    )

    with ws.read() as s:
        person = s.execute(select(Person).where(Person.mobile.is_not(None)).offset(1234).limit(1)).scalar()
        matter = s.execute(select(Matter).offset(77).limit(1)).scalar()
    cases = [
        ("household by 2-char name", lambda: lists.households(ws, text=person.name[:2])),
        ("household by full name", lambda: lists.households(ws, text=person.name)),
        ("household by ID number", lambda: lists.households(ws, text=person.id_number)),
        ("household by ID fragment", lambda: lists.households(ws, text=person.id_number[6:14])),
        ("household by phone tail", lambda: lists.households(ws, text=person.mobile[-6:])),
        ("person by ID number", lambda: lists.persons(ws, text=person.id_number)),
        ("matter by text", lambda: lists.matters(ws, MatterFilter(text=matter.title[:3]))),
        ("matter by serial", lambda: lists.matters(ws, MatterFilter(text=matter.serial))),
        ("ledger first page", lambda: lists.matters(ws, MatterFilter())),
        ("ledger red filter", lambda: lists.matters(ws, MatterFilter(colour="red"))),
        ("households first page", lambda: lists.households(ws)),
    ]
    for label, fn in cases:
        total = fn().total
        median, worst = timed(fn)
        print(f"{label:<22}{median:8.1f} ms median, {worst:6.1f} ms worst   ({total} found)")
    ws.close()


if __name__ == "__main__":
    main()
