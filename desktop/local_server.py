"""The embedded township server: when this laptop's sync points at the default local address and nothing answers
there, the app runs a township server itself (SQLite in the user's data folder), so that sync works out of the
box on one machine. A real township server at that address, or another URL in the database, turns it off."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import platformdirs

from desktop.services import syncing


class LocalServer:
    def __init__(self, data_dir: Path, host: str, port: int):
        import uvicorn

        from sync.server.app import create_app, open_server

        data_dir.mkdir(parents=True, exist_ok=True)
        self.server = open_server(f"sqlite:///{data_dir / 'server.db'}", data_dir)
        config = uvicorn.Config(
            create_app(self.server), host=host, port=port, log_level="warning", lifespan="off"
        )
        self.uvicorn = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.uvicorn.run, name="fengqiao-township-server", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.uvicorn.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        self.url = f"http://{host}:{port}"

    @property
    def running(self) -> bool:
        return self.uvicorn.started and self.thread.is_alive()

    def stop(self) -> None:
        self.uvicorn.should_exit = True
        self.thread.join(10)
        self.server.db.close()


def default_data_dir() -> Path:
    """The same folder `fengqiao-server` uses by default, so its admin commands work on this machine."""
    return Path(platformdirs.user_data_dir("fengqiao-server", appauthor=False))


def start_if_needed(server_url: str | None, data_dir: Path | None = None) -> LocalServer | None:
    url = (server_url or syncing.DEFAULT_SERVER).rstrip("/")
    if url != syncing.DEFAULT_SERVER or syncing.reachable(url):
        return None
    address = urlparse(url)
    try:
        local = LocalServer(data_dir or default_data_dir(), address.hostname, address.port)
    except (OSError, ImportError):
        return None
    return local if local.running else None
