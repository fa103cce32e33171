"""Benchmark of moving a township's matters: the same shape of data as the peers were measured with.

    .venv/bin/python bench/bench_transfer.py [--matters 10000] [--laptops 4] [--postgresql]

N matters, each with two parties, are written on one laptop and pushed to a real township server (uvicorn in
its own process, SQLite or a throwaway PostgreSQL cluster), then pulled whole into a fresh laptop. Printed,
one line per measurement: wall time, round trips, bytes on the wire (compressed as sent) and their ratio to
the gzip -6 size of the same records' JSON; then a day's sync of 50 edits; then server ingest with 1 and with
`--laptops` laptops pushing at once (ops per second). Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import uuid
from contextlib import nullcontext
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

import sync.transport  # noqa: E402
from bench.bench_sync import FAST_KDF, PASSWORD, serve, server_account  # noqa: E402
from desktop.services import accounts, setup, syncing  # noqa: E402
from desktop.store.models import Account, Matter, Party  # noqa: E402
from sync.core import records  # noqa: E402

WORDS = "邻里宅基地边界排水沟堵塞噪音扰民婚姻家庭赡养老人土地承包流转劳资工钱拖欠合同买卖损害赔偿山林权属"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"


class Calls:
    """Round trips and bytes on the wire, counted where every request of the sync client goes through."""

    def __init__(self):
        self.count = self.sent = self.received = 0
        original = sync.transport.Transport.send

        def counted(transport, *args, **kwargs):
            sent, received = transport.bytes_sent, transport.bytes_received
            try:
                return original(transport, *args, **kwargs)
            finally:
                self.count += 1
                self.sent += transport.bytes_sent - sent
                self.received += transport.bytes_received - received

        sync.transport.Transport.send = counted

    def take(self) -> tuple[int, int, int]:
        taken = self.count, self.sent, self.received
        self.count = self.sent = self.received = 0
        return taken


def township(folder: Path):
    ws = setup.create_township(
        folder / "town.db", "向城镇", PASSWORD, division_code="420606001000", kdf=FAST_KDF
    )
    village = setup.add_village(ws, "东村", "420606001001").id
    grid = setup.add_grid(ws, village, "东村一网格").id
    return ws, village, grid


def text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(n))


def write_matters(ws, village: str, grid: str, count: int, seed: int, prefix: str) -> list[dict]:
    """Matters with two parties each, written as the laptop writes them (the outbox records every row)."""
    rng = random.Random(seed)
    with ws.read() as s:
        reporter = s.scalar(select(Account.id).where(Account.username == ws.actor.username))
    made = []
    start = datetime(2026, 11, 1, 9)
    with ws.db.writing(actor_id=ws.actor.account_id, device_id=ws.device_id, now=ws.now()) as s:
        for i in range(count):
            matter = Matter(
                id=str(uuid.uuid4()),
                serial=f"{prefix}-2026-{i + 1:05d}",
                kind="dispute",
                source="网格排查",
                category="邻里纠纷",
                title=text(rng, 12),
                facts=text(rng, 60),
                place=f"东村{rng.randint(1, 300)}号",
                village_id=village,
                grid_id=grid,
                people_count=2,
                amount=rng.choice([0, 3000, 20000]),
                risk="low",
                signals=[],
                status="reported",
                level="village",
                reported_at=start + timedelta(minutes=i),
                reported_by=reporter,
            )
            s.add(matter)
            made.append(
                {c: getattr(matter, c) for c in ("id", "serial", "title", "facts", "place", "amount")}
            )
            for role in ("申请人", "被申请人"):
                name = rng.choice(SURNAMES) + text(rng, 2)
                phone = f"13{rng.randint(100000000, 999999999)}"
                s.add(
                    Party(
                        id=str(uuid.uuid4()),
                        matter_id=matter.id,
                        kind="person",
                        name=name,
                        role=role,
                        phone=phone,
                        address=f"东村{rng.randint(1, 300)}号",
                    )
                )
                made.append({"matter_id": matter.id, "name": name, "role": role, "phone": phone})
    return made


def gzip_size(ws, rows: list[dict]) -> int:
    """gzip -6 of the records' synced fields as JSON: what the peers were compared against."""
    ids = {r.get("id") for r in rows} | {r.get("matter_id") for r in rows}
    whole = []
    with ws.read() as s:
        for model in (Matter, Party):
            names = list(records.BY_TABLE[model.__tablename__].synced_fields)
            key = model.id if model is Matter else Party.matter_id
            for row in s.scalars(select(model).where(key.in_(ids))):
                whole.append({"id": row.id, **{n: getattr(row, n) for n in names}})
    return len(gzip.compress(json.dumps(whole, ensure_ascii=False, default=str).encode(), 6))


def line(label: str, seconds: float, calls: tuple[int, int, int], baseline: int, records: int) -> None:
    calls, sent, received = calls
    ratio = f"sent {sent / baseline:5.2f}× / received {received / baseline:5.2f}× gzip -6"
    print(
        f"{label:<40} {seconds:7.2f} s  {calls:5d} round trips  sent {sent / 1e3:9.1f} kB  received "
        f"{received / 1e3:9.1f} kB  {ratio}  {records / seconds:7.0f} records/s",
        flush=True,
    )


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the server process has used, its threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def push_from(path: str, username: str) -> tuple[int, float, float]:
    """One laptop's sync in a process of its own: how many ops it pushed, and when it began and ended (wall
    clock, comparable between processes)."""
    ws = accounts.login(Path(path), username, PASSWORD)
    try:
        began = time.time()
        pushed = syncing.sync_now(ws).pushed
        return pushed, began, time.time()
    finally:
        ws.close()


class Waits:
    """What the server's PostgreSQL sessions are doing, sampled every 20 ms from pg_stat_activity while the
    laptops push: how often a session waits on a lock (the sequence counter's row lock serialises pushes)."""

    def __init__(self, url: str):
        self.url, self.seen, self.samples = url, collections.Counter(), 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        self.thread.join()

    def _sample(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.stop.wait(0.02):
                rows = conn.execute(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type ="
                    " 'client backend'"
                ).fetchall()
                self.samples += 1
                for state, kind, event in rows:
                    if state != "idle":
                        self.seen[f"{state}: {kind or 'CPU'}/{event or '-'}"] += 1

    def report(self) -> str:
        busy = sum(self.seen.values())
        top = ", ".join(f"{name} {n / self.samples:.2f}" for name, n in self.seen.most_common(6))
        locked = sum(n for name, n in self.seen.items() if "Lock/" in name)
        return (
            f"PostgreSQL sessions not idle, on average {busy / max(self.samples, 1):.2f} "
            f"({locked / max(self.samples, 1):.2f} waiting on a lock; {self.samples} samples): {top}"
        )


def run(url: str | None, matters: int, laptops: int) -> None:
    calls = Calls()
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-transfer-"))
    data = folder / "server"
    process, address = serve(data, url)
    try:
        server_account(data, url, "admin", "township")
        town, village, grid = township(folder)
        # The ingest laptops: grid workers of grids in villages of their own, as a township's are on a busy
        # day (each pulls back only its own grid, so what is measured is the server taking in pushes).
        places = {}
        for i, name in enumerate(["solo0", *(f"many{j}" for j in range(laptops))]):
            west = "西" + "一二三四五六七八九"[i] + "村"
            their_village = setup.add_village(town, west, f"420606001{200 + i:03d}").id
            their_grid = setup.add_grid(town, their_village, west + "网格").id
            places[name] = (their_village, their_grid)
            accounts.add_account(
                town,
                name,
                "录入" + "甲乙丙丁戊己庚辛"[i % 8],
                PASSWORD,
                "grid_worker",
                scope_kind="grid",
                scope_ids=[their_grid],
                kdf=FAST_KDF,
            )
        syncing.sync_now(town, password=PASSWORD, server_url=address)  # the set-up first, not measured
        rows = write_matters(town, village, grid, matters, 1, "向城")
        baseline, count = gzip_size(town, rows), len(rows)
        calls.take()
        started = time.perf_counter()
        syncing.sync_now(town)
        seconds = time.perf_counter() - started
        line(f"first push, {matters} matters + parties", seconds, calls.take(), baseline, count)
        server_account(data, url, "platform", "township")
        started = time.perf_counter()
        fresh = syncing.join_township(folder / "fresh.db", address, "platform", PASSWORD, kdf=FAST_KDF)
        seconds = time.perf_counter() - started
        with fresh.read() as s:
            pulled = len(s.scalars(select(Matter.id)).all())
        assert pulled == matters, (pulled, matters)
        line("fresh laptop, full pull", seconds, calls.take(), baseline, count)

        day = write_matters(town, village, grid, 17, 2, "今日")
        edit_base = gzip_size(town, day)
        calls.take()
        started = time.perf_counter()
        syncing.sync_now(town)
        seconds = time.perf_counter() - started
        line("a day's 17 matters (51 records), pusher", seconds, calls.take(), edit_base, len(day))
        started = time.perf_counter()
        syncing.sync_now(fresh)
        seconds = time.perf_counter() - started
        line("the same day, puller", seconds, calls.take(), edit_base, len(day))
        fresh.close()
        town.close()

        # Ingest: 1 laptop, then `laptops` laptops at once, each its own process (as laptops are), each with
        # its share of matters. The server's rate: ops over the time from the first push to the last answer.
        for count, tag in ((1, "solo"), (laptops, "many")):
            share = matters // laptops
            paths = []
            for i in range(count):
                name = f"{tag}{i}"
                server_account(data, url, name, "grid", places[name][1:])
                ws = syncing.join_township(folder / f"{name}.db", address, name, PASSWORD, kdf=FAST_KDF)
                write_matters(ws, *places[name], share, 10 + i, name.upper())
                ws.close()
                paths.append((str(folder / f"{name}.db"), name))
            cpu = server_cpu(process.pid)
            waits = Waits(url) if url else nullcontext()
            with waits, multiprocessing.get_context("spawn").Pool(count) as pool:
                done = pool.starmap(push_from, paths)
            cpu = server_cpu(process.pid) - cpu  # the server's CPU seconds for the ingest (its own process)
            pushed = sum(n for n, _, _ in done)
            seconds = max(end for _, _, end in done) - min(began for _, began, _ in done)
            print(
                f"{f'ingest, {count} laptop(s) at once (processes)':<40} {seconds:7.2f} s  {pushed} ops  "
                f"{pushed / seconds:7.0f} ops/s, server {1e6 * cpu / max(pushed, 1):.0f} µs CPU an op",
                flush=True,
            )
            if url:
                print(f"    {waits.report()}", flush=True)
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matters", type=int, default=10000)
    parser.add_argument("--laptops", type=int, default=4)
    parser.add_argument(
        "--postgresql", action="store_true", help="the server on a throwaway PostgreSQL cluster"
    )
    args = parser.parse_args()
    if args.postgresql:
        from tests.sync.servers import PostgresCluster

        cluster = PostgresCluster()
        try:
            print("server: PostgreSQL", flush=True)
            run(cluster.new_database(), args.matters, args.laptops)
        finally:
            cluster.stop()
    else:
        print("server: SQLite", flush=True)
        run(None, args.matters, args.laptops)


if __name__ == "__main__":
    main()
