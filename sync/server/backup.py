"""Backup and restore of the township server: every table as JSON lines plus the attachment files, in one zip.

The format does not depend on the database engine, so a SQLite backup restores into PostgreSQL and back.
A restore starts a new epoch: laptops then reset (re-pull, re-push what the server lacks), as
docs/architecture.md says (Sync protocol).

A backup is authenticated: `manifest.json` lists every member with its sha256, and `manifest.mac` is an
HMAC-SHA256 of the manifest under the key in `backup.key` of the data folder (made on the first backup; copy
it with the backups, or give it to `restore --key`). A restore checks the MAC, every member's digest and every
member's name before it deletes anything: a changed, added or misnamed member (`blobs/../../x`) refuses it
whole.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import zipfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import DateTime, LargeBinary, delete, insert, select

from .blobs import BlobStore
from .db import ServerDatabase, meta, new_epoch
from .models import Base, Blob

FORMAT = 2
KEY_FILE = "backup.key"
BLOB_MEMBER = re.compile(r"blobs/([0-9a-f]{64})")


class BackupRefused(Exception):
    """Not a backup of ours, damaged, changed since it was made, or made with another key: nothing was
    touched."""


def backup_key(data_dir: Path) -> bytes:
    """The data folder's backup key, made (readable by its owner only) the first time it is needed."""
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


def _mac(key: bytes, manifest: bytes) -> str:
    return hmac.new(key, manifest, hashlib.sha256).hexdigest()


def _allowed(name: str) -> bool:
    tables = {f"{t.name}.jsonl" for t in Base.metadata.sorted_tables}
    return name == "format.json" or name in tables or BLOB_MEMBER.fullmatch(name) is not None


def _encode(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return value.isoformat()
    if isinstance(column.type, LargeBinary):
        return value.hex()
    return value


def _decode(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, LargeBinary):
        return bytes.fromhex(value)
    return value


def backup(db: ServerDatabase, blobs: BlobStore, target: Path, key: bytes) -> dict[str, int]:
    counts, digests = {}, {}
    target = Path(target)
    tmp = target.with_suffix(target.suffix + ".part")

    def put(z, name: str, content: bytes) -> None:
        digests[name] = hashlib.sha256(content).hexdigest()
        z.writestr(name, content)

    with db.reading() as s, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "format.json", json.dumps({"format": FORMAT, "at": datetime.now().isoformat()}).encode())
        for table in Base.metadata.sorted_tables:
            lines = []
            for row in s.execute(select(table)).mappings():
                lines.append(
                    json.dumps({c.name: _encode(c, row[c.name]) for c in table.columns}, ensure_ascii=False)
                )
            put(z, f"{table.name}.jsonl", "\n".join(lines).encode())
            counts[table.name] = len(lines)
        for sha in s.scalars(select(Blob.sha256).where(Blob.complete.is_(True))):
            z.write(blobs.path(sha), f"blobs/{sha}")
            digests[f"blobs/{sha}"] = sha  # a file's name is its digest
        manifest = json.dumps(digests, sort_keys=True).encode()
        z.writestr("manifest.json", manifest)
        z.writestr("manifest.mac", _mac(key, manifest))
    os.chmod(tmp, 0o600)
    tmp.replace(target)
    return counts


def _checked(z: zipfile.ZipFile, key: bytes) -> dict[str, str]:
    """The members of an authentic, whole backup, by name and digest; anything else refuses it."""
    try:
        manifest = z.read("manifest.json")
        mac = z.read("manifest.mac").decode().strip()
    except KeyError:
        raise BackupRefused("不是带校验的服务器备份（缺少 manifest）") from None
    if not hmac.compare_digest(mac, _mac(key, manifest)):
        raise BackupRefused("备份的校验码不符：文件被改动过，或不是用这台服务器的备份密钥做的") from None
    digests = json.loads(manifest)
    names = set(z.namelist()) - {"manifest.json", "manifest.mac"}
    if names != set(digests) or not all(_allowed(n) for n in names):
        bad = sorted((names ^ set(digests)) | {n for n in names if not _allowed(n)})
        raise BackupRefused(f"备份中有不该有的成员：{', '.join(bad[:5])}")
    for name in names:
        digest = hashlib.sha256()
        with z.open(name) as member:
            for piece in iter(lambda m=member: m.read(1 << 20), b""):
                digest.update(piece)
        if digest.hexdigest() != digests[name]:
            raise BackupRefused(f"备份成员 {name} 已损坏或被改动")
    return digests


def restore(db: ServerDatabase, blobs: BlobStore, source: Path, key: bytes) -> str:
    """Replace everything with the backup's content, once the whole file has checked out. Returns the new
    epoch."""
    try:
        z = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise BackupRefused(f"不是有效的备份文件：{exc}") from None
    with z:
        digests = _checked(z, key)
        fmt = json.loads(z.read("format.json"))
        if fmt.get("format") != FORMAT:
            raise BackupRefused(f"备份格式 {fmt.get('format')} 不受支持")
        with db.writing() as s:
            for table in reversed(Base.metadata.sorted_tables):
                s.execute(delete(table))
            for table in Base.metadata.sorted_tables:
                text = z.read(f"{table.name}.jsonl").decode()
                rows = [json.loads(line) for line in text.splitlines() if line]
                columns = {c.name: c for c in table.columns}
                if rows:
                    s.execute(
                        insert(table), [{k: _decode(columns[k], v) for k, v in r.items()} for r in rows]
                    )
            meta(s, "epoch").value = new_epoch()
            meta(s, "epoch_start_seq").value = meta(s, "last_seq").value
            epoch = meta(s, "epoch").value
        for name in digests:
            if found := BLOB_MEMBER.fullmatch(name):  # the name is checked: the path stays in the blob folder
                sha = found.group(1)
                blobs.path(sha).parent.mkdir(parents=True, exist_ok=True)
                blobs.path(sha).write_bytes(z.read(name))
    return epoch
