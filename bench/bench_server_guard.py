"""The township server under a password-guessing storm and a decompression bomb (run on demand, not in CI).

    .venv/bin/python bench/bench_server_guard.py [--threads 8] [--seconds 10]

Prints how long honest devices' pushes take while guessing threads register with wrong passwords (the
per-address throttle is lifted here, so every guess reaches Argon2), and the server process's peak memory
after a 0.5 MB gzip body that inflates to 512 MiB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import threading
import time
import uuid
import zlib
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.server import accounts  # noqa: E402
from sync.server.app import Throttle, open_server  # noqa: E402
from sync.server.thread import ServerThread  # noqa: E402

PASSWORD = "bench password"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-guard-"))
    server = open_server(f"sqlite:///{folder / 'server.db'}", folder / "data")
    server.throttle = Throttle(limit=10**9)  # every guess is hashed: the worst case for the lock
    with server.db.writing() as s:
        accounts.add_account(s, "township", PASSWORD, "township", [])
        accounts.add_account(s, "victim", PASSWORD, "township", [])
    running = ServerThread(server)
    url = running.url
    token = requests.post(
        url + "/v1/register",
        timeout=30,
        json={"username": "township", "password": PASSWORD, "device_id": str(uuid.uuid4())},
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}

    def push_once() -> float:
        start = time.perf_counter()
        requests.post(url + "/v1/push", headers=headers, timeout=120, json={"ops": []})
        return time.perf_counter() - start

    quiet = [push_once() for _ in range(20)]
    stop, guesses = threading.Event(), [0]

    def guess() -> None:
        while not stop.is_set():
            requests.post(
                url + "/v1/register",
                timeout=120,
                json={
                    "username": "victim",
                    "password": f"wrong {uuid.uuid4()}",
                    "device_id": str(uuid.uuid4()),
                },
            )
            guesses[0] += 1

    threads = [threading.Thread(target=guess) for _ in range(args.threads)]
    for t in threads:
        t.start()
    stormy, deadline = [], time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        stormy.append(push_once())
        time.sleep(0.2)
    stop.set()
    for t in threads:
        t.join()
    print(
        f"push, quiet:              median {statistics.median(quiet) * 1000:7.1f} ms   "
        f"worst {max(quiet) * 1000:7.1f} ms"
    )
    print(
        f"push, {args.threads} guessing threads: median {statistics.median(stormy) * 1000:7.1f} ms   "
        f"worst {max(stormy) * 1000:7.1f} ms   ({guesses[0]} wrong passwords hashed in {args.seconds:.0f} s)"
    )

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip, built a megabyte at a time
    bomb = packer.compress(b"{") + b"".join(packer.compress(b" " * (1 << 20)) for _ in range(512))
    bomb += packer.compress(b"}") + packer.flush()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    answer = requests.post(
        url + "/v1/register",
        data=bomb,
        timeout=120,
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"gzip bomb ({len(bomb) / 1e6:.2f} MB → 512 MiB): answered {answer.status_code}, "
        f"peak memory of the process (server included) {before / 1024:.0f} MB → {after / 1024:.0f} MB"
    )
    running.stop()


if __name__ == "__main__":
    main()
