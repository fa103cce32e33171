"""Does sync cost follow the changes? One run at several township sizes: first push, full pull and a day's
sync (17 matters with their parties, 51 records) at each, wall time and CPU seconds of the laptop and of the
server (its process, from /proc), per record.

    .venv/bin/python bench/bench_cost.py --sizes 2000 30000 [--postgresql] [--profile push|pull]

Sizes are matters; each has two parties, so a size of N is 3·N records. On a shared machine the wall time
is noisy; the CPU seconds say what the work costs. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
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


class Measured:
    def __init__(self, server_pid: int, profile: bool, proxy=None):
        self.server_pid, self.profile = server_pid, profile
        self.proxy, self.wire = proxy, []  # a counting proxy's figures, one entry a phase (bench/wire.py)

    def __call__(self, label: str, records: int, fn):
        if self.proxy:
            self.proxy.take()
        server, laptop, wall = cpu_of(self.server_pid), time.process_time(), time.perf_counter()
        profiler = cProfile.Profile() if self.profile else None
        if profiler:
            profiler.enable()
        result = fn()
        if profiler:
            profiler.disable()
        wall, laptop = time.perf_counter() - wall, time.process_time() - laptop
        server = cpu_of(self.server_pid) - server
        if self.proxy:
            self.wire.append(self.proxy.take())
        print(
            f"{label:<34} {wall:7.2f} s wall  laptop {laptop:6.2f} s  server {server:6.2f} s CPU"
            f"   {1e3 * wall / records:6.2f} / {1e3 * laptop / records:5.2f} / {1e3 * server / records:5.2f}"
            " ms per record",
            flush=True,
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return result, wall, laptop, server


def run(url: str | None, size: int, profile: str | None, wire=None) -> dict:
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
        measure = Measured(process.pid, False, proxy)
        records = 3 * size
        print(f"-- {size} matters ({records} records), server on {'PostgreSQL' if url else 'SQLite'}")
        measure.profile = profile == "push"
        _, *push = measure("first push", records, lambda: syncing.sync_now(town))
        measure.profile = profile == "pull"
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
    args = parser.parse_args()
    cluster = None
    if args.postgresql:
        from tests.sync.servers import PostgresCluster

        cluster = PostgresCluster()
    try:
        results = [run(cluster.new_database() if cluster else None, n, args.profile) for n in args.sizes]
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
