"""Fengqiao against PouchDB on the same records, behind the same byte-counting proxy, in one run.

    .venv/bin/python bench/bench_peer.py --sizes 667 10000 [--postgresql] [--json out.json]

Sizes are matters; each has two parties, so a size of N is 3·N records. For each size:

- Fengqiao: `bench/bench_cost.py`'s measurement as it is (its server in its own process, SQLite, and with
  `--postgresql` also a throwaway PostgreSQL cluster), the laptops syncing through `bench/wire.py`'s proxy.
- PouchDB 9 (npm, run by the system's node): `bench/peer/server.js` (express-pouchdb over PouchDB's LevelDB
  adapter) as the township server, `bench/peer/laptop.js` (a PouchDB LevelDB replica) as the laptops, through
  the same proxy. The docs are the Fengqiao laptop's own records: the same generator and seeds write the
  same matters and parties on a Fengqiao laptop, and each outbox insert (the fields the laptop sends) becomes
  one doc, `{"_id": record id, "table": …, fields…}`; only the random UUIDs differ from bench_cost.py's run.

Phases, as bench_cost.py has them: the township laptop's first push of all the records (PouchDB: a one-shot
two-way `sync`, as a Fengqiao sync pushes and then pulls), a fresh laptop's full pull (PouchDB: a one-shot
`replicate` from the server), then a day's 17 matters with their parties (51 records) written on the first
laptop, synced by it (pusher) and then by the fresh one (puller). Before the day, each PouchDB laptop syncs
once more, unmeasured in the table (printed above it): PouchDB's first two-way sync after a first push or pull
re-reads every record, a one-off cost Fengqiao does not have. Printed: a table per size with wall seconds,
CPU seconds of laptop and server, bytes each way and round trips, with the ratio Fengqiao ÷ PouchDB; then the
issue's done-when targets, each said to hold or not. `bench/peer/node_modules` is installed by `npm ci` from
the lock file when missing. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench import bench_cost  # noqa: E402
from bench.bench_transfer import township, write_matters  # noqa: E402
from bench.wire import CountingProxy  # noqa: E402
from desktop.store.models import OutboxEntry  # noqa: E402
from tests.sync.servers import free_port  # noqa: E402

PEER = Path(__file__).resolve().parent / "peer"
PHASES = {
    "push": "first push",
    "pull": "fresh laptop's full pull",
    "pusher": "a day's sync (51 records), pusher",
    "puller": "the same day, puller",
}
SETTLE = {
    "settle pusher": "PouchDB's next sync, first laptop",
    "settle puller": "PouchDB's next sync, fresh laptop",
}
DAY_MATTERS = 17  # bench_cost.py's day: 17 matters with two parties each


def npm_ci() -> None:
    """The peer's packages from the lock file, once: a fresh clone has no node_modules."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            sys.exit(f"bench_peer.py needs `{tool}` on PATH (Debian: apt-get install nodejs npm)")
    if (PEER / "node_modules" / "pouchdb" / "package.json").exists():
        return
    print("installing the PouchDB peer: npm ci in bench/peer", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)


def pouchdb_version() -> str:
    return json.loads((PEER / "node_modules" / "pouchdb" / "package.json").read_text())["version"]


# ------------------------------------------------------------------------------------------------- the data


def export_docs(folder: Path, size: int) -> tuple[Path, Path]:
    """The records bench_cost.py pushes, as PouchDB docs: `size` matters (and parties) and then the day's,
    each outbox insert of a Fengqiao laptop one doc. Two JSON-lines files: the township's and the day's."""
    ws, village, grid = township(folder)
    try:

        def inserted_after(op_seq: int) -> tuple[list[dict], int]:
            with ws.read() as s:
                entries = s.scalars(
                    select(OutboxEntry)
                    .where(OutboxEntry.op_seq > op_seq, OutboxEntry.table_name.in_(("matters", "parties")))
                    .order_by(OutboxEntry.op_seq)
                ).all()
                docs = [{"_id": e.record_id, "table": e.table_name, **e.fields} for e in entries]
                assert all(e.op == "insert" for e in entries)
                return docs, max((e.op_seq for e in entries), default=op_seq)

        write_matters(ws, village, grid, size, 1, "向城")
        town, last = inserted_after(0)
        write_matters(ws, village, grid, DAY_MATTERS, 2, "今日")
        day, _ = inserted_after(last)
    finally:
        ws.close()
    assert len(town) == 3 * size and len(day) == 3 * DAY_MATTERS, (len(town), len(day))
    files = folder / "town.jsonl", folder / "day.jsonl"
    for path, docs in zip(files, (town, day), strict=True):
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return files


# ---------------------------------------------------------------------------------------------- the peer


def laptop(command: str, db: Path, target: str) -> dict:
    done = subprocess.run(
        ["node", "laptop.js", command, str(db), target], cwd=PEER, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"PouchDB laptop {command} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def pouchdb_run(size: int, town_docs: Path, day_docs: Path) -> dict:
    """PouchDB's four phases; each figure as bench_cost.py's: [wall, laptop CPU, server CPU] and the wire."""
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-peer-"))
    (folder / "server").mkdir()
    port = free_port()
    server = subprocess.Popen(
        ["node", "server.js", str(folder / "server"), str(port)], cwd=PEER, stdout=subprocess.PIPE, text=True
    )
    proxy = None
    try:
        if not (server.stdout and server.stdout.readline().startswith("ready")):
            raise RuntimeError("the PouchDB server did not start")
        requests.put(f"http://127.0.0.1:{port}/town", timeout=30).raise_for_status()  # not measured
        proxy = CountingProxy(port)
        remote = proxy.address + "/town"
        town, fresh = folder / "town", folder / "fresh"
        records = 3 * size
        day = 3 * DAY_MATTERS
        laptop("load", town, str(town_docs))
        print(f"-- {size} matters ({records} records), PouchDB {pouchdb_version()}", flush=True)
        result: dict = {"records": records, "wire": {}}

        def measure(phase: str, db: Path, command: str, pushed: int, pulled: int) -> None:
            proxy.take()
            before = bench_cost.cpu_of(server.pid)
            done = laptop(command, db, remote)
            used = bench_cost.cpu_of(server.pid) - before
            wire = proxy.take()
            # A replication that moved other than the records asked would compare unlike work.
            if (done["pushed"], done["pulled"], done["ok"]) != (pushed, pulled, True):
                raise RuntimeError(f"PouchDB {phase}: expected {pushed} pushed, {pulled} pulled; got {done}")
            result[phase] = [done["seconds"], done["cpu"], used]
            result["wire"][phase] = wire
            print(
                f"{(PHASES | SETTLE)[phase]:<34} {done['seconds']:7.2f} s wall  laptop {done['cpu']:6.2f} s  "
                f"server {used:6.2f} s CPU   {wire['round_trips']} round trips, sent "
                f"{wire['sent'] / 1e3:.1f} kB, received {wire['received'] / 1e3:.1f} kB",
                flush=True,
            )

        measure("push", town, "sync", records, 0)
        measure("pull", fresh, "pull", 0, records)
        # PouchDB's first two-way sync after these reads back what each laptop has not yet checked against
        # the server: the pusher the whole township it pushed itself (its pull checkpoint predates its
        # push), the fresh laptop every record it pulled (a _revs_diff for each). Done once, before the
        # day, so that the day's figures are PouchDB's steady state; printed, not in the table.
        measure("settle pusher", town, "sync", 0, 0)
        measure("settle puller", fresh, "sync", 0, 0)
        laptop("load", town, str(day_docs))
        measure("pusher", town, "sync", day, 0)
        measure("puller", fresh, "sync", 0, day)
        return result
    finally:
        if proxy:
            proxy.stop()
        server.terminate()
        server.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------------------------- the table


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs else "—"


def rows(phase: str, run: dict) -> list[str]:
    wall, laptop_cpu, server_cpu = run[phase]
    wire = run["wire"][phase]
    return [
        f"{wall:.2f}",
        f"{laptop_cpu:.2f} + {server_cpu:.2f}",
        f"{wire['sent'] / 1e3:.1f} / {wire['received'] / 1e3:.1f}",
        f"{wire['round_trips']}",
    ]


def ratios(phase: str, ours: dict, theirs: dict) -> list[str]:
    a, b = ours[phase], theirs[phase]
    wa, wb = ours["wire"][phase], theirs["wire"][phase]
    return [
        ratio(a[0], b[0]),
        ratio(a[1] + a[2], b[1] + b[2]),
        f"{ratio(wa['sent'], wb['sent'])} / {ratio(wa['received'], wb['received'])}",
        ratio(wa["round_trips"], wb["round_trips"]),
    ]


def table(size_runs: dict) -> str:
    """One markdown table for one size: PouchDB, then each Fengqiao engine with its ratio to PouchDB."""
    peer = size_runs["PouchDB"]
    engines = [e for e in size_runs if e != "PouchDB"]
    head = [f"{peer['records']:,} records", "PouchDB"]
    for engine in engines:
        head += [f"Fengqiao, {engine}", "÷ PouchDB"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    measures = ["wall s", "CPU s, laptop + server", "kB sent / received", "round trips"]
    for phase, label in PHASES.items():
        theirs = rows(phase, peer)
        ours = {e: (rows(phase, size_runs[e]), ratios(phase, size_runs[e], peer)) for e in engines}
        for i, measure in enumerate(measures):
            cells = [f"{label}: {measure}", theirs[i]]
            for engine in engines:
                cells += [ours[engine][0][i], ours[engine][1][i]]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def checks(results: dict[int, dict]) -> list[str]:
    """The issue's done-when targets on these figures, each said to hold or not."""
    small, large = min(results), max(results)
    said = []
    for engine in (e for e in results[large] if e != "PouchDB"):
        a, b, peer = results[small][engine], results[large][engine], results[large]["PouchDB"]
        for phase in ("pusher", "puller"):
            grown = b[phase][0] / a[phase][0]
            ok = grown <= 1.5 and (engine != "SQLite" or b[phase][0] <= 0.15)
            limit = " and ≤ 0.15 s" if engine == "SQLite" else ""
            # On a shared machine wall time swings with the load; the CPU seconds say whether the work grew.
            cpu = sum(b[phase][1:]) / max(sum(a[phase][1:]), 1e-9)
            said.append(
                f"{'holds' if ok else 'FAILS'}: {engine}, day's sync {phase} at {b['records']:,} records "
                f"{b[phase][0]:.3f} s = {grown:.2f}× the {a['records']:,} one (target ≤ 1.5×{limit}); "
                f"CPU, laptop + server, {cpu:.2f}×"
            )
        for phase, limit in (("push", 2.0), ("pull", 1.0)):
            times = b[phase][0] / peer[phase][0]
            said.append(
                f"{'holds' if times <= limit else 'FAILS'}: {engine}, {PHASES[phase]} at {b['records']:,} "
                f"records {b[phase][0]:.2f} s = {times:.2f}× PouchDB's {peer[phase][0]:.2f} s (target "
                f"≤ {limit:g}×)"
            )
    return said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[667, 10000], help="matters (3 records each)")
    parser.add_argument("--postgresql", action="store_true", help="Fengqiao on PostgreSQL too")
    parser.add_argument("--json", type=Path, help="write every figure here as JSON")
    args = parser.parse_args()
    npm_ci()
    started, load = time.perf_counter(), [os.getloadavg()]
    cluster = None
    if args.postgresql:
        from tests.sync.servers import PostgresCluster

        cluster = PostgresCluster()
    results: dict[int, dict] = {}
    try:
        for size in args.sizes:
            folder = Path(tempfile.mkdtemp(prefix="fengqiao-bench-peer-docs-"))
            try:
                town_docs, day_docs = export_docs(folder, size)
                runs = {"PouchDB": pouchdb_run(size, town_docs, day_docs)}
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            load.append(os.getloadavg())
            runs["SQLite"] = bench_cost.run(None, size, None, wire=CountingProxy)
            load.append(os.getloadavg())
            if cluster:
                runs["PostgreSQL"] = bench_cost.run(cluster.new_database(), size, None, wire=CountingProxy)
                load.append(os.getloadavg())
            results[size] = runs
    finally:
        if cluster:
            cluster.stop()
    print(
        f"\nmeasured in one run of {time.perf_counter() - started:.0f} s; load average (1 min) over the run "
        f"{min(x[0] for x in load):.1f}–{max(x[0] for x in load):.1f} on {os.cpu_count()} cores; CPU s is "
        "laptop + server process; wall s is the sync's own time; bytes and round trips counted by the same "
        "TCP proxy (bench/wire.py)\n"
    )
    for size in args.sizes:
        print(table(results[size]) + "\n")
    if len(results) > 1:
        print("\n".join(checks(results)))
    if args.json:
        args.json.write_text(json.dumps({"load": load, "results": results}, indent=1))


if __name__ == "__main__":
    main()
