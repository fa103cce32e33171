"""Attachment files at rest: sealed with AES-GCM under a key derived from the database's key.

A file is kept under its plain bytes' sha256 (what sync and the server know it by); on disk it is MAGIC, a
12-byte nonce and the ciphertext, with the hash as associated data so a file cannot be swapped for another's.
Plain files written before this existed are recognised by their bytes hashing to their name, and sealed in
place the first time they are read (or by `seal_folder` at sign-in).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync.core.domain.messages import msg

MAGIC = b"FQA1"
_NONCE = 12


class BlobUnreadable(Exception):
    """The file on disk is neither sealed with this database's key nor the plain bytes of its hash."""


def file_key(data_key: bytes) -> bytes:
    """The attachments' key: derived, so the database key itself never encrypts anything else."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"fengqiao attachments v1").derive(
        data_key
    )


def seal(key: bytes, sha: str, plain: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plain, sha.encode())


def is_plain(sha: str, raw: bytes) -> bool:
    return hashlib.sha256(raw).hexdigest() == sha


def unseal(key: bytes, sha: str, raw: bytes) -> bytes:
    if raw.startswith(MAGIC):
        body = raw[len(MAGIC) :]
        try:
            return AESGCM(key).decrypt(body[:_NONCE], body[_NONCE:], sha.encode())
        except Exception as exc:  # InvalidTag: another key, damaged bytes, or a plain file so begun
            if is_plain(sha, raw):
                return raw
            raise BlobUnreadable(msg("附件 {0} 无法解密（已损坏或属于另一个数据库）", sha[:12])) from exc
    if is_plain(sha, raw):
        return raw  # a file from before encryption (its caller seals it)
    raise BlobUnreadable(msg("附件 {0} 已损坏", sha[:12]))


def write(key: bytes, path: Path, sha: str, plain: bytes) -> None:
    """Seal and store atomically: a reader sees the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".sealing")
    part.write_bytes(seal(key, sha, plain))
    part.replace(path)


def read(key: bytes, path: Path, sha: str) -> bytes:
    """The plain bytes, in memory only. A plain file from before is sealed on this first read."""
    raw = path.read_bytes()
    plain = unseal(key, sha, raw)
    if raw is plain:
        write(key, path, sha, plain)
    return plain


def seal_folder(key: bytes, folder: Path) -> int:
    """The one-time step at sign-in: every plain attachment still on disk is sealed. Returns how many."""
    count = 0
    if not folder.is_dir():
        return 0
    for path in folder.glob("??/*"):
        if not path.is_file() or "." in path.name or len(path.name) != 64:
            continue
        with path.open("rb") as f:
            if f.read(len(MAGIC)) == MAGIC:
                continue  # sealed already: every sign-in after the first reads four bytes a file
        raw = path.read_bytes()
        if is_plain(path.name, raw):  # (a plain file that happens to begin so is sealed on its first read)
            write(key, path, path.name, raw)
            count += 1
    return count
