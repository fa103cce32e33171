"""A sync's exchange: push a batch of edits, pull pages of changes, count what the device should hold.

The pull's query parameters are the protocol's own types (`sync.core.protocol`), so a value the handshake's
message would refuse is refused before the handler runs."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from sync.core import protocol as p

from .. import changes, pages
from ..body import GzipRoute
from ..db import meta
from ..service import apply_push, read_pull, welcome
from .deps import Authed, Reading, ServerState
from .links import COUNTS, PULL_FROM_CURSOR, PULL_IN_EPOCH, links

router = APIRouter(route_class=GzipRoute)


@router.post("/v1/push", responses=links(pull=PULL_IN_EPOCH))
def push(request: p.PushRequest, who: Authed, server: ServerState) -> p.PushResponse:
    if len(request.ops) > p.MAX_OPS_PER_PUSH:
        raise HTTPException(413, f"一次最多推送 {p.MAX_OPS_PER_PUSH} 条修改，这次有 {len(request.ops)} 条")
    # The handshake it carries is answered in the push's own transaction (one commit for both).
    answer = apply_push(server, who, request, greeting=True)
    if answer.welcome is not None and answer.welcome.update_required:
        return answer  # nothing applied
    if request.protocol >= 3:  # the pusher knows its ops: name only what was not plainly applied
        applied, rest = p.compact_results(request.ops, answer.results)
        answer = answer.model_copy(update={"applied": applied, "results": rest})
    return answer


@router.get("/v1/pull", responses=links(next_page=PULL_FROM_CURSOR, counts=COUNTS))
def pull(
    who: Authed,
    server: ServerState,
    cursor: Annotated[p.Cursor, Query()] = 0,
    epoch: Annotated[p.Epoch | None, Query()] = None,
    limit: Annotated[p.PageSize, Query()] = 500,
    table: Annotated[p.TableName | None, Query()] = None,
    protocol: Annotated[p.ProtocolNumber, Query()] = 1,
    device_time: Annotated[p.DeviceTime | None, Query()] = None,
    schema_version: Annotated[p.SchemaVersion, Query()] = "",
    counts: Annotated[bool, Query()] = True,  # false: the last page does not count the scope (no check due)
) -> p.PullPage:
    greeting = None
    if device_time is not None:  # the handshake rides on the first page (protocol 2)
        hello = p.Hello(protocol=protocol, schema_version=schema_version, device_time=device_time)
        greeting = welcome(server, who, hello)
        if greeting.update_required:
            return p.PullPage(epoch=greeting.epoch, cursor=cursor, welcome=greeting)
    page = read_pull(server, who, cursor, epoch, limit, table, protocol, with_counts=counts)
    page = pages.fit(page, server.max_page_bytes)
    return page.model_copy(update={"welcome": greeting})


@router.get("/v1/counts", responses=links(pull_to_count=PULL_FROM_CURSOR))
def counts(who: Authed, session: Reading) -> p.Counts:
    return changes.counts(session, who.scope, meta(session, "epoch").value)
