"""A device registers with an account's password and gets its token; then it says hello (its protocol and
clock) before a sync, on its own or with the sync's first push or pull."""

from fastapi import APIRouter, HTTPException, Request

from sync.core import protocol as p

from .. import accounts
from ..body import GzipRoute
from ..service import welcome
from .deps import Authed, ServerState
from .links import PULL_IN_EPOCH, links

LOOPBACK = {"127.0.0.1", "::1"}
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto")
GENERIC_REFUSAL = "登记失败：账号或密码不对，或账号已停用、已锁定"

router = APIRouter(route_class=GzipRoute)


@router.post("/v1/register")
def register(request: p.Register, http: Request, server: ServerState) -> p.Registered:
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


@router.post("/v1/hello", responses=links(pull=PULL_IN_EPOCH))
def hello(request: p.Hello, who: Authed, server: ServerState) -> p.Welcome:
    return welcome(server, who, request)
