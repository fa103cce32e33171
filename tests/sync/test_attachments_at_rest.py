"""Attachments sealed at rest on the laptop: not readable on disk, shown from memory, moved by sync under the
plain bytes' hash, and plain files from before sealed once at sign-in."""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from sqlalchemy import select

from desktop.services import accounts, attachments, syncing, visits
from desktop.store import blobs
from desktop.store.models import Attachment
from sync.server.models import Blob
from tests.conftest import PASSWORD
from tests.sync.test_end_to_end import add_household

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png(width: int = 4, height: int = 3) -> bytes:
    """A real PNG (RGB, filter 0 rows), built by hand so the test depends on no image library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_MAGIC + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def shown(ws, sha: str) -> QImage:
    """What the matter view does to show an attachment: the bytes in memory, into an image."""
    return QImage.fromData(attachments.read_bytes(ws, sha))


def test_an_attachment_is_sealed_on_disk_shown_from_memory_and_synced_by_its_plain_hash(
    laptops, tmp_path, qapp
):
    town, a, b, server = laptops.town, laptops.a, laptops.b, laptops.server
    h = add_household(a, town, "0401", "东村401号")
    visit = visits.log_visit(a, visits.VisitInput(h, "走访")).ids[0]
    scan = tmp_path / "协议书扫描.png"
    scan.write_bytes(png())
    plain_sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    attachments.add_attachment(a, "visit", visit, scan)

    on_disk = attachments.stored_path(a, plain_sha).read_bytes()
    assert not on_disk.startswith(PNG_MAGIC) and PNG_MAGIC not in on_disk
    assert QImage.fromData(on_disk).isNull()  # not readable as an image
    assert (shown(a, plain_sha).width(), shown(a, plain_sha).height()) == (4, 3)

    syncing.sync_now(a)
    with server.server.db.reading() as s:
        assert s.scalar(select(Blob.sha256)) == plain_sha  # the server knows the same content hash as before
    assert syncing.sync_now(b).downloaded == 1
    with b.read() as s:
        assert s.scalar(select(Attachment)).present is True
    there = attachments.stored_path(b, plain_sha)
    assert not there.read_bytes().startswith(PNG_MAGIC)
    assert not list(there.parent.glob("*.part"))  # the plain download is gone once sealed
    assert (shown(b, plain_sha).width(), shown(b, plain_sha).height()) == (4, 3)
    # Each laptop seals with its own database's key: a's file is not b's.
    assert there.read_bytes() != attachments.stored_path(a, plain_sha).read_bytes()


def test_a_file_handed_to_another_program_is_removed_when_done(laptops, tmp_path):
    a, town = laptops.a, laptops.town
    visit = visits.log_visit(a, visits.VisitInput(add_household(a, town, "0402", "东村402号"), "走访")).ids[0]
    scan = tmp_path / "照片.png"
    scan.write_bytes(png())
    attachments.add_attachment(a, "visit", visit, scan)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    with attachments.handed_out(a, sha, "照片.png") as temp:
        assert temp.read_bytes().startswith(PNG_MAGIC) and temp.name.endswith("照片.png")
    assert not temp.exists()


def test_plain_files_from_before_are_sealed_at_sign_in(laptops, tmp_path):
    """A laptop's attachments folder from an older version: plain files under their hashes."""
    b = laptops.b
    old = png(7, 5)
    sha = hashlib.sha256(old).hexdigest()
    path = attachments.stored_path(b, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(old)
    db_path = b.db.path
    b.close()

    laptops.b = accounts.login(db_path, "grid1", PASSWORD)
    assert not path.read_bytes().startswith(PNG_MAGIC)
    assert attachments.read_bytes(laptops.b, sha) == old


def test_a_plain_file_is_sealed_on_first_read_and_a_damaged_one_is_refused(tmp_path):
    key = blobs.file_key(b"k" * 32)
    old = png()
    sha = hashlib.sha256(old).hexdigest()
    path = Path(tmp_path) / sha
    path.write_bytes(old)
    assert blobs.read(key, path, sha) == old
    assert path.read_bytes().startswith(blobs.MAGIC)
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 1
    path.write_bytes(bytes(damaged))
    with pytest.raises(blobs.BlobUnreadable, match=sha[:12]):
        blobs.read(key, path, sha)
    assert blobs.seal_folder(key, tmp_path / "absent") == 0
