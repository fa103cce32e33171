"""A township server installed as the README installs it: `pip install '<checkout>[server]'` (not editable) into a
fresh virtual environment, from a copy of the checkout's files as a fresh clone has them (no built translations,
no build folders). In that environment Qt, SQLCipher and the office libraries cannot be imported, every module of
the server and of the shared core imports, and the laptop's `fengqiao` says in one line that it is not installed.
Then its own `fengqiao-server` adds an account, serves on 127.0.0.1, takes a real laptop's sync (this test
environment's laptop: the store, the services, the sync client) and a second laptop's join, and makes a backup
that restores into another data folder. Real processes; pip's cache keeps the second run quick."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from desktop.services import residents, syncing
from desktop.services.residents import HouseholdInput
from desktop.store.models import Household
from tests.conftest import FAST_KDF, PASSWORD, Clock, Township
from tests.sync.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
# What only a laptop needs (import names): Qt and its binding, SQLCipher, the ledger sheet, the Word papers.
LAPTOP_ONLY = ("PySide6", "shiboken6", "sqlcipher3", "openpyxl", "docx")
# Every module of the server and the core, imported one by one; Alembic's migration scripts are not modules to
# import (they run inside a migration), so they are left to `serve`, which runs them.
IMPORT_ALL = """
import importlib, pkgutil, sys
import sync.core, sync.server
names = []
for package in (sync.core, sync.server):
    names.append(package.__name__)
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
              if not m.name.startswith("sync.server.migrations")]
for name in names:
    importlib.import_module(name)
print(sync.__file__)
print(len(names))
"""


def _copy_as_cloned(target: Path) -> None:
    """The checkout's files as a clone has them: tracked and new files, nothing ignored (.qm, build/, .venv)."""
    listed = (
        subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def server_install(tmp_path_factory):
    work = tmp_path_factory.mktemp("server-install")
    started = time.perf_counter()
    checkout = work / "checkout"
    _copy_as_cloned(checkout)
    assert not list(checkout.glob("resources/i18n/*.qm"))  # as cloned: the server's build has no translations
    folder = work / "venv"
    venv.create(folder, with_pip=False)
    # This environment's pip installs into the new one (no ensurepip: quicker); the build is isolated, as on a
    # server, and pip's cache serves the downloads after the first run.
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(folder / "bin" / "python"),
            "install",
            "-q",
            "--disable-pip-version-check",
            f"{checkout}[server]",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=work,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    print(f"\nserver extra installed in {time.perf_counter() - started:.0f} s into {folder}")
    shutil.rmtree(checkout)  # the install must not lean on the source it was built from
    return folder


def environment(home: Path) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("FENGQIAO_", "PYTHON", "QT_"))}
    return {**kept, "HOME": str(home), "FENGQIAO_SERVER_PASSWORD": PASSWORD}


def run(venv_dir: Path, program: str, *args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(venv_dir / "bin" / program), *map(str, args)],
        capture_output=True,
        text=True,
        env=environment(cwd),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_the_server_install_has_no_laptop_libraries_and_all_of_the_server_and_core(server_install, tmp_path):
    for name in LAPTOP_ONLY:
        tried = run(server_install, "python", "-c", f"import {name}", cwd=tmp_path)
        assert tried.returncode == 1 and "ModuleNotFoundError" in tried.stderr, (name, tried.stderr)
    imported = run(server_install, "python", "-c", IMPORT_ALL, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    where, count = imported.stdout.split()
    assert Path(where).is_relative_to(server_install) and int(count) > 20  # the installed copy, every module


def test_the_laptop_command_of_a_server_install_says_it_is_not_installed(server_install, tmp_path):
    tried = run(
        server_install, "fengqiao", "init", "--db", tmp_path / "a.db", "--township", "向城镇", cwd=tmp_path
    )
    assert tried.returncode == 2 and "Traceback" not in tried.stderr, tried.stderr
    assert (
        "没有装笔记本部分" in tried.stderr
        and "PySide6" in tried.stderr
        and "fengqiao[laptop]" in tried.stderr
    )
    assert not (tmp_path / "a.db").exists()
    # `fengqiao server …` is the server's own command line, which this install has.
    listed = run(
        server_install, "fengqiao", "server", "--data-dir", tmp_path / "data", "account", "list", cwd=tmp_path
    )
    assert listed.returncode == 0, listed.stderr


def household(ws, number):
    with ws.read() as s:
        return s.scalar(select(Household).where(Household.number == number))


def test_the_installed_server_serves_a_laptops_sync_and_backs_up(server_install, tmp_path):
    data = tmp_path / "server"
    added = run(
        server_install,
        "fengqiao-server",
        "--data-dir",
        data,
        "account",
        "add",
        "admin",
        "--scope",
        "township",
        cwd=tmp_path,
    )
    assert added.returncode == 0, added.stderr
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(server_install / "bin" / "fengqiao-server"),
            "--data-dir",
            str(data),
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=environment(tmp_path),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    (tmp_path / "a").mkdir()
    town = Township(tmp_path / "a", Clock())
    joined = None
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/v1/health", timeout=2).json()["status"] == "ok":
                    break
            except requests.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read()
                time.sleep(0.2)

        # The township's laptop pushes its set-up and a household; a grid worker's laptop joins and gets it.
        a = town.admin
        residents.save_household(a, HouseholdInput(town.village, "0001", "东村1号", town.grid))
        first = syncing.sync_now(a, password=PASSWORD, server_url=url)
        assert first.applied > 0 and first.rejected == 0 and first.conflicts == 0
        grid_account = run(
            server_install,
            "fengqiao-server",
            "--data-dir",
            data,
            "account",
            "add",
            "grid1",
            "--scope",
            "grid",
            "--places",
            town.grid,
            cwd=tmp_path,
        )
        assert grid_account.returncode == 0, grid_account.stderr
        joined = syncing.join_township(tmp_path / "b" / "fengqiao.db", url, "grid1", PASSWORD, kdf=FAST_KDF)
        assert household(joined, "0001").address == "东村1号"

        # ... and its edit comes back to the township through the installed server.
        h = household(joined, "0001")
        edit = HouseholdInput(h.village_id, h.number, "东村1号（新门牌）", h.grid_id)
        residents.save_household(joined, edit, h.id)
        assert syncing.sync_now(joined).applied == 1
        assert syncing.sync_now(a).pulled >= 1 and household(a, "0001").address == "东村1号（新门牌）"
    finally:
        server.terminate()
        server.wait(30)
        if joined is not None:
            joined.close()
        town.close()

    backup = tmp_path / "usb" / "server.zip"
    made = run(server_install, "fengqiao-server", "--data-dir", data, "backup", backup, cwd=tmp_path)
    assert made.returncode == 0 and "已备份到" in made.stdout, made.stderr
    with zipfile.ZipFile(backup) as z:
        members = set(z.namelist())
    assert {"manifest.json", "manifest.mac", "format.json"} <= members and len(members) > 5
    # A real backup: another data folder restores it, checked under the key, and knows the accounts again.
    elsewhere = tmp_path / "restored"
    restored = run(
        server_install,
        "fengqiao-server",
        "--data-dir",
        elsewhere,
        "restore",
        backup,
        "--key",
        data / "backup.key",
        cwd=tmp_path,
    )
    assert restored.returncode == 0, restored.stderr
    accounts = run(
        server_install, "fengqiao-server", "--data-dir", elsewhere, "account", "list", cwd=tmp_path
    )
    assert accounts.returncode == 0 and {"admin", "grid1"} <= {
        line.split("\t")[0] for line in accounts.stdout.splitlines()
    }
