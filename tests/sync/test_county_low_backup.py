"""A backup taken by a server from before migration 0008 (one township, no township key on any row) restores
into this server, on SQLite and PostgreSQL: the old server is the project's own code of that time (taken from
git), run as a real process; a laptop syncs to it, it backs up with its own command; this server's `restore`
upgrades the backup (0008 names the township as its laptops synced it and puts every row in it), and the
laptop and a new grid worker's laptop sync with the restored server."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import time
from io import BytesIO
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from desktop.services import attachments, residents, syncing, visits
from desktop.services.residents import HouseholdInput
from sync.server import accounts as server_accounts
from sync.server import cli
from sync.server.app import open_server
from sync.server.models import Account, Blob, Record, Township
from sync.server.thread import ServerThread
from tests.conftest import FAST_KDF, PASSWORD
from tests.conftest import Township as LaptopTownship

from .servers import RawDevice, free_port
from .test_end_to_end import household_in

ROOT = Path(__file__).resolve().parents[2]
# The last commit of main before the township merge (e0d40dd): its server migrates to 0007.
BEFORE_0008 = "8374810ef0e71d1936d96d3de47b2d6266994d97"
RUN_CLI = "import sys; from sync.server.cli import main; sys.exit(main())"


@pytest.fixture(params=["sqlite", "postgresql"])
def urls(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}", f"sqlite:///{tmp_path / 'new.db'}"
    cluster = request.getfixturevalue("postgres")
    return cluster.new_database(), cluster.new_database()


@pytest.fixture(scope="module")
def old_code(tmp_path_factory) -> Path:
    """The server's code as it was before 0008, from this repository's history."""
    folder = tmp_path_factory.mktemp("before-0008")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", BEFORE_0008, "sync"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    assert not (folder / "sync/server/migrations/versions/0008_township_key.py").exists()
    return folder


class OldServer:
    """`fengqiao-server` of that time, as a process (its own code first on the path)."""

    def __init__(self, code: Path, data: Path, url: str):
        self.code, self.data, self.url = code, data, url
        self.env = {**os.environ, "PYTHONPATH": str(code), "FENGQIAO_SERVER_PASSWORD": PASSWORD}

    def argv(self, *args) -> list[str]:
        return [
            sys.executable,
            "-c",
            RUN_CLI,
            "--data-dir",
            str(self.data),
            "--database-url",
            self.url,
            *args,
        ]

    def run(self, *args) -> subprocess.CompletedProcess:
        done = subprocess.run(
            self.argv(*args), env=self.env, cwd=self.code, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done

    def serve(self) -> tuple[subprocess.Popen, str]:
        port = free_port()
        process = subprocess.Popen(
            self.argv("serve", "--port", str(port), "--log-level", "warning"),
            env=self.env,
            cwd=self.code,  # (not the checkout: a `python -c` puts its working folder first on the path)
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/v1/health", timeout=2).status_code == 200:
                    return process, url
            except requests.ConnectionError:
                assert process.poll() is None and time.monotonic() < deadline, process.stdout.read()
                time.sleep(0.2)


def test_a_backup_from_before_0008_restores_upgraded_into_this_server(old_code, urls, tmp_path, clock):
    old_url, new_url = urls
    old = OldServer(old_code, tmp_path / "old-data", old_url)
    old.run("account", "add", "admin", "--scope", "township", "--password", PASSWORD)
    # the old server's own code answers (no township in its schema)
    version = subprocess.run(
        [sys.executable, "-c", "import sync.server.db as d; print(d.head_revision())"],
        env=old.env,
        cwd=old_code,
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == "0007"

    (tmp_path / "a").mkdir()
    town = LaptopTownship(tmp_path / "a", clock)
    a = town.admin
    residents.save_household(a, HouseholdInput(town.village, "0001", "东村1号", town.grid))
    household = household_in(a, "0001").id
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(os.urandom(50_000))
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    attachments.add_attachment(
        a, "visit", visits.log_visit(a, visits.VisitInput(household, "走访")).ids[0], photo
    )
    process, url = old.serve()
    try:
        first = syncing.sync_now(a, password=PASSWORD, server_url=url)
        assert first.applied > 0 and first.rejected == 0 and first.uploaded == 1
    finally:
        process.terminate()
        process.wait(30)
    backup = tmp_path / "before-0008.zip"
    old.run("backup", str(backup))

    new_data = tmp_path / "new-data"
    key = old.data / "backup.key"
    restored = cli.main(
        ["--data-dir", str(new_data), "--database-url", new_url, "restore", str(backup), "--key", str(key)]
    )
    assert restored == 0
    server = open_server(new_url, new_data)
    with server.db.reading() as s:
        (township,) = s.scalars(select(Township)).all()
        assert (township.name, township.code) == ("向城镇", "110105001000")
        assert s.scalar(select(func.count()).select_from(Record).where(Record.township_id.is_(None))) == 0
        assert s.get(Record, household).township_id == township.id
        assert s.scalar(select(Account.township_id).where(Account.username == "admin")) == township.id
        assert s.scalar(select(func.count()).select_from(Blob).where(Blob.complete.is_(True))) == 1
    with server.db.writing() as s:
        server_accounts.add_account(s, "grid1", PASSWORD, "grid", [town.grid])
    running = ServerThread(server)
    joined = None
    try:
        again = syncing.sync_now(a, password=PASSWORD, server_url=running.url)  # a new epoch: it resets
        assert again.rejected == 0 and household_in(a, "0001") is not None
        joined = syncing.join_township(
            tmp_path / "b" / "fengqiao.db", running.url, "grid1", PASSWORD, kdf=FAST_KDF
        )
        assert household_in(joined, "0001").address == "东村1号"
        # the photo, restored with the backup, read by the grid worker through the township's attachment
        grid1 = RawDevice(running.url, "grid1")
        content = grid1.call("GET", f"/v1/blobs/{sha}/content", params={"length": 100_000})
        assert content.status_code == 200 and content.content == photo.read_bytes()
    finally:
        running.stop()
        if joined is not None:
            joined.close()
        town.close()


def test_a_backup_no_migration_fits_is_refused_and_says_what_to_do(tmp_path):
    """A backup whose tables no migration of this server has (as a newer server's may) is refused whole,
    naming the versions and what to do."""
    import hmac
    import json
    import zipfile

    from sync.server import backup as server_backup

    key = server_backup.backup_key(tmp_path / "data")
    newer = tmp_path / "newer.zip"
    members = {"format.json": json.dumps({"format": server_backup.FORMAT}).encode(), "meta.jsonl": b""}
    manifest = json.dumps(
        {n: hashlib.sha256(c).hexdigest() for n, c in members.items()}, sort_keys=True
    ).encode()
    with zipfile.ZipFile(newer, "w") as z:
        for name, content in members.items():
            z.writestr(name, content)
        z.writestr("manifest.json", manifest)
        z.writestr("manifest.mac", hmac.new(key, manifest, hashlib.sha256).hexdigest())
    server = open_server(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "data")
    try:
        with pytest.raises(server_backup.BackupRefused, match="迁移 0001–.*升级"):
            server_backup.restore(server.db, server.blobs, newer, key)
    finally:
        server.db.close()


def _resigned(src: Path, dst: Path, key: bytes, change) -> None:
    """A copy of a backup with `change(table, rows)` applied, signed again with the server's key (what an
    administrator holding the data folder could make)."""
    import hmac
    import json
    import zipfile

    members = {}
    with zipfile.ZipFile(src) as z:
        for name in z.namelist():
            if name in ("manifest.json", "manifest.mac"):
                continue
            data = z.read(name)
            if name.endswith(".jsonl"):
                rows = change(
                    name.removesuffix(".jsonl"), [json.loads(x) for x in data.decode().splitlines() if x]
                )
                data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
            members[name] = data
    digests = {
        n: n.split("/")[1] if n.startswith("blobs/") else hashlib.sha256(c).hexdigest()
        for n, c in members.items()
    }
    manifest = json.dumps(digests, sort_keys=True).encode()
    with zipfile.ZipFile(dst, "w") as z:
        for n, c in members.items():
            z.writestr(n, c)
        z.writestr("manifest.json", manifest)
        z.writestr("manifest.mac", hmac.new(key, manifest, hashlib.sha256).hexdigest())


def test_a_backup_naming_no_township_or_breaking_the_schema_is_refused_and_the_server_kept(laptops, tmp_path):
    """Review 3: a re-signed backup put a village in a township that does not exist, and a row the database
    refuses came out of `fengqiao-server restore` as a traceback."""
    from sync.server import backup as server_backup
    from tests.sync.test_townships import Two

    two = Two(laptops)
    srv = laptops.server.server
    key = server_backup.backup_key(tmp_path / "k")
    made = tmp_path / "b.zip"
    server_backup.backup(srv.db, srv.blobs, made, key)

    def held() -> list:
        with srv.db.reading() as s:
            return sorted(s.execute(select(Record.id, Record.township_id, Record.server_seq)).all())

    before = held()

    def nowhere(table, rows):
        for r in rows:
            if table == "records" and r["id"] == two.b_village:
                r["township_id"] = "00000000-0000-4000-8000-000000000000"
        return rows

    def not_null(table, rows):
        if table == "records":
            rows[-1]["table_name"] = None
        return rows

    for change, words in ((nowhere, "不存在的乡镇（township_id）"), (not_null, "不能写入数据库")):
        crafted = tmp_path / f"{change.__name__}.zip"
        _resigned(made, crafted, key, change)
        with pytest.raises(server_backup.BackupRefused, match=words):
            server_backup.restore(srv.db, srv.blobs, crafted, key)
        assert held() == before
