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

from sync.server.app import open_server
from sync.server.thread import ServerThread


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
        subprocess.run([*self.runas, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "stop"], capture_output=True)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)
