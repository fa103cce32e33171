"""The frozen bundle, built with build.spec as a release is: its smoke check, its server's health, a real sync
between the frozen programs, what it leaves out, and the installer script compiled by makensis."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if sys.platform == "win32" else ""
PASSWORD = "frozen password 1"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    folders = ["--workpath", str(work / "build"), "--distpath", str(work / "dist")]
    build = subprocess.run(
        [*pyinstaller, *folders, str(ROOT / "build.spec")], capture_output=True, text=True, timeout=1200
    )
    assert build.returncode == 0, build.stderr[-4000:]
    folder = work / "dist" / "fengqiao"
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"\nbundle built in {time.perf_counter() - started:.0f} s: {size / 1e6:.0f} MB in {folder}")
    return folder


def frozen(bundle: Path, *args, tmp: Path, **env):
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")},
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp),
        "FENGQIAO_LOG_DIR": str(tmp / "logs"),
        **env,
    }
    return subprocess.run(
        [str(bundle / f"fengqiao{EXE}"), *map(str, args)],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_the_frozen_app_passes_its_smoke_check(bundle, tmp_path):
    result = frozen(bundle, "--smoke", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "smoke ok" in result.stdout and "English translation loaded" in result.stdout
    assert "development checkout" not in result.stdout  # the build id written by build.spec


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_frozen_server_answers_and_the_frozen_app_syncs_and_backs_up_with_it(bundle, tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    serve = ["server", "--data-dir", str(tmp_path / "server"), "serve", "--port", str(port)]
    server = subprocess.Popen(
        [str(bundle / f"fengqiao{EXE}"), *serve], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = requests.get(f"{url}/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read()
                time.sleep(0.3)
        assert health.status_code == 200 and health.json()["status"] == "ok"

        # A standalone server takes no registration before its first account is added.
        add = ["server", "--data-dir", tmp_path / "server", "account", "add", "admin", "--scope", "township"]
        added = frozen(bundle, *add, tmp=tmp_path, FENGQIAO_SERVER_PASSWORD=PASSWORD)
        assert added.returncode == 0, added.stderr
        db = tmp_path / "laptop" / "fengqiao.db"
        made = frozen(
            bundle, "init", "--db", db, "--township", "向城镇", tmp=tmp_path, FENGQIAO_PASSWORD=PASSWORD
        )
        assert made.returncode == 0, made.stderr
        synced = frozen(bundle, "sync", "--db", db, "--server", url, tmp=tmp_path, FENGQIAO_PASSWORD=PASSWORD)
        assert synced.returncode == 0 and "同步完成" in synced.stdout, synced.stderr
        copy = tmp_path / "usb" / "laptop.fqbak"
        backup = frozen(bundle, "backup", "--db", db, copy, tmp=tmp_path, FENGQIAO_PASSWORD=PASSWORD)
        assert backup.returncode == 0 and copy.exists(), backup.stderr
    finally:
        server.terminate()
        server.wait(30)


def test_the_bundle_carries_what_the_app_loads_and_leaves_out_what_it_does_not(bundle):
    programs = sorted(p.name for p in bundle.iterdir() if p.is_file())
    assert programs == [f"fengqiao{EXE}"]  # one program, one copy of the Python archive
    internal = bundle / "_internal"
    for needed in (
        "resources/i18n/fengqiao_en.qm",
        "resources/reference/holidays.json",
        "resources/icons/fengqiao.png",
        "desktop/store/migrations/env.py",
        "sync/server/migrations/env.py",
    ):
        assert (internal / needed).is_file(), needed
    names = {p.name for p in internal.rglob("*")}
    for unused in ("QtQml", "QtQuick", "QtWebEngineCore", "QtPdf", "QtSql", "QtTest", "QtDesigner"):
        assert not [n for n in names if unused in n], unused
    qt_translations = [n for n in names if n.endswith(".qm") and not n.startswith("fengqiao_")]
    assert qt_translations and all("zh_CN" in n or "_en" in n for n in qt_translations)


def test_the_installer_script_compiles(bundle, tmp_path):
    assert shutil.which("makensis"), "makensis is missing: bash .ci/setup installs Debian's nsis"
    out = tmp_path / "Fengqiao-setup.exe"
    defines = ["-DQUICK", "-DVERSION=0.1.0", f"-DBUNDLE_DIR={bundle}", f"-DOUT_FILE={out}"]
    result = subprocess.run(
        ["makensis", "-V2", *defines, str(ROOT / "resources" / "packaging" / "fengqiao.nsi")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert out.read_bytes()[:2] == b"MZ"  # a Windows program
