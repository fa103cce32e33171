"""Attachments: a device asks how much of a file the server holds (starting an upload by its size), sends the
rest in chunks at an offset, and fetches a file in ranges. A file is named by its sha256, and a device sees
only files that a record in its scope refers to."""

from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from sync.core import protocol as p

from .. import changes
from ..blobs import MAX_BYTES, BlobError
from ..body import GzipRoute
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


def visible(session: Session, who: Caller, sha: str) -> None:
    if not changes.visible_blob(session, who.scope, sha):
        raise HTTPException(404, "本设备看不到引用这个附件的记录")


@router.get("/v1/blobs/{sha}", responses=links(upload=BLOB_UPLOAD, content=BLOB_CONTENT))
def blob_state(sha: Sha, who: Authed, server: ServerState, size: Size = None) -> p.BlobState:
    with blob_errors(), server.db.writing() as s:  # writing: a size starts the upload
        visible(s, who, sha)
        return server.blobs.state(s, sha, size)


@router.put("/v1/blobs/{sha}", responses=links(state=BLOB_STATE, upload=BLOB_UPLOAD))
async def blob_put(
    sha: Sha, request: Request, who: Authed, server: ServerState, offset: Offset = 0
) -> p.BlobState:
    chunk = await request.body()  # read before the lock is taken: a slow upload holds up nobody
    # The database and the file on a worker thread, as for the other routes: never on the event loop.
    return await run_in_threadpool(store_chunk, server, who, sha, offset, chunk)


def store_chunk(server: Server, who: Caller, sha: str, offset: int, chunk: bytes) -> p.BlobState:
    with blob_errors(), server.db.writing() as s:
        visible(s, who, sha)
        return server.blobs.write(s, sha, offset, chunk)


@router.get("/v1/blobs/{sha}/content")
def blob_get(
    sha: Sha, who: Authed, server: ServerState, session: Reading, offset: Offset = 0, length: Length = 1 << 20
) -> Response:
    with blob_errors():
        visible(session, who, sha)
        state = server.blobs.state(session, sha)
    if not state.complete:
        raise HTTPException(404, "服务器上还没有这个附件的完整文件")
    with open(server.blobs.path(sha), "rb") as f:
        f.seek(offset)
        return Response(f.read(length), media_type="application/octet-stream")
