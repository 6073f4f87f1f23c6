"""The audience's requests for the free chair, as the room keeps them: the list the moderator accepts or declines
from, each phone's place (pending, queued, its turn, declined, gone), requests taken in batches, and the record of
phones that survives a restart (room-phones.json).

A base of `Room` (service.py), which adds the server's life cycle, the links and the publishing: one job each.
Lives on the Qt thread. Requests from the audience are taken in batches (`BATCH_MS`): a flood of them costs the
console one list update and one publish per batch, not one per phone (issue 22: 260 requests used to stall the
console for seconds).
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Opening, make_participant
from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.phones import AudienceRequest, LedgerWriter, PhoneLedger, load_ledger
from fishbowl_desktop.room.request_limits import MAX_OPEN

if TYPE_CHECKING:
    from fishbowl_desktop.room.server import RoomServer

BATCH_MS = 100
"""Audience requests arriving within this time are taken in together."""
DIRECT_PER_MINUTE = 6
"""With "straight into the queue" on, at most this many a minute go in without the moderator's yes; the rest
wait in the list (30 invented people in a second used to walk straight into the queue)."""
PHONES_WRITE_MS = 200
"""A burst of requests is written once: the first change starts this wait, the write takes them all."""
PHONES_RETRY_MS = 5000
"""A failed write of room-phones.json is tried again this often, with the newest state, until it works."""


class AudienceRequests(QObject):
    requestsChanged = Signal()
    pausedChanged = Signal(bool)
    phonesSaveChanged = Signal(str)
    """room-phones.json could not be written (the reason; the phones stay in memory, retried), or is again ("")."""
    _phonesWritten = Signal(str)

    def __init__(self, controller: SessionController, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._controller = controller
        self._server: RoomServer | None = None
        known = load_ledger(folder)  # the phones from before a restart or a kill (room/phones.py)
        self.pending: list[AudienceRequest] = known.pending
        self._joined: dict[str, str] = known.joined
        """phone id → the participant its accepted request became."""
        self._declined: set[str] = known.declined
        self._phones_file = LedgerWriter(folder, on_disk=known.to_bytes(), reported=self._phonesWritten.emit)
        self.phones_error = ""
        """Why the last write of room-phones.json failed, "" while it is written."""
        self._phones_retry = QTimer(self)
        self._phones_retry.setSingleShot(True)
        self._phones_retry.setInterval(PHONES_RETRY_MS)
        self._phones_retry.timeout.connect(self._write_phones)
        self._phonesWritten.connect(self._phones_written, Qt.ConnectionType.QueuedConnection)
        self._phones_mark = self._phones_fingerprint()
        self._phones_timer = QTimer(self)
        self._phones_timer.setSingleShot(True)
        self._phones_timer.setInterval(PHONES_WRITE_MS)
        self._phones_timer.timeout.connect(self._write_phones)
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

    # ------------------------------------------------------------------ what Room supplies
    @property
    def links(self) -> RoomLinks:
        raise NotImplementedError

    def publish(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ the record of phones
    def _phones_fingerprint(self) -> tuple[object, ...]:
        """Cheap (a few tuples of ids; the figure is in benchmarks/README.md), so every publish can ask whether the
        phones changed."""
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

    def retry_phones(self) -> None:
        """Write room-phones.json now (the moderator's "Try again" after a failed write)."""
        self._phones_retry.stop()
        self._write_phones()

    def _phones_written(self, error: str) -> None:
        """A failed write loses nothing (the phones stay in memory) and is tried again until it works."""
        if error:
            self._phones_retry.start()
        if error != self.phones_error:
            self.phones_error = error
            self.phonesSaveChanged.emit(error)

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
        self._controller.note_declined([r.group for r in self.pending])
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
        gone = [r for r in self.pending if r.phone_id == phone_id]
        self.pending[:] = [r for r in self.pending if r.phone_id != phone_id]
        if gone:
            self._controller.note_declined([r.group for r in gone])
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
