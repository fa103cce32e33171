"""Attachments: a device asks how much of a file the server holds (starting an upload by its size), sends the
rest in chunks at an offset, and fetches a file in ranges. A file is named by its sha256, and a device reads
only files it sent itself or that an attachment in its scope written by their sender names (blob_scope): a
device that names a file it never sent proves it has the bytes by sending them again."""

from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from sync.core import protocol as p

from .. import blob_scope
from ..blobs import MAX_BYTES, BlobError
from ..body import GzipRoute
from ..models import Blob
from ..service import Caller
from ..state import Server
from .deps import Authed, Reading, ServerState
from .links import BLOB_CONTENT, BLOB_STATE, BLOB_UPLOAD, links

MAX_CHUNK = 4 << 20  # bytes of a file one answer carries

Sha = Annotated[p.Sha256, Path()]
Size = Annotated[int | None, Query(ge=0, le=MAX_BYTES)]
Offset = Annotated[int, Query(ge=0, le=MAX_BYTES)]
Length = Annotated[int, Query(ge=1, le=MAX_CHUNK)]

router = APIRouter(route_class=GzipRoute)


@contextmanager
def blob_errors():
    """A chunk at the wrong offset or a file that fails its check: the uploader's problem, said plainly."""
    try:
        yield
    except BlobError as exc:
        raise HTTPException(409, str(exc)) from None


NOT_SEEN = "本设备看不到引用这个附件的记录"
NOT_SENT = "这个附件的文件不是本设备上传的，本设备范围内也没有其上传者的记录引用它；请从本机重新上传这个文件"


def standing(session: Session, who: Caller, sha: str) -> blob_scope.Standing:
    """The device's standing to a file; 404 when no attachment it can see names it."""
    found = blob_scope.standing(session, who.scope, who.device_id, sha)
    if not (found.held or found.named):
        raise HTTPException(404, NOT_SEEN)
    return found


def readable(session: Session, who: Caller, sha: str) -> None:
    if not standing(session, who, sha).readable:
        raise HTTPException(403, NOT_SENT)


def proving(session: Session, found: blob_scope.Standing, sha: str) -> bool:
    """The server holds the file whole, and the device's own attachment names it though it never sent it:
    what it sends is its proof, not the file."""
    blob = session.get(Blob, sha)
    return blob is not None and blob.complete and found.own and not found.held


def elsewhere(session: Session, who: Caller, found: blob_scope.Standing, sha: str) -> bool:
    """The server holds the file whole for another township only, and the device may not read it: to it the
    file is not uploaded yet (neither its size nor its presence is told), and it uploads the whole as for
    any new file."""
    blob = session.get(Blob, sha)
    return (
        blob is not None
        and blob.complete
        and not found.readable
        and not blob_scope.in_township(session, sha, who.scope.township_id)
    )


@router.get("/v1/blobs/{sha}", responses=links(upload=BLOB_UPLOAD, content=BLOB_CONTENT))
def blob_state(sha: Sha, who: Authed, server: ServerState, size: Size = None) -> p.BlobState:
    with blob_errors(), server.db.writing() as s:  # writing: a size starts the upload
        found = standing(s, who, sha)
        if size is None and not found.readable:
            # A download asks how much there is. An attachment naming a file its scope may not read (another
            # device's, naming a file it never sent): nothing here for it, as for a file not uploaded yet, so
            # the laptop that pulled it goes on syncing; the content itself is refused (403).
            return p.BlobState(sha256=sha, size=0, received=0, complete=False)
        if size is not None and elsewhere(s, who, found, sha):
            return server.blobs.state(s, sha, size, who.device_id, unseen=True)
        if size is not None and proving(s, found, sha):
            return server.blobs.proof_state(s, sha, who.device_id)
        return server.blobs.state(s, sha, size, who.device_id)


@router.put("/v1/blobs/{sha}", responses=links(state=BLOB_STATE, upload=BLOB_UPLOAD))
async def blob_put(
    sha: Sha, request: Request, who: Authed, server: ServerState, offset: Offset = 0
) -> p.BlobState:
    chunk = await request.body()  # read before the lock is taken: a slow upload holds up nobody
    # The database and the file on a worker thread, as for the other routes: never on the event loop.
    return await run_in_threadpool(store_chunk, server, who, sha, offset, chunk)


def store_chunk(server: Server, who: Caller, sha: str, offset: int, chunk: bytes) -> p.BlobState:
    with blob_errors(), server.db.writing() as s:
        found = standing(s, who, sha)
        if not (found.readable or found.own):
            raise HTTPException(403, NOT_SENT)
        if elsewhere(s, who, found, sha):
            state = server.blobs.write(s, sha, who.device_id, offset, chunk, unseen=True)
            if state.complete:
                blob_scope.hold(s, sha, who.device_id)  # it sent the whole, checked against the hash
            return state
        if proving(s, found, sha):
            if not server.blobs.write_proof(s, sha, who.device_id, offset, chunk):
                return server.blobs.proof_state(s, sha, who.device_id)
            blob_scope.hold(s, sha, who.device_id)
            return server.blobs.state(s, sha)
        state = server.blobs.write(s, sha, who.device_id, offset, chunk)
        if state.complete:
            blob_scope.hold(s, sha, who.device_id)  # it sent the bytes, checked against the hash
        return state


@router.get("/v1/blobs/{sha}/content")
def blob_get(
    sha: Sha, who: Authed, server: ServerState, session: Reading, offset: Offset = 0, length: Length = 1 << 20
) -> Response:
    with blob_errors():
        readable(session, who, sha)
        state = server.blobs.state(session, sha)
    if not state.complete:
        raise HTTPException(404, "服务器上还没有这个附件的完整文件")
    with open(server.blobs.path(sha), "rb") as f:
        f.seek(offset)
        return Response(f.read(length), media_type="application/octet-stream")
