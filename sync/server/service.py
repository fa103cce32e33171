"""What a device asks of the township server, apart from HTTP: the handshake, a push and a pull page.

The routes (`routes/exchange.py`) and the offline bundles of the command line drive the same functions, so a
bundle carried on a USB stick is applied exactly as a push over the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session

from sync.core import protocol as p

from . import accounts, authority, changes, townships
from .authority import Identity
from .db import meta
from .models import Account, Device
from .scope import DeviceScope, confine
from .state import Server


@dataclass
class Caller:
    device_id: str
    identity: Identity
    scope: DeviceScope
    # As found with the token: the handshake names it without asking again.
    account: p.AccountInfo | None = None

    @property
    def username(self) -> str:
        return self.identity.username


# Who asks: the caller, or how to find it in the session that does the work (a route's token check, done in
# the pull's own reading session instead of one of its own).
Who = Caller | Callable[[Session], Caller]


def caller_for(session: Session, device: Device, account: Account) -> Caller:
    confine(session, account.township_id)  # its identity is read from its own township's account record
    identity = authority.identity_of(session, account)
    kind = account.scope_kind
    if kind == "county" and account.township_id is not None:
        kind = "household"  # (no such account is made: were one there, it would read nothing — review)
    scope = DeviceScope(kind, frozenset(account.scope_ids), identity.org_id, township_id=account.township_id)
    return Caller(device.id, identity, scope, accounts.info(account))


def welcome(server: Server, who: Caller, hello: p.Hello) -> p.Welcome:
    """The handshake's answer, on its own (`/v1/hello`) or with a sync's first pull (protocol 2)."""
    with server.db.writing() as s:
        return greet(s, server, who, hello)


def greet(s: Session, server: Server, who: Caller, hello: p.Hello) -> p.Welcome:
    """The handshake in the caller's writing transaction: a push that carries it commits once, not twice
    (each commit of the SQLite server waits for the disk)."""
    now = server.clock()
    offset = (now - hello.device_time.replace(tzinfo=None)).total_seconds()
    # One UPDATE, not a read of the device and the ORM's flush of it (asked on every sync).
    s.execute(
        update(Device)
        .where(Device.id == who.device_id)
        .values(last_seen=now, clock_offset_seconds=offset)
        .execution_options(synchronize_session=False)
    )
    account = who.account
    if account is None:
        device = s.get(Device, who.device_id)
        account = accounts.info(s.get(accounts.Account, device.account_id))
    epoch = meta(s, "epoch").value
    too_old = hello.protocol < p.OLDEST_CLIENT_PROTOCOL
    return p.Welcome(
        update_required=too_old,
        message="客户端版本过旧，请安装新版后再同步" if too_old else "",
        epoch=epoch,
        server_time=now,
        clock_offset_seconds=offset,
        account=account,
        township=townships.info(s, who.scope.township_id),
        # a county laptop names the township each pulled record carries (Change.township)
        townships=[townships.info(s, t.id) for t in townships.all_of(s)]
        if who.scope.kind == "county"
        else [],
    )


def apply_push(
    server: Server, who: Caller, request: p.PushRequest, *, greeting: bool = False
) -> p.PushResponse:
    """A push in one writing transaction; with `greeting`, the handshake it carries (`request.hello`) is
    answered in the same transaction, and a client too old for it has nothing applied."""
    try:
        return _apply_push(server, who, request, savepoints=False, greeting=greeting)
    except changes.RefusedAfterWriting:  # rolled back whole: again, with each op in a savepoint
        return _apply_push(server, who, request, savepoints=True, greeting=greeting)


def _apply_push(
    server: Server, who: Caller, request: p.PushRequest, *, savepoints: bool, greeting: bool
) -> p.PushResponse:
    with server.db.writing() as s:
        hello = greet(s, server, who, request.hello) if greeting and request.hello else None
        if hello is not None and hello.update_required:
            return p.PushResponse(epoch=hello.epoch, welcome=hello)  # nothing applied
        epoch = hello.epoch if hello is not None else meta(s, "epoch").value
        if request.epoch and request.epoch != epoch:
            return p.PushResponse(epoch=epoch, reset=True, welcome=hello)
        pusher = changes.Pusher(
            s, who.device_id, who.identity, who.scope, server.clock(), savepoints=savepoints
        )
        results = pusher.push(request.ops)
    server.counters.add("push_ops", len(request.ops))
    return p.PushResponse(epoch=epoch, results=results, welcome=hello)


def read_pull(
    server: Server,
    who: Who,
    cursor: int,
    epoch: str | None,
    limit: int,
    table: str | None,
    protocol: int = 1,
    with_counts: bool = True,
) -> p.PullPage:
    with server.db.reading() as s:
        if not isinstance(who, Caller):
            who = who(s)
        current = meta(s, "epoch").value
        if epoch and epoch != current:
            return p.PullPage(epoch=current, reset=True, cursor=0)
        page = changes.pull(
            s,
            who.scope,
            current,
            cursor,
            limit,
            table,
            device_id=who.device_id,
            protocol=protocol,
            with_counts=with_counts,
        )
    server.counters.add("pull_changes", len(page.changes))
    return page
