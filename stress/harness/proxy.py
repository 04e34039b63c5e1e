"""A TCP proxy on 127.0.0.1 that can cut every connection through it at once (the dropped-connections
scenario): both sockets of each are reset, as a network fault or a middlebox restart would do. It runs its own
asyncio loop in a thread; cut_all() and cut_randomly() are called from the scenario's thread."""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
import time


class CuttingProxy:
    def __init__(self, upstream: str):
        host, port = upstream.rsplit(":", 1)
        self.upstream = (host, int(port))
        self.address = ""
        self.connections = 0  # accepted so far
        self.cuts: list[tuple[float, int]] = []  # (wall-clock time, connections reset) per cut
        self._open: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="cutting-proxy", daemon=True)
        self._server: asyncio.AbstractServer | None = None

    def start(self) -> "CuttingProxy":
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._accept, "127.0.0.1", 0), self._loop).result(10)
        self.address = "127.0.0.1:%d" % self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        async def close() -> None:
            assert self._server is not None
            self._server.close()
            self._reset_all()
        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def __enter__(self) -> "CuttingProxy":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def cut_all(self) -> int:
        """Resets every open connection now; returns how many."""
        async def cut() -> int:
            return self._reset_all()
        n = asyncio.run_coroutine_threadsafe(cut(), self._loop).result(10)
        self.cuts.append((time.time(), n))
        return n

    def cut_randomly(self, seconds: float, seed: int, min_gap: float, max_gap: float) -> None:
        """Cuts every connection at random intervals (uniform in [min_gap, max_gap], from a seeded RNG) for
        `seconds`; blocks the calling thread meanwhile."""
        rng = random.Random(seed)
        end = time.monotonic() + seconds
        while (gap := rng.uniform(min_gap, max_gap)) < end - time.monotonic():
            time.sleep(gap)  # the fault's schedule, not a wait for something to happen
            self.cut_all()

    def _reset_all(self) -> int:
        n = len(self._open)
        for writer in list(self._open):
            _reset(writer)
        self._open.clear()
        return n // 2  # two writers per connection

    async def _accept(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            _reset(client_writer)
            return
        pair = {client_writer, upstream_writer}
        self._open |= pair
        await asyncio.gather(_pipe(client_reader, upstream_writer), _pipe(upstream_reader, client_writer))
        for writer in pair:
            if writer in self._open:
                self._open.discard(writer)
                writer.close()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        if not writer.is_closing():
            writer.close()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Closes with an RST (linger 0), not a FIN: the peer sees the connection reset, not a clean close."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.transport.abort()
