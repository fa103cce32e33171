"""The township server's HTTP API (FastAPI). Bodies may come gzip-compressed; answers are compressed too.

No `from __future__ import annotations` here: FastAPI reads the annotations of the route functions at run time.
"""

import threading
import time
import zlib
from collections import defaultdict, deque
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi import Path as FastApiPath
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel

from sync.core import protocol as p

from . import accounts, authority, changes
from .authority import Identity
from .blobs import MAX_BYTES, BlobError, BlobStore
from .db import ServerDatabase, meta
from .models import Account, Device
from .scope import DeviceScope

PAGE_LIMIT = p.MAX_PULL_PAGE
LOOPBACK = {"127.0.0.1", "::1"}
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto")
MAX_BODY = 8 * 1024 * 1024  # bytes on the wire, compressed or not
MAX_INFLATED = 32 * 1024 * 1024  # bytes after decompression
FAILURES_PER_ADDRESS = 10  # failed registrations from one address in a minute, then 429 for the rest of it
GENERIC_REFUSAL = "登记失败：账号或密码不对，或账号已停用、已锁定"


class Refusal(BaseModel):
    detail: str  # what was wrong, in words a person can act on


REFUSALS = {
    code: {"model": Refusal, "description": text}
    for code, text in (
        (400, "不是有效的请求体"), (401, "设备未登记、已停用，或账号密码不对"), (404, "没有，或本设备看不到"),
        (409, "附件上传的偏移或内容不对"), (413, "请求体或修改条数超过上限"), (422, "请求格式不对"),
        (429, "登记尝试过于频繁"),
    )
}  # fmt: skip


def too_large(reason: str) -> HTTPException:
    # An HTTPException, because FastAPI turns anything else raised while reading a body into a plain 400.
    return HTTPException(413, reason)


class GzipRequest(Request):
    """A request body read with a cap, and inflated with a cap when it comes gzip-compressed."""

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            declared = self.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BODY:
                raise too_large(f"请求体 {int(declared)} 字节，超过上限 {MAX_BODY}")
            chunks, size = [], 0
            async for chunk in self.stream():
                size += len(chunk)
                if size > MAX_BODY:
                    raise too_large(f"请求体超过上限 {MAX_BODY} 字节")
                chunks.append(chunk)
            body = b"".join(chunks)
            if "gzip" in self.headers.getlist("Content-Encoding"):
                body = inflate(body)
            self._body = body
        return self._body


def inflate(body: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(body, MAX_INFLATED)
    except zlib.error:
        raise HTTPException(400, "请求体不是有效的 gzip 数据") from None
    if inflater.unconsumed_tail:
        raise too_large(f"解压后超过上限 {MAX_INFLATED} 字节")
    return out


class Throttle:
    """Failed registrations per address in a sliding minute: a guesser is slowed, nobody else is held up."""

    def __init__(self, limit: int = FAILURES_PER_ADDRESS, window: float = 60.0):
        self.limit, self.window = limit, window
        self.failures: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()

    def blocked(self, address: str) -> bool:
        with self.lock:
            recent = self.failures[address]
            while recent and recent[0] < time.monotonic() - self.window:
                recent.popleft()
            return len(recent) >= self.limit

    def failed(self, address: str) -> None:
        with self.lock:
            self.failures[address].append(time.monotonic())


class GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def gzip_handler(request: Request) -> Response:
            return await handler(GzipRequest(request.scope, request.receive))

        return gzip_handler


@dataclass
class Server:
    """Everything a request needs, built once by the composition root (the command line or a test).

    first_account_from_loopback: a server with no accounts takes its first registration from its own machine
    (the desktop's embedded server); a standalone server waits for `fengqiao-server account add`."""

    db: ServerDatabase
    blobs: BlobStore
    clock: Callable[[], datetime] = datetime.now
    counters: dict = field(default_factory=lambda: {"push_ops": 0, "pull_changes": 0, "requests": 0})
    first_account_from_loopback: bool = False
    throttle: Throttle = field(default_factory=Throttle)

    def epoch(self) -> str:
        with self.db.reading() as s:
            return meta(s, "epoch").value


@dataclass
class Caller:
    device_id: str
    identity: Identity
    scope: DeviceScope

    @property
    def username(self) -> str:
        return self.identity.username


def caller_for(session, device: Device, account: Account) -> Caller:
    identity = authority.identity_of(session, account)
    scope = DeviceScope(account.scope_kind, frozenset(account.scope_ids), identity.org_id)
    return Caller(device.id, identity, scope)


def create_app(server: Server) -> FastAPI:
    app = FastAPI(title="枫桥 Fengqiao township server", version=str(p.PROTOCOL_VERSION), responses=REFUSALS)
    app.router.route_class = GzipRoute
    app.add_middleware(GZipMiddleware, minimum_size=1024)

    @app.exception_handler(RequestValidationError)
    def malformed(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # A lone surrogate in the request must not come back in the answer: report where, not what.
        where = [
            "/".join(map(str, e.get("loc", ()))) + "：" + str(e.get("msg", "")) for e in exc.errors()[:5]
        ]
        return JSONResponse({"detail": "请求格式不对：" + "；".join(where)}, status_code=422)

    def caller(authorization: Annotated[str, Header()] = "") -> Caller:
        token = authorization.removeprefix("Bearer ").strip()
        try:
            with server.db.reading() as s:
                device, account = accounts.authenticate(s, token, server.clock())
                return caller_for(s, device, account)
        except accounts.AuthError as exc:
            raise HTTPException(401, str(exc)) from None

    Authed = Annotated[Caller, Depends(caller)]

    @app.get("/v1/health")
    def health() -> dict:
        return {"status": "ok", "protocol": p.PROTOCOL_VERSION, "epoch": server.epoch(),
                "server_time": server.clock().isoformat()}  # fmt: skip

    @app.get("/metrics", response_class=PlainTextResponse)
    def metrics() -> Response:
        lines = [f"fengqiao_{name}_total {value}" for name, value in server.counters.items()]
        return Response("\n".join(lines) + "\n", media_type="text/plain")

    @app.post("/v1/register")
    def register(request: p.Register, http: Request) -> p.Registered:
        address = http.client.host if http.client else ""
        if server.throttle.blocked(address):
            raise HTTPException(429, "登记尝试过于频繁，请一分钟后再试")
        if (
            server.first_account_from_loopback
            and address in LOOPBACK
            and not any(h in http.headers for h in PROXY_HEADERS)
        ):
            with server.db.writing() as s:
                accounts.bootstrap(s, request)
        try:
            # The password is checked with no lock held: a guesser never holds up anyone's push.
            return accounts.register(server.db, request, server.clock())
        except accounts.AuthError:
            server.throttle.failed(address)
            raise HTTPException(401, GENERIC_REFUSAL) from None

    @app.post("/v1/hello")
    def hello(request: p.Hello, who: Authed) -> p.Welcome:
        return welcome(server, who, request)

    @app.post("/v1/push")
    def push(request: p.PushRequest, who: Authed) -> p.PushResponse:
        if len(request.ops) > p.MAX_OPS_PER_PUSH:
            raise HTTPException(
                413, f"一次最多推送 {p.MAX_OPS_PER_PUSH} 条修改，这次有 {len(request.ops)} 条"
            )
        greeting = welcome(server, who, request.hello) if request.hello else None
        if greeting is not None and greeting.update_required:
            return p.PushResponse(epoch=greeting.epoch, welcome=greeting)  # nothing applied
        answer = apply_push(server, who, request)
        if request.protocol >= 3:  # the pusher knows its ops: name only what was not plainly applied
            applied, rest = p.compact_results(request.ops, answer.results)
            answer = answer.model_copy(update={"applied": applied, "results": rest})
        return answer.model_copy(update={"welcome": greeting})

    @app.get("/v1/pull")
    def pull(who: Authed, cursor: Annotated[int, Query(ge=0, le=p.SEQ_MAX)] = 0,
             epoch: Annotated[str | None, Query(max_length=40)] = None,
             limit: Annotated[int, Query(ge=1, le=PAGE_LIMIT)] = 500,
             table: Annotated[str | None, Query(max_length=40)] = None,
             protocol: Annotated[int, Query(ge=1, le=10_000)] = 1,
             device_time: Annotated[datetime | None, Query()] = None,
             schema_version: Annotated[str, Query(max_length=20)] = "") -> p.PullPage:  # fmt: skip
        greeting = None
        if device_time is not None:  # the handshake rides on the first page (protocol 2)
            greeting = welcome(server, who, p.Hello(protocol=protocol, schema_version=schema_version,
                                                    device_time=device_time))  # fmt: skip
            if greeting.update_required:
                return p.PullPage(epoch=greeting.epoch, cursor=cursor, welcome=greeting)
        page = read_pull(server, who, cursor, epoch, limit, table, protocol)
        return page.model_copy(update={"welcome": greeting})

    @app.get("/v1/counts")
    def counts(who: Authed) -> p.Counts:
        with server.db.reading() as s:
            return changes.counts(s, who.scope, meta(s, "epoch").value)

    Sha = Annotated[str, FastApiPath(pattern="^[0-9a-f]{64}$")]
    Offset = Annotated[int, Query(ge=0, le=MAX_BYTES)]

    def visible(s, who: Caller, sha: str) -> None:
        if not changes.visible_blob(s, who.scope, sha):
            raise HTTPException(404, "本设备看不到引用这个附件的记录")

    @app.get("/v1/blobs/{sha}")
    def blob_state(
        sha: Sha, who: Authed, size: Annotated[int | None, Query(ge=0, le=MAX_BYTES)] = None
    ) -> p.BlobState:
        with blob_errors(), server.db.writing() as s:
            visible(s, who, sha)
            return server.blobs.state(s, sha, size)

    @app.put("/v1/blobs/{sha}")
    async def blob_put(sha: Sha, request: Request, who: Authed, offset: Offset = 0) -> p.BlobState:
        chunk = await request.body()
        with blob_errors(), server.db.writing() as s:
            visible(s, who, sha)
            return server.blobs.write(s, sha, offset, chunk)

    @app.get("/v1/blobs/{sha}/content")
    def blob_get(sha: Sha, who: Authed, offset: Offset = 0,
                 length: Annotated[int, Query(ge=1, le=4 << 20)] = 1 << 20) -> Response:  # fmt: skip
        with blob_errors(), server.db.reading() as s:
            visible(s, who, sha)
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


def welcome(server: Server, who: Caller, hello: p.Hello) -> p.Welcome:
    """The handshake's answer, on its own (`/v1/hello`) or with a sync's first push or pull (protocol 2)."""
    now = server.clock()
    offset = (now - hello.device_time.replace(tzinfo=None)).total_seconds()
    with server.db.writing() as s:
        device = s.get(Device, who.device_id)
        device.last_seen, device.clock_offset_seconds = now, offset
        account = accounts.info(s.get(accounts.Account, device.account_id))
        epoch = meta(s, "epoch").value
    too_old = hello.protocol < p.OLDEST_CLIENT_PROTOCOL
    return p.Welcome(
        update_required=too_old, message="客户端版本过旧，请安装新版后再同步" if too_old else "",
        epoch=epoch, server_time=now, clock_offset_seconds=offset, account=account,
    )  # fmt: skip


def apply_push(server: Server, who: Caller, request: p.PushRequest) -> p.PushResponse:
    try:
        return _apply_push(server, who, request, savepoints=False)
    except changes.RefusedAfterWriting:  # rolled back whole: again, with each op in a savepoint
        return _apply_push(server, who, request, savepoints=True)


def _apply_push(server: Server, who: Caller, request: p.PushRequest, *, savepoints: bool) -> p.PushResponse:
    with server.db.writing() as s:
        epoch = meta(s, "epoch").value
        if request.epoch and request.epoch != epoch:
            return p.PushResponse(epoch=epoch, reset=True)
        pusher = changes.Pusher(
            s, who.device_id, who.identity, who.scope, server.clock(), savepoints=savepoints
        )
        results = pusher.push(request.ops)
    server.counters["push_ops"] += len(request.ops)
    return p.PushResponse(epoch=epoch, results=results)


def read_pull(server: Server, who: Caller, cursor: int, epoch: str | None, limit: int, table: str | None,
              protocol: int = 1):  # fmt: skip
    with server.db.reading() as s:
        current = meta(s, "epoch").value
        if epoch and epoch != current:
            return p.PullPage(epoch=current, reset=True, cursor=0)
        page = changes.pull(
            s, who.scope, current, cursor, limit, table, device_id=who.device_id, protocol=protocol
        )
    server.counters["pull_changes"] += len(page.changes)
    return page


def open_server(
    database_url: str, data_dir: Path, clock: Callable[[], datetime] = datetime.now, *,
    first_account_from_loopback: bool = False,
) -> Server:  # fmt: skip
    return Server(ServerDatabase(database_url), BlobStore(Path(data_dir) / "blobs"), clock,
                  first_account_from_loopback=first_account_from_loopback)  # fmt: skip
