"""Backing up this laptop's records to one encrypted file, and restoring such a file here or on another
laptop.

A restore never destroys anything: the backup is checked, unpacked and signed into beside the database first
(by an account of the backup that may restore), and only then does the current database move into
`backups/` and the restored one take its place. Attachment files are kept by content, so both sets stay.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop import __version__
from desktop.store import backup as sealed
from desktop.store.keyslots import KeyFile, keyfile_for
from desktop.store.models import Attachment, Household, Matter, OutboxEntry, Person, Visit
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import accounts, attachments, setup
from .context import Workspace
from .errors import NotAllowed

SUFFIX = sealed.SUFFIX
COUNTED = {
    "households": Household,
    "persons": Person,
    "visits": Visit,
    "matters": Matter,
    "attachments": Attachment,
}


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    counts: dict[str, int]
    seconds: float


@dataclass(frozen=True)
class RestoreReport:
    manifest: dict[str, Any]
    moved_aside: Path | None  # where the database that was here before now lives


def backups_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def suggested_name(ws: Workspace) -> str:
    place = re.sub(r'[\\/:*?"<>|\s]+', "", setup.township(ws).name) or "fengqiao"
    return f"枫桥备份-{place}-{ws.now():%Y%m%d-%H%M}{SUFFIX}"


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.db.reading() as s:
        counts = {
            name: s.scalar(select(func.count()).select_from(m).where(m.deleted.is_(False))) or 0
            for name, m in COUNTED.items()
        }
        counts["unsynced_edits"] = (
            s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")) or 0
        )
    return counts


def _fresh_slots(slots: dict[str, Any]) -> dict[str, Any]:
    """The key slots as they go into a backup: no failure counts or locks carried to the restored laptop."""
    return {user: {**slot, "failures": 0, "locked_until": None} for user, slot in slots.items()}


def make_backup(ws: Workspace, target: Path, progress: sealed.Progress | None = None) -> BackupReport:
    """Write an encrypted backup of the database, its accounts' keys and the attachment files to `target`."""
    ws.require(Permission.BACKUP)
    started, target = time.perf_counter(), Path(target)
    if target.suffix.lower() != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    target.parent.mkdir(parents=True, exist_ok=True)
    counts = _counts(ws)
    files = sorted(
        p for p in attachments.folder(ws).glob("??/*") if p.is_file() and not p.name.endswith(".part")
    )
    manifest = {
        "township": setup.township(ws).name,
        "created": ws.now().isoformat(),
        "made_by": ws.actor.username,
        "device_id": ws.device_id,
        "schema": ws.db.schema_version,
        "app_version": __version__,
        "counts": counts,
    }
    snapshot = target.with_name(f".{target.stem}-snapshot.db")
    try:
        sealed.snapshot_database(ws.db.path, ws.data_key, snapshot, _half(progress, 0))
        sealed.write(
            target,
            ws.data_key,
            {"created": manifest["created"], "schema": manifest["schema"], "app_version": __version__},
            snapshot,
            _fresh_slots(ws.db.keyfile.data["slots"]),
            manifest,
            [(f"{p.parent.name}/{p.name}", p) for p in files],
            _half(progress, 50),
        )
    finally:
        snapshot.unlink(missing_ok=True)
    with ws.tx("backup.make", str(target), size=target.stat().st_size):
        pass
    return BackupReport(target, target.stat().st_size, counts, time.perf_counter() - started)


def accounts_in(path: Path) -> list[str]:
    """The accounts that can open a backup (shown before a password is asked)."""
    return sorted(sealed.read_header(Path(path))["slots"])


def check_password(path: Path, username: str, password: str) -> None:
    """Raises WrongPassword / UnknownAccount / BackupUnreadable before anything is closed or moved."""
    sealed.unlock(Path(path), username, password)


def restore_backup(
    path: Path,
    db_path: Path,
    username: str,
    password: str,
    progress: sealed.Progress | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> RestoreReport:
    """Put the backup at `db_path`, moving what is there into `backups/`. The account must be in the backup,
    active, and allowed to restore; otherwise nothing here changes."""
    path, db_path = Path(path), Path(db_path)
    key = sealed.unlock(path, username, password)
    staging = db_path.parent / f".restore-{os.getpid()}-{int(time.time())}"
    staging.mkdir(parents=True)
    try:
        if progress is not None:
            progress(0, 3)
        body = sealed.open_body(path, key, staging / "body.zip")
        if progress is not None:
            progress(1, 3)
        content = staging / "content"
        manifest = sealed.extract(body, content)
        body.unlink()
        restored = content / sealed.DB_MEMBER
        keys = KeyFile(keyfile_for(restored), {"format": 1, "slots": _read_slots(content)})
        keys.save()
        # Signing in checks the account and migrates a backup made by an older version of Fengqiao.
        ws = accounts.login(restored, username, password, clock=clock)
        try:
            if not ws.may(Permission.BACKUP):
                raise NotAllowed(
                    msg("账号“{0}”没有恢复备份的权限（需网格员、调解员、平台办公室或管理员）", username)
                )
            with ws.tx(
                "backup.restore", path.name, made_by=manifest.get("made_by"), created=manifest.get("created")
            ):
                pass
        finally:
            ws.close()
        if progress is not None:
            progress(2, 3)
        aside = _move_aside(db_path, clock())
        for suffix in ("-wal", "-shm"):
            Path(str(restored) + suffix).unlink(missing_ok=True)
        os.replace(restored, db_path)
        os.replace(keys.path, keyfile_for(db_path))
        _merge_attachments(content / sealed.ATTACHMENTS, db_path.parent / "attachments")
        if progress is not None:
            progress(3, 3)
        return RestoreReport(manifest, aside)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _read_slots(content: Path) -> dict[str, Any]:
    slots: dict[str, Any] = json.loads((content / sealed.KEYS_MEMBER).read_text(encoding="utf-8"))
    return slots


def _half(progress: sealed.Progress | None, start: int) -> sealed.Progress | None:
    """Progress in percent: copying the database is the first half (from 0), sealing the files the second
    (from 50)."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(start + 50 * done // max(total, 1), 100)


def _move_aside(db_path: Path, now: datetime) -> Path | None:
    if not db_path.exists():
        return None
    aside = backups_folder(db_path) / f"恢复前-{now:%Y%m%d-%H%M%S}"
    aside.mkdir(parents=True, exist_ok=True)
    for file in (db_path, Path(str(db_path) + "-wal"), Path(str(db_path) + "-shm"), keyfile_for(db_path)):
        if file.exists():
            os.replace(file, aside / file.name)
    return aside


def _merge_attachments(source: Path, target: Path) -> None:
    if not source.is_dir():
        return
    for file in source.glob("??/*"):
        destination = target / file.parent.name / file.name
        if not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(file), destination)
