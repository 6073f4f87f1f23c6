"""The room's web server: aiohttp on its own asyncio loop in a thread.

Why a thread and not the console's qasync loop: measured here (benchmarks/scenario_room.py), a burst of
1,000 requests handled on the qasync loop stalls the console's event loop for the whole burst, while on a
thread the console's longest stall stays within one GIL switch interval (5 ms). The console and the
server meet only in two thread-safe places: `publish()` (Qt thread → server: the public state) and the
`on_intent` callback (server thread → Qt, which the caller must hand over through a queued signal).

Every route needs a valid token; anything else gets the same bare 403, so a stranger learns nothing about
which part was wrong. The timer and audience tokens can never act as control; control also needs the PIN, sent
as the socket's first message (never in a URL, where it would stay in the phone's history).

An open venue Wi-Fi is hostile (issue 22): connections are accepted by `gate.ConnectionGate` within a budget
that leaves the evening's saves their file descriptors, phones' links are budgeted per kind, and requests for
the free chair pass `request_limits` before the console hears of them. A refusal for capacity is a "busy"
(close code 1013), never a 403 or a wrong PIN.
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

from fishbowl_desktop.commands import link_command
from fishbowl_desktop.room.api import DeskApi
from fishbowl_desktop.room.fanout import text_frame, write_frame
from fishbowl_desktop.room.gate import ConnectionGate
from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.pin_guard import PinGuard
from fishbowl_desktop.room.quiet_http import drop_banner, quiet_handlers
from fishbowl_desktop.room.request_limits import RequestLimits
from fishbowl_desktop.room.validate import clean_group, clean_name, valid_phone_id

MAX_MESSAGE_BYTES = 4096
MESSAGES_PER_SECOND = 20
"""Pings and actions from one socket; more closes it."""
PIN_WAIT_S = 4.0
"""A control socket that does not send its PIN within this time is closed (the page sends it on opening; the
gate would close a silent socket after IDLE_S anyway)."""
SEND_TIMEOUT_S = 2.0
"""A phone that cannot take a state update within this time is dropped, never waited for."""
HEARTBEAT_S = 15.0
SERVER_NICE = 10
"""A phone that stops answering WebSocket pings is dropped after this."""
IDLE_S = 5.0
"""A connection that is not a phone's link and sends nothing for this long (a silent, slow or half-open
client, an idle keep-alive) is closed."""
COUNTS_EVERY_S = 0.25
"""Connection counts and refusals reach the console at most this often: a flood must not flood the UI too."""
BUSY = 1013
"""WebSocket close code "try again later": the link's kind is full. The page says so and retries."""
WRONG_PIN = 4003
REVOKED = 4001

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
    peer: str = "?"
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
        self._in_flight: dict[str, int] = {}
        """phone id → the number of its request on the way to the console, until a publish has seen it."""
        self._seq = 0
        self._limits = RequestLimits()
        self._paused = False
        self._pins = PinGuard()
        self._pages: dict[str, bytes] = {}
        self._gate: ConnectionGate | None = None
        self._counts_due: asyncio.TimerHandle | None = None
        self.port = 0
        self.desk = DeskApi(
            lambda: self._links,
            lambda: json.loads(self._state).get("s", {}),
            lambda number, name, values: self._on_intent("api", "desk", {"command": name, "reply": number, **values}),
            now_ms=self._now_ms,
        )
        """The AV desk's HTTP API (room/api.py); the console answers its commands with `desk.reply`."""

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
                # the loop's default executor (aiohttp's address lookups, file reads) ends with the room, not later
                loop.run_until_complete(loop.shutdown_default_executor())
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

    def publish(
        self, state: dict[str, Any], mine: dict[str, dict[str, Any]], open_requests: set[str], seen: int = 0
    ) -> None:
        """The new public state, each audience phone's own status, which phones have a request open, and the
        number of the last request the console has taken in (`seen`)."""
        text = json.dumps({"t": "state", "s": state}, ensure_ascii=False, separators=(",", ":"))
        own = {pid: json.dumps({"t": "mine", "m": m}, separators=(",", ":")) for pid, m in mine.items()}
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._apply, text, own, set(open_requests), seen)

    def tell(self, phone_id: str, error: str) -> None:
        """An audience phone's request was refused by the console itself (the list was full, or paused)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._tell, phone_id, error)

    def set_paused(self, paused: bool) -> None:
        """While paused, phones' requests are refused at once with "paused"; nothing reaches the console."""
        if self._loop is None:
            self._paused = paused
        else:
            self._loop.call_soon_threadsafe(setattr, self, "_paused", paused)

    def set_links(self, links: RoomLinks) -> None:
        """New links: every connected phone is dropped at once (old tokens stop working immediately)."""
        if self._loop is None:
            self._links = links
            return
        self._loop.call_soon_threadsafe(self._renew, links)

    # ------------------------------------------------------------------ on the server thread
    async def _serve(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_MESSAGE_BYTES, middlewares=[self._headers])
        app.on_response_prepare.append(drop_banner)
        self.desk.add_routes(app.router)  # /api/…: before the links' routes, which would take "api" for a token
        app.router.add_get("/{token}", self._page)
        app.router.add_get("/{token}/ws", self._socket)
        app.router.add_get("/{token}/{name}", self._asset)
        app.router.add_route("*", "/{tail:.*}", self._refuse)
        self._pages = {name: _web_file(name) for name in ("room.html", "room.js", "room.css")}
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
        for phone in list(self._phones):
            await phone.ws.close(code=1001)
        if self._gate is not None:
            self._gate.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def stats(self) -> dict[str, Any]:
        """Sockets held and refused, and the budget (for the benchmarks and tests; read from any thread)."""
        gate = self._gate
        return {} if gate is None else gate.stats()

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

    async def _unlock(self, ws: web.WebSocketResponse, peer: str) -> str:
        """The control socket's first message must be {"t": "pin", "pin": "…"}, within PIN_WAIT_S."""
        try:
            msg = await ws.receive(timeout=PIN_WAIT_S)
        except TimeoutError:
            return "pin"
        pin: object = None
        if msg.type == WSMsgType.TEXT:
            try:
                data = json.loads(msg.data)
            except ValueError:
                data = None
            if isinstance(data, dict) and data.get("t") == "pin":
                pin = data.get("pin")
        return self._pins.verdict(pin, self._links.pin, peer)

    async def _turn_away(self, ws: web.WebSocketResponse, error: str, code: int) -> web.WebSocketResponse:
        try:
            await asyncio.wait_for(ws.send_str(json.dumps({"t": "error", "e": error})), SEND_TIMEOUT_S)
            await asyncio.wait_for(ws.close(code=code, message=error.encode()), SEND_TIMEOUT_S)
        except (TimeoutError, ConnectionError, RuntimeError):
            pass
        return ws

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        kind = self._kind(request)
        phone_id = request.query.get("phone", "")
        if kind is None or not self._origin_ok(request) or not valid_phone_id(phone_id):
            return await self._refuse(request)
        # compress=False: no per-phone deflate of every update (browsers ask for it), and the shared frame
        # of `fanout` can go straight to each connection
        ws = web.WebSocketResponse(
            max_msg_size=MAX_MESSAGE_BYTES, heartbeat=HEARTBEAT_S, receive_timeout=None, compress=False
        )
        await ws.prepare(request)
        peer = request.remote or "?"
        if kind == "control":
            verdict = await self._unlock(ws, peer)
            if verdict != "ok":
                return await self._turn_away(ws, verdict, WRONG_PIN)
        if self._gate is not None and not self._gate.claim(request.transport, kind):
            return await self._turn_away(ws, "busy", BUSY)
        phone = _Phone(kind, phone_id, ws, transport=request.transport, peer=peer)
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
            return self._audience(phone, kind, msg)
        if phone.kind == "control" and kind == "do":
            action = msg.get("a")
            command = link_command(action) if isinstance(action, str) else None
            if command is None:  # not in the command table, or a command the control link may not call
                return False
            values = command.clean_values(msg)
            if values is None:
                self._send(phone, json.dumps({"t": "error", "e": command.link}))
                return True
            self._on_intent("control", phone.phone_id, {"do": command.link, **values})
            return True
        return False  # the timer link sends nothing but pings; anything else is someone trying

    def _audience(self, phone: _Phone, kind: str, msg: dict[str, Any]) -> bool:
        if kind == "withdraw":
            self._on_intent("audience", phone.phone_id, {"do": "withdraw"})
            return True
        if self._paused:
            self._send(phone, '{"t":"error","e":"paused"}')
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
        refusal = self._limits.refusal(
            phone.phone_id, phone.peer, time.monotonic(), self._open_requests | set(self._in_flight)
        )
        if refusal is not None:
            self._send(phone, json.dumps({"t": "error", "e": refusal}))
            return True
        self._seq += 1
        self._in_flight[phone.phone_id] = self._seq  # open until a publish that has seen it says otherwise
        self._on_intent(
            "audience",
            phone.phone_id,
            {"do": "request", "name": name, "group": group, "consent": msg.get("consent") is True, "seq": self._seq},
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

    def _tell(self, phone_id: str, error: str) -> None:
        text = json.dumps({"t": "error", "e": error})
        for phone in list(self._phones):
            if phone.kind == "audience" and phone.phone_id == phone_id:
                self._send(phone, text)

    def _apply(self, text: str, own: dict[str, str], open_requests: set[str], seen: int) -> None:
        changed_state = text != self._state
        self._state = text
        self._open_requests = open_requests
        if seen:
            self._in_flight = {p: n for p, n in self._in_flight.items() if n > seen}
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
        old, self._links = self._links, links
        if (
            all(old.token(kind) == links.token(kind) for kind in ("timer", "audience", "control"))
            and old.pin == links.pin
        ):
            return  # only the desk's token changed: it is checked per request; the phones stay
        self._pins.clear()
        for phone in list(self._phones):
            self._phones.discard(phone)
            asyncio.ensure_future(phone.ws.close(code=REVOKED, message=b"revoked"))
        self._counts()

    def _counts(self) -> None:
        """Soon, and once for everything that happens until then: connections and refusals come in floods."""
        if self._counts_due is None and self._loop is not None:
            self._counts_due = self._loop.call_later(COUNTS_EVERY_S, self._send_counts)

    def _send_counts(self) -> None:
        self._counts_due = None
        counts = {"timer": 0, "audience": 0, "control": 0}
        for phone in self._phones:
            counts[phone.kind] += 1
        counts["refused"] = self._gate.refused if self._gate is not None else 0
        self._on_counts(counts)
