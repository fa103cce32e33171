"""Load on a township server: hundreds of laptops doing a day's small sync at once, with the real client.

    .venv/bin/python bench/bench_load.py --households 30000 --laptops 300 [--rounds 3] [--spread 0.5 60]
        [--postgresql]

The server (its own process, SQLite or a throwaway PostgreSQL cluster) is filled by the township laptop's
first push of a demo township. Each simulated laptop is the real `sync.client.SyncClient` and `Transport`
over a `LocalStore` kept in memory (a laptop's encrypted database is not what is measured here): it registers
a device of a grid worker's account, pulls its grid, then, at the same moment as all the others, `--rounds`
times: edits a few households and syncs (push, pull). `--spread S`: each laptop syncs once every S seconds
from a random phase within the first S (300 laptops syncing once a minute each: `--spread 60`); by default
all start within half a second (a burst); several values, a pair of waves each. Printed: p50/p95/p99 of one
sync, errors, the server's CPU seconds and peak memory, the database's size; then the same with one more
laptop pulling the whole township meanwhile. Laptops run as threads in a few processes. Run on demand, not in
CI.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from bench.bench_cost import cpu_of, postgres_cpu  # noqa: E402
from bench.bench_sync import demo_township, first_push, serve  # noqa: E402
from bench.bench_transfer import PASSWORD  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.core import protocol as p  # noqa: E402
from sync.transport import Transport  # noqa: E402

EDITS = 3  # a day's edits of one laptop between two syncs
BURST = 0.5  # seconds: the default spread, all laptops within the same second


class MemoryLaptop:
    """A `sync.client.LocalStore` in memory: the records it pulled, its outbox, its small state."""

    def __init__(self, schema_version: str):
        self.state: dict = {"device_id": str(uuid.uuid4())}
        self.schema = schema_version
        self.records: dict[str, dict] = {}  # id → {table, data, seqs, seq}
        self.outbox: list[dict] = []
        self.lock = threading.Lock()

    def get_state(self, key, default=None):
        value = self.state.get(key)
        return default if value is None else value

    def set_state(self, **values):
        self.state.update(values)

    def schema_version(self):
        return self.schema

    def pending_ops(self, limit, after=-1):
        return [e["op"] for e in self.outbox if e["state"] == "pending" and e["op"].op_seq > after][:limit]

    def pending_count(self):
        return sum(e["state"] == "pending" for e in self.outbox)

    def record_results(self, results):
        by_mutation = {e["op"].mutation_id: e for e in self.outbox}
        for r in results:
            entry = by_mutation[r.mutation_id]
            entry["state"] = r.status
            record = self.records.get(entry["op"].record_id)
            if record is not None and r.server_seq and r.status == "applied":
                record["seqs"].update(dict.fromkeys(entry["op"].fields, r.server_seq))
        self.outbox = [e for e in self.outbox if e["state"] == "pending"]

    def apply_page(self, changes, cursor):
        for c in changes:
            if c.removed:
                self.records.pop(c.id, None)
            else:
                seqs = {**dict.fromkeys(c.data, c.server_seq), **c.field_seq}
                self.records[c.id] = {"table": c.table, "data": c.data, "seqs": seqs, "seq": c.server_seq}
        if cursor is not None and cursor > self.state.get("cursor", 0):
            self.state["cursor"] = cursor
        return 0

    def prepare_reset(self, epoch):
        self.state.update(cursor=0, epoch=epoch)

    def local_counts(self):
        return dict(Counter(r["table"] for r in self.records.values()))

    def keep_only(self, table, ids):
        gone = [i for i, r in self.records.items() if r["table"] == table and i not in ids]
        for i in gone:
            del self.records[i]
        return len(gone)

    def files_to_upload(self):
        return []

    def files_to_download(self):
        return []

    def mark_uploaded(self, sha):
        pass

    def mark_present(self, sha):
        pass

    def _next_op(self) -> int:
        self.state["op_seq"] = self.state.get("op_seq", 0) + 1
        return self.state["op_seq"]

    def edit(self, rng: random.Random, count: int, tag: str) -> None:
        """A few households' notes, each edit on the number of the version this laptop holds."""
        homes = [
            i for i, r in self.records.items() if r["table"] == "households" and not r["data"].get("deleted")
        ]
        for record_id in rng.sample(homes, min(count, len(homes))):
            record = self.records[record_id]
            seq = record["seqs"].get("note", record["seq"])
            self.outbox.append(
                {
                    "state": "pending",
                    "op": p.Op(
                        op_seq=self._next_op(),
                        mutation_id=str(uuid.uuid4()),
                        table="households",
                        record_id=record_id,
                        op="update",
                        fields={"note": f"{tag} 走访"},
                        base_seqs={"note": seq},
                        base_values={"note": record["data"].get("note", "")},
                        schema_version=self.schema,
                        device_time=datetime.now(),
                    ),
                }
            )


def laptop_process(url, users, schema, rounds, spread, ready, go, results):
    """Several laptops as threads of one process: set up, report ready, wait for the start, sync `rounds`
    times each, send back each sync's seconds and every error."""
    laptops, errors = [], []
    for username in users:
        local = MemoryLaptop(schema)
        client = SyncClient(local, Transport(url, read_timeout=120))
        try:
            client.register(username, PASSWORD, "bench")
            client.sync()  # its grid, before the day starts
            laptops.append((username, local, client))
        except Exception as exc:  # counted, not hidden
            errors.append(f"set-up {username}: {exc!r}")
    ready.put(len(laptops))
    go.wait()
    cpu = time.process_time()
    times: list[float] = []

    def day(username, local, client):
        rng = random.Random(username)
        phase, start = rng.random() * spread, time.monotonic()
        for r in range(rounds):
            # Round r at its phase plus r periods (a burst: all within the first half second, not in
            # lockstep); a sync that overran its period is followed by the next at once.
            time.sleep(max(0.0, start + phase + r * spread - time.monotonic()))
            local.edit(rng, EDITS, f"第{r}轮")
            started = time.perf_counter()
            try:
                report = client.sync()
                if report.rejected:
                    errors.append(f"{username}: {report.rejected} edits refused")
            except Exception as exc:
                errors.append(f"{username}: {exc!r}")
                continue
            times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=day, args=laptop) for laptop in laptops]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put((times, errors, time.process_time() - cpu))


def first_pull(url, schema, out: dict) -> None:
    local = MemoryLaptop(schema)
    client = SyncClient(local, Transport(url, read_timeout=300))
    try:
        client.register("bigpull", PASSWORD, "bench")
        started = time.perf_counter()
        report = client.sync()
        out.update(seconds=time.perf_counter() - started, pulled=report.pulled)
    except Exception:
        out.update(error=traceback.format_exc(limit=2))


class Sampler:
    """The server process's resident memory, sampled every 0.2 s: its peak."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.running = pid, 0, True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    self.peak = max(self.peak, int(line.split()[1]))
            time.sleep(0.2)

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        return self.peak


def db_size(url: str | None, data: Path) -> float:
    if url is None:
        return sum(f.stat().st_size for f in data.glob("server.db*")) / 1e6
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6


def wave(url, users, schema, rounds, spread, processes, pid, big_pull: bool, cluster=None) -> None:
    """`cluster`: a PostgreSQL cluster (tests.sync.servers.PostgresCluster): its own CPU seconds over the same
    window as the server's are printed too."""
    ctx = multiprocessing.get_context("spawn")
    ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    shares = [users[i::processes] for i in range(processes)]
    workers = [
        ctx.Process(target=laptop_process, args=(url, share, schema, rounds, spread, ready, go, results))
        for share in shares
    ]
    for w in workers:
        w.start()
    set_up = sum(ready.get() for _ in workers)
    sampler, cpu, started = Sampler(pid), cpu_of(pid), time.perf_counter()
    pg_cpu = postgres_cpu(cluster)  # 0 without a cluster
    pulled: dict = {}
    puller = threading.Thread(target=first_pull, args=(url, schema, pulled)) if big_pull else None
    go.set()
    if puller:
        puller.start()
    times, errors, laptop_cpu = [], [], 0.0
    for _ in workers:
        t, e, c = results.get()
        times += t
        errors += e
        laptop_cpu += c
    if puller:
        puller.join()
    for w in workers:
        w.join()
    seconds, cpu, peak = time.perf_counter() - started, cpu_of(pid) - cpu, sampler.stop()
    pg_cpu = postgres_cpu(cluster) - pg_cpu
    q = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else [0] * 99
    label = f"{set_up} laptops × {rounds} syncs, " + (
        "all at once" if spread <= BURST else f"each once every {spread:g} s from a random phase"
    )
    label += ", one laptop's first pull meanwhile" if big_pull else ""
    print(
        f"{label}: {len(times)} syncs in {seconds:.1f} s; one sync p50 {q[49]:.2f} s, p95 {q[94]:.2f} s, "
        f"p99 {q[98]:.2f} s, max {max(times, default=0):.2f} s; {len(errors)} errors {errors[:3]}; "
        f"server {cpu:.1f} s CPU ({1e3 * cpu / max(len(times), 1):.1f} ms a sync), "
        f"peak {peak / 1024:.0f} MiB resident",
        flush=True,
    )
    # What the machine could do at best: all the CPU the syncs took, laptops' and server's, spread over every
    # core. A same-second burst cannot finish sooner, however the server is written.
    floor = (cpu + laptop_cpu) / (os.cpu_count() or 1)
    print(
        f"   laptops {laptop_cpu:.1f} s CPU ({1e3 * laptop_cpu / max(len(times), 1):.1f} ms a sync); "
        f"all of it on this machine's {os.cpu_count()} cores takes at least {floor:.1f} s",
        flush=True,
    )
    if cluster is not None:
        # the backends alive at the end (the server's pool keeps its connections): what PostgreSQL did for
        # these syncs, beside the server process's own CPU above
        print(
            f"   PostgreSQL {pg_cpu:.1f} s CPU ({1e3 * pg_cpu / max(len(times), 1):.1f} ms a sync)",
            flush=True,
        )
    if big_pull:
        print(f"   the first pull meanwhile: {pulled}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=30000)
    parser.add_argument("--laptops", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--processes", type=int, default=6)
    parser.add_argument(
        "--spread",
        type=float,
        nargs="+",
        default=[BURST],
        help="seconds between one laptop's syncs; several: a pair of waves for each",
    )
    parser.add_argument("--db", type=Path, help="a demo township made earlier with the bench password")
    parser.add_argument("--postgresql", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-load-"))
    cluster = None
    try:
        if args.postgresql:
            from tests.sync.servers import PostgresCluster

            cluster = PostgresCluster()
        url = cluster.new_database() if cluster else None
        township = demo_township(folder, args.db, args.households)
        data = folder / "server"
        process, address = serve(data, url)
        try:
            town, report, seconds = first_push(township, data, url, address)
            print(f"first push: {report.pushed} records in {seconds:.0f} s", flush=True)
            from desktop.store.models import Grid

            with town.read() as s:
                grids = list(s.scalars(select(Grid.id).where(Grid.deleted.is_(False))))
            schema = town.db.schema_version
            town.close()
            from sync.server import accounts as server_accounts
            from sync.server.db import ServerDatabase

            server_db = ServerDatabase(url or f"sqlite:///{data / 'server.db'}")
            users = [f"load{i:03d}" for i in range(args.laptops)]
            with server_db.writing() as s:
                for i, name in enumerate(users):
                    server_accounts.add_account(s, name, PASSWORD, "grid", [grids[i % len(grids)]])
                server_accounts.add_account(s, "bigpull", PASSWORD, "township", [])
            server_db.close()
            print(f"database: {db_size(url, data):.0f} MB; {len(grids)} grids", flush=True)
            for spread in args.spread:
                for big_pull in (False, True):
                    wave(address, users, schema, args.rounds, spread, args.processes, process.pid, big_pull)
            print(f"database after: {db_size(url, data):.0f} MB", flush=True)
        finally:
            process.terminate()
            process.wait(10)
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
