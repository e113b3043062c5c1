"""The API's coding workers: processes, so a long text never holds the server (or another request).

Each worker is a process of its own with its own pipeline (spaCy's models are not shared between
threads), run at a lower CPU priority than the server so reads stay quick while it codes. A request
waits for an idle worker; when ``workers + queue`` requests are in already, it is refused at once
(``Busy``, 429). A request that takes longer than ``timeout`` seconds, waiting included, is given up
(``TimedOut``, 504) and its worker, if it was coding, is killed and replaced.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from multiprocessing.connection import Connection
from typing import Any

_CONTEXT = multiprocessing.get_context("spawn")  # no fork of a threaded server


class Busy(Exception):
    """Every worker is coding and the queue is full."""


class TimedOut(Exception):
    """The request ran out of time."""


class _StillLoading(TimedOut):
    """The request ran out of time before its worker had loaded its models: the worker is kept."""


class CodingFailed(Exception):
    """The document could not be coded (its error, as the pipeline gives it)."""


def _serve(conn: Connection) -> None:
    """A worker's loop: (text, published) in, ("ok", coded JSON) or ("error", message) out."""
    try:
        os.nice(19)
    except OSError:
        pass
    from ..pipeline import code
    from ..serialize import document as serialize
    code("Troops arrived on Monday.", id="warm-up")  # load the models before the first request
    conn.send(("ready", None))
    while True:
        try:
            text, published = conn.recv()
        except EOFError:
            return
        try:
            coded = code(text, published=published, id="api")
            conn.send(("error", coded.error) if coded.error else ("ok", serialize(coded)))
        except Exception as exc:  # the pipeline keeps failures per stage; anything else is this request's
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child,), daemon=True, name="eventwire-coder")
        self.process.start()
        child.close()
        self.ready = False

    def call(self, text: str, published: str | None, deadline: float) -> tuple[str, Any]:
        """Send one request and wait for its answer until ``deadline`` (time.monotonic)."""
        while not self.ready:
            if not self.conn.poll(max(0.0, deadline - time.monotonic())):
                raise _StillLoading()
            self.ready = self.conn.recv()[0] == "ready"
        self.conn.send((text, published))
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            raise TimedOut()
        return self.conn.recv()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class CodingPool:
    def __init__(self, workers: int, queue: int, timeout: float):
        self.size, self.queue, self.timeout = max(1, workers), max(0, queue), timeout
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: list[_Worker] = []
        self._in = 0  # requests waiting or coding

    def start(self) -> None:
        """Start the worker processes (they load their models in the background)."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            worker = _Worker()
            self._workers.append(worker)
            self._idle.put_nowait(worker)

    async def code(self, text: str, published: str | None) -> dict[str, Any]:
        """The coded JSON of one text; raises Busy, TimedOut or CodingFailed."""
        if self._idle is None:
            self.start()
        if self._in >= self.size + self.queue:
            raise Busy()
        self._in += 1
        deadline = time.monotonic() + self.timeout
        try:
            try:
                worker = await asyncio.wait_for(self._idle.get(), self.timeout)
            except asyncio.TimeoutError:
                raise TimedOut() from None
            try:
                kind, value = await asyncio.to_thread(worker.call, text, published, deadline)
            except _StillLoading:
                raise TimedOut() from None
            except (TimedOut, EOFError, OSError):  # stop it coding (or it died): replace it, keep the pool whole
                worker = self._replace(worker)
                raise TimedOut() from None
            finally:
                self._idle.put_nowait(worker)
        finally:
            self._in -= 1
        if kind != "ok":
            raise CodingFailed(value)
        return value

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        fresh = _Worker()
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        self._idle = None
