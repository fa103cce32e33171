"""Schemathesis against the township server at depth, on both engines (run on demand, not in CI).

    .venv/bin/python bench/bench_fuzz_api.py [--examples 1000] [--scenarios 200] [--engines sqlite,postgresql]

For each engine: a real server (uvicorn on 127.0.0.1; PostgreSQL is a throwaway cluster, as in the tests)
holding a township's data, then every operation's positive and negative requests (`--examples` each) and
stateful scenarios (tests/sync/fuzzing.py). Prints the number of requests and the status-code histogram per
mode, and fails on the first 5xx or answer that does not match the OpenAPI description.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services import syncing  # noqa: E402
from tests.conftest import Clock  # noqa: E402
from tests.sync.conftest import Laptops  # noqa: E402
from tests.sync.fuzzing import fuzz_all  # noqa: E402
from tests.sync.servers import PostgresCluster, RawDevice, start  # noqa: E402


def run_engine(engine: str, examples: int, scenarios: int) -> bool:
    folder = Path(tempfile.mkdtemp(prefix=f"fengqiao-fuzz-{engine}-"))
    cluster = PostgresCluster() if engine == "postgresql" else None
    url = cluster.new_database() if cluster else f"sqlite:///{folder / 'server.db'}"
    server = start(url, folder / "server-data")
    laptops = None
    try:
        laptops = Laptops(folder, Clock(), server)
        syncing.sync_now(laptops.a)  # the server holds the township and its accounts
        device = RawDevice(server.url, "grid1")
        started = time.monotonic()

        def progress(label, tally):
            print(
                f"{engine} {time.monotonic() - started:5.0f} s  {label}: {tally.requests()} requests so far",
                flush=True,
            )

        tally = fuzz_all(server.url, device.headers, examples, scenarios, keep_going=True, progress=progress)
        print(
            f"\n{engine}: {examples} examples per operation and mode, {scenarios} stateful scenarios, "
            f"{time.monotonic() - started:.0f} s"
        )
        print(tally.report(), flush=True)
        return not tally.failures and not any(code >= 500 for code in tally.histogram())
    finally:
        if laptops is not None:
            laptops.close()
        server.stop()
        if cluster is not None:
            cluster.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=1000)
    ap.add_argument("--scenarios", type=int, default=200)
    ap.add_argument("--engines", default="sqlite,postgresql")
    args = ap.parse_args()
    results = [run_engine(engine, args.examples, args.scenarios) for engine in args.engines.split(",")]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
