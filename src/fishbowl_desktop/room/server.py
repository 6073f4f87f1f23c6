"""The room's web server: aiohttp on its own asyncio loop in a thread.

Why a thread and not the console's qasync loop: measured here (benchmarks/scenario_room.py), a burst of
1,000 requests handled on the qasync loop stalls the console's event loop for the whole burst, while on a
thread the console's longest stall stays within one GIL switch interval (5 ms). The console and the
server meet only in two thread-safe places: `publish()` (Qt thread → server: the public state) and the
`on_intent` callback (server thread → Qt, which the caller must hand over through a queued signal).

Every route needs a valid token; anything else gets the same bare 403, so a stranger learns nothing about
which part was wrong. The timer and audience tokens can never act as control; control also needs the PIN.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from aiohttp import WSMsgType, web

from fishbowl_desktop.room.fanout import text_frame, write_frame
from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.validate import CONTROL_ACTIONS, clean_group, clean_message, clean_name, valid_phone_id

MAX_CONNECTIONS = 500
MAX_MESSAGE_BYTES = 4096
MAX_OPEN_REQUESTS = 200
REQUEST_INTERVAL_S = 10.0
"""One free-chair request per phone per 10 s."""
MESSAGES_PER_SECOND = 20
"""Pings and actions from one socket; more closes it."""
PIN_FAILURES = 5
PIN_WINDOW_S = 60.0
SEND_TIMEOUT_S = 2.0
"""A phone that cannot take a state update within this time is dropped, never waited for."""
HEARTBEAT_S = 15.0
SERVER_NICE = 10
"""A phone that stops answering WebSocket pings is dropped after this."""
IDLE_S = 15.0
"""A connection that sends no complete request within this time (a slow or half-open client) is closed."""

NO_ENTRY = '{"t":"mine","m":{"st":"none"}}'
"""An audience phone the room has nothing for: whatever it showed before (a restart, a withdraw) is over."""

IntentCallback = Callable[[str, str, dict[str, Any]], None]
"""(kind, phone id, intent) — called on the server thread."""


def _web_file(name: str) -> bytes:
    """The phones' page ships inside the package, beside the fonts and icons (assets/room/)."""
    return (files("fishbowl_desktop") / "assets" / "room" / name).read_bytes()


_CONTENT_TYPES = {"room.js": "application/javascript", "room.css": "text/css"}
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


@dataclass(eq=False)
class _Phone:
    kind: str
    phone_id: str
    ws: web.WebSocketResponse
    stamps: deque[float] = field(default_factory=lambda: deque(maxlen=MESSAGES_PER_SECOND))
    transport: asyncio.BaseTransport | None = None
    """The connection itself, for the state update written once for all (`fanout`)."""


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
        self._on_intent = on_intent
        self._on_counts = on_counts
        self._now_ms = now_ms or (lambda: time.monotonic() * 1000.0)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._phones: set[_Phone] = set()
        self._state = json.dumps({"t": "state", "s": {}})
        self._mine: dict[str, str] = {}
        """phone id → its own status message (audience), as sent."""
        self._open_requests: set[str] = set()
        self._last_request: dict[str, float] = {}
        self._pin_failures: dict[str, deque[float]] = {}
        self._pages: dict[str, bytes] = {}
        self.port = 0

    # ------------------------------------------------------------------ life cycle (any thread)
    def start(self, host: str, port: int) -> None:
        """Listen on host:port; raises OSError (port taken, no permission) before returning."""
        ready: dict[str, BaseException | None] = {"error": None}
        started = threading.Event()

        def run() -> None:
            _lower_priority()
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._serve(host, port))
            except BaseException as exc:
                ready["error"] = exc
                started.set()
                loop.close()
                return
            started.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._shutdown())
                loop.close()

        self._thread = threading.Thread(target=run, name="fishbowl-room", daemon=True)
        self._thread.start()
        started.wait(10)
        if ready["error"] is not None:
            self._thread.join(2)
            self._thread = None
            error = ready["error"]
            raise error if isinstance(error, OSError) else OSError(str(error))

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        self._loop = self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def publish(self, state: dict[str, Any], mine: dict[str, dict[str, Any]], open_requests: set[str]) -> None:
        """The new public state, each audience phone's own status, and which phones have a request open."""
        text = json.dumps({"t": "state", "s": state}, ensure_ascii=False, separators=(",", ":"))
        own = {pid: json.dumps({"t": "mine", "m": m}, separators=(",", ":")) for pid, m in mine.items()}
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._apply, text, own, set(open_requests))

    def set_links(self, links: RoomLinks) -> None:
        """New links: every connected phone is dropped at once (old tokens stop working immediately)."""
        if self._loop is None:
            self._links = links
            return
        self._loop.call_soon_threadsafe(self._renew, links)

    # ------------------------------------------------------------------ on the server thread
    async def _serve(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_MESSAGE_BYTES, middlewares=[self._headers])
        app.router.add_get("/{token}", self._page)
        app.router.add_get("/{token}/ws", self._socket)
        app.router.add_get("/{token}/{name}", self._asset)
        app.router.add_route("*", "/{tail:.*}", self._refuse)
        self._pages = {name: _web_file(name) for name in ("room.html", "room.js", "room.css")}
        runner = web.AppRunner(
            app, access_log=None, keepalive_timeout=IDLE_S, shutdown_timeout=1, handler_cancellation=True
        )
        await runner.setup()
        site = web.TCPSite(runner, host, port, backlog=512)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else port

    async def _shutdown(self) -> None:
        for phone in list(self._phones):
            await phone.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _headers(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException:
            response = web.Response(status=403, text="Forbidden")
        if not getattr(response, "prepared", False):
            response.headers.update(_SECURITY_HEADERS)
        return response

    def _kind(self, request: web.Request) -> str | None:
        return self._links.kind_of(request.match_info.get("token", ""))

    async def _refuse(self, request: web.Request) -> web.Response:
        return web.Response(status=403, text="Forbidden")

    async def _page(self, request: web.Request) -> web.Response:
        kind = self._kind(request)
        if kind is None:
            return await self._refuse(request)
        token = self._links.token(kind)  # one of ours, URL-safe base64: nothing a stranger typed
        html = self._pages["room.html"].replace(b"{{kind}}", kind.encode()).replace(b"{{base}}", f"/{token}".encode())
        return web.Response(body=html, content_type="text/html", charset="utf-8")

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if self._kind(request) is None or name not in _CONTENT_TYPES:
            return await self._refuse(request)
        return web.Response(body=self._pages[name], content_type=_CONTENT_TYPES[name], charset="utf-8")

    def _origin_ok(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        return origin is not None and origin == f"http://{request.host}"

    def _pin_ok(self, request: web.Request) -> bool:
        peer = request.remote or "?"
        now = time.monotonic()
        failures = self._pin_failures.setdefault(peer, deque())
        while failures and now - failures[0] > PIN_WINDOW_S:
            failures.popleft()
        if len(failures) >= PIN_FAILURES:
            return False  # too many wrong PINs from here: even the right one waits a minute
        pin = request.query.get("pin", "")
        import secrets

        if secrets.compare_digest(pin.encode(), self._links.pin.encode()):
            return True
        failures.append(now)
        return False

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        kind = self._kind(request)
        phone_id = request.query.get("phone", "")
        if kind is None or not self._origin_ok(request) or not valid_phone_id(phone_id):
            return await self._refuse(request)
        if kind == "control" and not self._pin_ok(request):
            return await self._refuse(request)
        if len(self._phones) >= MAX_CONNECTIONS:
            return web.Response(status=503, text="Busy")
        # compress=False: no per-phone deflate of every update (browsers ask for it), and the shared frame
        # of `fanout` can go straight to each connection
        ws = web.WebSocketResponse(
            max_msg_size=MAX_MESSAGE_BYTES, heartbeat=HEARTBEAT_S, receive_timeout=None, compress=False
        )
        await ws.prepare(request)
        phone = _Phone(kind, phone_id, ws, transport=request.transport)
        self._phones.add(phone)
        self._counts()
        try:
            await ws.send_str(self._state)
            if kind == "audience":  # always: a phone must never keep showing a place the room has forgotten
                await ws.send_str(self._mine.get(phone_id, NO_ENTRY))
            async for msg in ws:
                if msg.type != WSMsgType.TEXT or not self._handle(phone, msg.data):
                    break
        except (TimeoutError, ConnectionError):
            pass
        finally:
            self._phones.discard(phone)
            self._counts()
            if not ws.closed:
                await ws.close()
        return ws

    def _handle(self, phone: _Phone, data: str) -> bool:
        """One message from a phone; False closes its socket."""
        now = time.monotonic()
        if len(phone.stamps) == phone.stamps.maxlen and now - phone.stamps[0] < 1.0:
            return False  # flooding
        phone.stamps.append(now)
        try:
            msg = json.loads(data)
        except ValueError:
            return False
        if not isinstance(msg, dict):
            return False
        kind = msg.get("t")
        if kind == "ping":
            client = msg.get("c")
            if not isinstance(client, int | float):
                return False
            self._send(phone, json.dumps({"t": "pong", "c": client, "s": self._now_ms()}))
            return True
        if phone.kind == "audience" and kind in ("request", "withdraw"):
            return self._audience(phone, kind, msg, now)
        if phone.kind == "control" and kind == "do":
            action = msg.get("a")
            if action not in CONTROL_ACTIONS:
                return False
            intent: dict[str, Any] = {"do": action}
            if action == "message":
                text = clean_message(msg.get("text", ""))
                if text is None:
                    self._send(phone, '{"t":"error","e":"message"}')
                    return True
                intent["text"] = text
            self._on_intent("control", phone.phone_id, intent)
            return True
        return False  # the timer link sends nothing but pings; anything else is someone trying

    def _audience(self, phone: _Phone, kind: str, msg: dict[str, Any], now: float) -> bool:
        if kind == "withdraw":
            self._on_intent("audience", phone.phone_id, {"do": "withdraw"})
            return True
        if phone.phone_id in self._open_requests:
            self._send(phone, '{"t":"error","e":"open"}')
            return True
        last = self._last_request.get(phone.phone_id)
        if last is not None and now - last < REQUEST_INTERVAL_S:
            self._send(phone, '{"t":"error","e":"rate"}')
            return True
        if len(self._open_requests) >= MAX_OPEN_REQUESTS:
            self._send(phone, '{"t":"error","e":"full"}')
            return True
        name = clean_name(msg.get("name"))
        if name is None:
            self._send(phone, '{"t":"error","e":"name"}')
            return True
        groups = self._groups()
        group = clean_group(msg.get("group", ""), groups)
        if group is None:
            self._send(phone, '{"t":"error","e":"group"}')
            return True
        self._last_request[phone.phone_id] = now
        if len(self._last_request) > 10 * MAX_CONNECTIONS:
            self._last_request = {k: v for k, v in self._last_request.items() if now - v < REQUEST_INTERVAL_S}
        self._open_requests.add(phone.phone_id)  # until the console's next publish says otherwise
        self._on_intent(
            "audience",
            phone.phone_id,
            {"do": "request", "name": name, "group": group, "consent": msg.get("consent") is True},
        )
        return True

    def _groups(self) -> list[str]:
        try:
            groups = json.loads(self._state)["s"].get("groups", [])
        except (ValueError, KeyError):
            return []
        return [g for g in groups if isinstance(g, str)]

    def _send(self, phone: _Phone, text: str) -> None:
        asyncio.ensure_future(self._send_one(phone, text))

    async def _send_one(self, phone: _Phone, text: str) -> None:
        try:
            await asyncio.wait_for(phone.ws.send_str(text), SEND_TIMEOUT_S)
        except (TimeoutError, ConnectionError, RuntimeError):
            self._phones.discard(phone)
            asyncio.ensure_future(phone.ws.close())

    def _apply(self, text: str, own: dict[str, str], open_requests: set[str]) -> None:
        changed_state = text != self._state
        self._state = text
        self._open_requests = open_requests
        frame = text_frame(text) if changed_state else b""
        for phone in list(self._phones):
            if changed_state and (phone.ws.closed or not write_frame(phone.transport, frame)):
                self._send(phone, text)  # behind or closing: the timed way, which drops it if need be
            if phone.kind == "audience":
                mine = own.get(phone.phone_id, NO_ENTRY)
                if mine != self._mine.get(phone.phone_id, NO_ENTRY):
                    self._send(phone, mine)
        self._mine = own

    def _renew(self, links: RoomLinks) -> None:
        self._links = links
        self._pin_failures.clear()
        for phone in list(self._phones):
            self._phones.discard(phone)
            asyncio.ensure_future(phone.ws.close(code=4001, message=b"revoked"))
        self._counts()

    def _counts(self) -> None:
        counts = {"timer": 0, "audience": 0, "control": 0}
        for phone in self._phones:
            counts[phone.kind] += 1
        self._on_counts(counts)
