"""A sync's exchange: push a batch of edits, pull pages of changes, count what the device should hold.

The pull's query parameters are the protocol's own types (`sync.core.protocol`), so a value the handshake's
message would refuse is refused before the handler runs."""

from functools import partial
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response
from pydantic import BaseModel

from sync.core import protocol as p

from .. import changes, pages
from ..body import GzipRoute
from ..db import meta
from ..service import apply_push, read_pull, welcome
from .deps import Authed, Reading, ServerState, Token, resolve
from .links import COUNTS, PULL_FROM_CURSOR, PULL_IN_EPOCH, links

router = APIRouter(route_class=GzipRoute)


def answer_of(model: BaseModel) -> Response:
    """The answer as JSON, written once by the model itself: returned as a `Response`, FastAPI neither
    validates the model again against the route's declared one nor converts it to plain data first (a small
    sync's push and pull spent a tenth of the server's time on that). The same bytes as FastAPI's own."""
    return Response(model.model_dump_json(by_alias=True), media_type="application/json")


@router.post("/v1/push", response_model=p.PushResponse, responses=links(pull=PULL_IN_EPOCH))
def push(request: p.PushRequest, who: Authed, server: ServerState) -> Response:
    if len(request.ops) > p.MAX_OPS_PER_PUSH:
        raise HTTPException(413, f"一次最多推送 {p.MAX_OPS_PER_PUSH} 条修改，这次有 {len(request.ops)} 条")
    # The handshake it carries is answered in the push's own transaction (one commit for both).
    answer = apply_push(server, who, request, greeting=True)
    if answer.welcome is not None and answer.welcome.update_required:
        return answer_of(answer)  # nothing applied
    if request.protocol >= 3:  # the pusher knows its ops: name only what was not plainly applied
        applied, rest = p.compact_results(request.ops, answer.results)
        answer = answer.model_copy(update={"applied": applied, "results": rest})
    return answer_of(answer)


@router.get("/v1/pull", response_model=p.PullPage, responses=links(next_page=PULL_FROM_CURSOR, counts=COUNTS))
def pull(
    token: Token,
    server: ServerState,
    cursor: Annotated[p.Cursor, Query()] = 0,
    epoch: Annotated[p.Epoch | None, Query()] = None,
    limit: Annotated[p.PageSize, Query()] = 500,
    table: Annotated[p.TableName | None, Query()] = None,
    protocol: Annotated[p.ProtocolNumber, Query()] = 1,
    device_time: Annotated[p.DeviceTime | None, Query()] = None,
    schema_version: Annotated[p.SchemaVersion, Query()] = "",
    counts: Annotated[bool, Query()] = True,  # false: the last page does not count the scope (no check due)
) -> Response:
    greeting = None
    # The caller is found in the pull's own reading session, in this thread: no session and no thread hop
    # of its own (a pull with the handshake needs it first, for the handshake's writing transaction).
    who = partial(resolve, server=server, token=token)
    if device_time is not None:  # the handshake rides on the first page (protocol 2)
        with server.db.reading() as s:
            who = resolve(s, server, token)
        hello = p.Hello(protocol=protocol, schema_version=schema_version, device_time=device_time)
        greeting = welcome(server, who, hello)
        if greeting.update_required:
            return answer_of(p.PullPage(epoch=greeting.epoch, cursor=cursor, welcome=greeting))
    page = read_pull(server, who, cursor, epoch, limit, table, protocol, with_counts=counts)
    page = page.model_copy(update={"welcome": greeting})
    return Response(pages.body(page, server.max_page_bytes), media_type="application/json")


@router.get("/v1/counts", responses=links(pull_to_count=PULL_FROM_CURSOR))
def counts(who: Authed, session: Reading) -> p.Counts:
    return changes.counts(session, who.scope, meta(session, "epoch").value)
