"""The phones' WebSockets on the room's server thread: who may connect (token, origin, PIN, budget), what each
phone may send (pings; the audience's requests; the control link's commands from the table), and the public state
written to every phone once per change.

One job apart from the server's life cycle (`server.py`): everything here runs on the server's loop, and meets
the console only through `on_intent` (server thread → Qt, handed over by a queued signal) and `apply` (the new
state, called on this loop by the server's `publish`).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from fishbowl_desktop.commands import link_command
from fishbowl_desktop.room.fanout import text_frame, write_frame
from fishbowl_desktop.room.gate import ConnectionGate
from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.pin_guard import PinGuard
from fishbowl_desktop.room.request_limits import RequestLimits
from fishbowl_desktop.room.validate import clean_group, clean_name, valid_phone_id
from fishbowl_desktop.room.web_pages import forbidden

MAX_MESSAGE_BYTES = 4096
MESSAGES_PER_SECOND = 20
"""Pings and actions from one socket; more closes it."""
PIN_WAIT_S = 4.0
"""A control socket that does not send its PIN within this time is closed (the page sends it on opening; the
gate would close a silent socket after IDLE_S anyway)."""
SEND_TIMEOUT_S = 2.0
"""A phone that cannot take a state update within this time is dropped, never waited for."""
HEARTBEAT_S = 15.0
"""A phone that stops answering WebSocket pings is dropped after this."""
BUSY = 1013
"""WebSocket close code "try again later": the link's kind is full. The page says so and retries."""
WRONG_PIN = 4003
REVOKED = 4001

NO_ENTRY = '{"t":"mine","m":{"st":"none"}}'
"""An audience phone the room has nothing for: whatever it showed before (a restart, a withdraw) is over."""

IntentCallback = Callable[[str, str, dict[str, Any]], None]
"""(kind, phone id, intent) — called on the server thread."""


@dataclass(eq=False)
class Phone:
    """One phone connected to the room, and its recent messages (for the rate limit)."""

    kind: str
    phone_id: str
    ws: web.WebSocketResponse
    peer: str = "?"
    stamps: deque[float] = field(default_factory=lambda: deque(maxlen=MESSAGES_PER_SECOND))
    transport: asyncio.BaseTransport | None = None
    """The connection itself, for the state update written once for all (`fanout`)."""


class PhoneHub:
    def __init__(
        self,
        links: Callable[[], RoomLinks],
        gate: Callable[[], ConnectionGate | None],
        on_intent: IntentCallback,
        on_change: Callable[[], None],
        now_ms: Callable[[], float],
    ):
        self._links = links
        self._gate = gate
        self._on_intent = on_intent
        self._on_change = on_change
        """Phones came or went: the server sends the counts soon."""
        self._now_ms = now_ms
        self.phones: set[Phone] = set()
        self.state = json.dumps({"t": "state", "s": {}})
        """The public state as the phones get it (text, as sent)."""
        self._interp = json.dumps({"t": "interp", "i": {}})
        """What the interpreters' link shows (room/interpreters.py): sent to interpreter phones only."""
        self._mine: dict[str, str] = {}
        """phone id → its own status message (audience), as sent."""
        self._open_requests: set[str] = set()
        self._in_flight: dict[str, int] = {}
        """phone id → the number of its request on the way to the console, until a publish has seen it."""
        self._seq = 0
        self._limits = RequestLimits()
        self.paused = False
        self._pins = PinGuard()

    def counts(self) -> dict[str, int]:
        counts = {"timer": 0, "audience": 0, "control": 0, "interpreter": 0, "lower": 0}
        for phone in self.phones:
            counts[phone.kind] += 1
        return counts

    # ------------------------------------------------------------------ connecting
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
        return self._pins.verdict(pin, self._links().pin, peer)

    async def _turn_away(self, ws: web.WebSocketResponse, error: str, code: int) -> web.WebSocketResponse:
        try:
            await asyncio.wait_for(ws.send_str(json.dumps({"t": "error", "e": error})), SEND_TIMEOUT_S)
            await asyncio.wait_for(ws.close(code=code, message=error.encode()), SEND_TIMEOUT_S)
        except (TimeoutError, ConnectionError, RuntimeError):
            pass
        return ws

    async def socket(self, request: web.Request) -> web.StreamResponse:
        """A phone's link: timer, audience or control, by its token."""
        return await self._connect(request, self._links().kind_of(request.match_info.get("token", "")))

    async def lower_socket(self, request: web.Request) -> web.StreamResponse:
        """The lower third's page (a vision mixer's browser source): the state, like a timer link's."""
        return await self._connect(request, "lower" if self._links().is_lower(request.match_info["token"]) else None)

    async def _connect(self, request: web.Request, kind: str | None) -> web.StreamResponse:
        phone_id = request.query.get("phone", "")
        if kind is None or not self._origin_ok(request) or not valid_phone_id(phone_id):
            return forbidden()
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
        gate = self._gate()
        # the lower third and the interpreters' page are displays like a timer link, and share the timers' budget
        if gate is not None and not gate.claim(
            request.transport, "timer" if kind in ("lower", "interpreter") else kind
        ):
            return await self._turn_away(ws, "busy", BUSY)
        phone = Phone(kind, phone_id, ws, transport=request.transport, peer=peer)
        self.phones.add(phone)
        self._on_change()
        try:
            await ws.send_str(self.state)
            if kind == "audience":  # always: a phone must never keep showing a place the room has forgotten
                await ws.send_str(self._mine.get(phone_id, NO_ENTRY))
            if kind == "interpreter":
                await ws.send_str(self._interp)
            async for msg in ws:
                if msg.type != WSMsgType.TEXT or not self._handle(phone, msg.data):
                    break
        except (TimeoutError, ConnectionError):
            pass
        finally:
            self.phones.discard(phone)
            self._on_change()
            if not ws.closed:
                await ws.close()
        return ws

    # ------------------------------------------------------------------ what a phone sends
    def _handle(self, phone: Phone, data: str) -> bool:
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
        return False  # the timer link and the lower third send nothing but pings; anything else is someone trying

    def _audience(self, phone: Phone, kind: str, msg: dict[str, Any]) -> bool:
        if kind == "withdraw":
            self._on_intent("audience", phone.phone_id, {"do": "withdraw"})
            return True
        if self.paused:
            self._send(phone, '{"t":"error","e":"paused"}')
            return True
        name = clean_name(msg.get("name"))
        if name is None:
            self._send(phone, '{"t":"error","e":"name"}')
            return True
        group = clean_group(msg.get("group", ""), self._groups())
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
            groups = json.loads(self.state)["s"].get("groups", [])
        except (ValueError, KeyError):
            return []
        return [g for g in groups if isinstance(g, str)]

    # ------------------------------------------------------------------ what the phones get
    def _send(self, phone: Phone, text: str) -> None:
        asyncio.ensure_future(self._send_one(phone, text))

    async def _send_one(self, phone: Phone, text: str) -> None:
        try:
            await asyncio.wait_for(phone.ws.send_str(text), SEND_TIMEOUT_S)
        except (TimeoutError, ConnectionError, RuntimeError):
            self.phones.discard(phone)
            asyncio.ensure_future(phone.ws.close())

    def tell(self, phone_id: str, error: str) -> None:
        text = json.dumps({"t": "error", "e": error})
        for phone in list(self.phones):
            if phone.kind == "audience" and phone.phone_id == phone_id:
                self._send(phone, text)

    def apply(self, text: str, own: dict[str, str], open_requests: set[str], seen: int, interp: str = "") -> None:
        changed_state = text != self.state
        changed_interp = bool(interp) and interp != self._interp
        if interp:
            self._interp = interp
        self.state = text
        self._open_requests = open_requests
        if seen:
            self._in_flight = {p: n for p, n in self._in_flight.items() if n > seen}
        frame = text_frame(text) if changed_state else b""
        for phone in list(self.phones):
            if changed_state and (phone.ws.closed or not write_frame(phone.transport, frame)):
                self._send(phone, text)  # behind or closing: the timed way, which drops it if need be
            if phone.kind == "interpreter" and changed_interp:
                self._send(phone, interp)
            if phone.kind == "audience":
                mine = own.get(phone.phone_id, NO_ENTRY)
                if mine != self._mine.get(phone.phone_id, NO_ENTRY):
                    self._send(phone, mine)
        self._mine = own

    def drop_lower(self) -> None:
        """The lower third's link was renewed: a browser source with the old one goes dark."""
        for phone in list(self.phones):
            if phone.kind == "lower":
                self.phones.discard(phone)
                asyncio.ensure_future(phone.ws.close(code=REVOKED, message=b"revoked"))

    def drop_all(self) -> None:
        """New tokens or PIN: every phone goes at once, and the PIN's failure counts start afresh."""
        self._pins.clear()
        for phone in list(self.phones):
            self.phones.discard(phone)
            asyncio.ensure_future(phone.ws.close(code=REVOKED, message=b"revoked"))

    async def close_all(self) -> None:
        for phone in list(self.phones):
            await phone.ws.close(code=1001)
