"""Laptop backup files (`.fqbak`): the database, its key slots and the attachments, sealed in one file.

Layout: a magic line, the header (JSON: format, time, versions, the key slots), then the body — a zip of
`fengqiao.db`, `keys.json`, `manifest.json` and `attachments/…` — cut into 1 MiB chunks, each sealed with
AES-256-GCM under the database's data key. Only someone whose password opens one of the slots can read it,
exactly as with the database itself, so the file can travel on a USB stick. Each chunk's nonce carries its
number and the last chunk says it is last, so a reordered, cut or changed file is refused, never half-read.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.core.domain.messages import msg

from .keyslots import KeyFile

MAGIC = b"FENGQIAO-BACKUP\n"
FORMAT = 1
CHUNK = 1024 * 1024
TAG = 16
# The members of the sealed zip.
DB_MEMBER = "fengqiao.db"
KEYS_MEMBER = "keys.json"
MANIFEST_MEMBER = "manifest.json"
ATTACHMENTS = "attachments/"
SUFFIX = ".fqbak"

Progress = Callable[[int, int], object]  # (done, total); returning False cancels


class BackupUnreadable(Exception):
    """Not a backup file, cut short, or changed since it was written."""


class Cancelled(Exception):
    pass


def _aad(header_digest: bytes, last: bool) -> bytes:
    return header_digest + (b"\x01" if last else b"\x00")


def _nonce(prefix: bytes, number: int) -> bytes:
    return prefix + struct.pack(">I", number)


class _SealingWriter:
    """A write-only stream that seals what it is given chunk by chunk (zipfile writes into it)."""

    def __init__(self, out, key: bytes, header: dict):
        self.out, self.aead = out, AESGCM(key)
        self.prefix = base64.b64decode(header["nonce_prefix"])
        head = json.dumps(header, ensure_ascii=False).encode("utf-8")
        out.write(MAGIC + struct.pack(">I", len(head)) + head)
        self.digest = hashlib.sha256(MAGIC + head).digest()
        self.buffer, self.number = bytearray(), 0

    def write(self, data) -> int:
        self.buffer += data
        while len(self.buffer) > CHUNK:  # keep at least one byte back: the last chunk is sealed by close()
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def flush(self) -> None:
        pass

    def _emit(self, plain: bytes, last: bool) -> None:
        sealed = self.aead.encrypt(_nonce(self.prefix, self.number), plain, _aad(self.digest, last))
        self.out.write(struct.pack(">I", len(sealed)) + sealed)
        self.number += 1

    def close(self) -> None:
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()


def _read_header(path: Path) -> tuple[dict, int, bytes]:
    """The header, where the body starts, and the digest every chunk is bound to."""
    with open(path, "rb") as f:
        magic = f.read(len(MAGIC))
        if magic != MAGIC:
            raise BackupUnreadable(msg("{0} 不是枫桥备份文件", Path(path).name))
        try:
            (length,) = struct.unpack(">I", f.read(4))
            head = f.read(length)
            header = json.loads(head.decode("utf-8"))
        except (struct.error, ValueError) as exc:
            raise BackupUnreadable(msg("备份文件 {0} 的文件头已损坏", Path(path).name)) from exc
    if header.get("format") != FORMAT:
        raise BackupUnreadable(msg("备份文件格式 {0} 不受支持，请用更新版本的枫桥恢复", header.get("format")))
    return header, len(MAGIC) + 4 + length, hashlib.sha256(MAGIC + head).digest()


def read_header(path: Path) -> dict:
    """What can be read without a password: versions, time, and the wrapped keys."""
    return _read_header(path)[0]


class _BackupSlots(KeyFile):
    """The key slots inside a backup's header: read-only, so failed attempts are not written back."""

    def save(self) -> None:
        pass


def unlock(path: Path, username: str, password: str) -> bytes:
    """The data key, from the account's slot in the backup's header (the laptop's own key file plays no
    part)."""
    return _BackupSlots(Path(path), {"format": 1, "slots": read_header(path)["slots"]}).unlock(
        username, password
    )


def snapshot_database(source: Path, key: bytes, target: Path, progress: Progress | None = None) -> None:
    """A consistent copy of the live database with SQLite's online backup, encrypted with the same key."""
    pragma = f"PRAGMA key = \"x'{key.hex()}'\""
    src = sqlcipher3.connect(str(source), check_same_thread=False, timeout=30)
    dst = sqlcipher3.connect(str(target))
    try:
        src.execute(pragma)
        dst.execute(pragma)

        def step(status, remaining, total):
            if progress is not None and progress(total - remaining, total) is False:
                raise Cancelled()

        src.backup(dst, pages=512, progress=step)
        dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
    finally:
        dst.close()
        src.close()


def write(
    target: Path,
    key: bytes,
    header: dict,
    database: Path,
    slots: dict,
    manifest: dict,
    attachments: list[tuple[str, Path]],
    progress: Progress | None = None,
) -> None:
    """Seal the snapshot file, the slots, the manifest and the attachments into `target` (written aside, then
    renamed, so a cancelled or failed backup never leaves a file that looks whole)."""
    header = {
        **header,
        "format": FORMAT,
        "slots": slots,
        "nonce_prefix": base64.b64encode(os.urandom(8)).decode(),
    }
    total = database.stat().st_size + sum(p.stat().st_size for _, p in attachments)
    done = 0
    partial = target.with_name(target.name + ".part")
    try:
        with open(partial, "wb") as out:
            sealer = _SealingWriter(out, key, header)
            with zipfile.ZipFile(sealer, "w", zipfile.ZIP_STORED) as archive:
                archive.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=1))
                archive.writestr(KEYS_MEMBER, json.dumps(slots, ensure_ascii=False))
                for name, path in [(DB_MEMBER, database), *((ATTACHMENTS + n, p) for n, p in attachments)]:
                    archive.write(path, name)
                    done += path.stat().st_size
                    if progress is not None and progress(done, total) is False:
                        raise Cancelled()
            sealer.close()
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def open_body(path: Path, key: bytes, into: Path) -> Path:
    """Check every chunk and write the plain zip to `into`; raises BackupUnreadable on any damage."""
    header, start, digest = _read_header(path)
    aead, prefix = AESGCM(key), base64.b64decode(header["nonce_prefix"])
    name = Path(path).name
    with open(path, "rb") as f, open(into, "wb") as out:
        f.seek(start)
        number, finished = 0, False
        while raw := f.read(4):
            if finished or len(raw) < 4:
                raise BackupUnreadable(msg("备份文件 {0} 末尾有多余的数据，可能已被改动", name))
            (length,) = struct.unpack(">I", raw)
            sealed = f.read(length)
            if len(sealed) < length or length < TAG:
                break
            for last in (False, True):
                try:
                    out.write(aead.decrypt(_nonce(prefix, number), sealed, _aad(digest, last)))
                    finished = last
                    break
                except InvalidTag:
                    continue
            else:
                raise BackupUnreadable(
                    msg("备份文件 {0} 第 {1} 段已损坏或被改动，无法恢复", name, number + 1)
                )
            number += 1
        if not finished:
            raise BackupUnreadable(msg("备份文件 {0} 不完整（可能复制时中断），无法恢复", name))
    return into


def extract(body: Path, folder: Path) -> dict:
    """Unpack a checked body into `folder`; returns the manifest."""
    try:
        with zipfile.ZipFile(body) as archive:
            names = archive.namelist()
            if DB_MEMBER not in names or MANIFEST_MEMBER not in names or KEYS_MEMBER not in names:
                raise BackupUnreadable(msg("备份文件内容不全：缺少数据库或密钥"))
            for member in names:
                if member.startswith("/") or ".." in Path(member).parts:
                    raise BackupUnreadable(msg("备份文件中的路径不安全：{0}", member))
            archive.extractall(folder)
            return json.loads(archive.read(MANIFEST_MEMBER).decode("utf-8"))
    except zipfile.BadZipFile as exc:
        raise BackupUnreadable(msg("备份文件内容已损坏：{0}", exc)) from exc
