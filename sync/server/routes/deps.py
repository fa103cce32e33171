"""What the routes share, as FastAPI dependencies: the server's state (kept on `app.state`), a reading
database session, the calling device (its identity and scope, from its token), the caller's address (proxy
headers believed only from a trusted proxy) and the admin gate on `/metrics` and the API's docs."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from sync.core.domain.roles import Role

from .. import accounts
from ..peers import client_address, from_this_machine
from ..refusals import place
from ..service import Caller, caller_for
from ..state import Server

# The dependencies that only read the request are coroutines: FastAPI runs a plain function on its thread
# pool, a hop to another thread and back for each, several times per request.


async def server_state(request: Request) -> Server:
    return request.app.state.server


ServerState = Annotated[Server, Depends(server_state)]


def reading_session(server: ServerState) -> Iterator[Session]:
    with server.db.reading() as session:
        yield session


# Closed when the handler returns, before the answer is sent. Only routes that merely read take it: a route
# that writes opens its own writing transaction (and its lock) in the handler, where its extent can be seen.
Reading = Annotated[Session, Depends(reading_session, scope="function")]

# The token a device got at registration, as `Authorization: Bearer …`. A missing or foreign header is
# answered below like a wrong token (401), not with FastAPI's own refusal.
bearer = HTTPBearer(auto_error=False, description="登记时得到的设备令牌")


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    return credentials.credentials if credentials else ""


# The device's token, not yet checked: the sync's routes resolve it with `resolve` in the thread (and, for a
# pull, the reading session) that does their work, instead of a thread hop and a session of its own first.
Token = Annotated[str, Depends(bearer_token)]


def resolve(s: Session, server: Server, token: str) -> Caller:
    """The calling device from its token, or 401 (revoked, unknown, account disabled)."""
    try:
        device, account = accounts.authenticate(s, token, server.clock())
        return caller_for(s, device, account)
    except accounts.AuthError as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


def caller(server: ServerState, token: Token) -> Caller:
    # A session of its own, closed at once: a handler that writes then holds one connection, not two.
    with server.db.reading() as s:
        return resolve(s, server, token)


Authed = Annotated[Caller, Depends(caller)]


def peer_of(request: Request) -> str:
    """The socket's far end (uvicorn's proxy-header rewriting is off where the server is started)."""
    return request.client.host if request.client else ""


def caller_address(request: Request, server: ServerState) -> str:
    """The address the registration throttle counts: the peer, or whom a trusted proxy says it forwards."""
    return client_address(peer_of(request), request.headers, server.trusted_proxies)


CallerAddress = Annotated[str, Depends(caller_address)]

ADMIN_ROLE = Role.ADMIN.value
NOT_ADMIN = "只有本机或乡镇管理员（admin 角色账号的设备令牌）可以查看"


def admin_only(request: Request, server: ServerState) -> None:
    """`/metrics` and the API's docs: to this machine itself, or to a device whose account has the admin
    role (its token as `Authorization: Bearer …`). Anyone else is told 403 and shown nothing. The header is
    read here rather than declared (`bearer`): for this machine no token is needed, and the API's description
    would otherwise say every caller needs one."""
    if from_this_machine(peer_of(request), request.headers):
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(403, NOT_ADMIN)
    try:
        with server.db.reading() as s:
            _device, account = accounts.authenticate(s, token.strip(), server.clock())
    except accounts.AuthError as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None
    if ADMIN_ROLE not in (account.roles or []):
        raise HTTPException(403, NOT_ADMIN)


AdminOnly = Depends(admin_only)


async def one_value_each(request: Request) -> None:
    """Every query parameter of the API takes one value: a repeated one (`?epoch=a&epoch=b`) is refused, not
    read as whichever came last."""
    names = [name for name, _value in request.query_params.multi_items()]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        where = "；".join(f"query/{place(name)}：只能给一次" for name in repeated[:5])
        raise HTTPException(422, "请求格式不对：" + where)
