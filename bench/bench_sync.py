"""Benchmark of sync on a township-sized demo (run on demand, not in CI).

    .venv/bin/python bench/bench_sync.py --households 30000 [--database-url postgresql://…] [--laptops 50]

Prints: the township laptop's first push, the first full pull of a grid worker's scope and of the whole
township, an incremental sync of a day's work (50 edits), bytes per record, server throughput with many
laptops syncing at once, and the same incremental sync and first grid pull through a slow link (about
256 kbit/s, 300 ms round trip, some dropped connections) made by a throttling proxy on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services import accounts, demo, residents, syncing  # noqa: E402
from desktop.services.residents import HouseholdInput  # noqa: E402
from desktop.store.keyslots import KdfParams  # noqa: E402
from desktop.store.models import Account, Household  # noqa: E402
from tests.sync.servers import free_port  # noqa: E402

PASSWORD = "bench password"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def serve(data: Path, url: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    base = [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data)]
    if url:
        base += ["--database-url", url]
    process = subprocess.Popen([*base, "serve", "--port", str(port), "--log-level", "warning"])
    address = f"http://127.0.0.1:{port}"
    while True:
        try:
            if requests.get(address + "/v1/health", timeout=1).ok:
                return process, address
        except requests.ConnectionError:
            time.sleep(0.1)


def server_account(data: Path, url: str | None, username: str, kind: str, places=()) -> None:
    base = [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data)]
    if url:
        base += ["--database-url", url]
    args = [*base, "account", "add", username, "--scope", kind, "--password", PASSWORD]
    if places:
        args += ["--places", ",".join(places)]
    subprocess.run(args, check=True, capture_output=True)


def demo_township(folder: Path, db: Path | None, households: int) -> Path:
    """The township laptop's database a bench starts from: a copy of `db` (with its key file), else a demo of
    `households` built now."""
    township = folder / "township.db"
    if db:
        shutil.copy(db, township)
        shutil.copy(str(db) + ".keys", str(township) + ".keys")
    else:
        started = time.perf_counter()
        demo.build(township, PASSWORD, households, kdf=FAST_KDF)
        print(f"demo township of {households} households: {time.perf_counter() - started:.0f} s")
    return township


def first_push(township: Path, data: Path, url: str | None, address: str):
    """A township laptop's admin pushes all it holds to a server just started (`serve`): the laptop's open
    workspace, the sync's report and its seconds."""
    server_account(data, url, "admin", "township")
    town = accounts.login(township, "admin", PASSWORD)
    report, seconds = timed("push", lambda: syncing.sync_now(town, password=PASSWORD, server_url=address))
    return town, report, seconds


def timed(_label: str, fn):
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    return result, elapsed


def line(label: str, seconds: float, report=None, records: int | None = None) -> None:
    text = f"{label:<44} {seconds:8.2f} s"
    if report is not None:
        moved = report.pushed + report.pulled
        text += f"   {report.pushed} pushed, {report.pulled} pulled"
        text += f"   sent {report.bytes_sent / 1e3:.1f} kB, received {report.bytes_received / 1e3:.1f} kB"
        if moved:
            text += f"   ({(report.bytes_sent + report.bytes_received) / moved:.0f} B/record)"
    print(text, flush=True)


def edit_day(ws, count: int, tag: str) -> None:
    with ws.read() as s:
        homes = s.scalars(select(Household).where(Household.deleted.is_(False)).limit(count)).all()
    for i, h in enumerate(homes):
        residents.save_household(
            ws,
            HouseholdInput(
                h.village_id,
                h.number,
                h.address,
                h.grid_id,
                h.phone or "",
                list(h.tags),
                f"{tag} 走访记录 {i}",
            ),
            h.id,
        )


class SlowLink:
    """A TCP proxy: about `kbit` kbit/s each way, `rtt` ms round trip, and `drop` of connections cut."""

    def __init__(self, target_port: int, kbit: int = 256, rtt_ms: int = 300, drop: float = 0.02):
        self.target_port, self.rate, self.delay, self.drop = target_port, kbit * 1000 / 8, rtt_ms / 2000, drop
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result()

    async def _start(self):
        self.server = await asyncio.start_server(self._client, "127.0.0.1", self.port)

    async def _pipe(self, reader, writer):
        try:
            while chunk := await reader.read(4096):
                await asyncio.sleep(self.delay + len(chunk) / self.rate)
                if random.random() < self.drop / 20:
                    writer.transport.abort()  # a lost link mid-transfer
                    return
                writer.write(chunk)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _client(self, reader, writer):
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=30000)
    parser.add_argument("--db", type=Path, help="reuse a demo database made earlier with the bench password")
    parser.add_argument(
        "--database-url", help="the server's database (default: SQLite in a temporary folder)"
    )
    parser.add_argument("--laptops", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-sync-"))
    township = folder / "township.db"
    if args.db:
        shutil.copy(args.db, township)
        shutil.copy(str(args.db) + ".keys", str(township) + ".keys")
    else:
        _, seconds = timed("demo", lambda: demo.build(township, PASSWORD, args.households, kdf=FAST_KDF))
        print(f"{'demo generation':<44} {seconds:8.2f} s   ({args.households} households)", flush=True)
    data = folder / "server"
    process, url = serve(data, args.database_url)
    try:
        server_account(data, args.database_url, "admin", "township")
        town = accounts.login(township, "admin", PASSWORD)
        report, seconds = timed("push", lambda: syncing.sync_now(town, password=PASSWORD, server_url=url))
        line("first push of the whole township", seconds, report)
        with town.read() as s:
            gw = s.scalar(select(Account).where(Account.username == "gw001"))
            grid_ids = list(gw.scope_ids)
        server_account(data, args.database_url, "gw001", "grid", grid_ids)
        server_account(data, args.database_url, "platform", "township")

        def join(path, user, link=url):
            return syncing.join_township(path, link, user, PASSWORD, kdf=FAST_KDF)

        grid, seconds = timed("grid", lambda: join(folder / "grid.db", "gw001"))
        line("first full pull, one grid worker's scope", seconds, None)
        _, seconds = timed("town", lambda: join(folder / "platform.db", "platform").close())
        line("first full pull, the whole township", seconds, None)

        edit_day(grid, 50, "今天")
        report, seconds = timed("incr", lambda: syncing.sync_now(grid))
        line("incremental sync of 50 edits (grid laptop)", seconds, report)
        report, seconds = timed("incr2", lambda: syncing.sync_now(town))
        line("township laptop pulls those 50 edits", seconds, report)

        # Many laptops at once: each has a day's work (10 edits) and syncs at the same moment.
        laptops = []
        for i in range(args.laptops):
            server_account(data, args.database_url, f"bench{i:02d}", "grid", grid_ids)
            ws = syncing.join_township(folder / f"l{i}.db", url, f"bench{i:02d}", PASSWORD, kdf=FAST_KDF)
            edit_day(ws, 10, f"第{i}台")
            laptops.append(ws)
        reports, errors = [], []

        def run(ws):
            try:
                reports.append(syncing.sync_now(ws))
            except Exception as exc:  # report, do not hide
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(ws,)) for ws in laptops]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.perf_counter() - started
        pushed = sum(r.pushed for r in reports)
        print(
            f"{f'{args.laptops} laptops syncing at once':<44} {seconds:8.2f} s   {pushed} edits pushed, "
            f"{sum(r.pulled for r in reports)} records pulled, {pushed / seconds:.0f} edits/s, "
            f"{len(errors)} failed {errors[:1]}",
            flush=True,
        )
        for ws in laptops:
            ws.close()

        port = int(url.rsplit(":", 1)[1])
        slow = SlowLink(port)
        slow_url = f"http://127.0.0.1:{slow.port}"
        edit_day(grid, 50, "慢速")
        client_report, seconds = timed(
            "slow", lambda: syncing.sync_now(grid, server_url=slow_url, password=PASSWORD)
        )
        line("slow link: incremental sync of 50 edits", seconds, client_report)
        server_account(data, args.database_url, "gwslow", "grid", grid_ids)
        _, seconds = timed("slowpull", lambda: join(folder / "slow.db", "gwslow", slow_url).close())
        line("slow link: first full pull of a grid scope", seconds, None)
        grid.close()
        town.close()
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
