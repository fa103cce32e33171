"""Offline bundles: a push or its reply as one file, gzip-compressed and sealed with AES-256-GCM under the key
the server gave the device at registration. Only that device and the township can read it, and a changed byte
fails the tag, so the seal is both the encryption and the signature."""

from __future__ import annotations

import gzip
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"FQB1"
SUFFIX = ".fqb"  # the installer associates it with the desktop app
ID_BYTES = 36
NONCE_BYTES = 12


class BundleError(Exception):
    """Not a bundle, damaged, or sealed for another device."""


def seal(device_id: str, key: bytes, purpose: str, payload: bytes) -> bytes:
    header = MAGIC + device_id.encode().ljust(ID_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, gzip.compress(payload), header + purpose.encode())
    return header + nonce + body


def device_of(blob: bytes) -> str:
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + ID_BYTES + NONCE_BYTES:
        raise BundleError("这不是枫桥同步包文件")
    return blob[len(MAGIC) : len(MAGIC) + ID_BYTES].decode().strip()


def unseal(blob: bytes, key: bytes, purpose: str) -> bytes:
    device_of(blob)
    split = len(MAGIC) + ID_BYTES
    header, nonce, body = blob[:split], blob[split : split + NONCE_BYTES], blob[split + NONCE_BYTES :]
    try:
        return gzip.decompress(AESGCM(key).decrypt(nonce, body, header + purpose.encode()))
    except InvalidTag as exc:
        raise BundleError("同步包已损坏，或不是为这台设备/这个乡镇生成的") from exc
