"""The embedded township server: when this laptop's sync points at the default local address and nothing
answers there, the app runs a township server itself (SQLite in the user's data folder), so that sync works
out of the box on one machine. A real township server at that address, or another URL in the database, turns
it off."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import platformdirs

from desktop.services import syncing


def run_local_server(data_dir: Path, host: str, port: int):
    from sync.server.app import open_server
    from sync.server.thread import ServerThread

    data_dir.mkdir(parents=True, exist_ok=True)
    server = open_server(f"sqlite:///{data_dir / 'server.db'}", data_dir, first_account_from_loopback=True)
    return ServerThread(server, host, port)


def default_data_dir() -> Path:
    """The same folder `fengqiao-server` uses by default, so its admin commands work on this machine."""
    return Path(platformdirs.user_data_dir("fengqiao-server", appauthor=False))


def start_if_needed(server_url: str | None, data_dir: Path | None = None):
    url = (server_url or syncing.DEFAULT_SERVER).rstrip("/")
    if url != syncing.DEFAULT_SERVER or syncing.reachable(url):
        return None
    address = urlparse(url)
    try:
        return run_local_server(data_dir or default_data_dir(), address.hostname, address.port)
    except (OSError, ImportError):
        return None  # the port is taken, or the server parts are not installed: stay offline
