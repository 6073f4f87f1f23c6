"""The AV desk's HTTP API on the room's server: what the hall sees as JSON, and every command the table lets the
desk call, with a bearer token of its own.

A Stream Deck (through Bitfocus Companion), a lighting or video console, or a script at the desk talks to it:

    GET  /api/state                  what the projector shows, as the phones get it (the same privacy rules)
    POST /api/commands/{name}        a command of the table (`commands.api_commands()`), JSON body for its values
    GET  /api/openapi.json           the description (also in docs/api/openapi.json)

Every request needs `Authorization: Bearer <token>` (the room window shows the token and renews it). A command
runs exactly as its key does — the same intent, the same undo step, log, autosave, projector and phones — on the
console's thread; the answer waits for it (at most REPLY_TIMEOUT_S) and says whether the session took it, and why
not. Answers are JSON with plain errors: 401 (no or wrong token), 404 (no such command for the desk), 400 (a value
refused), 409 (the session refused: nobody has the floor…), 429 (more than COMMANDS_PER_SECOND), 503 (the console
did not answer in time). Nothing here touches Qt: the server hands the command over through `on_command`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from fishbowl_desktop.commands import api_commands
from fishbowl_desktop.room.api_doc import openapi
from fishbowl_desktop.room.links import RoomLinks

COMMANDS_PER_SECOND = 20
"""As many as a co-moderator's socket may send; a desk that loops is told to slow down (429)."""
REPLY_TIMEOUT_S = 2.0
MAX_BODY_BYTES = 4096

CommandCallback = Callable[[int, str, dict[str, object]], None]
"""(reply number, command name, cleaned values) — called on the server thread; the console answers with
`DeskApi.reply(number, ok, error)` from any thread."""


def _json(status: int, data: dict[str, Any]) -> web.Response:
    return web.Response(status=status, text=json.dumps(data, ensure_ascii=False), content_type="application/json")


def _phase(remaining: float, warning: float, started: bool) -> str:
    """`SpeakerTimer.phase` (model/timer.py) from the published numbers: ready, running, warning, overtime."""
    if not started:
        return "ready"
    if remaining <= 0:
        return "overtime"
    return "warning" if remaining <= warning else "running"


class DeskApi:
    def __init__(
        self,
        links: Callable[[], RoomLinks],
        state: Callable[[], dict[str, Any]],
        on_command: CommandCallback,
        now_ms: Callable[[], float] = lambda: time.monotonic() * 1000.0,
    ):
        self._links = links
        self._published = state
        self._now_ms = now_ms
        self._on_command = on_command
        self._numbers = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[tuple[bool, str]]] = {}
        self._stamps: deque[float] = deque(maxlen=COMMANDS_PER_SECOND)
        self._loop: asyncio.AbstractEventLoop | None = None

    def add_routes(self, router: web.UrlDispatcher) -> None:
        router.add_get("/api/state", self._get_state)
        router.add_get("/api/openapi.json", self._get_description)
        router.add_post("/api/commands/{name}", self._post_command)
        router.add_route("*", "/api/{tail:.*}", self._not_found)

    def reply(self, number: int, ok: bool, error: str = "") -> None:
        """The console's answer to command `number` (any thread)."""
        loop = self._loop
        if loop is not None:
            loop.call_soon_threadsafe(self._answer, number, ok, error)

    # ------------------------------------------------------------------ on the server thread
    def _state(self) -> dict[str, Any]:
        """The published state brought to the moment of the answer: only changes other than the digits are
        published (the phones count by themselves from `at`), but a desk that polls has no clock of the console's,
        so `rem` and the countdown's `left` are the time left now, and `phase` is the timer panel's."""
        state = dict(self._published())
        if "at" not in state:
            return state
        now = self._now_ms()
        elapsed = max(0.0, now - float(state["at"])) / 1000.0
        state["at"] = round(now, 1)
        if "left" in state:
            state["left"] = max(0.0, float(state["left"]) - elapsed)
        if "rem" in state:
            rem = float(state["rem"]) - elapsed if state.get("run") else float(state["rem"])
            state["rem"] = round(rem, 3)
            state["phase"] = _phase(rem, float(state.get("warn", 0)), bool(state.get("started")))
        return state

    def _answer(self, number: int, ok: bool, error: str) -> None:
        waiting = self._waiting.pop(number, None)
        if waiting is not None and not waiting.done():
            waiting.set_result((ok, error))

    def _authorised(self, request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and self._links().is_api(token.strip())

    async def _get_state(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _json(401, {"error": "unauthorized", "detail": "Authorization: Bearer <the room's API token>"})
        return _json(200, self._state())

    async def _get_description(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _json(401, {"error": "unauthorized", "detail": "Authorization: Bearer <the room's API token>"})
        return _json(200, openapi())

    async def _not_found(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _json(401, {"error": "unauthorized", "detail": "Authorization: Bearer <the room's API token>"})
        return _json(404, {"error": "not_found", "detail": "GET /api/state, POST /api/commands/{name}"})

    async def _post_command(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _json(401, {"error": "unauthorized", "detail": "Authorization: Bearer <the room's API token>"})
        name = request.match_info["name"]
        command = next((c for c in api_commands() if c.name == name), None)
        if command is None:
            known = ", ".join(c.name for c in api_commands())
            return _json(404, {"error": "unknown_command", "detail": f"commands for the desk: {known}"})
        now = time.monotonic()
        if len(self._stamps) == self._stamps.maxlen and now - self._stamps[0] < 1.0:
            return _json(429, {"error": "too_many", "detail": f"at most {COMMANDS_PER_SECOND} commands a second"})
        self._stamps.append(now)
        raw: object = {}
        if request.can_read_body:
            body = await request.content.read(MAX_BODY_BYTES + 1)
            if len(body) > MAX_BODY_BYTES:
                return _json(400, {"error": "too_large", "detail": f"at most {MAX_BODY_BYTES} bytes of JSON"})
            if body.strip():
                try:
                    raw = json.loads(body)
                except ValueError:
                    return _json(400, {"error": "bad_json", "detail": "the body must be a JSON object"})
        if not isinstance(raw, dict):
            return _json(400, {"error": "bad_json", "detail": "the body must be a JSON object"})
        values = command.clean_values(raw)
        if values is None:
            names = ", ".join(p.name for p in command.parameters)
            return _json(400, {"error": "bad_value", "detail": f"{command.name} takes: {names}"})
        self._loop = asyncio.get_running_loop()
        number = next(self._numbers)
        waiting: asyncio.Future[tuple[bool, str]] = self._loop.create_future()
        self._waiting[number] = waiting
        self._on_command(number, command.name, values)
        try:
            ok, error = await asyncio.wait_for(waiting, REPLY_TIMEOUT_S)
        except TimeoutError:
            self._waiting.pop(number, None)
            return _json(503, {"error": "no_answer", "detail": "the console did not answer in time"})
        if not ok:
            return _json(409, {"error": "refused", "command": command.name, "detail": error})
        return _json(200, {"ok": True, "command": command.name, "state": self._state()})
