"""Whether the server is up (its protocol and epoch); its counters for a monitoring system and the API's own
description (OpenAPI, Swagger UI, ReDoc), these last to this machine or an admin's device only."""

from fastapi import APIRouter, Request, Response
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

from sync.core import protocol as p

from ..body import GzipRoute
from .deps import AdminOnly, ServerState
from .links import PULL_IN_EPOCH, links

router = APIRouter(route_class=GzipRoute)

OPENAPI_URL = "/openapi.json"


@router.get("/v1/health", responses=links(pull=PULL_IN_EPOCH))
def health(server: ServerState) -> dict:
    return {
        "status": "ok",
        "protocol": p.PROTOCOL_VERSION,
        "epoch": server.epoch(),
        "server_time": server.clock().isoformat(),
    }


@router.get("/metrics", response_class=PlainTextResponse, dependencies=[AdminOnly])
def metrics(server: ServerState) -> Response:
    lines = [f"fengqiao_{name}_total {value}" for name, value in server.counters.items()]
    return Response("\n".join(lines) + "\n", media_type="text/plain")


# FastAPI's own docs routes take no dependencies, so the application is made without them (`app.py`) and
# they are served here behind the same gate as the counters.
@router.get(OPENAPI_URL, include_in_schema=False, dependencies=[AdminOnly])
def openapi(request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs", include_in_schema=False, dependencies=[AdminOnly])
def swagger(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url=OPENAPI_URL, title=request.app.title + " – API")


@router.get("/redoc", include_in_schema=False, dependencies=[AdminOnly])
def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(openapi_url=OPENAPI_URL, title=request.app.title + " – API")
