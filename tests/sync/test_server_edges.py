"""The server's HTTP edges (issue 26), probed against real servers: uvicorn on 127.0.0.1 (or this machine's
own non-loopback address) in a thread, on SQLite and PostgreSQL, and `fengqiao-server serve` as a process of
its own where its memory or its command line is the point.

Proxy headers believed only from a configured proxy; a foreign `Host` refused; `/metrics` and the API docs to
this machine or an admin's device only; password hashing bounded (the process's own peak memory, read from
/proc); devices per account capped; pull pages bounded in bytes; the command line's mistakes in one line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from desktop.services import syncing
from sync.server import accounts as server_accounts
from sync.server.app import open_server
from sync.server.hashing import HashGate
from sync.server.models import Device
from sync.server.peers import LOOPBACK_HOSTS, TrustedProxies, client_address
from sync.server.state import MAX_DEVICES_PER_ACCOUNT
from sync.server.thread import ServerThread
from tests.conftest import PASSWORD

from .conftest import add_server_account
from .servers import RawDevice, free_port
from .test_end_to_end import household_in

MiB = 1024 * 1024


@pytest.fixture(params=["sqlite", "postgresql"])
def make_server(request, tmp_path):
    """Servers with the edge settings a test gives, each on a database of its own."""
    started: list[ServerThread] = []

    def make(host: str = "127.0.0.1", **settings) -> ServerThread:
        n = len(started)
        url = (
            f"sqlite:///{tmp_path / f'server{n}.db'}"
            if request.param == "sqlite"
            else request.getfixturevalue("postgres").new_database()
        )
        started.append(ServerThread(open_server(url, tmp_path / f"data{n}", **settings), host=host))
        return started[-1]

    yield make
    for running in started:
        running.stop()


def register(url, username="gw", password=PASSWORD, device_id=None, headers=None):
    body = {"username": username, "password": password, "device_id": device_id or str(uuid.uuid4())}
    return requests.post(url + "/v1/register", json=body, headers=headers or {}, timeout=60)


# ------------------------------------------------------------------------------------------- proxy headers


def test_proxy_headers_from_an_unconfigured_peer_do_not_escape_the_throttle(make_server):
    server = make_server()
    add_server_account(server, "gw", "township")
    answers = [
        register(server.url, "nobody", "guess", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
        for i in range(10)
    ]
    assert answers == [401] * 10
    # Another made-up address in every header there is: the peer, 127.0.0.1, is still the one counted.
    rotated = register(
        server.url,
        "nobody",
        "guess",
        headers={"X-Forwarded-For": "198.51.100.1", "Forwarded": "for=198.51.100.2", "X-Real-IP": "1.2.3.4"},
    )
    assert rotated.status_code == 429
    assert register(server.url).status_code == 429  # the whole address waits, right password or not


def test_proxy_headers_from_a_configured_proxy_name_the_caller(make_server):
    server = make_server(trusted_proxies=TrustedProxies(["127.0.0.1"]))
    add_server_account(server, "gw", "township")
    for i in range(12):  # twelve callers behind the proxy, one guess each: nobody is throttled
        answer = register(server.url, "nobody", "guess", headers={"X-Forwarded-For": f"203.0.113.{i}"})
        assert answer.status_code == 401
    # One caller behind it guessing on is throttled, whichever header the proxy writes ...
    for _ in range(10):
        assert (
            register(server.url, "nobody", "guess", headers={"X-Real-IP": "198.51.100.7"}).status_code == 401
        )
    assert register(server.url, headers={"Forwarded": 'for="198.51.100.7"'}).status_code == 429
    # ... and the client's own left-hand entries do not get it out: the proxy appends the real address.
    spoofed = {"X-Forwarded-For": "192.0.2.77, 198.51.100.7"}
    assert register(server.url, headers=spoofed).status_code == 429
    assert register(server.url, headers={"X-Forwarded-For": "203.0.113.200"}).status_code == 200


def test_the_command_line_server_does_not_believe_local_proxy_headers(tmp_path):
    """uvicorn believes X-Forwarded-For from 127.0.0.1 by default; `fengqiao-server serve` switches it off."""
    with command_line_server(tmp_path) as url:
        for i in range(10):
            guess = register(url, "nobody", "guess", headers={"X-Forwarded-For": f"203.0.113.{i}"})
            assert guess.status_code == 401
        assert (
            register(url, "nobody", "guess", headers={"X-Forwarded-For": "203.0.113.99"}).status_code == 429
        )


@pytest.mark.parametrize(
    ("peer", "headers", "caller"),
    [
        ("10.0.0.5", {"x-forwarded-for": "203.0.113.1"}, "203.0.113.1"),  # the proxy, one hop
        ("10.0.0.5", {"x-forwarded-for": "6.6.6.6, 203.0.113.1, 10.0.0.9"}, "203.0.113.1"),  # two proxies
        ("10.0.0.5", {"forwarded": 'for=6.6.6.6, for="[2001:db8::7]:4711";proto=https'}, "2001:db8::7"),
        ("10.0.0.5", {"x-real-ip": "203.0.113.2"}, "203.0.113.2"),
        ("10.0.0.5", {"x-forwarded-for": "6.6.6.6, not-an-address"}, "10.0.0.5"),  # unreadable: the proxy
        ("10.0.0.5", {}, "10.0.0.5"),
        ("192.0.2.9", {"x-forwarded-for": "203.0.113.1"}, "192.0.2.9"),  # not a proxy: its headers ignored
    ],
)
def test_the_caller_behind_trusted_proxies(peer, headers, caller):
    assert client_address(peer, headers, TrustedProxies(["10.0.0.0/24"])) == caller


# ------------------------------------------------------------------------------------------------ Host header


@pytest.mark.parametrize("path", ["/v1/health", "/v1/register", "/metrics", "/openapi.json"])
def test_a_foreign_host_is_refused_before_any_route(make_server, path):
    server = make_server()  # the embedded server's defaults: loopback names only
    add_server_account(server, "gw", "township")
    body = {"username": "gw", "password": PASSWORD, "device_id": str(uuid.uuid4())}
    method = "POST" if path == "/v1/register" else "GET"
    refused = requests.request(
        method, server.url + path, json=body, headers={"Host": f"rebind.example:{server.port}"}, timeout=30
    )
    assert refused.status_code == 421
    assert "Host" in refused.json()["detail"] and "rebind.example" in refused.json()["detail"]
    with server.server.db.reading() as s:
        assert s.query(Device).count() == 0  # nothing was registered
    for name in ("localhost", "127.0.0.1", "[::1]"):
        answer = requests.get(server.url + "/v1/health", headers={"Host": f"{name}:{server.port}"}, timeout=5)
        assert answer.status_code == 200, name


@pytest.mark.parametrize(
    "host", ["[::1]evil.com", "[::1].evil.com", "localhost..", "localhost:evil", "127.0.0.1 x"]
)
def test_a_malformed_host_naming_a_loopback_name_is_refused(make_server, host):
    """A value that only begins like a loopback name names no host: refused like a foreign one."""
    server = make_server()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
        raw.sendall(f"GET /v1/health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        answer = raw.recv(4096).decode("latin-1")
    assert answer.split(" ", 2)[1] in ("400", "421"), answer


def test_a_standalone_server_answers_the_names_it_is_given(tmp_path):
    with command_line_server(tmp_path, "--allowed-host", "sync.town.example") as url:
        port = url.rsplit(":", 1)[1]
        for name, status in (("sync.town.example", 200), ("localhost", 200), ("evil.example", 421)):
            answer = requests.get(url + "/v1/health", headers={"Host": f"{name}:{port}"}, timeout=5)
            assert answer.status_code == status, name


# ------------------------------------------------------------------------------------- metrics and API docs

GATED = ("/metrics", "/docs", "/redoc", "/openapi.json")


def this_machines_other_address() -> str | None:
    """An address of this machine that is not loopback: a request to it comes from a non-loopback peer."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
        except OSError:
            return None
        address = s.getsockname()[0]
    return None if address.startswith("127.") else address


def test_metrics_and_docs_answer_loopback_and_admins_only(make_server):
    local = make_server()
    for path in GATED:
        assert requests.get(local.url + path, timeout=10).status_code == 200, path

    address = this_machines_other_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    server = make_server(host=address, allowed_hosts=LOOPBACK_HOSTS | {address})
    add_server_account(server, "admin", "township")  # roles admin, platform
    with server.server.db.writing() as s:
        server_accounts.add_account(s, "auditor", PASSWORD, "township", [], roles=["auditor"])
    admin = register(server.url, "admin").json()["token"]
    auditor = register(server.url, "auditor").json()["token"]
    for path in GATED:
        assert requests.get(server.url + path, timeout=10).status_code == 403, path
        assert "管理员" in requests.get(server.url + path, timeout=10).json()["detail"]
        as_auditor = requests.get(server.url + path, headers=bearer(auditor), timeout=10)
        assert as_auditor.status_code == 403, path
        assert requests.get(server.url + path, headers=bearer("not a token"), timeout=10).status_code == 401
        as_admin = requests.get(server.url + path, headers=bearer(admin), timeout=10)
        assert as_admin.status_code == 200, path
    assert "fengqiao_requests_total" in requests.get(server.url + "/metrics", headers=bearer(admin)).text
    assert "/v1/pull" in requests.get(server.url + "/openapi.json", headers=bearer(admin)).json()["paths"]


def test_a_local_proxy_does_not_make_its_callers_local(make_server):
    """Behind a proxy on this machine every request comes from 127.0.0.1; the proxy's headers say it is not
    this machine asking."""
    for server in (make_server(), make_server(trusted_proxies=TrustedProxies(["127.0.0.1"]))):
        for path in GATED:
            proxied = requests.get(server.url + path, headers={"X-Forwarded-For": "203.0.113.5"}, timeout=10)
            assert proxied.status_code == 403, path


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


# ----------------------------------------------------------------------------------------- password hashing


def test_hashing_beyond_its_queue_is_told_to_come_back_at_once(make_server):
    server = make_server(hashing=HashGate(at_once=1, queue=1))
    add_server_account(server, "gw", "township")
    started = time.monotonic()
    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda i: register(server.url, f"nobody{i}", "guess"), range(12)))
    statuses = sorted(a.status_code for a in answers)
    busy = [a for a in answers if a.status_code == 429]
    assert busy and set(statuses) <= {401, 429}, statuses
    assert all(a.headers["Retry-After"] == "2" and "正忙" in a.json()["detail"] for a in busy)
    assert time.monotonic() - started < 30
    assert register(server.url).status_code == 200  # the gate lets the next one through


def vm_hwm_mib(pid: int) -> float:
    """The process's peak resident memory as the kernel counts it."""
    with open(f"/proc/{pid}/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def flood(url: str, n: int = 32) -> list[int]:
    """n wrong-password registrations at once, each from an address of its own (a configured proxy)."""

    def one(i):
        return register(url, "admin", f"wrong {i}", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_registration_flood_keeps_the_servers_memory_bounded(tmp_path):
    with command_line_server(tmp_path, "--trusted-proxy", "127.0.0.1") as url:
        pid = command_line_server.pid
        assert register(url, "admin", "wrong").status_code == 401  # one hash done: its libraries loaded
        before = vm_hwm_mib(pid)
        statuses = flood(url)
        after = vm_hwm_mib(pid)
    print(f"server peak RSS (VmHWM): {before:.0f} MiB before, {after:.0f} MiB after 32 wrong registrations")
    assert set(statuses) <= {401, 429} and 429 in statuses
    assert after - before < 300, (before, after)


# ---------------------------------------------------------------------------------------- devices per account


def test_devices_per_account_are_capped_and_a_revoked_one_frees_a_place(make_server):
    assert MAX_DEVICES_PER_ACCOUNT == 5
    server = make_server(max_devices=2)
    add_server_account(server, "gw", "township")
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    assert register(server.url, device_id=first).status_code == 200
    assert register(server.url, device_id=second).status_code == 200
    third = register(server.url)
    assert third.status_code == 403
    assert "最多 2 台" in third.json()["detail"] and "device revoke" in third.json()["detail"]
    assert register(server.url, device_id=first).status_code == 200  # a registered device signs in again
    # The cap is no throttle: the right password, refused for the cap, does not count as a guess.
    assert all(register(server.url).status_code == 403 for _ in range(11))
    with server.server.db.writing() as s:
        server_accounts.revoke(s, second, server.server.clock())
    assert register(server.url).status_code == 200
    with server.server.db.reading() as s:
        assert s.query(Device).filter(Device.revoked_at.is_(None)).count() == 2


def test_devices_registered_at_once_stay_within_the_cap(make_server):
    server = make_server(max_devices=3, hashing=HashGate(at_once=4, queue=8))
    add_server_account(server, "gw", "township")
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: register(server.url).status_code, range(8)))
    assert sorted(statuses) == [200] * 3 + [403] * 5
    with server.server.db.reading() as s:
        assert s.query(Device).count() == 3


# -------------------------------------------------------------------------------------------- pull page bytes


def maximal_household(town, number: str) -> dict:
    """A household as large as its declaration allows: a 20,000-character note and 64 KB of tags."""
    return {
        "village_id": town.village,
        "grid_id": town.grid,
        "number": number,
        "address": "东" * 200,
        "note": "纠" * 20_000,
        "tags": ["标" * 1000] * 21,
    }


def pull_pages(device: RawDevice, limit: int = 500) -> list[requests.Response]:
    pages, cursor = [], 0
    while True:
        answer = device.call("GET", "/v1/pull", params={"cursor": cursor, "limit": limit, "protocol": 2})
        assert answer.status_code == 200, answer.text
        pages.append(answer)
        if not answer.json()["more"]:
            return pages
        cursor = answer.json()["cursor"]


def test_pull_pages_are_bounded_in_bytes_and_a_full_pull_gets_every_record(laptops):
    bound = 512 * 1024
    laptops.server.server.max_page_bytes = bound
    pusher, reader = RawDevice(laptops.server.url, "grid1"), RawDevice(laptops.server.url, "admin")
    numbers = [f"M{i:02d}" for i in range(24)]
    for half in (numbers[:12], numbers[12:]):
        results = pusher.push(
            *(pusher.op("households", fields=maximal_household(laptops.town, n)) for n in half)
        )
        assert {r["status"] for r in results} == {"applied"}, results

    pages = pull_pages(reader)
    assert len(pages) > 4 and all(len(page.content) <= bound for page in pages)
    pulled = [c["data"].get("number") for page in pages for c in page.json()["changes"]]
    assert set(numbers) <= set(pulled)
    assert pages[-1].json()["counts"] is not None  # the last page still carries the counts

    # A bound below one record: such a record goes on a page of its own, and the pull still ends.
    laptops.server.server.max_page_bytes = 64 * 1024
    pages = [page.json()["changes"] for page in pull_pages(reader)]
    alone = [
        page[0]["data"]["number"]
        for page in pages
        if len(page) == 1 and len(page[0]["data"].get("note", "")) == 20_000
    ]
    assert sorted(alone) == numbers
    assert not any(len(page) > 1 and any(c["data"].get("number") in numbers for c in page) for page in pages)

    # The laptop's own sync follows `more` to the end.
    laptops.server.server.max_page_bytes = bound
    assert syncing.sync_now(laptops.b).rejected == 0
    assert all(household_in(laptops.b, n) is not None for n in numbers)


# ----------------------------------------------------------------------------------------------- command line


class command_line_server:
    """`fengqiao-server serve` as a process of its own (SQLite in a temporary folder), with an admin
    account; `pid` is the server's process."""

    pid = 0

    def __init__(self, tmp_path, *options):
        self.data, self.port, self.options = tmp_path / "cli-server", free_port(), options

    def __enter__(self) -> str:
        made = server_cmd(self.data, "account", "add", "admin", "--scope", "township")
        assert made.returncode == 0, made.stderr
        self.process = subprocess.Popen(
            [*server_command(self.data), "serve", "--port", str(self.port), "--log-level", "warning"]
            + list(self.options),
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        type(self).pid = self.process.pid
        url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/v1/health", timeout=1).ok:
                    return url
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline and self.process.poll() is None, "server did not start"
            time.sleep(0.1)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(10)


def cli_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")}
    env["FENGQIAO_SERVER_PASSWORD"] = PASSWORD
    return env


def server_command(data) -> list[str]:
    return [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data)]


def server_cmd(data, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*server_command(data), *map(str, args)],
        capture_output=True,
        text=True,
        env=cli_env(),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["serve", "--port", "99999"], "1–65535"),
        (["serve", "--port", "http"], "1–65535"),
        (["serve", "--trusted-proxy", "a.b.c"], "--trusted-proxy"),
        (["serve", "--max-devices", "0"], "正整数"),
        (["--database-url", "postgresql://u:secret@127.0.0.1:1/none", "serve"], "数据库打不开"),
        (["--database-url", "nonsense://", "serve"], "数据库打不开"),
    ],
)
def test_a_bad_serve_option_is_one_line_not_a_traceback(tmp_path, args, said):
    done = server_cmd(tmp_path, *args)
    assert done.returncode == 2
    assert said in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "secret" not in done.stderr  # a database password is never printed


def test_help_speaks_chinese_in_both_programs(tmp_path):
    for command in (
        [*server_command(tmp_path), "--help"],
        [*server_command(tmp_path), "serve", "--help"],
        [sys.executable, "-m", "desktop.cli", "--help"],
    ):
        shown = subprocess.run(command, capture_output=True, text=True, env=cli_env(), timeout=60)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.startswith("用法：") and "显示本帮助并退出" in shown.stdout, shown.stdout
        assert "usage:" not in shown.stdout and "show this help" not in shown.stdout
