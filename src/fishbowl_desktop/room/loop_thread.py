"""An asyncio loop on a thread of its own, for the room's servers: the phones' web server (`server`) and the
desk's OSC (`osc_server`) live the same life, so it is written once.

`start` returns only once the server listens, and raises its OSError (the port is taken, no permission) in the
caller, where the console can say so; a server that failed to listen leaves no loop behind. `stop` ends the loop
from any thread; the server then closes what it opened, on its own thread, and the loop's default executor
(address lookups, file reads) ends with it, not later. Without Qt: the console hands things over through
`call`, and the servers hand things back through their callbacks (which the caller passes on through a queued
signal).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any

START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0


class LoopThread:
    def __init__(self, name: str) -> None:
        self.name = name
        """The thread's name (seen in a debugger and in the tests' check for threads left running)."""
        self.loop: asyncio.AbstractEventLoop | None = None
        """The running loop, from the moment the thread starts listening until `stop`; None otherwise."""
        self.thread: threading.Thread | None = None

    def start(
        self,
        listen: Callable[[], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        on_thread: Callable[[], None] | None = None,
    ) -> None:
        """Run `listen()` on a new thread's loop, then the loop until `stop`, then `close()`; `on_thread` runs
        first on the new thread (its priority). Raises OSError if `listen` failed."""
        ready: dict[str, BaseException | None] = {"error": None}
        started = threading.Event()

        def run() -> None:
            if on_thread is not None:
                on_thread()
            loop = asyncio.new_event_loop()
            self.loop = loop
            try:
                loop.run_until_complete(listen())
            except BaseException as exc:
                ready["error"] = exc
                started.set()
                loop.close()
                return
            started.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(close())
                loop.run_until_complete(loop.shutdown_default_executor())
                loop.close()

        self.thread = threading.Thread(target=run, name=self.name, daemon=True)
        self.thread.start()
        started.wait(START_TIMEOUT_S)
        if ready["error"] is not None:
            self.thread.join(2)
            self.thread = None
            self.loop = None
            error = ready["error"]
            raise error if isinstance(error, OSError) else OSError(str(error))

    def stop(self) -> None:
        """End the loop and wait for its thread (nothing to do when it does not run)."""
        loop, thread = self.loop, self.thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(STOP_TIMEOUT_S)
        self.loop = self.thread = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def call(self, callback: Callable[..., object], *args: Any) -> bool:
        """`callback(*args)` on the loop's thread, soon, from any thread; False (and nothing done) while no loop
        runs."""
        loop = self.loop
        if loop is None:
            return False
        loop.call_soon_threadsafe(callback, *args)
        return True
