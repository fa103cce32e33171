"""The `Host` a request names must be one the server serves. A web page can point a name of its own at
127.0.0.1 (DNS rebinding) and so reach a laptop's embedded server from a browser; its requests still carry
that name in `Host`, and are refused here before any route runs (421, with a message saying what to set).

The desktop's embedded server answers loopback names only (`localhost`, `127.0.0.1`, `[::1]`, any port); a
standalone server answers the names given with `fengqiao-server serve --allowed-host` (see `cli.py`)."""

from __future__ import annotations

import re

from starlette.responses import JSONResponse

# A Host header as RFC 9110 allows it: a name or IPv4 address, or a bracketed IPv6 address, then an optional
# port. Anything else (a name followed by junk, `[::1]evil`, `localhost:evil`, a tab) names no host at all.
_HOST = re.compile(r"(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_.-]+?))\.?(?::\d{1,5})?")


def host_name(value: str) -> str:
    """`[::1]:8765` → `::1`, `Example.org.:443` → `example.org`; the port is not part of the check. A value
    that is not a well-formed host gives "" (which no server allows)."""
    found = _HOST.fullmatch(value.lower())
    if found is None:
        return ""
    return found.group("v6") or found.group("name")


class CheckHost:
    """ASGI middleware: HTTP requests whose `Host` is not among `allowed` get 421; None allows any."""

    def __init__(self, app, allowed: frozenset[str] | None):
        self.app = app
        # configured names are written plainly (`::1`, `sync.example.org`), not as a Host header writes them
        self.allowed = (
            None if allowed is None else frozenset(n.strip("[]").lower().rstrip(".") for n in allowed)
        )

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.allowed is not None:
            given = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
            if host_name(given) not in self.allowed:
                shown = given[:100] if given.isprintable() else repr(given[:100])
                refusal = JSONResponse(
                    {
                        "detail": f"请求头 Host“{shown}”不是本服务器的地址；"
                        f"可用的地址：{'、'.join(sorted(self.allowed))}"
                        "（服务器管理员可用 fengqiao-server serve --allowed-host 增加）"
                    },
                    status_code=421,
                )
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
