"""A byte-counting TCP proxy on 127.0.0.1, in a process of its own, put in front of a sync server so that two
sync systems are counted the same way: every byte each way as it crosses the socket (HTTP headers, bodies,
compressed as sent) and the round trips.

A round trip is one request and its answer: on each connection, every time the client speaks after the
server has (or first) is one more. Connections are counted apart. The proxy runs in its own process so its
CPU is charged to neither the laptop nor the server measured, and adds the same hop to both.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sync.servers import free_port  # noqa: E402

SENT, RECEIVED, ROUND_TRIPS, CONNECTIONS = range(4)
CHUNK = 65536


def _serve(listen: int, target: int, counts, ready) -> None:
    async def pipe(reader, writer, index: int, turn: list[int]) -> None:
        try:
            while chunk := await reader.read(CHUNK):
                with counts.get_lock():
                    counts[index] += len(chunk)
                    # The client speaking again after an answer (or first) starts a new round trip.
                    if index == SENT and turn[0] != SENT:
                        counts[ROUND_TRIPS] += 1
                turn[0] = index
                writer.write(chunk)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def client(reader, writer) -> None:
        with counts.get_lock():
            counts[CONNECTIONS] += 1
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            writer.close()
            return
        turn = [RECEIVED]
        await asyncio.gather(pipe(reader, up_writer, SENT, turn), pipe(up_reader, writer, RECEIVED, turn))

    async def main() -> None:
        server = await asyncio.start_server(client, "127.0.0.1", listen)
        ready.set()
        async with server:
            await server.serve_forever()

    asyncio.run(main())


class CountingProxy:
    """`address` is where clients connect instead of the server; `take()` returns (round trips, bytes sent,
    bytes received, connections) since the last take and starts counting afresh."""

    def __init__(self, target_port: int):
        self.port = free_port()
        self.address = f"http://127.0.0.1:{self.port}"
        context = multiprocessing.get_context("spawn")
        self._counts = context.Array("q", 4)
        ready = context.Event()
        self._process = context.Process(
            target=_serve, args=(self.port, target_port, self._counts, ready), daemon=True
        )
        self._process.start()
        if not ready.wait(30):
            self.stop()
            raise RuntimeError("the counting proxy did not start")

    def take(self) -> dict[str, int]:
        with self._counts.get_lock():
            sent, received, trips, connections = self._counts[:]
            self._counts[:] = [0, 0, 0, 0]
        return {"round_trips": trips, "sent": sent, "received": received, "connections": connections}

    def stop(self) -> None:
        self._process.terminate()
        self._process.join(10)
