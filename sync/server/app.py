"""The township server's HTTP API (FastAPI). Bodies may come gzip-compressed; answers are compressed too.

No `from __future__ import annotations` here: FastAPI reads the annotations of the route functions at run time.
"""

import gzip
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute

from sync import protocol as p

from . import accounts, changes
from .blobs import BlobError, BlobStore
from .db import ServerDatabase, meta
from .models import Device
from .scope import DeviceScope

PAGE_LIMIT = 2000
LOOPBACK = {"127.0.0.1", "::1"}


class GzipRequest(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            body = await super().body()
            if "gzip" in self.headers.getlist("Content-Encoding"):
                body = gzip.decompress(body)
            self._body = body
        return self._body


class GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def gzip_handler(request: Request) -> Response:
            return await handler(GzipRequest(request.scope, request.receive))

        return gzip_handler


@dataclass
class Server:
    """Everything a request needs, built once by the composition root (the command line or a test)."""

    db: ServerDatabase
    blobs: BlobStore
    clock: Callable[[], datetime] = datetime.now
    counters: dict = field(default_factory=lambda: {"push_ops": 0, "pull_changes": 0, "requests": 0})

    def epoch(self) -> str:
        with self.db.reading() as s:
            return meta(s, "epoch").value


@dataclass
class Caller:
    device_id: str
    username: str
    scope: DeviceScope


def create_app(server: Server) -> FastAPI:
    app = FastAPI(title="枫桥 Fengqiao township server", version=str(p.PROTOCOL_VERSION))
    app.router.route_class = GzipRoute
    app.add_middleware(GZipMiddleware, minimum_size=1024)

    def caller(authorization: Annotated[str, Header()] = "") -> Caller:
        token = authorization.removeprefix("Bearer ").strip()
        try:
            with server.db.reading() as s:
                device, account = accounts.authenticate(s, token, server.clock())
                return Caller(device.id, account.username, accounts.scope_of(account))
        except accounts.AuthError as exc:
            raise HTTPException(401, str(exc)) from None

    Authed = Annotated[Caller, Depends(caller)]

    @app.get("/v1/health")
    def health() -> dict:
        return {"status": "ok", "protocol": p.PROTOCOL_VERSION, "epoch": server.epoch(),
                "server_time": server.clock().isoformat()}  # fmt: skip

    @app.get("/metrics")
    def metrics() -> Response:
        lines = [f"fengqiao_{name}_total {value}" for name, value in server.counters.items()]
        return Response("\n".join(lines) + "\n", media_type="text/plain")

    @app.post("/v1/register")
    def register(request: p.Register, http: Request) -> p.Registered:
        error = None
        with server.db.writing() as s:
            try:
                if http.client and http.client.host in LOOPBACK:
                    accounts.bootstrap(s, request)
                return accounts.register(s, request, server.clock())
            except accounts.AuthError as exc:
                error = exc  # leave the block normally: the failure count must be committed
        raise HTTPException(401, str(error))

    @app.post("/v1/hello")
    def hello(request: p.Hello, who: Authed) -> p.Welcome:
        now = server.clock()
        offset = (now - request.device_time.replace(tzinfo=None)).total_seconds()
        with server.db.writing() as s:
            device = s.get(Device, who.device_id)
            device.last_seen, device.clock_offset_seconds = now, offset
            account = accounts.info(s.get(accounts.Account, device.account_id))
            epoch = meta(s, "epoch").value
        too_old = request.protocol < p.OLDEST_CLIENT_PROTOCOL
        return p.Welcome(
            update_required=too_old, message="客户端版本过旧，请安装新版后再同步" if too_old else "",
            epoch=epoch, server_time=now, clock_offset_seconds=offset, account=account,
        )  # fmt: skip

    @app.post("/v1/push")
    def push(request: p.PushRequest, who: Authed) -> p.PushResponse:
        return apply_push(server, who, request)

    @app.get("/v1/pull")
    def pull(who: Authed, cursor: int = 0, epoch: str | None = None,
             limit: Annotated[int, Query(ge=1, le=PAGE_LIMIT)] = 500, table: str | None = None) -> p.PullPage:  # fmt: skip
        return read_pull(server, who, cursor, epoch, limit, table)

    @app.get("/v1/counts")
    def counts(who: Authed) -> p.Counts:
        with server.db.reading() as s:
            return changes.counts(s, who.scope, meta(s, "epoch").value)

    @app.get("/v1/blobs/{sha}")
    def blob_state(sha: str, who: Authed, size: int | None = None) -> p.BlobState:
        with blob_errors(), server.db.writing() as s:
            return server.blobs.state(s, sha, size)

    @app.put("/v1/blobs/{sha}")
    async def blob_put(sha: str, request: Request, who: Authed, offset: int = 0) -> p.BlobState:
        chunk = await request.body()
        with blob_errors(), server.db.writing() as s:
            return server.blobs.write(s, sha, offset, chunk)

    @app.get("/v1/blobs/{sha}/content")
    def blob_get(sha: str, who: Authed, offset: int = 0, length: int = 1 << 20) -> Response:
        with blob_errors(), server.db.reading() as s:
            state = server.blobs.state(s, sha)
        if not state.complete:
            raise HTTPException(404, "服务器上还没有这个附件的完整文件")
        with open(server.blobs.path(sha), "rb") as f:
            f.seek(offset)
            return Response(f.read(length), media_type="application/octet-stream")

    return app


@contextmanager
def blob_errors():
    """A chunk at the wrong offset or a file that fails its check: the uploader's problem, said plainly."""
    try:
        yield
    except BlobError as exc:
        raise HTTPException(409, str(exc)) from None


def apply_push(server: Server, who: Caller, request: p.PushRequest) -> p.PushResponse:
    with server.db.writing() as s:
        epoch = meta(s, "epoch").value
        if request.epoch and request.epoch != epoch:
            return p.PushResponse(epoch=epoch, reset=True)
        results = changes.Pusher(s, who.device_id, who.username, who.scope, server.clock()).push(request.ops)
    server.counters["push_ops"] += len(request.ops)
    return p.PushResponse(epoch=epoch, results=results)


def read_pull(server: Server, who: Caller, cursor: int, epoch: str | None, limit: int, table: str | None):
    with server.db.reading() as s:
        current = meta(s, "epoch").value
        if epoch and epoch != current:
            return p.PullPage(epoch=current, reset=True, cursor=0)
        page = changes.pull(s, who.scope, current, cursor, limit, table)
    server.counters["pull_changes"] += len(page.changes)
    return page


def open_server(database_url: str, data_dir: Path, clock: Callable[[], datetime] = datetime.now) -> Server:
    return Server(ServerDatabase(database_url), BlobStore(Path(data_dir) / "blobs"), clock)
