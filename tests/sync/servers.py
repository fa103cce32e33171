"""Real township servers for tests: uvicorn on 127.0.0.1 in a thread, on SQLite or on a throwaway PostgreSQL
cluster (initdb/pg_ctl in a temporary folder, from Debian's postgresql package)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
import requests

from sync.server.app import open_server
from sync.server.thread import ServerThread
from tests.conftest import PASSWORD


def start(url: str, data_dir: Path) -> ServerThread:
    return ServerThread(open_server(url, data_dir))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


class PostgresCluster:
    """A private PostgreSQL: its own data folder, port and socket; removed at the end."""

    def __init__(self):
        initdb = _pg_bin("initdb")
        if initdb is None:
            raise RuntimeError("PostgreSQL server binaries not found (Debian package `postgresql`)")
        self.bin = Path(initdb).parent
        self.folder = Path(tempfile.mkdtemp(prefix="fengqiao-pg-"))
        self.port = free_port()
        # PostgreSQL refuses to run as root: use its own system user when the tests run as root.
        self.runas = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.runas:
            shutil.chown(self.folder, "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.folder / "data"),
            "-A",
            "trust",
            "-U",
            "fengqiao",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C.UTF-8",
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-w",
            "-l",
            str(self.folder / "log"),
            "-o",
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=200",
            "start",
        )

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.runas, str(self.bin / tool), *args], check=True, capture_output=True)

    def new_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(
            f"postgresql://fengqiao@127.0.0.1:{self.port}/postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://fengqiao@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.runas,
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


class RawDevice:
    """A device speaking the protocol by hand: whatever a broken or hostile laptop could send."""

    def __init__(self, url: str, username: str, password: str = PASSWORD):
        self.url, self.seq = url, 0
        answer = requests.post(
            url + "/v1/register",
            timeout=30,
            json={
                "username": username,
                "password": password,
                "device_id": str(uuid.uuid4()),
                "device_name": "probe",
            },
        )
        assert answer.status_code == 200, answer.text
        self.headers = {"Authorization": f"Bearer {answer.json()['token']}"}

    def op(self, table, record_id=None, op="insert", fields=None, base_seqs=None, base_values=None, **extra):
        self.seq += 1
        return {
            "op_seq": self.seq,
            "mutation_id": str(uuid.uuid4()),
            "table": table,
            "record_id": record_id or str(uuid.uuid4()),
            "op": op,
            "fields": fields or {},
            "base_seqs": base_seqs or {},
            "base_values": base_values or {},
            **extra,
        }

    def push(self, *ops) -> list[dict]:
        answer = requests.post(
            self.url + "/v1/push", json={"ops": list(ops)}, headers=self.headers, timeout=60
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["results"]

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(method, self.url + path, headers=self.headers, timeout=60, **kwargs)
