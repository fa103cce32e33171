"""The README's sync story as real processes: `fengqiao-server serve`, its admin commands, `fengqiao sync`,
`fengqiao join`, offline bundles both ways, backup."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import requests

from .servers import free_port

PASSWORD = "demo password 1"


def env(user=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")}
    e["FENGQIAO_PASSWORD"] = e["FENGQIAO_SERVER_PASSWORD"] = PASSWORD
    if user:
        e["FENGQIAO_USER"] = user
    return e


def laptop(*args, user=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env(user),
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def server_cmd(data, *args):
    return subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data), *map(str, args)],
        capture_output=True,
        text=True,
        env=env(),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def served(tmp_path):
    data, port = tmp_path / "server", free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "--data-dir",
            str(data),
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(url + "/v1/health", timeout=1).ok:
                break
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline and process.poll() is None, "server did not start"
        time.sleep(0.1)
    yield data, url
    process.terminate()
    process.wait(10)


def test_two_laptops_and_a_server_from_the_command_line(served, tmp_path):
    data, url = served
    assert "openapi" in requests.get(url + "/openapi.json", timeout=5).json()
    added = server_cmd(data, "account", "add", "admin", "--scope", "township")
    assert added.returncode == 0, added.stderr

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    made = laptop("demo", "--db", a, "--households", 40, "--seed", 5)
    assert made.returncode == 0, made.stderr
    first = laptop("sync", "--db", a, "--server", url, user="admin")
    assert first.returncode == 0, first.stderr
    assert "同步完成" in first.stdout and "被拒 0" in first.stdout

    assert server_cmd(data, "account", "add", "platform", "--scope", "township").returncode == 0
    joined = laptop("join", "--db", b, "--server", url, "--username", "platform")
    assert joined.returncode == 0, joined.stderr
    exported = laptop("export-ledger", tmp_path / "ledger.xlsx", "--db", b, user="platform")
    assert exported.returncode == 0, exported.stderr

    devices = server_cmd(data, "device", "list")
    assert devices.stdout.count("\n") == 2 and "platform" in devices.stdout

    # Offline: a bundle out, imported at the township, and its reply back.
    bundle, reply = tmp_path / "out.fqb", tmp_path / "reply.fqb"
    out = laptop("sync", "--db", b, "--export-bundle", bundle, user="platform")
    assert out.returncode == 0, out.stderr
    imported = server_cmd(data, "import-bundle", bundle, "--reply", reply)
    assert imported.returncode == 0, imported.stderr
    back = laptop("sync", "--db", b, "--import-bundle", reply, user="platform")
    assert back.returncode == 0 and "同步完成" in back.stdout, back.stderr
    wrong = laptop("sync", "--db", a, "--import-bundle", reply, user="admin")
    assert wrong.returncode == 1 and "另一台设备" in wrong.stderr

    backed = server_cmd(data, "backup", tmp_path / "server-backup.zip")
    assert backed.returncode == 0 and (tmp_path / "server-backup.zip").stat().st_size > 1000


def test_server_admin_mistakes_are_one_clear_line(tmp_path):
    data = tmp_path / "server"
    bad = server_cmd(data, "account", "add", "gw", "--scope", "grid", "--places", "没有这个网格")
    assert bad.returncode == 2 and "找不到唯一的网格" in bad.stderr and "Traceback" not in bad.stderr
    short = server_cmd(data, "account", "add", "gw", "--scope", "township", "--password", "short")
    assert short.returncode == 2 and "至少 8 位" in short.stderr


def test_sync_without_a_server_says_so_and_keeps_the_data(tmp_path):
    a = tmp_path / "a.db"
    assert laptop("init", "--db", a, "--township", "向城镇").returncode == 0
    result = laptop("sync", "--db", a, "--server", f"http://127.0.0.1:{free_port()}", user="admin")
    assert result.returncode == 1 and "连不上乡镇服务器" in result.stderr and "保存在本机" in result.stderr
