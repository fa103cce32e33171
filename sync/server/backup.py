"""Backup and restore of the township server: every table as JSON lines plus the attachment files, in one zip.

The format does not depend on the database engine, so a SQLite backup restores into PostgreSQL and back.
A restore starts a new epoch: laptops then reset (re-pull, re-push what the server lacks), as
docs/architecture.md says (Sync protocol).

A backup made by an older server (its tables as an earlier migration left them: before 0008, no township on
any row) is upgraded as it is restored: its rows go into a scratch SQLite database at the migration whose
schema they fit, the migrations run on it (0008 puts every row in the township its laptops synced, as on a
server upgraded in place), and the result is restored. A backup no migration of this server fits (made by a
newer server) is refused, with what to do.

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
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import DateTime, Engine, LargeBinary, MetaData, delete, insert, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from .blobs import BlobStore
from .db import ServerDatabase, alembic_config, make_engine, meta, new_epoch
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
        stored = _rows(z, digests)
        current = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
        if _fits(stored, current):
            rows = {t.name: _decoded(t, stored[t.name]) for t in Base.metadata.sorted_tables}
        else:  # an older server's backup
            rows = _upgraded(stored)
        if problem := _township_problem(rows):
            raise BackupRefused(problem)
        try:
            with db.writing() as s:
                for table in reversed(Base.metadata.sorted_tables):
                    s.execute(delete(table))
                for table in Base.metadata.sorted_tables:
                    if rows[table.name]:
                        s.execute(insert(table), rows[table.name])
                meta(s, "epoch").value = new_epoch()
                meta(s, "epoch_start_seq").value = meta(s, "last_seq").value
                epoch = meta(s, "epoch").value
        except SQLAlchemyError as exc:  # the transaction is rolled back: the server is as it was
            cause = type(getattr(exc, "orig", None) or exc).__name__
            raise BackupRefused(f"备份的内容不能写入数据库（{cause}），服务器未改动") from None
        for name in digests:
            if found := BLOB_MEMBER.fullmatch(name):  # the name is checked: the path stays in the blob folder
                sha = found.group(1)
                blobs.path(sha).parent.mkdir(parents=True, exist_ok=True)
                blobs.path(sha).write_bytes(z.read(name))
    return epoch


def _township_problem(rows: dict[str, list[dict]]) -> str | None:
    """Every township key in the backup names one of its townships (None: the county's own): the key is what
    keeps one township's records from another's devices, and no foreign key holds it (review 3)."""
    known = {r["id"] for r in rows.get("townships", [])}
    for name, table_rows in rows.items():
        for row in table_rows:
            if (township := row.get("township_id")) is not None and township not in known:
                return f"备份中 {name} 的记录指向不存在的乡镇（township_id）：{township}，未恢复"
    return None


# ------------------------------------------------------------------------------------------ older backups


def _rows(z: zipfile.ZipFile, digests: dict[str, str]) -> dict[str, list[dict]]:
    """Every table of the backup, by name, its rows as stored (JSON values)."""
    found = {}
    for name in digests:
        if name.endswith(".jsonl"):
            text = z.read(name).decode()
            found[name.removesuffix(".jsonl")] = [json.loads(line) for line in text.splitlines() if line]
    return found


def _decoded(table, rows: list[dict]) -> list[dict]:
    columns = {c.name: c for c in table.columns}
    return [{k: _decode(columns[k], v) for k, v in r.items()} for r in rows]


def _fits(found: dict[str, list[dict]], schema: dict[str, set[str]]) -> bool:
    """The backup holds exactly these tables, and each row exactly its table's columns (a backup writes every
    column of every row; an empty table says nothing of its columns)."""
    return set(found) == set(schema) and all(set(r) == schema[t] for t, rows in found.items() for r in rows)


def _schema(engine: Engine) -> dict[str, set[str]]:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return {t: {c["name"] for c in inspect(engine).get_columns(t)} for t in names}


def _migrate(engine: Engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _upgraded(found: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """An older server's backup as this server's tables: restored into a scratch database at the migration
    whose schema it fits, then migrated (0008 assigns the township, as on a server upgraded in place)."""
    revisions = [
        r.revision for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))
    ]
    with tempfile.TemporaryDirectory(prefix="fengqiao-restore-") as folder:
        probe = make_engine(f"sqlite:///{Path(folder) / 'probe.db'}")
        fitting = None
        try:
            for revision in revisions:  # the newest whose schema the backup fits
                _migrate(probe, revision)
                if _fits(found, _schema(probe)):
                    fitting = revision
        finally:
            probe.dispose()
        if fitting is None:
            raise BackupRefused(
                f"备份的数据表与本服务器的任何一个版本（迁移 {revisions[0]}–{revisions[-1]}）都不符："
                "它可能来自更新版本的 fengqiao-server，请先把本服务器升级到做备份时的版本或更新的版本再恢复"
            )
        engine = make_engine(f"sqlite:///{Path(folder) / 'scratch.db'}")
        try:
            _migrate(engine, fitting)
            old = MetaData()
            old.reflect(engine)
            with engine.begin() as conn:
                for table in old.sorted_tables:
                    if found.get(table.name):
                        conn.execute(insert(table), _decoded(table, found[table.name]))
            _migrate(engine, "head")
            with engine.connect() as conn:
                return {
                    t.name: [dict(r) for r in conn.execute(select(t)).mappings()]
                    for t in Base.metadata.sorted_tables
                }
        finally:
            engine.dispose()
