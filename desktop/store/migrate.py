"""Bring a database to the newest schema: back it up when a migration is pending, restore it if one fails."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from sync.core.domain.messages import msg

from .engine import NO_FOREIGN_KEYS

MIGRATIONS = Path(__file__).with_name("migrations")
# Full-text search tables are created by hand in the migrations; SQLAlchemy has no model for them.
FTS_PREFIX = "search_fts"


class MigrationFailed(Exception):
    """A migration failed; the database was restored from the backup taken just before."""


@dataclass
class MigrationReport:
    before: str | None
    after: str
    backup: Path | None


def include_name(name, type_, parent_names) -> bool:
    return not (type_ == "table" and name and name.startswith(FTS_PREFIX))


def alembic_config(script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS))
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_file(engine: Engine, db_path: Path, label: str) -> Path:
    """Copy the (encrypted) file after folding the WAL into it; the copy opens with the same key."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-{label}.db"
    shutil.copy2(db_path, target)
    return target


def restore_file(backup: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.copy2(backup, db_path)


def upgrade(engine: Engine, db_path: Path, script_location: Path | None = None) -> MigrationReport:
    db_path = Path(db_path)
    before = current_revision(engine)
    head = head_revision(script_location)
    if before == head:
        return MigrationReport(before, head, None)
    backup = backup_file(engine, db_path, before or "new") if before else None
    cfg = alembic_config(script_location)
    try:
        with engine.execution_options(**{NO_FOREIGN_KEYS: True}).connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
    except Exception as exc:
        engine.dispose()
        if backup is None:
            raise MigrationFailed(msg("创建数据库结构失败：{0}", exc)) from exc
        restore_file(backup, db_path)
        raise MigrationFailed(
            msg("数据库升级失败，已从升级前的备份恢复（{0}），数据未丢失。原因：{1}", backup.name, exc)
        ) from exc
    with engine.connect() as conn:
        conn.execute(text("PRAGMA optimize"))
    return MigrationReport(before, head, backup)
