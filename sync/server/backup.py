"""Backup and restore of the township server: every table as JSON lines plus the attachment files, in one zip.

The format does not depend on the database engine, so a SQLite backup restores into PostgreSQL and back.
A restore starts a new epoch: laptops then reset (re-pull, re-push what the server lacks) as DESIGN.md says.
"""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import DateTime, LargeBinary, delete, insert, select

from .blobs import BlobStore
from .db import ServerDatabase, meta, new_epoch
from .models import Base, Blob

FORMAT = 1


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


def backup(db: ServerDatabase, blobs: BlobStore, target: Path) -> dict[str, int]:
    counts = {}
    target = Path(target)
    tmp = target.with_suffix(target.suffix + ".part")
    with db.reading() as s, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("format.json", json.dumps({"format": FORMAT, "at": datetime.now().isoformat()}))
        for table in Base.metadata.sorted_tables:
            lines = []
            for row in s.execute(select(table)).mappings():
                lines.append(
                    json.dumps({c.name: _encode(c, row[c.name]) for c in table.columns}, ensure_ascii=False)
                )
            z.writestr(f"{table.name}.jsonl", "\n".join(lines))
            counts[table.name] = len(lines)
        for sha in s.scalars(select(Blob.sha256).where(Blob.complete.is_(True))):
            z.write(blobs.path(sha), f"blobs/{sha}")
    tmp.replace(target)
    return counts


def restore(db: ServerDatabase, blobs: BlobStore, source: Path) -> str:
    """Replace everything with the backup's content. Returns the new epoch."""
    with zipfile.ZipFile(source) as z:
        fmt = json.loads(z.read("format.json"))
        if fmt.get("format") != FORMAT:
            raise ValueError(f"备份格式 {fmt.get('format')} 不受支持")
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
        for name in z.namelist():
            if name.startswith("blobs/"):
                sha = name.removeprefix("blobs/")
                blobs.path(sha).parent.mkdir(parents=True, exist_ok=True)
                blobs.path(sha).write_bytes(z.read(name))
    return epoch
