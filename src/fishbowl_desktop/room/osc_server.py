"""OSC for the AV desk (issue 27, point 2): the table's desk commands in as OSC addresses, and what the hall sees
out to the desk's address — the time each second on the second, the phase, the speaker and who is next, the start
of overtime — so a lighting console can flash or a video mixer can cue.

On its own thread and asyncio loop, like the room's server, and independent of it: a desk that only wants the time
needs no phones' server listening. What arrives is checked here — the sender against the whitelist before a byte
is read, then the rate, the size, the address against the table of commands (`commands.api_commands()`) and the
arguments against the command's own checks — and handed to the console through `on_command` (server thread → Qt,
which the caller hands over through a queued signal), where it runs exactly as the key does.

The time goes out on the boundaries of the shown second, scheduled on this thread from the state's anchor (the
time left at a moment of `time.monotonic()`, which is also this loop's clock), not from the console's ticker:
a busy console must not make the desk's clock stutter. The state itself (`room.state.room_state`) is the phones',
so the projector's privacy rules hold here too. Python-osc parses and builds the packets.

    in   /fishbowl/<command> [value]     toggle_timer, add_time, take_time, end_turn, reset_timer, next, blank,
                                         message "text"
    out  /fishbowl/state/time <int seconds left, negative over time> <"m:ss" as on the projector>
         /fishbowl/state/phase "none|ready|running|warning|overtime"   /fishbowl/state/running 0|1
         /fishbowl/state/overtime 0|1    /fishbowl/state/speaker "name" "detail"   /fishbowl/state/next "text"
         /fishbowl/state/mode "timer|blank|…"   /fishbowl/state/message "text"
         /fishbowl/refused "<command or address>" "why"   (a command the console or the checks refused)
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket, ParseError

from fishbowl_desktop.commands import api_commands
from fishbowl_desktop.model import format_seconds
from fishbowl_desktop.room.loop_thread import LoopThread
from fishbowl_desktop.room.osc_settings import OscSettings

PREFIX = "/fishbowl/"
STATE_PREFIX = "/fishbowl/state/"
COMMANDS_PER_SECOND = 20
"""As many as the HTTP API takes; a looping desk loses the rest (counted and shown in the room window)."""
MAX_DATAGRAM_BYTES = 2048
"""A command with the longest message is ~300 bytes; anything larger is not a desk's."""
STATS_EVERY_S = 0.25
"""Counts reach the console at most this often: a flood must not flood the UI too."""

CommandCallback = Callable[[str, str, dict[str, object]], None]
"""(sender's address, command name, cleaned values) — called on the OSC thread."""
Datagram = tuple[str, int]
Arg = str | int | float


def shown_seconds(remaining: float) -> int:
    """The whole seconds the projector shows (`format_seconds`), signed: 2:00 for the whole first second, and over
    time -1 from the moment "+0:01" appears."""
    if remaining >= 0:
        return math.ceil(remaining - 1e-9)
    return -math.floor(-remaining + 1e-9)


def _message(address: str, *args: Arg) -> bytes:
    builder = OscMessageBuilder(address=address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


class _Socket(asyncio.DatagramProtocol):
    def __init__(self, server: OscServer):
        self._server = server

    def datagram_received(self, data: bytes, addr: Datagram) -> None:
        self._server._received(data, addr)

    def error_received(self, exc: Exception) -> None:
        self._server._send_failed(exc)  # a closed port at the desk answers with ICMP; Linux reports it here


class OscServer:
    def __init__(self, settings: OscSettings, on_command: CommandCallback, on_stats: Callable[[dict[str, Any]], None]):
        self._settings = settings
        self._on_command = on_command
        self._on_stats = on_stats
        self._loop_thread = LoopThread("fishbowl-osc")
        self._transport: asyncio.DatagramTransport | None = None
        self._stamps: deque[float] = deque(maxlen=COMMANDS_PER_SECOND)
        self._state: dict[str, Any] = {}
        self._anchor = 0.0
        """time.monotonic() at which the state's `rem` was read."""
        self._sent: dict[str, tuple[Arg, ...]] = {}
        """What the desk was last told, per address: only changes go out (the time changes each second)."""
        self._tick: asyncio.TimerHandle | None = None
        self._stats_due: asyncio.TimerHandle | None = None
        self.port = 0
        self.stats: dict[str, Any] = {
            "taken": 0,
            "ignored": 0,
            "flood": 0,
            "bad": 0,
            "sent": 0,
            "last_ignored": "",
            "send_error": "",
        }
        """Read from any thread (a copy goes to the console through `on_stats`)."""
        self.time_sent: Callable[[int, float], None] | None = None
        """For the benchmark: (whole seconds, time.monotonic() of the send) of each time message."""

    # ------------------------------------------------------------------ life cycle (any thread)
    def start(self, host: str) -> None:
        """Listen on host:settings.port; raises OSError (port taken, no permission) before returning."""
        self._loop_thread.start(lambda: self._listen(host), self._close)

    def stop(self) -> None:
        self._loop_thread.stop()

    @property
    def running(self) -> bool:
        return self._loop_thread.running

    def set_settings(self, settings: OscSettings) -> None:
        """A new target or whitelist, at once (the port needs a restart: the caller does it)."""
        if not self._loop_thread.call(self._retarget, settings):
            self._settings = settings

    def publish(self, state: dict[str, Any], anchor: float) -> None:
        """The hall's state (the phones' dict), read at `anchor` (time.monotonic())."""
        self._loop_thread.call(self._apply, dict(state), anchor)

    def refused(self, what: str, why: str) -> None:
        """The console refused a command (nobody has the floor…): the desk is told."""
        self._loop_thread.call(self._send, "/fishbowl/refused", (what, why), False)

    # ------------------------------------------------------------------ on the OSC thread
    async def _close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        await asyncio.sleep(0)  # the transport's close runs

    async def _listen(self, host: str) -> None:
        loop = asyncio.get_running_loop()
        transport, _protocol = await loop.create_datagram_endpoint(
            lambda: _Socket(self), local_addr=(host, self._settings.port)
        )
        self._transport = transport
        self.port = int(transport.get_extra_info("sockname")[1])

    def _retarget(self, settings: OscSettings) -> None:
        new_target = (settings.target, settings.target_port) != (self._settings.target, self._settings.target_port)
        self._settings = settings
        if new_target:
            self._sent.clear()  # the new desk hears everything once
            self.stats["send_error"] = ""
            self._output(time.monotonic(), None)

    def _received(self, data: bytes, addr: Datagram) -> None:
        host = str(addr[0])
        if not self._settings.allows(host):
            self.stats["ignored"] += 1  # not read at all
            self.stats["last_ignored"] = host
            self._report()
            return
        if len(data) > MAX_DATAGRAM_BYTES:
            self._bad("(too large)", "too large")
            return
        try:
            messages = [timed.message for timed in OscPacket(data).messages]
        except ParseError:
            self._bad("(not OSC)", "not an OSC packet")
            return
        now = time.monotonic()
        for message in messages:
            if len(self._stamps) == self._stamps.maxlen and now - self._stamps[0] < 1.0:
                self.stats["flood"] += 1
                continue
            self._stamps.append(now)
            self._command(host, message.address, list(message.params))
        self._report()

    def _command(self, host: str, address: str, params: list[Any]) -> None:
        name = address[len(PREFIX) :] if address.startswith(PREFIX) else ""
        command = next((c for c in api_commands() if c.name == name), None)
        if command is None:
            self._bad(address, "no such command for the desk")
            return
        raw = {p.name: params[i] if i < len(params) else "" for i, p in enumerate(command.parameters)}
        values = command.clean_values(raw)
        if values is None:
            self._bad(command.name, "takes: " + ", ".join(p.name for p in command.parameters))
            return
        self.stats["taken"] += 1
        self._on_command(host, command.name, values)

    def _bad(self, what: str, why: str) -> None:
        self.stats["bad"] += 1
        self._send("/fishbowl/refused", (what, why), False)
        self._report()

    def _apply(self, state: dict[str, Any], anchor: float) -> None:
        self._state, self._anchor = state, anchor
        self._output(time.monotonic(), None)

    def _remaining(self, now: float) -> float | None:
        state = self._state
        if state.get("mode") not in ("timer", "blank") or not isinstance(state.get("rem"), int | float):
            return None
        rem = float(state["rem"])
        return rem - (now - self._anchor) if state.get("run") else rem

    def _output(self, now: float, boundary: int | None) -> None:
        """Tell the desk what changed; `boundary` is the whole second this wake-up was scheduled for."""
        state = self._state
        remaining = self._remaining(now)
        if remaining is not None and boundary is not None:
            remaining = min(remaining, boundary - 1e-6)  # woken a hair early: the second it was woken for
        phase = "none"
        if remaining is not None:
            warn = state.get("warn", 0.0)
            warn = float(warn) if isinstance(warn, int | float) else 0.0
            if not state.get("started"):
                phase = "ready"
            elif remaining <= 0:
                phase = "overtime"
            elif remaining <= warn:
                phase = "warning"
            else:
                phase = "running"
            whole = shown_seconds(remaining)
            if self._send(STATE_PREFIX + "time", (whole, format_seconds(remaining))) and self.time_sent is not None:
                self.time_sent(whole, time.monotonic())
        self._send(STATE_PREFIX + "phase", (phase,))
        self._send(STATE_PREFIX + "running", (1 if remaining is not None and state.get("run") else 0,))
        self._send(STATE_PREFIX + "overtime", (1 if phase == "overtime" else 0,))
        self._send(STATE_PREFIX + "speaker", (str(state.get("speaker") or ""), str(state.get("detail") or "")))
        self._send(STATE_PREFIX + "next", (str(state.get("next") or ""),))
        self._send(STATE_PREFIX + "mode", (str(state.get("mode") or ""),))
        self._send(STATE_PREFIX + "message", (str(state.get("message") or ""),))
        self._schedule(now, remaining)
        self._report()

    def _schedule(self, now: float, remaining: float | None) -> None:
        if self._tick is not None:
            self._tick.cancel()
            self._tick = None
        loop = self._loop_thread.loop
        if remaining is None or not self._state.get("run") or loop is None:
            return
        boundary = math.ceil(remaining) - 1  # the next whole number the time left crosses: the shown second changes
        when = self._anchor + float(self._state["rem"]) - boundary
        self._tick = loop.call_at(max(when, now), self._boundary, boundary)

    def _boundary(self, boundary: int) -> None:
        self._tick = None
        self._output(time.monotonic(), boundary)

    def _send(self, address: str, args: tuple[Arg, ...], only_changes: bool = True) -> bool:
        """Send to the desk when there is one and (for the state) the value changed; whether it went out."""
        if only_changes and self._sent.get(address) == args:
            return False
        target = self._settings.target
        if not target or self._transport is None:
            return False
        self._sent[address] = args
        try:
            self._transport.sendto(_message(address, *args), (target, self._settings.target_port))
        except OSError as exc:  # pragma: no cover - the transport reports send errors to error_received
            self._send_failed(exc)
            return False
        self.stats["sent"] += 1
        return True

    def _send_failed(self, exc: Exception) -> None:
        self.stats["send_error"] = getattr(exc, "strerror", None) or str(exc)
        self._report()

    def _report(self) -> None:
        loop = self._loop_thread.loop
        if self._stats_due is None and loop is not None:
            self._stats_due = loop.call_later(STATS_EVERY_S, self._send_stats)

    def _send_stats(self) -> None:
        self._stats_due = None
        self._on_stats(dict(self.stats))
