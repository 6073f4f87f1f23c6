"""The room's door: every TCP connection, counted from the moment it is accepted, within a budget.

An open venue Wi-Fi lets anyone hold connections without sending a byte. asyncio's own accept loop takes
every one of them until the process runs out of file descriptors (and then logs a traceback each time it
tries again), so the evening's saves failed. Here the server accepts for itself:

- it never holds more than `budget.total` sockets: at the limit, the connection that has been quiet longest
  and is not a phone's link (one that never sent a byte first) is closed to make room, so a flood only ever
  pushes out itself, while a phone that sends its request at once gets in;
- a connection that sends nothing for `idle_s` seconds is closed, whatever it is waiting for;
- phones' links (WebSockets) are budgeted per kind: the audience and the timers each have a cap, control has
  slots of its own, and together they always leave room for page loads; one address holds at most
  `AUDIENCE_PER_ADDRESS` audience links;
- when the process is out of descriptors anyway (something else took them), accepting pauses with a growing
  back-off instead of spinning, and one calm log line says so (no traceback per refusal);
- every refusal is counted, for the moderator's calm "Busy" line.

The protocol each connection speaks (aiohttp's request handler) is wrapped, not changed: the wrapper only
notes when bytes arrive. Pure asyncio: no Qt, no aiohttp.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fishbowl_desktop.room.file_limit import ServerBudget, open_descriptors, server_budget, soft_limit

log = logging.getLogger(__name__)

OUT_OF_DESCRIPTORS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}
ACCEPT_BATCH = 16
"""Connections taken from the kernel's queue per wake-up; the rest wait there, costing us nothing."""
BACKOFF_S = (0.05, 2.0)
"""Accepting pauses this long (doubling up to the maximum) while the process is out of descriptors."""
LOG_EVERY_S = 60.0
AUDIENCE_PER_ADDRESS = 8
"""Audience links from one address: a phone reloads, a family shares one; a stranger cannot fill the link alone."""


@dataclass(eq=False)
class _Conn:
    """One connection the gate is watching, and when it last spoke."""

    sock: socket.socket | None
    """None where the loop accepted it itself (Windows), until its transport is made."""
    peer: str
    since: float
    """When it was accepted, then when it last sent bytes."""
    spoke: bool = False
    kind: str | None = None
    """The phone's link once its WebSocket is open; None while it is a page load or a handshake."""
    transport: asyncio.Transport | None = None
    closing: bool = False


class _Watched(asyncio.Protocol):
    """Forwards everything to the real protocol; only notes that bytes came, for the gate's idle rules."""

    def __init__(self, gate: ConnectionGate, conn: _Conn, inner: asyncio.Protocol):
        self._gate, self._conn, self._inner = gate, conn, inner

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._gate._made(self._conn, transport)
        self._inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        self._gate._heard(self._conn)
        self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received()

    def connection_lost(self, exc: Exception | None) -> None:
        self._gate._lost(self._conn)
        self._inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()


class ConnectionGate:
    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        protocol_factory: Callable[[], asyncio.Protocol],
        idle_s: float,
        on_refused: Callable[[int], None] = lambda _n: None,
        budget: ServerBudget | None = None,
    ):
        self._loop = loop
        self._factory = protocol_factory
        self.idle_s = idle_s
        self._on_refused = on_refused
        self._fixed_budget = budget
        self.budget = budget or server_budget(soft_limit(), open_descriptors())
        self._conns: set[_Conn] = set()
        self._by_transport: dict[asyncio.BaseTransport, _Conn] = {}
        self._silent: OrderedDict[_Conn, None] = OrderedDict()
        """Plain connections that never sent a byte, oldest first: the first to go."""
        self._quiet: OrderedDict[_Conn, None] = OrderedDict()
        """Plain connections that spoke, least recently first."""
        self._links: dict[str, int] = {"audience": 0, "timer": 0, "control": 0}
        self._audience_by_peer: dict[str, int] = {}
        self.refused = 0
        self._listening: socket.socket | None = None
        self._reading = False
        self._backoff = 0.0
        self._logged_at = -LOG_EVERY_S
        self._sweeper: asyncio.TimerHandle | None = None
        self._resume: asyncio.TimerHandle | None = None
        self._server: asyncio.AbstractServer | None = None

    # ------------------------------------------------------------------ listening
    async def listen(self, host: str, port: int, backlog: int = 512) -> int:
        """Bind and start accepting; returns the port (0 picks a free one). Raises OSError before accepting."""
        infos = await self._loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _name, address = infos[0]
        sock = socket.socket(family, kind, proto)
        try:
            if hasattr(socket, "SO_REUSEADDR") and not hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # POSIX: rebind at once after a stop
            sock.bind(address)
            sock.listen(backlog)
            sock.setblocking(False)
        except BaseException:
            sock.close()
            raise
        self._listening = sock
        if isinstance(self._loop, asyncio.SelectorEventLoop):
            self._start_reading()
        else:  # Windows' proactor loop has no add_reader: its own accept loop, and the budget applied just after
            self._server = await self._loop.create_server(self._fallback_protocol, sock=sock, backlog=backlog)
        self._sweeper = self._loop.call_later(self._sweep_every(), self._sweep)
        return int(sock.getsockname()[1])

    def close(self) -> None:
        """Stop accepting and close every connection at once."""
        for handle in (self._sweeper, self._resume):
            if handle is not None:
                handle.cancel()
        self._stop_reading()
        if self._server is not None:
            self._server.close()
        if self._listening is not None:
            self._listening.close()
            self._listening = None
        for conn in list(self._conns):
            self._close(conn)

    def _start_reading(self) -> None:
        if not self._reading and self._listening is not None:
            self._loop.add_reader(self._listening.fileno(), self._accept)
            self._reading = True

    def _stop_reading(self) -> None:
        if self._reading and self._listening is not None:
            self._loop.remove_reader(self._listening.fileno())
        self._reading = False

    def _pause(self) -> None:
        """Out of descriptors, or nothing to make room with: wait a little, longer each time in a row."""
        self._stop_reading()
        self._backoff = min(BACKOFF_S[1], max(BACKOFF_S[0], self._backoff * 2))
        self._resume = self._loop.call_later(self._backoff, self._resumed)

    def _resumed(self) -> None:
        self._resume = None
        self._start_reading()

    # ------------------------------------------------------------------ accepting
    @property
    def held(self) -> int:
        return len(self._conns)

    def _accept(self) -> None:
        assert self._listening is not None
        for _ in range(ACCEPT_BATCH):
            if self.held >= self.budget.total and not self._make_room():
                self._pause()
                return
            try:
                sock, address = self._listening.accept()
            except (BlockingIOError, InterruptedError):
                self._backoff = 0.0
                return
            except OSError as exc:
                if exc.errno in OUT_OF_DESCRIPTORS:
                    self._refuse(1, f"out of file descriptors ({exc.strerror}); accepting pauses")
                    self._pause()
                    return
                if exc.errno in (errno.ECONNABORTED, errno.EPROTO):
                    continue  # the caller hung up while queued
                raise
            sock.setblocking(False)
            conn = _Conn(sock, str(address[0]) if address else "?", self._loop.time())
            self._add(conn)
            self._loop.create_task(self._connect(conn))
            if self.held >= self.budget.total:
                return  # room was made by closing someone: that socket is freed on the next turn of the loop

    async def _connect(self, conn: _Conn) -> None:
        assert conn.sock is not None
        try:
            await self._loop.connect_accepted_socket(lambda: _Watched(self, conn, self._factory()), conn.sock)
        except OSError:
            self._forget(conn)
            if conn.sock is not None:
                with contextlib.suppress(OSError):
                    conn.sock.close()

    def _fallback_protocol(self) -> asyncio.Protocol:
        """Windows: the loop accepted already; this connection still counts, and may push out the quietest."""
        conn = _Conn(None, "?", self._loop.time())
        if self.held >= self.budget.total and not self._make_room():
            conn.closing = True  # closed as soon as it is made
            self._refuse(1)
        self._add(conn)
        return _Watched(self, conn, self._factory())

    def _add(self, conn: _Conn) -> None:
        self._conns.add(conn)
        self._silent[conn] = None

    def _make_room(self) -> bool:
        """Close the plain connection that has been quiet longest; False when there is none."""
        victim = next(iter(self._silent), None) or next(iter(self._quiet), None)
        if victim is None:
            return False
        self._close(victim)
        self._refuse(1)
        return True

    # ------------------------------------------------------------------ what the wrapper reports
    def _made(self, conn: _Conn, transport: asyncio.Transport) -> None:
        conn.transport = transport
        self._by_transport[transport] = conn
        peer = transport.get_extra_info("peername")
        if peer:
            conn.peer = str(peer[0])
        if conn.closing:
            self._close(conn)

    def _heard(self, conn: _Conn) -> None:
        if conn.kind is not None:
            return
        conn.since = self._loop.time()
        if not conn.spoke:
            conn.spoke = True
            self._silent.pop(conn, None)
        self._quiet[conn] = None
        self._quiet.move_to_end(conn)

    def _lost(self, conn: _Conn) -> None:
        self._forget(conn)

    def _forget(self, conn: _Conn) -> None:
        if conn in self._conns:
            self._conns.discard(conn)
            if conn.kind is not None:
                self._links[conn.kind] -= 1
            if conn.kind == "audience":
                left = self._audience_by_peer.get(conn.peer, 1) - 1
                if left > 0:
                    self._audience_by_peer[conn.peer] = left
                else:
                    self._audience_by_peer.pop(conn.peer, None)
        self._silent.pop(conn, None)
        self._quiet.pop(conn, None)
        if conn.transport is not None:
            self._by_transport.pop(conn.transport, None)

    # ------------------------------------------------------------------ phones' links
    def peer_of(self, transport: asyncio.BaseTransport | None) -> str | None:
        conn = self._by_transport.get(transport) if transport is not None else None
        return None if conn is None else conn.peer

    def claim(self, transport: asyncio.BaseTransport | None, kind: str) -> bool:
        """This connection becomes a phone's link of `kind`, if that kind has room; False: refuse it."""
        conn = self._by_transport.get(transport) if transport is not None else None
        if conn is None:
            return True  # not one of ours (the server runs without the gate in a measurement): no budget
        if conn.kind == kind:
            return True
        cap = {"audience": self.budget.audience, "timer": self.budget.timer, "control": self.budget.control}[kind]
        from_here = self._audience_by_peer.get(conn.peer, 0)
        if self._links[kind] >= cap or (kind == "audience" and from_here >= AUDIENCE_PER_ADDRESS):
            self._refuse(1)
            return False
        conn.kind = kind
        self._links[kind] += 1
        if kind == "audience":
            self._audience_by_peer[conn.peer] = from_here + 1
        self._silent.pop(conn, None)
        self._quiet.pop(conn, None)
        return True

    def links(self) -> dict[str, int]:
        return dict(self._links)

    # ------------------------------------------------------------------ housekeeping
    def _sweep_every(self) -> float:
        return max(0.05, min(1.0, self.idle_s / 3))

    def _sweep(self) -> None:
        """Close plain connections quiet for `idle_s`; re-read the budget (the app may hold more files now)."""
        deadline = self._loop.time() - self.idle_s
        for queue in (self._silent, self._quiet):
            while queue:
                conn = next(iter(queue))
                if conn.since > deadline:
                    break
                queue.pop(conn)
                self._close(conn)
        if self._fixed_budget is None:
            own = open_descriptors()
            self.budget = server_budget(soft_limit(), None if own is None else max(0, own - self.held))
        self._sweeper = self._loop.call_later(self._sweep_every(), self._sweep)

    def _close(self, conn: _Conn) -> None:
        self._silent.pop(conn, None)
        self._quiet.pop(conn, None)
        if conn.transport is not None:
            conn.transport.abort()  # its descriptor is closed on the loop's next turn, then _lost forgets it
        else:
            conn.closing = True  # its transport is being made: closed as soon as it is

    def _refuse(self, n: int, why: str | None = None) -> None:
        self.refused += n
        self._on_refused(self.refused)
        now = self._loop.time()
        if why is not None and now - self._logged_at >= LOG_EVERY_S:
            self._logged_at = now
            log.warning("room: %s (%d connections refused so far)", why, self.refused)

    def stats(self) -> dict[str, Any]:
        return {"held": self.held, "refused": self.refused, "budget": self.budget, **self._links}
