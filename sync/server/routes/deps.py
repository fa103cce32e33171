"""What the routes share, as FastAPI dependencies: the server's state (kept on `app.state`), a reading
database session, and the calling device (its identity and scope, from its token)."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from .. import accounts
from ..refusals import place
from ..service import Caller, caller_for
from ..state import Server


def server_state(request: Request) -> Server:
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


def caller(
    server: ServerState, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Caller:
    token = credentials.credentials if credentials else ""
    try:
        # A session of its own, closed at once: a handler that writes then holds one connection, not two.
        with server.db.reading() as s:
            device, account = accounts.authenticate(s, token, server.clock())
            return caller_for(s, device, account)
    except accounts.AuthError as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


Authed = Annotated[Caller, Depends(caller)]


def one_value_each(request: Request) -> None:
    """Every query parameter of the API takes one value: a repeated one (`?epoch=a&epoch=b`) is refused, not
    read as whichever came last."""
    names = [name for name, _value in request.query_params.multi_items()]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        where = "；".join(f"query/{place(name)}：只能给一次" for name in repeated[:5])
        raise HTTPException(422, "请求格式不对：" + where)
