"""The room as the console knows it: switches the server on and off, hands it the public state after every
change, and turns what phones send into controller intents (the same ones the keyboard uses).

Lives on the Qt thread. The server runs on its own thread; what it receives comes back through a queued
signal, so every intent runs on the Qt thread exactly like a key press. The audience's requests (the list, the
phones' places, their record on disk) are the base class's job (`audience_requests.AudienceRequests`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from fishbowl_desktop.commands import link_command
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.coalesce import TurnCoalescer
from fishbowl_desktop.room.audience_requests import DIRECT_PER_MINUTE, AudienceRequests
from fishbowl_desktop.room.desk_command import run_for_desk
from fishbowl_desktop.room.file_limit import raise_file_limit
from fishbowl_desktop.room.interpreters import interpreter_view
from fishbowl_desktop.room.links import KINDS, LINKS_FILE, RoomLinks, read_links, save_links
from fishbowl_desktop.room.ontime_bridge import OntimeSettings
from fishbowl_desktop.room.ontime_service import OntimeDesk
from fishbowl_desktop.room.osc_service import OscDesk
from fishbowl_desktop.room.osc_settings import OscSettings
from fishbowl_desktop.room.phones import AudienceRequest
from fishbowl_desktop.room.state import room_state, same_apart_from_timing
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.support_file import Refusal

_log = logging.getLogger("fishbowl.room")
__all__ = ["DIRECT_PER_MINUTE", "AudienceRequest", "Room"]


class Room(AudienceRequests):
    runningChanged = Signal(bool)
    countsChanged = Signal(dict)
    linksChanged = Signal()
    qrOnProjectorChanged = Signal(bool)
    _intentArrived = Signal(str, str, dict)
    _countsArrived = Signal(dict)

    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        settings: Callable[[], AppSettings],
        folder: Path,
        parent: QObject | None = None,
    ):
        super().__init__(controller, folder, parent)
        self._ticker = ticker
        self._settings = settings
        self._folder = folder
        self._links: RoomLinks | None = None
        self.links_refusal: Refusal | None = None
        """Why room.json was set aside when the links were first needed (the room menu says it once)."""
        self._last: dict[str, Any] | None = None
        self._last_mine: dict[str, dict[str, Any]] = {}
        self._last_interp: dict[str, Any] = {}
        self.counts = dict.fromkeys(KINDS, 0)
        self.refused = 0
        """Connections the server refused or closed for capacity since the room was switched on."""
        self.qr_on_projector = False
        """The audience link's QR code on the projector: live, like the blank screen; never saved."""
        self.address = "127.0.0.1"
        """The laptop address the shown links use (the room window lets the moderator pick it)."""
        self._intentArrived.connect(self._on_intent, Qt.ConnectionType.QueuedConnection)
        self._countsArrived.connect(self._on_counts, Qt.ConnectionType.QueuedConnection)
        self.computations = 0
        """How often the phones' state was derived from the model; lets tests check one per intent."""
        self.osc = OscDesk(controller, ticker, settings, self)
        """The AV desk's OSC, on its own switch (room.json keeps its settings: `set_osc`)."""
        self.ontime = OntimeDesk(controller, settings, self)
        """The ontime bridge, on its own switch (`set_ontime`)."""
        self._publisher = TurnCoalescer(self.publish, self)
        """One intent announces several parts (Next: log, seats, queue, turn, then the ticker): one publish."""
        controller.sessionChanged.connect(lambda _part: self._publisher.request())
        controller.sessionReplaced.connect(self._session_replaced)
        ticker.displayChanged.connect(self._tick)

    # ------------------------------------------------------------------ links and settings
    @property
    def links(self) -> RoomLinks:
        if self._links is None:
            stored, self.links_refusal = read_links(self._folder)
            if stored is None or not (stored.api and stored.lower and stored.interpreter):  # none yet, or older
                stored = RoomLinks() if stored is None else stored.completed()
                try:
                    save_links(stored, self._folder)
                except OSError:
                    pass  # the room still works tonight; the links just won't survive a restart
            self._links = stored
        return self._links

    @property
    def links_stored(self) -> bool:
        """Whether this laptop has room links at all (in room.json, or made this evening)."""
        return self._links is not None or (self._folder / LINKS_FILE).is_file()

    def _store(self, links: RoomLinks) -> str | None:
        self._links = links
        self.linksChanged.emit()
        try:
            save_links(links, self._folder)
        except OSError as exc:
            return exc.strerror or str(exc)
        return None

    def new_api_token(self) -> str | None:
        """The AV desk's token alone renewed: a desk that had it is refused from now on; the phones stay."""
        error = self._store(self.links.with_new_api_token())
        if self._server is not None:
            self._server.set_links(self.links)
        return error

    def new_lower_link(self) -> str | None:
        """The lower third's link alone renewed: a browser source that had it goes dark; the phones stay."""
        error = self._store(self.links.with_new_lower_token())
        if self._server is not None:
            self._server.set_links(self.links)
        return error

    def new_links(self) -> str | None:
        """Every token and the PIN renewed; every connected phone dropped at once."""
        error = self._store(self.links.renewed())
        if self._server is not None:
            self._server.set_links(self.links)
        self.pending.clear()
        self._joined.clear()
        self._declined.clear()
        self._remember_phones()
        self.requestsChanged.emit()
        return error

    def set_port(self, port: int) -> str | None:
        return self._store(self.links.with_port(port))

    def set_accept_directly(self, on: bool) -> str | None:
        from dataclasses import replace

        return self._store(replace(self.links, accept_directly=on))

    def set_osc(self, osc: OscSettings) -> OSError | str | None:
        """New OSC settings: OSC started, stopped, moved or retargeted at once, and kept in room.json. The port's
        error (OSC stays off, and is stored off) or the disk's, or None."""
        problem = self.osc.apply(osc)
        stored = osc if problem is None else replace(osc, on=False)
        error = self._store(replace(self.links, osc=stored))
        return problem if problem is not None else error

    def set_ontime(self, ontime: OntimeSettings) -> str | None:
        """The ontime bridge switched, moved or pointed at another entry at once, and kept in room.json."""
        self.ontime.apply(ontime)
        return self._store(replace(self.links, ontime=ontime))

    def set_qr_on_projector(self, on: bool) -> None:
        if on != self.qr_on_projector:
            self.qr_on_projector = on
            self.qrOnProjectorChanged.emit(on)

    def set_address(self, address: str) -> None:
        if address and address != self.address:
            self.address = address
            self.linksChanged.emit()

    def language(self) -> str:
        """The hall's language: the session's, as on the projector."""
        return self._controller.session.event.language

    # ------------------------------------------------------------------ on and off
    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        return self._server.port if self._server is not None else self.links.port

    def start(self, host: str = "0.0.0.0") -> None:
        """Raises OSError when the port cannot be used; aiohttp is imported only now."""
        if self._server is not None:
            return
        from fishbowl_desktop.room.asyncio_without_ssl import import_asyncio_without_ssl

        import_asyncio_without_ssl()  # the first asyncio of the process, if the desk has not loaded it yet
        from fishbowl_desktop.room.server import RoomServer

        raise_file_limit()  # (done at start-up too) the budget below is taken from the limit in force

        clock = self._controller.session.clock
        server = RoomServer(
            self.links, self._intentArrived.emit, self._countsArrived.emit, now_ms=lambda: clock.monotonic() * 1000.0
        )
        server.set_paused(self.paused)
        server.start(host, self.links.port)
        _log.info("room on, port %d", server.port)
        self._server = server
        self.refused = 0
        if not self.links.on:
            self._store(replace(self.links, on=True))  # back on by itself after a restart (issue 22)
        self._last, self._last_mine, self._last_interp = None, {}, {}
        self.publish()
        self.runningChanged.emit(True)

    def stop(self) -> None:
        """The moderator switches the room off: it stays off after a restart."""
        if self.links_stored and self.links.on:
            self._store(replace(self.links, on=False))
        self.shut_down()

    def shut_down(self) -> None:
        """The app quits with the room on: next start switches it on again, so printed QR codes keep working."""
        if self._phones_timer.isActive() or self._phones_retry.isActive():
            self._phones_timer.stop()
            self._phones_retry.stop()
            self._write_phones()
        self._phones_file.flush()
        server, self._server = self._server, None
        if server is None:
            return
        server.stop()
        _log.info("room off")
        self._batch.stop()
        self._arrivals.clear()
        self.counts = dict.fromkeys(KINDS, 0)
        self.countsChanged.emit(dict(self.counts))
        self.runningChanged.emit(False)

    # ------------------------------------------------------------------ what the phones see
    @property
    def publish_pending(self) -> bool:
        """A change is announced and the phones get it when this event-loop turn ends (with the projector's)."""
        return self._publisher.pending

    def publish(self) -> None:
        self._remember_phones()
        if self._server is None:
            return
        session = self._controller.session
        self.computations += 1
        state = room_state(session, self._ticker.view(), self._settings(), session.clock.monotonic() * 1000.0)
        mine = self._statuses()
        interp = interpreter_view(session, self._settings())
        if same_apart_from_timing(self._last, state) and mine == self._last_mine and interp == self._last_interp:
            return  # one intent announces several parts; the phones' own count is still right
        self._last, self._last_mine, self._last_interp = state, mine, interp
        self._server.publish(state, mine, self._open(), self._seen, interp)

    def _tick(self) -> None:
        """The ticker wakes each shown second; phones count by themselves, so only a change of what is
        shown apart from the digits (the countdown reaching zero) is sent, which `publish` decides. With the
        room off there is nobody to tell: nothing is posted (on battery, every second counts)."""
        if self._server is not None:
            self._publisher.request()

    def _session_replaced(self) -> None:
        """Requests and phones belong to the room, not to a session: a phone whose person is not in the
        session now is told its entry is gone (`status_of`); reopening the evening brings its place back."""
        self.publish()

    # ------------------------------------------------------------------ what the phones ask
    def _on_counts(self, counts: dict[str, int]) -> None:
        _log.info("room phones: %s", ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items())))
        counts = dict(counts)
        self.refused = counts.pop("refused", self.refused)
        self.counts = counts
        self.countsChanged.emit(dict(counts))

    def _on_intent(self, kind: str, phone_id: str, intent: dict[str, Any]) -> None:
        if self._server is None:
            return  # arrived after switching off
        _log.info("room %s phone: %s", kind, intent.get("do", "request"))
        if kind == "control":
            self._control(intent)  # a co-moderator's key press: at once
            self.publish()
        elif kind == "api":
            self._desk(intent)
        elif kind == "audience":
            self._arrivals.append((phone_id, intent))
            if not self._batch.isActive():
                self._batch.start()

    def _desk(self, intent: dict[str, Any]) -> None:
        """The AV desk's command (checked by the server against the table): run as its key runs it, and answered
        with whether the session took it and, if not, the reason the moderator would read."""
        name, number = str(intent.pop("command", "")), int(intent.pop("reply", 0))
        ok, why = run_for_desk(self._controller, name, intent)
        self.publish()  # before the answer: both go to the server's loop in order, so the answer's state is the new one
        if self._server is not None:
            self._server.desk.reply(number, ok, why)

    def _control(self, intent: dict[str, Any]) -> None:
        """A co-moderator's command, checked by the server against the command table: run as a key would."""
        command = link_command(str(intent.get("do", "")))
        if command is not None:
            command.run(self._controller, intent)
