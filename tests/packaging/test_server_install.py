"""A township server installed as the README installs it: `pip install '<checkout>[server]'` (not editable)
into a fresh virtual environment, from a copy of the checkout's files as a fresh clone has them (no built
translations, no build folders). In that environment Qt, SQLCipher and the Word library cannot be imported,
every module of the server and of the shared core imports, and the laptop's `fengqiao` says in one line that
it is not installed. Then its own `fengqiao-server` adds an account, serves on 127.0.0.1,
takes a real laptop's sync (this test environment's laptop: the store, the services, the sync client) and a
second laptop's join, and makes a backup that restores into another data folder. Real processes; pip's
cache keeps the second run quick."""

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
# What only a laptop needs (import names): Qt and its binding, SQLCipher, the Word papers. (openpyxl is the
# server's too: the county's ranking as a sheet, `fengqiao-server assessment --xlsx`.)
LAPTOP_ONLY = ("PySide6", "shiboken6", "sqlcipher3", "docx")
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
    """The checkout's files as a clone has them: tracked and new files, none ignored (.qm, build/, .venv)."""
    git = ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    listed = subprocess.run(git, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


class Installed:
    """The fresh environment's programs, run as a township's administrator runs them: from another folder,
    with nothing of the checkout or of this test environment on the path."""

    def __init__(self, folder: Path, home: Path):
        self.folder, self.home = folder, home
        kept = {k: v for k, v in os.environ.items() if not k.startswith(("FENGQIAO_", "PYTHON", "QT_"))}
        self.env = {**kept, "HOME": str(home), "FENGQIAO_SERVER_PASSWORD": PASSWORD}

    def argv(self, program: str, *args) -> list[str]:
        return [str(self.folder / "bin" / program), *map(str, args)]

    def run(self, program: str, *args) -> subprocess.CompletedProcess:
        options = {"capture_output": True, "text": True, "stdin": subprocess.DEVNULL, "timeout": 120}
        return subprocess.run(self.argv(program, *args), env=self.env, cwd=self.home, **options)

    def server(self, data: Path, *args) -> subprocess.CompletedProcess:
        return self.run("fengqiao-server", "--data-dir", data, *args)


@pytest.fixture(scope="module")
def server_venv(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("server-install")
    started = time.perf_counter()
    checkout = work / "checkout"
    _copy_as_cloned(checkout)
    assert not list(checkout.glob("resources/i18n/*.qm"))  # as cloned: the server's build has no translations
    folder = work / "venv"
    venv.create(folder, with_pip=False)
    # This environment's pip installs into the new one (no ensurepip: quicker); the build is isolated, as on a
    # server, and pip's cache serves the downloads after the first run.
    pip = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(folder / "bin" / "python"),
        "--disable-pip-version-check",
    ]
    install = subprocess.run(
        [*pip, "install", "-q", f"{checkout}[server]"], capture_output=True, text=True, timeout=900, cwd=work
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    print(f"\nserver extra installed in {time.perf_counter() - started:.0f} s into {folder}")
    shutil.rmtree(checkout)  # the install must not lean on the source it was built from
    return folder


@pytest.fixture
def installed(server_venv, tmp_path) -> Installed:
    return Installed(server_venv, tmp_path)


def test_the_server_install_has_no_laptop_libraries_and_all_of_the_server_and_core(installed):
    for name in LAPTOP_ONLY:
        tried = installed.run("python", "-c", f"import {name}")
        assert tried.returncode == 1 and "ModuleNotFoundError" in tried.stderr, (name, tried.stderr)
    imported = installed.run("python", "-c", IMPORT_ALL)
    assert imported.returncode == 0, imported.stderr
    where, count = imported.stdout.split()
    assert (
        Path(where).is_relative_to(installed.folder) and int(count) > 20
    )  # the installed copy, every module


def test_the_laptop_command_of_a_server_install_says_it_is_not_installed(installed, tmp_path):
    tried = installed.run("fengqiao", "init", "--db", tmp_path / "a.db", "--township", "向城镇")
    assert tried.returncode == 2 and "Traceback" not in tried.stderr, tried.stderr
    assert (
        "没有装笔记本部分" in tried.stderr
        and "PySide6" in tried.stderr
        and "fengqiao[laptop]" in tried.stderr
    )
    assert not (tmp_path / "a.db").exists()
    # `fengqiao server …` is the server's own command line, which this install has.
    listed = installed.run("fengqiao", "server", "--data-dir", tmp_path / "data", "account", "list")
    assert listed.returncode == 0, listed.stderr


def household(ws, number):
    with ws.read() as s:
        return s.scalar(select(Household).where(Household.number == number))


def wait_for_health(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{url}/v1/health", timeout=2).json()["status"] == "ok":
                return
        except requests.ConnectionError:
            assert server.poll() is None and time.monotonic() < deadline, server.stdout.read()
            time.sleep(0.2)


def test_the_installed_server_serves_a_laptops_sync_and_backs_up(installed, tmp_path):
    data, backup, port = tmp_path / "server", tmp_path / "server-backup.zip", free_port()
    added = installed.server(data, "account", "add", "admin", "--scope", "township")
    assert added.returncode == 0, added.stderr
    url = f"http://127.0.0.1:{port}"
    serve = installed.argv(
        "fengqiao-server", "--data-dir", data, "serve", "--port", port, "--log-level", "warning"
    )
    server = subprocess.Popen(
        serve, env=installed.env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    (tmp_path / "a").mkdir()
    town = Township(tmp_path / "a", Clock())
    joined = None
    try:
        wait_for_health(url, server)
        # The township's laptop pushes its set-up and a household; a grid worker's laptop joins and gets it.
        a = town.admin
        residents.save_household(a, HouseholdInput(town.village, "0001", "东村1号", town.grid))
        first = syncing.sync_now(a, password=PASSWORD, server_url=url)
        assert first.applied > 0 and first.rejected == 0 and first.conflicts == 0
        grid = installed.server(data, "account", "add", "grid1", "--scope", "grid", "--places", town.grid)
        assert grid.returncode == 0, grid.stderr
        joined = syncing.join_township(tmp_path / "b" / "fengqiao.db", url, "grid1", PASSWORD, kdf=FAST_KDF)
        assert household(joined, "0001").address == "东村1号"

        # ... and its edit comes back to the township through the installed server.
        h = household(joined, "0001")
        residents.save_household(
            joined, HouseholdInput(h.village_id, h.number, "东村1号（新门牌）", h.grid_id), h.id
        )
        assert syncing.sync_now(joined).applied == 1
        assert syncing.sync_now(a).pulled >= 1 and household(a, "0001").address == "东村1号（新门牌）"

        # The nightly backup, taken while the server serves (the README's cron).
        made = installed.server(data, "backup", backup)
        assert made.returncode == 0 and "已备份到" in made.stdout, made.stderr
    finally:
        server.terminate()
        server.wait(30)
        if joined is not None:
            joined.close()
        town.close()

    with zipfile.ZipFile(backup) as z:
        members = set(z.namelist())
    assert {"manifest.json", "manifest.mac", "format.json"} <= members and len(members) > 5
    # A real backup: another data folder restores it, checked under the key, and knows the accounts again.
    elsewhere = tmp_path / "restored"
    restored = installed.server(elsewhere, "restore", backup, "--key", data / "backup.key")
    assert restored.returncode == 0, restored.stderr
    listed = installed.server(elsewhere, "account", "list")
    assert listed.returncode == 0 and {"admin", "grid1"} <= {
        row.split("\t")[0] for row in listed.stdout.splitlines()
    }


def test_the_installed_server_writes_the_county_ranking_as_excel(installed, tmp_path):
    """`assessment --xlsx` on a server installed as the README installs it (review: it needed openpyxl, which
    only the laptop's install brought): the sheet is written and reads back."""
    from openpyxl import load_workbook

    data, sheet = tmp_path / "server", tmp_path / "排名.xlsx"
    for name, code in [("向城镇", "371324105000"), ("马厂湖镇", "371324106000")]:
        added = installed.server(data, "township", "add", name, "--code", code)
        assert added.returncode == 0, added.stderr
    ranked = installed.server(data, "assessment", "--period", "2026-11", "--xlsx", sheet)
    assert ranked.returncode == 0, ranked.stderr
    assert "openpyxl" not in ranked.stderr and f"已写出 {sheet}" in ranked.stdout
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert {"向城镇", "马厂湖镇"} <= {cell for row in rows for cell in row}
