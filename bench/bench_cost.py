"""Does sync cost follow the changes? One run at several township sizes: first push, full pull and a day's
sync (17 matters with their parties, 51 records) at each, wall time and CPU seconds of the laptop and of the
server (its process, from /proc), per record.

    .venv/bin/python bench/bench_cost.py --sizes 2000 30000 [--postgresql] [--profile push|pull]
        [--spy push|pull]

`--spy` records the server process with py-spy during that phase (a speedscope file per size, named on the
way out; `pip install py-spy`). With `--postgresql` the CPU of PostgreSQL's own processes is printed as well.

Sizes are matters; each has two parties, so a size of N is 3·N records. On a shared machine the wall time
is noisy; the CPU seconds say what the work costs. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_sync import serve, server_account  # noqa: E402
from bench.bench_transfer import FAST_KDF, PASSWORD, township, write_matters  # noqa: E402
from desktop.services import syncing  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(pid: int) -> float:
    """CPU seconds (user + system) a process has used, its threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def postgres_cpu(cluster) -> float:
    """CPU seconds of a PostgreSQL cluster's processes (the postmaster's children: its backends and
    workers), those running now; 0 without a cluster."""
    if cluster is None:
        return 0.0
    postmaster = int((cluster.folder / "data" / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == postmaster or int(entry.name) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / TICK
    return total


class Measured:
    def __init__(self, server_pid: int, profile: bool, proxy=None, cluster=None):
        self.server_pid, self.profile = server_pid, profile
        self.proxy, self.wire = proxy, []  # a counting proxy's figures, one entry a phase (bench/wire.py)
        self.cluster = cluster  # PostgreSQL's processes are counted too
        self.spy: Path | None = None  # py-spy records the server into this file during the next phase

    def __call__(self, label: str, records: int, fn):
        if self.proxy:
            self.proxy.take()
        spy = None
        if self.spy:
            spy = subprocess.Popen(
                [
                    shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy")),
                    "record",
                    "--pid",
                    str(self.server_pid),
                    "--format",
                    "speedscope",
                    "--rate",
                    "50",
                ]
                + ["--idle", "-o", str(self.spy)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1)  # attached before the phase starts
        database = postgres_cpu(self.cluster)
        server, laptop, wall = cpu_of(self.server_pid), time.process_time(), time.perf_counter()
        profiler = cProfile.Profile() if self.profile else None
        if profiler:
            profiler.enable()
        result = fn()
        if profiler:
            profiler.disable()
        wall, laptop = time.perf_counter() - wall, time.process_time() - laptop
        server = cpu_of(self.server_pid) - server
        database = postgres_cpu(self.cluster) - database
        if spy:
            spy.send_signal(signal.SIGINT)
            spy.wait(60)
            print(f"py-spy: {self.spy}", flush=True)
            self.spy = None
        if self.proxy:
            self.wire.append(self.proxy.take())
        print(
            f"{label:<34} {wall:7.2f} s wall  laptop {laptop:6.2f} s  server {server:6.2f} s CPU"
            + (f"  PostgreSQL {database:6.2f} s CPU" if self.cluster else "")
            + f"   {1e3 * wall / records:6.2f} / {1e3 * laptop / records:5.2f}"
            f" / {1e3 * server / records:5.2f} ms per record",
            flush=True,
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return result, wall, laptop, server


def run(
    url: str | None, size: int, profile: str | None, wire=None, cluster=None, spy: str | None = None
) -> dict:
    """`wire`, when given, makes a counting proxy from the server's port (bench.wire.CountingProxy): the
    laptops then sync through it and the result's "wire" holds each phase's bytes and round trips."""
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-cost-"))
    data = folder / "server"
    process, address = serve(data, url)
    proxy = wire(int(address.rsplit(":", 1)[1])) if wire else None
    address = proxy.address if proxy else address
    try:
        server_account(data, url, "admin", "township")
        server_account(data, url, "platform", "township")
        town, village, grid = township(folder)
        syncing.sync_now(town, password=PASSWORD, server_url=address)
        write_matters(town, village, grid, size, 1, "向城")
        measure = Measured(process.pid, False, proxy, cluster)
        records = 3 * size
        print(f"-- {size} matters ({records} records), server on {'PostgreSQL' if url else 'SQLite'}")
        engine = "postgresql" if url else "sqlite"
        spied = Path(tempfile.gettempdir()) / f"fengqiao-spy-{spy}-{engine}-{size}.speedscope.json"
        measure.profile = profile == "push"
        measure.spy = spied if spy == "push" else None
        _, *push = measure("first push", records, lambda: syncing.sync_now(town))
        measure.profile = profile == "pull"
        measure.spy = spied if spy == "pull" else None
        fresh, *pull = measure(
            "fresh laptop, full pull",
            records,
            lambda: syncing.join_township(folder / "fresh.db", address, "platform", PASSWORD, kdf=FAST_KDF),
        )
        measure.profile = False
        write_matters(town, village, grid, 17, 2, "今日")
        _, *pusher = measure("a day's 51 records, pusher", 51, lambda: syncing.sync_now(town))
        _, *puller = measure("the same day, puller", 51, lambda: syncing.sync_now(fresh))
        fresh.close()
        town.close()
        result = {"push": push, "pull": pull, "pusher": pusher, "puller": puller, "records": records}
        if proxy:
            result["wire"] = dict(zip(("push", "pull", "pusher", "puller"), measure.wire, strict=True))
        return result
    finally:
        if proxy:
            proxy.stop()
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 30000])
    parser.add_argument("--postgresql", action="store_true")
    parser.add_argument("--profile", choices=["push", "pull"])
    parser.add_argument("--spy", choices=["push", "pull"], help="py-spy the server during this phase")
    args = parser.parse_args()
    cluster = None
    if args.postgresql:
        from tests.sync.servers import PostgresCluster

        cluster = PostgresCluster()
    try:
        results = [
            run(cluster.new_database() if cluster else None, n, args.profile, cluster=cluster, spy=args.spy)
            for n in args.sizes
        ]
    finally:
        if cluster:
            cluster.stop()
    first, last = results[0], results[-1]
    print(
        f"-- {last['records']} records against {first['records']}: ratio per record (wall / laptop / server)"
    )
    for phase in ("push", "pull"):
        ratios = [
            (b / last["records"]) / max(a / first["records"], 1e-9)
            for a, b in zip(first[phase], last[phase], strict=True)
        ]
        print(f"{phase:<8} " + " / ".join(f"{r:.2f}×" for r in ratios))
    for phase in ("pusher", "puller"):
        ratios = [b / max(a, 1e-9) for a, b in zip(first[phase], last[phase], strict=True)]
        print(f"{phase:<8} whole sync " + " / ".join(f"{r:.2f}×" for r in ratios))


if __name__ == "__main__":
    main()
