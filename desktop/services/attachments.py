"""Attachments: photos and scans, kept in the data folder under their plain bytes' sha256, sealed at rest with
a key derived from the database's (desktop.store.blobs); opened in memory, or as a short-lived temp file only
where another program must have a file."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.store import blobs
from desktop.store.models import Attachment, Matter, Patrol, Visit
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission
from sync.core.records import SHA256

from . import matters
from .context import Changed, Workspace
from .errors import NotFound, ServiceError
from .file_names import safe_file_name

MAX_BYTES = 50 * 1024 * 1024
OWNERS = {"matter": Matter, "visit": Visit, "patrol": Patrol}


def folder(ws: Workspace) -> Path:
    return ws.db.path.parent / "attachments"


def stored_path(ws: Workspace, sha256: str) -> Path:
    """Where a file's bytes are kept, by their hash. A record from another laptop may declare anything as its
    hash ("../../x"): one that is not a hash names a file inside the folder that is never written."""
    if not SHA256.fits(sha256 or ""):
        return folder(ws) / "not-a-hash" / safe_file_name(sha256)
    return folder(ws) / sha256[:2] / sha256


def add_attachment(ws: Workspace, owner_kind: str, owner_id: str, source: Path) -> Changed:
    """Copy a file in (once per content) and record it against a matter or a visit."""
    ws.require(Permission.VIEW_MATTERS)
    source = Path(source)
    if owner_kind not in OWNERS:
        raise ServiceError(msg("附件只能加到事项、走访或巡查上，而不是“{0}”", owner_kind))
    if not source.is_file():
        raise NotFound(msg("找不到文件 {0}", source))
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ServiceError(
            msg("文件 {0} 有 {1:.0f} MB，最大 {2} MB", source.name, size / 1e6, MAX_BYTES // 1024 // 1024)
        )
    plain = source.read_bytes()
    sha = hashlib.sha256(plain).hexdigest()
    target = stored_path(ws, sha)
    if not target.exists():
        blobs.write(ws.db.file_key, target, sha, plain)
    with ws.tx("attachment.add", owner_id, filename=source.name, sha256=sha) as tx:
        if owner_kind == "matter":
            matters.load(ws, tx.session, owner_id)
        elif owner_kind == "patrol":
            patrol = tx.session.get(Patrol, owner_id)
            if patrol is None or not ws.actor.scope.covers(patrol.village_id, patrol.grid_id, None):
                raise NotFound(msg("找不到该巡查记录，或不在您的范围内"))
        elif tx.session.get(Visit, owner_id) is None:
            raise NotFound(msg("找不到该走访记录"))
        record = Attachment(
            sha256=sha,
            filename=safe_file_name(source.name),
            mime=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
            size=size,
            owner_kind=owner_kind,
            owner_id=owner_id,
            present=True,
        )
        tx.session.add(record)
        tx.session.flush()
    return Changed("attachments", (record.id,), "add")


def read_bytes(ws: Workspace, sha256: str) -> bytes:
    """A stored attachment's plain bytes, in memory only; b"" when the file is not (yet) on this laptop."""
    path = stored_path(ws, sha256)
    if not path.is_file():
        return b""
    try:
        return blobs.read(ws.db.file_key, path, sha256)
    except blobs.BlobUnreadable as exc:
        raise ServiceError(str(exc)) from exc


@contextmanager
def handed_out(ws: Workspace, sha256: str, filename: str) -> Iterator[Path]:
    """For another program (the system viewer, a printer driver): a plain temp copy, removed when the block
    ends. The caller keeps the block as short as that program needs the file."""
    plain = read_bytes(ws, sha256)
    if not plain:
        raise NotFound(msg("附件“{0}”尚未同步到本机", filename))
    handle, name = tempfile.mkstemp(prefix="fq-", suffix="-" + safe_file_name(filename))
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(plain)
        path.chmod(0o600)
        yield path
    finally:
        path.unlink(missing_ok=True)


def seal_plain_files(ws: Workspace) -> int:
    """The one-time migration at sign-in: plain attachment files from before encryption are sealed."""
    return blobs.seal_folder(ws.db.file_key, folder(ws))
