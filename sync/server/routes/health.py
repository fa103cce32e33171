"""Whether the server is up (its protocol and epoch), and its counters for a monitoring system."""

from fastapi import APIRouter, Response
from fastapi.responses import PlainTextResponse

from sync.core import protocol as p

from ..body import GzipRoute
from .deps import ServerState
from .links import PULL_IN_EPOCH, links

router = APIRouter(route_class=GzipRoute)


@router.get("/v1/health", responses=links(pull=PULL_IN_EPOCH))
def health(server: ServerState) -> dict:
    return {
        "status": "ok",
        "protocol": p.PROTOCOL_VERSION,
        "epoch": server.epoch(),
        "server_time": server.clock().isoformat(),
    }


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(server: ServerState) -> Response:
    lines = [f"fengqiao_{name}_total {value}" for name, value in server.counters.items()]
    return Response("\n".join(lines) + "\n", media_type="text/plain")
