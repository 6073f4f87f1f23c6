"""The room's web server: aiohttp on its own asyncio loop in a thread.

Why a thread and not the UI thread: a burst of requests handled on the console's own loop (an asyncio loop on
the UI thread, as it once was) stalled the console for the whole burst, while on a thread the console's longest
stall stays within about one GIL switch interval (`benchmarks/scenario_room.py` measures it; figures in
benchmarks/README.md). The UI thread runs Qt's own event loop and no asyncio at all. The console
and the server meet only in two thread-safe places: `publish()` (Qt thread → server: the public state) and the
`on_intent` callback (server thread → Qt, which the caller must hand over through a queued signal).

Every route needs a valid token; anything else gets the same bare 403, so a stranger learns nothing about
which part was wrong. The timer and audience tokens can never act as control; control also needs the PIN, sent
as the socket's first message (never in a URL, where it would stay in the phone's history).

An open venue Wi-Fi is hostile (issue 22): connections are accepted by `gate.ConnectionGate` within a budget
that leaves the evening's saves their file descriptors, phones' links are budgeted per kind, and requests for
the free chair pass `request_limits` before the console hears of them. A refusal for capacity is a "busy"
(close code 1013), never a 403 or a wrong PIN.

This module keeps the server's life cycle and the thread boundary; the phones' sockets are `phone_hub`, the
pages `web_pages`, the AV desk's API `api`.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from fishbowl_desktop.room.api import DeskApi
from fishbowl_desktop.room.gate import ConnectionGate
from fishbowl_desktop.room.links import KINDS, RoomLinks
from fishbowl_desktop.room.loop_thread import LoopThread
from fishbowl_desktop.room.phone_hub import MAX_MESSAGE_BYTES, IntentCallback, PhoneHub
from fishbowl_desktop.room.quiet_http import drop_banner, quiet_handlers
from fishbowl_desktop.room.web_pages import (
    LOWER_ASSETS,
    asset,
    forbidden,
    load_pages,
    lower_page,
    page,
    security_headers,
)

SERVER_NICE = 10
IDLE_S = 5.0
"""A connection that is not a phone's link and sends nothing for this long (a silent, slow or half-open
client, an idle keep-alive) is closed."""
COUNTS_EVERY_S = 0.25
"""Connection counts and refusals reach the console at most this often: a flood must not flood the UI too."""

__all__ = ["IntentCallback", "RoomServer"]


def _lower_priority() -> None:
    """Let the console win every contest for the CPU: on Linux a thread has its own nice value."""
    import os

    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), SERVER_NICE)
    except (AttributeError, OSError):
        pass  # other systems: the thread keeps the process's priority


class RoomServer:
    def __init__(
        self,
        links: RoomLinks,
        on_intent: IntentCallback,
        on_counts: Callable[[dict[str, int]], None],
        now_ms: Callable[[], float] | None = None,
    ):
        self._links = links
        self._on_counts = on_counts
        self._loop_thread = LoopThread("fishbowl-room")
        self._runner: web.AppRunner | None = None
        self._pages: dict[str, bytes] = {}
        self._gate: ConnectionGate | None = None
        self._counts_due: asyncio.TimerHandle | None = None
        self.port = 0
        clock = now_ms or (lambda: time.monotonic() * 1000.0)
        self._hub = PhoneHub(lambda: self._links, lambda: self._gate, on_intent, self._counts, clock)
        self.desk = DeskApi(
            lambda: self._links,
            lambda: json.loads(self._hub.state).get("s", {}),
            lambda number, name, values: on_intent("api", "desk", {"command": name, "reply": number, **values}),
            now_ms=clock,
        )
        """The AV desk's HTTP API (room/api.py); the console answers its commands with `desk.reply`."""

    # ------------------------------------------------------------------ life cycle (any thread)
    def start(self, host: str, port: int) -> None:
        """Listen on host:port; raises OSError (port taken, no permission) before returning."""
        self._loop_thread.start(lambda: self._serve(host, port), self._shutdown, on_thread=_lower_priority)

    def stop(self) -> None:
        self._loop_thread.stop()

    @property
    def running(self) -> bool:
        return self._loop_thread.running

    def publish(
        self,
        state: dict[str, Any],
        mine: dict[str, dict[str, Any]],
        open_requests: set[str],
        seen: int = 0,
        interpreters: dict[str, Any] | None = None,
    ) -> None:
        """The new public state, each audience phone's own status, which phones have a request open, the
        number of the last request the console has taken in (`seen`), and what the interpreters see."""
        text = json.dumps({"t": "state", "s": state}, ensure_ascii=False, separators=(",", ":"))
        own = {pid: json.dumps({"t": "mine", "m": m}, separators=(",", ":")) for pid, m in mine.items()}
        interp = json.dumps({"t": "interp", "i": interpreters or {}}, ensure_ascii=False, separators=(",", ":"))
        self._loop_thread.call(self._hub.apply, text, own, set(open_requests), seen, interp)

    def tell(self, phone_id: str, error: str) -> None:
        """An audience phone's request was refused by the console itself (the list was full, or paused)."""
        self._loop_thread.call(self._hub.tell, phone_id, error)

    def set_paused(self, paused: bool) -> None:
        """While paused, phones' requests are refused at once with "paused"; nothing reaches the console."""
        if not self._loop_thread.call(setattr, self._hub, "paused", paused):
            self._hub.paused = paused

    def set_links(self, links: RoomLinks) -> None:
        """New links: every connected phone is dropped at once (old tokens stop working immediately)."""
        if not self._loop_thread.call(self._renew, links):
            self._links = links

    # ------------------------------------------------------------------ on the server thread
    async def _serve(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_MESSAGE_BYTES, middlewares=[security_headers])
        app.on_response_prepare.append(drop_banner)
        self.desk.add_routes(app.router)  # /api/…: before the links' routes, which would take "api" for a token
        app.router.add_get("/lower/{token}", self._lower_page)  # the lower third: likewise before them
        app.router.add_get("/lower/{token}/ws", self._hub.lower_socket)
        app.router.add_get("/lower/{token}/{name}", self._lower_asset)
        app.router.add_get("/{token}", self._page)
        app.router.add_get("/{token}/ws", self._hub.socket)
        app.router.add_get("/{token}/{name}", self._asset)
        app.router.add_route("*", "/{tail:.*}", self._refuse)
        self._pages = load_pages()
        runner = web.AppRunner(
            app, access_log=None, keepalive_timeout=IDLE_S, shutdown_timeout=1, handler_cancellation=True
        )
        await runner.setup()
        assert runner.server is not None
        loop = asyncio.get_running_loop()
        gate = ConnectionGate(loop, quiet_handlers(runner.server, loop), IDLE_S, on_refused=lambda _n: self._counts())
        try:
            self.port = await gate.listen(host, port)
        except BaseException:
            gate.close()
            await runner.cleanup()
            raise
        self._runner, self._gate = runner, gate

    async def _shutdown(self) -> None:
        await self._hub.close_all()
        if self._gate is not None:
            self._gate.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def stats(self) -> dict[str, Any]:
        """Sockets held and refused, and the budget (for the benchmarks and tests; read from any thread)."""
        gate = self._gate
        return {} if gate is None else gate.stats()

    async def _refuse(self, request: web.Request) -> web.Response:
        return forbidden()

    async def _page(self, request: web.Request) -> web.Response:
        kind = self._links.kind_of(request.match_info.get("token", ""))
        if kind is None:
            return forbidden()
        return page(self._pages, kind, self._links.token(kind), request.headers.get("Accept-Language", ""))

    async def _asset(self, request: web.Request) -> web.Response:
        if self._links.kind_of(request.match_info.get("token", "")) is None:
            return forbidden()
        return asset(self._pages, request.match_info["name"])

    async def _lower_page(self, request: web.Request) -> web.Response:
        if not self._links.is_lower(request.match_info["token"]):
            return forbidden()
        return lower_page(self._pages, f"/lower/{self._links.lower}")

    async def _lower_asset(self, request: web.Request) -> web.Response:
        if not self._links.is_lower(request.match_info["token"]):
            return forbidden()
        return asset(self._pages, request.match_info["name"], LOWER_ASSETS)

    def _renew(self, links: RoomLinks) -> None:
        old, self._links = self._links, links
        if old.lower != links.lower:
            self._hub.drop_lower()
            self._counts()
        if all(old.token(kind) == links.token(kind) for kind in KINDS) and old.pin == links.pin:
            return  # only the desk's token or the lower third's changed: the phones stay
        self._hub.drop_all()
        self._counts()

    def _counts(self) -> None:
        """Soon, and once for everything that happens until then: connections and refusals come in floods."""
        loop = self._loop_thread.loop
        if self._counts_due is None and loop is not None:
            self._counts_due = loop.call_later(COUNTS_EVERY_S, self._send_counts)

    def _send_counts(self) -> None:
        self._counts_due = None
        counts = self._hub.counts()
        counts["refused"] = self._gate.refused if self._gate is not None else 0
        self._on_counts(counts)
