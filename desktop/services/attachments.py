"""Attachments: photos and scans, copied into the data folder under their sha256 and never changed."""

from __future__ import annotations

import mimetypes
import shutil
from pathlib import Path

from desktop.store.models import Attachment, Matter, Visit
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission
from sync.core.protocol import file_sha256
from sync.core.records import SHA256

from . import matters
from .context import Changed, Workspace
from .errors import NotFound, ServiceError
from .file_names import safe_file_name

MAX_BYTES = 50 * 1024 * 1024
OWNERS = {"matter": Matter, "visit": Visit}


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
        raise ServiceError(msg("附件只能加到事项或走访上，而不是“{0}”", owner_kind))
    if not source.is_file():
        raise NotFound(msg("找不到文件 {0}", source))
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ServiceError(
            msg("文件 {0} 有 {1:.0f} MB，最大 {2} MB", source.name, size / 1e6, MAX_BYTES // 1024 // 1024)
        )
    sha = file_sha256(source)
    target = stored_path(ws, sha)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    with ws.tx("attachment.add", owner_id, filename=source.name, sha256=sha) as tx:
        if owner_kind == "matter":
            matters.load(ws, tx.session, owner_id)
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
