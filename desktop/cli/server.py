"""`fengqiao server …`: the township server's own command line (`fengqiao-server`), inside the one program
the laptop installs, so a laptop can serve a township with no network (sync.server.cli)."""

from __future__ import annotations


def run_server(argv: list[str]) -> int:
    from sync.server.cli import main as server_main

    return server_main(argv)
