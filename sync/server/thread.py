"""A township server running on a thread of this process: the desktop's embedded server, and the tests'."""

from __future__ import annotations

import threading
import time

import uvicorn

from .app import create_app
from .state import Server


class ServerThread:
    def __init__(self, server: Server, host: str = "127.0.0.1", port: int = 0, start_timeout: float = 20):
        self.server = server
        # proxy_headers off: uvicorn would believe X-Forwarded-For from any local process (peers.py decides).
        config = uvicorn.Config(
            create_app(server), host=host, port=port, log_level="warning", lifespan="off", proxy_headers=False
        )
        self.uvicorn = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.uvicorn.run, name="fengqiao-township-server", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + start_timeout
        while not self.uvicorn.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not self.running:
            raise OSError(f"the township server did not start on {host}:{port}")
        self.port = self.uvicorn.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self.uvicorn.started and self.thread.is_alive()

    def stop(self) -> None:
        self.uvicorn.should_exit = True
        self.thread.join(10)
        self.server.db.close()
