"""The room's memory of its phones: whose request is waiting, which person each accepted phone became, who was
declined. Kept in `room-phones.json` beside `room.json`, so a restart or a killed app never leaves a phone
showing a place it no longer has, a pending request lost while the phone says "sent", or a person queued twice.

Why the room's data folder and not the session file:
- a phone id is the phone's only key: with it and the (printed, public) audience link anyone could withdraw
  that person. Session files are passed on to colleagues and funders; room files never leave the laptop (0600);
- pending and declined requests are not part of the evening yet (the moderator has not said yes), and the
  list of people who asked lives and dies with the room's links ("New links" forgets it), not with a session;
- the link to a person is checked against whatever session is open (`Room.status_of`): an accepted phone
  whose person is no longer there is told so, whichever file the moderator opened meanwhile.

Qt-free; written off the UI thread (`LedgerWriter`), atomically, at most a moment after each change.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import field
from pathlib import Path

from fishbowl_desktop.atomic_file import write_atomically
from fishbowl_desktop.room.validate import clean_name, valid_phone_id
from fishbowl_desktop.value_class import value_class

PHONES_FILE = "room-phones.json"
FORMAT = 1


@value_class
class AudienceRequest:
    """A phone's "I'd like to take the free chair", waiting for the moderator's yes or no."""

    phone_id: str
    name: str
    group: str
    consent: bool


@value_class(frozen=False)
class PhoneLedger:
    """What the room knows about the phones: open requests, who joined as whom, who was declined."""

    pending: list[AudienceRequest] = field(default_factory=list)
    joined: dict[str, str] = field(default_factory=dict)
    """phone id → the participant its accepted request became."""
    declined: set[str] = field(default_factory=set)

    def clear(self) -> None:
        self.pending.clear()
        self.joined.clear()
        self.declined.clear()

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "pending": [
                {"phone": r.phone_id, "name": r.name, "group": r.group, "consent": r.consent} for r in self.pending
            ],
            "joined": dict(sorted(self.joined.items())),
            "declined": sorted(self.declined),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> PhoneLedger:
        """What can be read; an entry that does not look like one of ours is left out, never trusted."""
        data = json.loads(raw.decode("utf-8"))
        ledger = cls()
        if not isinstance(data, dict):
            return ledger
        for item in data.get("pending", []):
            if not isinstance(item, dict) or not valid_phone_id(item.get("phone")):
                continue
            name = clean_name(item.get("name"))
            group = item.get("group", "")
            if name is None or not isinstance(group, str):
                continue
            if any(r.phone_id == item["phone"] for r in ledger.pending):
                continue
            ledger.pending.append(AudienceRequest(item["phone"], name, group, item.get("consent") is True))
        joined = data.get("joined", {})
        if isinstance(joined, dict):
            ledger.joined = {p: pid for p, pid in joined.items() if valid_phone_id(p) and isinstance(pid, str)}
        declined = data.get("declined", [])
        if isinstance(declined, list):
            ledger.declined = {p for p in declined if valid_phone_id(p)}
        return ledger


def load_ledger(folder: Path) -> PhoneLedger:
    """The phones the room knew before; empty when there is no file or it cannot be read (the phones are then
    told their entry is gone, and may ask again)."""
    try:
        return PhoneLedger.from_bytes((folder / PHONES_FILE).read_bytes())
    except (OSError, ValueError):
        return PhoneLedger()


class LedgerWriter:
    """Writes the newest snapshot on a helper thread; a burst of changes costs one or two writes, and the UI
    thread never waits for the disk. `flush()` waits for the last one (switching the room off, quitting)."""

    def __init__(self, folder: Path, on_disk: bytes | None = None, reported: Callable[[str], object] | None = None):
        self._path = folder / PHONES_FILE
        self._reported = reported
        """Told after each write, on the writer's thread: the reason it failed, or "" when it worked."""
        self._lock = threading.Lock()
        self._next: bytes | None = None
        self._thread: threading.Thread | None = None
        self._busy = False
        self._written = on_disk
        self.error: str | None = None

    def submit(self, data: bytes) -> None:
        with self._lock:
            self._next = data
            if self._busy:
                return  # the running writer takes the newest snapshot when it is done
            self._busy = True
            self._thread = threading.Thread(target=self._run, name="fishbowl-room-phones", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                data, self._next = self._next, None
                if data is None:
                    self._busy = False
                    return
            try:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(self._path, data)
            except OSError as exc:
                self.error = exc.strerror or str(exc)
            else:
                self.error = None
                self._written = data
            if self._reported is not None:
                self._reported(self.error or "")

    def saved(self, data: bytes) -> bool:
        """Whether `data` is what the file holds now."""
        return self._written == data

    def flush(self, timeout: float = 5.0) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
