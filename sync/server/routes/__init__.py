"""The township server's HTTP routes, one module per area: devices (registration and the handshake), exchange
(push, pull, counts), files (attachments), health (health and metrics). What they share is in `deps.py`; the
application that assembles them is `sync.server.app`.

No `from __future__ import annotations` in these modules: FastAPI reads the annotations of the route functions
at run time."""
