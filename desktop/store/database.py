"""An open, unlocked, migrated local database and the sessions that use it."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from sync.core.domain.messages import msg

from . import blobs, indexing, keyslots, migrate, outbox
from .engine import NO_FOREIGN_KEYS, make_engine, probe
from .keyslots import KdfParams, KeyFile


class Database:
    def __init__(self, path: Path, key: bytes, *, script_location: Path | None = None):
        self.path = Path(path)
        self.engine = make_engine(self.path, key)
        self.file_key = blobs.file_key(key)  # attachments at rest: held only while the database is open
        self.migration = migrate.upgrade(self.engine, self.path, script_location)
        self.schema_version = self.migration.after
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(write=True), expire_on_commit=False)
        outbox.install(self._write)
        indexing.install(self._write)
        self._pulled = sessionmaker(
            self.engine.execution_options(write=True, **{NO_FOREIGN_KEYS: True}), expire_on_commit=False
        )
        # A pulled change writes no outbox entry (before_flush returns at once for it) but is indexed.
        outbox.install(self._pulled)
        indexing.install(self._pulled)

    @classmethod
    def create(cls, path: Path, username: str, password: str, kdf: KdfParams | None = None) -> Database:
        path = Path(path)
        if path.exists():
            raise FileExistsError(msg("数据库 {0} 已存在，不会覆盖", path))
        path.parent.mkdir(parents=True, exist_ok=True)
        key = keyslots.new_data_key()
        keys = KeyFile.create(keyslots.keyfile_for(path))
        keys.add(username, password, key, kdf)
        return cls(path, key)

    @classmethod
    def unlock(cls, path: Path, username: str, password: str, **kwargs) -> tuple[Database, bytes]:
        """Open with an account's password. Returns the data key too, for wrapping it for another account."""
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(msg("找不到数据库 {0}", path))
        key = KeyFile.load(keyslots.keyfile_for(path)).unlock(username, password)
        probe(path, key)
        return cls(path, key, **kwargs), key

    @property
    def keyfile(self) -> KeyFile:
        return KeyFile.load(keyslots.keyfile_for(self.path))

    @contextmanager
    def reading(self):
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self, **info):
        """One transaction: commits when the block ends, rolls everything back if it raises."""
        with self._write() as session:
            session.info.update(info, schema_version=self.schema_version)
            with session.begin():
                yield session

    @contextmanager
    def applying(self):
        """One transaction writing what the server sent: no outbox entries, foreign keys not enforced."""
        with self._pulled() as session:
            session.info.update(remote=True, schema_version=self.schema_version)
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()
