"""The township server's HTTP API (FastAPI), assembled: the server's state on `app.state`, the routers of
`routes/`, the refusals, compressed answers, the request counter and the `Host` check (`hosts.py`). Bodies
may come gzip-compressed too (`body.py`).

The command line, the desktop's embedded server, the tests and the benches take the server from here:
`open_server` builds its state, `create_app` the application that serves it.
"""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from sync.core import protocol as p

from . import refusals
from .hosts import CheckHost
from .routes import admin, deps, devices, exchange, files, health
from .service import apply_push, caller_for, read_pull
from .state import Counters, Server, Throttle, open_server

__all__ = ["Server", "Throttle", "apply_push", "caller_for", "create_app", "open_server", "read_pull"]


class CountRequests:
    """Counts every HTTP request as it arrives, whatever its answer (ASGI: nothing to buffer)."""

    def __init__(self, app, counters: Counters):
        self.app, self.counters = app, counters

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            self.counters.add("requests")
        await self.app(scope, receive, send)


def create_app(server: Server) -> FastAPI:
    app = FastAPI(
        title="枫桥 Fengqiao township server",
        version=str(p.PROTOCOL_VERSION),
        responses=refusals.REFUSALS,
        dependencies=[Depends(deps.one_value_each)],
        # Served by routes/health.py instead, to this machine or an admin's device only.
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.server = server
    # Level 6, not Starlette's 9: a page of 2,000 matters comes out 1.5 % larger for 40 % of level 9's CPU.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(CountRequests, counters=server.counters)
    app.add_middleware(CheckHost, allowed=server.allowed_hosts)  # outermost: a foreign Host reaches nothing
    refusals.install(app)
    for area in (health, devices, exchange, files, admin):
        app.include_router(area.router)
    return app
