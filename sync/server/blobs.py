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

    def partial(self, sha: str) -> Path:
        return self.folder / sha[:2] / f"{sha}.part"

    def proof(self, sha: str, device_id: str) -> Path:
        """Where a device's second sending of a file the server already holds is kept until it is checked
        (named by a hash of the device's id: the id is the device's own text)."""
        who = hashlib.sha256(device_id.encode()).hexdigest()[:16]
        return self.folder / sha[:2] / f"{sha}.{who}.proof"

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

    def state(self, session: Session, sha: str, size: int | None = None) -> p.BlobState:
        if not SHA256.fullmatch(sha):
            raise BlobError("附件名必须是 64 位十六进制 sha256")
        blob = session.get(Blob, sha)
        if blob is None:
            if size is None:
                return p.BlobState(sha256=sha, size=0, received=0, complete=False)
            if not 0 <= size <= MAX_BYTES:
                raise BlobError(f"附件大小 {size} 超出上限 {MAX_BYTES}")
            blob = Blob(sha256=sha, size=size, received=0, complete=False)
            session.add(blob)
        if not blob.complete and size is not None and size != blob.size:
            # Until a complete upload has matched its hash, a declared size is only a claim: a wrong one (a
            # broken or hostile laptop's) must not block the real file. The partial bytes start over.
            if not 0 <= size <= MAX_BYTES:
                raise BlobError(f"附件大小 {size} 超出上限 {MAX_BYTES}")
            self.partial(sha).unlink(missing_ok=True)
            blob.size, blob.received = size, 0
        if not blob.complete:
            # The file is the truth: a crash after writing but before recording loses nothing.
            part = self.partial(sha)
            blob.received = part.stat().st_size if part.exists() else 0
        return p.BlobState(sha256=sha, size=blob.size, received=blob.received, complete=blob.complete)

    def write(self, session: Session, sha: str, offset: int, chunk: bytes) -> p.BlobState:
        state = self.state(session, sha)
        blob = session.get(Blob, sha)
        if blob is None:
            raise BlobError("先用 size 开始上传这个附件")
        if blob.complete:
            return state
        if offset != state.received:
            raise BlobError(f"偏移 {offset} 不对：服务器已有 {state.received} 字节")
        if offset + len(chunk) > blob.size:
            raise BlobError("数据比声明的大小多")
        part = self.partial(sha)
        part.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "ab") as f:
            f.write(chunk)
            f.flush()
        blob.received = offset + len(chunk)
        if blob.received == blob.size:
            if p.file_sha256(part) != sha:
                part.unlink()
                blob.received = 0
                raise BlobError("收到的文件与 sha256 不符，已丢弃，请重新上传")
            part.replace(self.path(sha))
            blob.complete = True
        return p.BlobState(sha256=sha, size=blob.size, received=blob.received, complete=blob.complete)
