"""Offline bundles: a push or its reply as one file, gzip-compressed and sealed with AES-256-GCM under the key
the server gave the device at registration. Only that device and the township can read it, and a changed byte
fails the tag, so the seal is both the encryption and the signature.

A bundle is bounded like a request (sync.server.body): its file by MAX_SEALED bytes, read no further, and its
content by MAX_INFLATED bytes, inflated a piece at a time and refused at the cap, so a file that would inflate
to gigabytes never is."""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"FQB1"
SUFFIX = ".fqb"  # the installer associates it with the desktop app
ID_BYTES = 36
NONCE_BYTES = 12
# The same caps as a request's body (sync.server.body.MAX_BODY, MAX_INFLATED; a test pins them equal).
MAX_SEALED = 8 * 1024 * 1024  # bytes of the file
MAX_INFLATED = 32 * 1024 * 1024  # bytes of its content, inflated
_PIECE = 1 << 20  # bytes inflated at a time


class BundleError(Exception):
    """Not a bundle, damaged, sealed for another device, or larger than a bundle may be."""


def seal(device_id: str, key: bytes, purpose: str, payload: bytes) -> bytes:
    # Refused here rather than written: a bundle past the caps could never be read at the other end.
    if len(payload) > MAX_INFLATED:
        raise BundleError(f"同步包内容 {len(payload)} 字节，超过上限 {MAX_INFLATED} 字节；请联网同步")
    header = MAGIC + device_id.encode().ljust(ID_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, gzip.compress(payload), header + purpose.encode())
    if len(header) + NONCE_BYTES + len(body) > MAX_SEALED:
        raise BundleError(f"同步包超过上限 {MAX_SEALED} 字节；请联网同步")
    return header + nonce + body


def read(path: Path | str) -> bytes:
    """A bundle file's bytes, its size checked before it is read (and never more than the cap read)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_SEALED:
        raise BundleError(f"同步包文件 {size} 字节，超过上限 {MAX_SEALED} 字节")
    with open(path, "rb") as f:
        blob = f.read(MAX_SEALED + 1)
    if len(blob) > MAX_SEALED:  # grew while being read
        raise BundleError(f"同步包文件超过上限 {MAX_SEALED} 字节")
    return blob


def device_of(blob: bytes) -> str:
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + ID_BYTES + NONCE_BYTES:
        raise BundleError("这不是枫桥同步包文件")
    try:
        return blob[len(MAGIC) : len(MAGIC) + ID_BYTES].decode().strip()
    except UnicodeDecodeError:
        raise BundleError("这不是枫桥同步包文件") from None


def unseal(blob: bytes, key: bytes, purpose: str) -> bytes:
    device_of(blob)
    if len(blob) > MAX_SEALED:
        raise BundleError(f"同步包超过上限 {MAX_SEALED} 字节")
    split = len(MAGIC) + ID_BYTES
    header, nonce, body = blob[:split], blob[split : split + NONCE_BYTES], blob[split + NONCE_BYTES :]
    try:
        compressed = AESGCM(key).decrypt(nonce, body, header + purpose.encode())
    except InvalidTag as exc:
        raise BundleError("同步包已损坏，或不是为这台设备/这个乡镇生成的") from exc
    return inflate(compressed)


def inflate(compressed: bytes) -> bytes:
    """gzip content inflated a piece at a time, refused as soon as it passes MAX_INFLATED."""
    inflater = zlib.decompressobj(wbits=31)
    pieces, size, pending = [], 0, compressed
    try:
        while not inflater.eof:
            # At most one piece past what is kept: the bytes in memory never pass the cap by more.
            piece = inflater.decompress(pending, _PIECE)
            pending = inflater.unconsumed_tail
            if not piece and not pending:
                break  # the input ended before the gzip stream did
            size += len(piece)
            if size > MAX_INFLATED:
                raise BundleError(f"同步包解压后超过上限 {MAX_INFLATED} 字节，已拒绝")
            pieces.append(piece)
    except zlib.error as exc:
        raise BundleError("同步包已损坏（压缩数据无效）") from exc
    if not inflater.eof:
        raise BundleError("同步包已损坏（压缩数据不完整）")
    return b"".join(pieces)
