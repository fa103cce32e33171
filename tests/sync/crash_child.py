"""A laptop sync run in its own process that stops dead at a chosen point and waits to be killed (-9).

`push`: the server has committed a push batch, the laptop has not recorded the answer.
`pull`: the laptop is inside the transaction applying the second page of a pull.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import requests

from desktop.services import accounts, syncing
from desktop.store.replica import Replica
from sync import client as sync_client


def freeze(marker: Path) -> None:
    marker.write_text("here")
    time.sleep(120)


class FreezeAfterPush(requests.Session):
    def __init__(self, marker: Path):
        super().__init__()
        self.marker = marker

    def request(self, method, url, **kwargs):
        response = super().request(method, url, **kwargs)
        if url.endswith("/v1/push"):
            freeze(self.marker)
        return response


def main(db: str, username: str, password: str, mode: str, marker: str) -> None:
    marker = Path(marker)
    sync_client.PUSH_BATCH = sync_client.PULL_PAGE = 20
    ws = accounts.login(Path(db), username, password)
    session = None
    if mode == "push":
        session = FreezeAfterPush(marker)
    else:
        pages = []
        insert = Replica._insert

        def _mid_page(s, fresh):
            """The second page's new records are written, its transaction not yet committed: killed here."""
            insert(s, fresh)
            if fresh:
                pages.append(1)
                if len(pages) == 2:
                    freeze(marker)

        Replica._insert = staticmethod(_mid_page)

    syncing.sync_now(ws, session=session)


if __name__ == "__main__":
    main(*sys.argv[1:])
