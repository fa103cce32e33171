"""The SQLCipher engine: a raw 256-bit key, WAL with synchronous=FULL, foreign keys on, explicit
transactions."""

from __future__ import annotations

import json
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from sync.core.domain.messages import msg

NO_FOREIGN_KEYS = "no_foreign_keys"  # an execution option


class DatabaseUnreadable(Exception):
    """The file is not a Fengqiao database, is damaged, or does not belong to this key file."""


CACHE_KIB = 32 * 1024


def _connect(path: Path, key: bytes):
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise DatabaseUnreadable(
            msg("数据库文件 {0} 无法读取：文件已损坏，或与密钥文件不匹配（{1}）", path, exc)
        ) from exc
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    # Every page read from an encrypted file is decrypted and checked; pages kept decrypted in memory are what
    # make a search of a 30,000-household township answer in milliseconds (2 MB, SQLite's default, thrashes).
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def compact_json(value) -> str:
    """Chinese text as itself, not as \\uXXXX escapes: JSON columns take half the room."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(path: Path, key: bytes) -> Engine:
    """One engine per open database. Sessions bound with execution option write=True take the write lock
    at BEGIN (BEGIN IMMEDIATE), so two writers queue instead of failing half-way through."""
    path = Path(path)
    engine = create_engine(
        f"sqlite:///{path}", creator=lambda: _connect(path, key), json_serializer=compact_json
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):
        options = conn.get_execution_options()
        # Off for pulled records (they may point at records outside this laptop's scope; the server vouches
        # for them) and for migrations (SQLite rebuilds a table by dropping it, which would orphan its
        # children).
        conn.exec_driver_sql(f"PRAGMA foreign_keys = {'OFF' if options.get(NO_FOREIGN_KEYS) else 'ON'}")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("write") else "BEGIN")

    return engine


def probe(path: Path, key: bytes) -> None:
    """Raise DatabaseUnreadable unless the file opens with this key."""
    _connect(Path(path), key).close()
