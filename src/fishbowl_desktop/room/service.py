"""The room as the console knows it: switches the server on and off, hands it the public state after every
change, and turns what phones send into controller intents (the same ones the keyboard uses).

Lives on the Qt thread. The server runs on its own thread; what it receives comes back through a queued
signal, so every intent runs on the Qt thread exactly like a key press. Requests from the audience are taken
in batches (`BATCH_MS`): a flood of them costs the console one list update and one publish per batch, not
one per phone (issue 22: 260 requests used to stall the console for seconds).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fishbowl_desktop.commands import api_commands, link_command
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.coalesce import TurnCoalescer
from fishbowl_desktop.model import Opening, make_participant
from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.room.file_limit import raise_file_limit
from fishbowl_desktop.room.links import LINKS_FILE, RoomLinks, read_links, save_links
from fishbowl_desktop.room.phones import AudienceRequest, LedgerWriter, PhoneLedger, load_ledger
from fishbowl_desktop.room.request_limits import MAX_OPEN
from fishbowl_desktop.room.state import room_state, same_apart_from_timing
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.support_file import Refusal

if TYPE_CHECKING:
    from fishbowl_desktop.room.server import RoomServer

_log = logging.getLogger("fishbowl.room")
BATCH_MS = 100
"""Audience requests arriving within this time are taken in together."""
DIRECT_PER_MINUTE = 6
"""With "straight into the queue" on, at most this many a minute go in without the moderator's yes; the rest
wait in the list (30 invented people in a second used to walk straight into the queue)."""
PHONES_WRITE_MS = 200
"""A burst of requests is written once: the first change starts this wait, the write takes them all."""


__all__ = ["AudienceRequest", "Room"]


class Room(QObject):
    runningChanged = Signal(bool)
    countsChanged = Signal(dict)
    requestsChanged = Signal()
    linksChanged = Signal()
    qrOnProjectorChanged = Signal(bool)
    pausedChanged = Signal(bool)
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
        super().__init__(parent)
        self._controller = controller
        self._ticker = ticker
        self._settings = settings
        self._folder = folder
        self._links: RoomLinks | None = None
        self.links_refusal: Refusal | None = None
        """Why room.json was set aside when the links were first needed (the room menu says it once)."""
        self._server: RoomServer | None = None
        self._last: dict[str, Any] | None = None
        self._last_mine: dict[str, dict[str, Any]] = {}
        known = load_ledger(folder)  # the phones from before a restart or a kill (room/phones.py)
        self.pending: list[AudienceRequest] = known.pending
        self._joined: dict[str, str] = known.joined
        """phone id → the participant its accepted request became."""
        self._declined: set[str] = known.declined
        self._phones_file = LedgerWriter(folder, on_disk=known.to_bytes())
        self._phones_mark = self._phones_fingerprint()
        self._phones_timer = QTimer(self)
        self._phones_timer.setSingleShot(True)
        self._phones_timer.setInterval(PHONES_WRITE_MS)
        self._phones_timer.timeout.connect(self._write_phones)
        self.counts = {"timer": 0, "audience": 0, "control": 0}
        self.refused = 0
        """Connections the server refused or closed for capacity since the room was switched on."""
        self.paused = False
        """Requests paused: phones are told so at once, nothing reaches the list. Live, never saved."""
        self.direct_count = 0
        """Requests that went straight into the queue this evening (shown beside the choice)."""
        self._direct_stamps: deque[float] = deque()
        self._arrivals: list[tuple[str, dict[str, Any]]] = []
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._take_arrivals)
        self._seen = 0
        """The number of the last request taken in, handed back to the server with each publish."""
        self.qr_on_projector = False
        """The audience link's QR code on the projector: live, like the blank screen; never saved."""
        self.address = "127.0.0.1"
        """The laptop address the shown links use (the room window lets the moderator pick it)."""
        self._intentArrived.connect(self._on_intent, Qt.ConnectionType.QueuedConnection)
        self._countsArrived.connect(self._on_counts, Qt.ConnectionType.QueuedConnection)
        self.computations = 0
        """How often the phones' state was derived from the model; lets tests check one per intent."""
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
            if stored is None or not stored.api:  # none yet, or a room.json from before the desk's API
                stored = RoomLinks() if stored is None else stored.with_new_api_token()
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
        self._last, self._last_mine = None, {}
        self.publish()
        self.runningChanged.emit(True)

    def stop(self) -> None:
        """The moderator switches the room off: it stays off after a restart."""
        if self.links_stored and self.links.on:
            self._store(replace(self.links, on=False))
        self.shut_down()

    def shut_down(self) -> None:
        """The app quits with the room on: next start switches it on again, so printed QR codes keep working."""
        if self._phones_timer.isActive():
            self._phones_timer.stop()
            self._write_phones()
        self._phones_file.flush()
        server, self._server = self._server, None
        if server is None:
            return
        server.stop()
        _log.info("room off")
        self._batch.stop()
        self._arrivals.clear()
        self.counts = {"timer": 0, "audience": 0, "control": 0}
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
        if same_apart_from_timing(self._last, state) and mine == self._last_mine:
            return  # one intent announces several parts; the phones' own count is still right
        self._last, self._last_mine = state, mine
        self._server.publish(state, mine, self._open(), self._seen)

    def _tick(self) -> None:
        """The ticker wakes each shown second; phones count by themselves, so only a change of what is
        shown apart from the digits (the countdown reaching zero) is sent, which `publish` decides."""
        self._publisher.request()

    def _session_replaced(self) -> None:
        """Requests and phones belong to the room, not to a session: a phone whose person is not in the
        session now is told its entry is gone (`status_of`); reopening the evening brings its place back."""
        self.publish()

    def _phones_fingerprint(self) -> tuple[object, ...]:
        """Cheap (~0.05 ms for 600 phones), so every publish can ask whether the phones changed."""
        return tuple(r.phone_id for r in self.pending), frozenset(self._joined.items()), frozenset(self._declined)

    def _remember_phones(self) -> None:
        """After a change the phones' requests and places go to room-phones.json a moment later, written off
        the UI thread; a kill loses at most that moment."""
        mark = self._phones_fingerprint()
        if mark != self._phones_mark:
            self._phones_mark = mark
            if not self._phones_timer.isActive():
                self._phones_timer.start()

    def _write_phones(self) -> None:
        self._phones_file.submit(self._phones_snapshot())

    def _phones_snapshot(self) -> bytes:
        return PhoneLedger(list(self.pending), dict(self._joined), set(self._declined)).to_bytes()

    def phones_saved(self) -> bool:
        """Whether room-phones.json holds the phones as they are now."""
        return self._phones_file.saved(self._phones_snapshot())

    def status_of(self, phone_id: str, pending: set[str] | None = None) -> dict[str, Any] | None:
        if phone_id in (pending if pending is not None else {r.phone_id for r in self.pending}):
            return {"st": "pending"}
        if phone_id in self._declined:
            return {"st": "declined"}
        pid = self._joined.get(phone_id)
        if pid is None:
            return None
        session = self._controller.session
        if not session.has_participant(pid):
            return {"st": "gone"}
        turn = session.turn
        if (turn is not None and turn.participant_id == pid) or session.seat_of(pid) is not None:
            return {"st": "turn"}
        pos = session.queue_position(pid)
        if pos is not None:
            return {"st": "queued", "pos": pos + 1}
        if not any(record.participant_id == pid for record in session.log):
            return {"st": "gone"}  # taken off the queue before speaking: the phone must not think it waits
        return {"st": "closed"}

    def _statuses(self) -> dict[str, dict[str, Any]]:
        pending = {r.phone_id for r in self.pending}
        phones = pending | self._declined | set(self._joined)
        return {p: s for p in phones if (s := self.status_of(p, pending)) is not None}

    def _open(self) -> set[str]:
        return {p for p, s in self._statuses().items() if s["st"] in ("pending", "queued", "turn")}

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
            self.publish()
        elif kind == "audience":
            self._arrivals.append((phone_id, intent))
            if not self._batch.isActive():
                self._batch.start()

    def _take_arrivals(self) -> None:
        arrivals, self._arrivals = self._arrivals, []
        if self._server is None or not arrivals:
            return
        before = (list(self.pending), self.direct_count)
        for phone_id, intent in arrivals:
            self._audience(phone_id, intent)
            seq = intent.get("seq")
            if isinstance(seq, int):
                self._seen = max(self._seen, seq)
        if (self.pending, self.direct_count) != before:
            self.requestsChanged.emit()
        self.publish()

    def _desk(self, intent: dict[str, Any]) -> None:
        """The AV desk's command (checked by the server against the table): run as its key runs it, and answered
        with whether the session took it and, if not, the reason the moderator would read."""
        name, number = str(intent.pop("command", "")), int(intent.pop("reply", 0))
        found = next((c for c in api_commands() if c.name == name), None)
        refusals: list[str] = []
        ok = False
        if found is not None:
            self._controller.errorRaised.connect(refusals.append)
            try:
                ok = found.run(self._controller, intent) is not False
            finally:
                self._controller.errorRaised.disconnect(refusals.append)
        if self._server is not None:
            self._server.desk.reply(number, ok and not refusals, refusals[0] if refusals else "")

    def _control(self, intent: dict[str, Any]) -> None:
        """A co-moderator's command, checked by the server against the command table: run as a key would."""
        command = link_command(str(intent.get("do", "")))
        if command is not None:
            command.run(self._controller, intent)

    def _audience(self, phone_id: str, intent: dict[str, Any]) -> None:
        """One phone's request or withdrawal, inside a batch (`_take_arrivals` announces the list once)."""
        if intent.get("do") == "withdraw":
            self._withdraw(phone_id)
            return
        open_now = self._open()
        if phone_id in open_now:
            return  # one open request per phone
        refusal = "paused" if self.paused else "full" if len(open_now) >= MAX_OPEN else None
        if refusal is None and self._controller.session.settings.opening is Opening.CLOSED:
            refusal = "shut"  # a closed fishbowl: the audience listens (issue 28); the phone's page says so too
        if refusal is not None:
            if self._server is not None:
                self._server.tell(phone_id, refusal)  # asked before the server knew; told now
            return
        request = AudienceRequest(
            phone_id, str(intent["name"]), str(intent.get("group", "")), bool(intent.get("consent"))
        )
        self._declined.discard(phone_id)
        if self.links.accept_directly and self._direct_room() and self._join(request):
            self.direct_count += 1
            self._direct_stamps.append(time.monotonic())
        else:
            self.pending.append(request)

    def _direct_room(self) -> bool:
        """Whether one more may go straight into the queue within DIRECT_PER_MINUTE."""
        now = time.monotonic()
        while self._direct_stamps and now - self._direct_stamps[0] >= 60.0:
            self._direct_stamps.popleft()
        return len(self._direct_stamps) < DIRECT_PER_MINUTE

    def set_paused(self, paused: bool) -> None:
        """Pause requests: phones are told "paused" at once; the list keeps what it has."""
        if paused != self.paused:
            self.paused = paused
            if self._server is not None:
                self._server.set_paused(paused)
            self.pausedChanged.emit(paused)

    def decline_all(self) -> int:
        """Every waiting request declined in one step (each phone is told); returns how many."""
        declined = [r.phone_id for r in self.pending]
        if not declined:
            return 0
        self.pending.clear()
        self._declined.update(declined)
        self.requestsChanged.emit()
        self.publish()
        return len(declined)

    def accept(self, phone_id: str) -> bool:
        """The moderator's yes: the person joins the queue where the active ordering rule places them."""
        request = next((r for r in self.pending if r.phone_id == phone_id), None)
        if request is None:
            return False
        ok = self._join(request)
        if ok:
            self.pending.remove(request)
            self.requestsChanged.emit()
            self.publish()
        return ok

    def decline(self, phone_id: str) -> None:
        before = len(self.pending)
        self.pending[:] = [r for r in self.pending if r.phone_id != phone_id]
        if len(self.pending) != before:
            self._declined.add(phone_id)
            self.requestsChanged.emit()
            self.publish()

    def withdraw(self, phone_id: str) -> None:
        before = len(self.pending)
        self._withdraw(phone_id)
        if len(self.pending) != before:
            self.requestsChanged.emit()

    def _withdraw(self, phone_id: str) -> None:
        self.pending[:] = [r for r in self.pending if r.phone_id != phone_id]
        pid = self._joined.get(phone_id)
        if pid is not None and self._controller.session.queue_position(pid) is not None:
            self._controller.dequeue(pid)
        self._joined.pop(phone_id, None)
        self._declined.discard(phone_id)

    def _join(self, request: AudienceRequest) -> bool:
        known = self._known_person(request)
        if known is not None:
            session = self._controller.session
            if session.queue_position(known) is None and not self._controller.enqueue(known, request.group or None):
                return False
            self._joined[request.phone_id] = known
            return True
        person = make_participant(request.name, group=request.group, consent_to_list=request.consent)
        if not self._controller.add_and_enqueue(person):
            return False
        self._joined[request.phone_id] = person.id
        return True

    def _known_person(self, request: AudienceRequest) -> str | None:
        """The person a request means, if the evening knows them already: first this phone's earlier person
        under the same name, then the one participant of that name (folded: "jurgen moller" is "Jürgen Möller")
        who is neither in the circle nor another phone's person. Two of the same name: a new one, never a guess."""
        session = self._controller.session
        key = " ".join(fold(request.name).split())

        def same(pid: str) -> bool:
            return session.has_participant(pid) and " ".join(fold(session.participant(pid).name).split()) == key

        earlier = self._joined.get(request.phone_id)
        if earlier is not None and same(earlier):
            return earlier
        taken = {pid for phone, pid in self._joined.items() if phone != request.phone_id}
        speaking = session.turn.participant_id if session.turn is not None else None
        matches = [
            p.id
            for p in session.participants
            if p.id not in taken and p.id != speaking and session.seat_of(p.id) is None and same(p.id)
        ]
        return matches[0] if len(matches) == 1 else None
