"""Attachment files on the server, named by sha256, received in chunks at an offset and checked at the end."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sqlalchemy.orm import Session

from sync.core import protocol as p

from .models import Blob

SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_BYTES = 50 * 1024 * 1024


class BlobError(Exception):
    """A chunk at the wrong offset, a file too big, or content that does not match its name."""


class BlobStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, sha: str) -> Path:
        return self.folder / sha[:2] / sha

    @staticmethod
    def _who(device_id: str) -> str:
        """A device's part of a file name: a hash of its id (the id is the device's own text)."""
        return hashlib.sha256(device_id.encode()).hexdigest()[:16]

    def partial(self, sha: str, device_id: str, size: int) -> Path:
        """A device's upload in progress, with the size it declared. Each device has its own: another device
        that only knows the hash can neither restart nor spoil it (review finding), and a wrong size claimed
        by one laptop holds up no other."""
        return self.folder / sha[:2] / f"{sha}.{self._who(device_id)}.{size}.part"

    def _partial_of(self, sha: str, device_id: str) -> tuple[Path, int] | None:
        for part in (self.folder / sha[:2]).glob(f"{sha}.{self._who(device_id)}.*.part"):
            return part, int(part.name.split(".")[2])
        return None

    def proof(self, sha: str, device_id: str) -> Path:
        """Where a device's second sending of a file the server already holds is kept until it is checked
        (named by a hash of the device's id: the id is the device's own text)."""
        return self.folder / sha[:2] / f"{sha}.{self._who(device_id)}.proof"

    def proof_state(self, session: Session, sha: str, device_id: str) -> p.BlobState:
        """How much of its proof a device has sent: the file's size, the bytes received, never complete (a
        complete proof makes the device a holder, and it is then answered as one)."""
        blob = session.get(Blob, sha)
        if blob is None or not blob.complete:
            raise BlobError("服务器还没有这个附件的完整文件")
        part = self.proof(sha, device_id)
        received = part.stat().st_size if part.exists() else 0
        return p.BlobState(sha256=sha, size=blob.size, received=received, complete=False)

    def write_proof(self, session: Session, sha: str, device_id: str, offset: int, chunk: bytes) -> bool:
        """A chunk of a device's proof at its offset; True when the whole has arrived and matches the hash."""
        state = self.proof_state(session, sha, device_id)
        if offset != state.received:
            raise BlobError(f"偏移 {offset} 不对：服务器已有 {state.received} 字节")
        if offset + len(chunk) > state.size:
            raise BlobError("数据比声明的大小多")
        part = self.proof(sha, device_id)
        part.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "ab") as f:
            f.write(chunk)
        if offset + len(chunk) < state.size:
            return False
        matches = p.file_sha256(part) == sha
        part.unlink()
        if not matches:
            raise BlobError("收到的文件与 sha256 不符，已丢弃，请重新上传")
        return True

    def state(
        self,
        session: Session,
        sha: str,
        size: int | None = None,
        device_id: str | None = None,
        unseen: bool = False,
    ) -> p.BlobState:
        """The file's state as `device_id` sees it (its own upload in progress); a size starts that device's
        upload, or starts it over when the size differs from the one it declared before. `unseen`: the server
        holds the file for another township only; to this device it is a file not uploaded yet, which it
        uploads whole like any other (blob_scope.in_township)."""
        if not SHA256.fullmatch(sha):
            raise BlobError("附件名必须是 64 位十六进制 sha256")
        if size is not None and not 0 <= size <= MAX_BYTES:
            raise BlobError(f"附件大小 {size} 超出上限 {MAX_BYTES}")
        blob = None if unseen else session.get(Blob, sha)
        if blob is None and size is not None and (not unseen or session.get(Blob, sha) is None):
            blob = Blob(sha256=sha, size=size, received=0, complete=False)
            session.add(blob)
        if blob is not None and blob.complete:
            return p.BlobState(sha256=sha, size=blob.size, received=blob.size, complete=True)
        mine = self._partial_of(sha, device_id) if device_id else None
        if size is not None and device_id:
            if mine is not None and mine[1] != size:
                # Until a complete upload has matched its hash a size is only a claim: a different one starts
                # this device's upload over (the file is the truth: a crash loses nothing).
                mine[0].unlink(missing_ok=True)
                mine = None
            if mine is None:
                part = self.partial(sha, device_id, size)
                part.parent.mkdir(parents=True, exist_ok=True)
                part.touch()
                mine = (part, size)
        if mine is None:
            return p.BlobState(sha256=sha, size=size or 0, received=0, complete=False)
        part, declared = mine
        return p.BlobState(sha256=sha, size=declared, received=part.stat().st_size, complete=False)

    def write(
        self, session: Session, sha: str, device_id: str, offset: int, chunk: bytes, unseen: bool = False
    ) -> p.BlobState:
        state = self.state(session, sha, device_id=device_id, unseen=unseen)
        if state.complete:
            return state
        mine = self._partial_of(sha, device_id)
        if mine is None:
            raise BlobError("先用 size 开始上传这个附件")
        part, size = mine
        if offset != state.received:
            raise BlobError(f"偏移 {offset} 不对：服务器已有 {state.received} 字节")
        if offset + len(chunk) > size:
            raise BlobError("数据比声明的大小多")
        with open(part, "ab") as f:
            f.write(chunk)
            f.flush()
        received = offset + len(chunk)
        if (blob := session.get(Blob, sha)) is not None and not blob.complete:
            blob.received = received  # shown as progress; each device's own file is the truth
        if received < size:
            return p.BlobState(sha256=sha, size=size, received=received, complete=False)
        if p.file_sha256(part) != sha:
            part.unlink()
            raise BlobError("收到的文件与 sha256 不符，已丢弃，请重新上传")
        part.replace(self.path(sha))
        blob = session.get(Blob, sha) or Blob(sha256=sha)
        blob.size, blob.received, blob.complete = size, size, True
        session.add(blob)
        return p.BlobState(sha256=sha, size=size, received=size, complete=True)
