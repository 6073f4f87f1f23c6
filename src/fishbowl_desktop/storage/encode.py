"""Session → JSON bytes, fast enough to autosave a 2,000-person evening every second.

Participants and speech records are immutable, and between two saves only a few of them change (one
turn is added, one person edited). Their JSON text is kept from the previous save, keyed by the object
itself, so a save re-encodes only what is new; the output is the same as `json.dumps(session_to_dict())`.

`freeze_session` is the part that must run on the thread that owns the session: the small parts as JSON
text, the two long lists as tuples of their immutable items (a few references). `encode_frozen` may then
run on any thread (the autosave's writer thread does it) while the moderator keeps changing the session.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from fishbowl_desktop.model import Participant, Session, SpeechRecord
from fishbowl_desktop.storage.format import participant_to_dict, record_to_dict, session_to_dict
from fishbowl_desktop.value_class import value_class

T = TypeVar("T")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class _Fragments(Generic[T]):
    """The JSON text of each item of one list, from the last save; items are compared by identity, and
    the cache keeps only the items of the last save, so it never grows beyond one session's list.

    The whole array's text is kept too: an unchanged list (the usual case: the projector message changed)
    costs one tuple comparison, and a list that only grew at its end (a turn was logged) encodes only the
    new items; tuple comparison checks identity first, so both run at C speed."""

    def __init__(self, to_dict: Callable[[T], Any]):
        self._to_dict = to_dict
        self._texts: dict[int, tuple[T, bytes]] = {}
        self._last: tuple[tuple[T, ...], bytes] = ((), b"[]")
        self._lock = threading.Lock()

    def array(self, items: Iterable[T]) -> bytes:
        """The list as UTF-8 JSON (bytes: joining them is a copy, where a big evening's str with umlauts took far
        longer; benchmarks/README.md)."""
        items = tuple(items)
        with self._lock:  # an autosave and an export on another thread may encode at the same time
            old_items, old_text = self._last
            if items == old_items:
                return old_text
            n = len(old_items)
            if n and len(items) > n and items[:n] == old_items:
                tail = []
                for item in items[n:]:
                    hit = (item, dumps(self._to_dict(item)).encode("utf-8"))
                    self._texts[id(item)] = hit
                    tail.append(hit[1])
                text = old_text[:-1] + b"," + b",".join(tail) + b"]"
            else:
                text = self._full(items)
            self._last = (items, text)
        return text

    def _full(self, items: tuple[T, ...]) -> bytes:
        old, new = self._texts, {}
        parts = []
        for item in items:
            hit = old.get(id(item))
            if hit is None or hit[0] is not item:
                hit = (item, dumps(self._to_dict(item)).encode("utf-8"))
            new[id(item)] = hit
            parts.append(hit[1])
        self._texts = new
        return b"[" + b",".join(parts) + b"]"


_PARTICIPANTS: _Fragments[Participant] = _Fragments(participant_to_dict)
_LOG: _Fragments[SpeechRecord] = _Fragments(record_to_dict)


@value_class
class FrozenSession:
    """A session as it was at one moment, ready to encode on another thread."""

    pieces: tuple[tuple[str, str], ...]
    """(key as JSON, value as JSON) in file order; "participants" and "log" have "" as their value here."""
    participants: tuple[Participant, ...]
    log: tuple[SpeechRecord, ...]


def freeze_session(session: Session) -> FrozenSession:
    """The owner-thread half of a save: a few references per list, so even a big evening's costs the UI thread
    next to nothing (benchmarks/README.md)."""
    pieces = tuple(
        (key, "" if key in ("participants", "log") else dumps(value))
        for key, value in session_to_dict(session, lists=False).items()
    )
    return FrozenSession(pieces, session.participants.as_tuple(), session.log.as_tuple())


def encode_frozen(frozen: FrozenSession) -> bytes:
    """Compact UTF-8 JSON (`python -m json.tool FILE` shows it indented for anyone reading it by hand)."""
    return b"".join(encode_frozen_parts(frozen))


def encode_frozen_parts(frozen: FrozenSession) -> list[bytes]:
    """The same JSON in pieces, for writing them one after the other: the two long arrays (megabytes on a big
    evening) are written as they are kept, not copied into one string first. Each copy held the GIL, so on
    the writer thread it kept the UI thread waiting (figures in benchmarks/README.md)."""
    parts = [b"{"]
    for key, text in frozen.pieces:
        if key == "participants":
            value = _PARTICIPANTS.array(frozen.participants)
        elif key == "log":
            value = _LOG.array(frozen.log)
        else:
            value = text.encode("utf-8")
        if len(parts) > 1:
            parts.append(b",")
        parts += (dumps(key).encode("utf-8"), b":", value)
    parts.append(b"}")
    return parts


def encode_session(session: Session) -> bytes:
    return encode_frozen(freeze_session(session))
