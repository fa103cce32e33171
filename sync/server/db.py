"""The server's database: SQLite in one file by default, PostgreSQL (psycopg 3) by URL, Alembic to head.

Writers are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a row lock on the sequence counter held to
commit), so sequence numbers are handed out in commit order and no pull can pass a change that commits later.
"""

from __future__ import annotations

import json
import secrets
import threading
from contextlib import contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from .models import Meta

MIGRATIONS = Path(__file__).with_name("migrations")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = create_engine(
            url, json_serializer=_json, connect_args={"check_same_thread": False, "timeout": 60}
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            dbapi_conn.execute("PRAGMA journal_mode = WAL")
            dbapi_conn.execute("PRAGMA synchronous = FULL")
            dbapi_conn.execute("PRAGMA busy_timeout = 60000")

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

        return engine
    return create_engine(url, json_serializer=_json, pool_size=10, max_overflow=20, pool_pre_ping=True)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine) -> str:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


class ServerDatabase:
    """An open, migrated server database and its two kinds of session."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.revision = migrate(self.engine)
        # One snapshot per pull, so a page's records and scope moves agree (SQLite read transactions already
        # do).
        reader = self.engine
        if self.engine.dialect.name == "postgresql":
            reader = self.engine.execution_options(isolation_level="REPEATABLE READ")
        self._read = sessionmaker(reader, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(write=True), expire_on_commit=False)
        # SQLite makes a writer that finds the file locked sleep and retry (up to 100 ms a time), so laptops
        # pushing at once spent more time asleep than writing. Within this process they queue on a lock
        # instead, and the next goes the moment the last commits. PostgreSQL queues on its row lock already.
        self._queue = threading.RLock() if self.engine.dialect.name == "sqlite" else nullcontext()
        with self.writing() as s:
            if s.get(Meta, "epoch") is None:
                s.add_all([Meta(key="epoch", value=new_epoch()), Meta(key="epoch_start_seq", value="0")])
                s.add(Meta(key="last_seq", value="0"))

    @contextmanager
    def reading(self):
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self):
        with self._queue, self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def new_epoch() -> str:
    return secrets.token_hex(8)


def meta(session: Session, key: str, *, lock: bool = False) -> Meta:
    query = select(Meta).where(Meta.key == key)
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar_one()


class Sequencer:
    """Hands out sequence numbers inside one writing transaction; the counter row stays locked until
    commit."""

    def __init__(self, session: Session, *, deferred: bool = False):
        self._row = meta(session, "last_seq", lock=True)
        self.last = int(self._row.value)
        # `deferred`: the counter is written once, by `save()` before commit, not at every flush of the
        # session (a push's checks flush it many times: an UPDATE of the counter each time).
        self.deferred = deferred

    def next(self) -> int:
        self.last += 1
        if not self.deferred:
            self._row.value = str(self.last)
        return self.last

    def save(self) -> None:
        self._row.value = str(self.last)
