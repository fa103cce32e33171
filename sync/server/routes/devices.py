"""A device registers with an account's password and gets its token; then it says hello (its protocol and
clock) before a sync, on its own or with the sync's first push or pull."""

from fastapi import APIRouter, HTTPException, Request

from sync.core import protocol as p

from .. import accounts
from ..body import GzipRoute
from ..hashing import RETRY_AFTER_SECONDS, Busy
from ..peers import from_this_machine
from ..service import welcome
from .deps import Authed, CallerAddress, ServerState, peer_of
from .links import PULL_IN_EPOCH, links

GENERIC_REFUSAL = "登记失败：账号或密码不对，或账号已停用、已锁定"

router = APIRouter(route_class=GzipRoute)


@router.post("/v1/register")
def register(request: p.Register, http: Request, caller: CallerAddress, server: ServerState) -> p.Registered:
    if server.throttle.blocked(caller):
        raise HTTPException(429, "登记尝试过于频繁，请一分钟后再试")
    if server.first_account_from_loopback and from_this_machine(peer_of(http), http.headers):
        with server.db.writing() as s:
            accounts.bootstrap(s, request)
    try:
        # The password is checked with no lock held: a guesser never holds up anyone's push.
        return accounts.register(
            server.db,
            request,
            server.clock(),
            gate=server.hashing.slot(),
            max_devices=server.max_devices,
        )
    except Busy as exc:
        raise HTTPException(429, str(exc), headers={"Retry-After": str(RETRY_AFTER_SECONDS)}) from None
    except accounts.DeviceLimit as exc:
        raise HTTPException(403, str(exc)) from None
    except accounts.AuthError:
        server.throttle.failed(caller)
        raise HTTPException(401, GENERIC_REFUSAL) from None


@router.post("/v1/hello", responses=links(pull=PULL_IN_EPOCH))
def hello(request: p.Hello, who: Authed, server: ServerState) -> p.Welcome:
    return welcome(server, who, request)
