"""Session → JSON bytes, fast enough to autosave a 2,000-person evening every second.

Participants, speech records and requests for the free chair are immutable, and between two saves only a few
of them change (one turn is added, one person edited). Their JSON text is kept from the previous save, in
stretches of consecutive items compared by identity, so a save re-encodes only what is new; the output is the
same as `json.dumps(session_to_dict())`.

`freeze_session` is the part that must run on the thread that owns the session: the small parts as JSON
text, the three long lists as tuples of their immutable items (a few references). `encode_frozen` may then
run on any thread (the autosave's writer thread does it) while the moderator keeps changing the session.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from fishbowl_desktop.model import ChairRequest, Participant, Session, SpeechRecord
from fishbowl_desktop.storage.format import participant_to_dict, record_to_dict, request_to_dict, session_to_dict
from fishbowl_desktop.value_class import value_class

T = TypeVar("T")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


STRETCH_ITEMS = 128
"""Items per kept stretch of text: a logged turn re-joins at most this many items' text (a few KB for the log),
an undone turn or an edited person re-encodes at most as many, and a 10,000-turn log is written in ~80 pieces."""


class _Fragments(Generic[T]):
    """The JSON text of one list from the last save, kept in stretches of consecutive items (each stretch: its
    items, and their text, each followed by a comma). Items are compared by identity, and only the last save's
    stretches are kept, so the cache never grows beyond one session's list and holds its text once.

    An unchanged list (the usual case: the projector message changed) costs one tuple comparison; a list that
    grew at its end (a turn was logged) encodes only the new items and re-joins only the last stretch; an item
    changed, inserted or removed in the middle (a person edited) re-encodes its own stretch, and the stretches
    after it are found again where they now start. Before, the whole array's text was kept beside each item's
    and copied anew for every logged turn: the log's text twice over, and a copy as long as the log per save,
    which the allocators kept as the process's memory (issue 29's soak)."""

    def __init__(self, to_dict: Callable[[T], Any]):
        self._to_dict = to_dict
        self._stretches: list[tuple[tuple[T, ...], bytes]] = []
        self._last: tuple[tuple[T, ...], tuple[bytes, ...]] = ((), (b"[]",))
        self._lock = threading.Lock()

    def array(self, items: Iterable[T]) -> tuple[bytes, ...]:
        """The list as UTF-8 JSON, in pieces to be written one after the other (bytes: joining them is a copy,
        where a big evening's str with umlauts took far longer; benchmarks/README.md)."""
        items = tuple(items)
        with self._lock:  # an autosave and an export on another thread may encode at the same time
            if items == self._last[0]:
                return self._last[1]
            stretches = self._restretched(items)
            self._stretches = stretches
            pieces = [b"[", *(text for _, text in stretches)]
            if stretches:
                pieces[-1] = pieces[-1][:-1]  # the last item's comma (a copy of one stretch, not of the list)
            pieces.append(b"]")
            kept = tuple(pieces)
            self._last = (items, kept)
        return kept

    def _restretched(self, items: tuple[T, ...]) -> list[tuple[tuple[T, ...], bytes]]:
        old = self._stretches
        starts = {id(stretch[0][0]): stretch for stretch in old}
        kept: list[tuple[tuple[T, ...], bytes]] = []
        pending: list[T] = []  # items with no kept stretch of their own
        pos, count = 0, len(items)
        while pos < count:
            stretch = starts.get(id(items[pos]))
            if stretch is not None and stretch[0][0] is items[pos]:
                size = len(stretch[0])
                if items[pos : pos + size] == stretch[0]:
                    self._flush(pending, kept)
                    kept.append(stretch)
                    pos += size
                    continue
            pending.append(items[pos])
            pos += 1
        if pending and kept and kept[-1] is old[-1] and len(old[-1][0]) < STRETCH_ITEMS:
            # the usual logged turn: the last stretch takes the new items instead of a new stretch starting
            last_items, last_text = kept.pop()
            grown = tuple(pending[: STRETCH_ITEMS - len(last_items)])
            kept.append((last_items + grown, last_text + self._text(grown)))
            del pending[: len(grown)]
        self._flush(pending, kept)
        return kept

    def _text(self, items: Iterable[T]) -> bytes:
        return b"".join(dumps(self._to_dict(item)).encode("utf-8") + b"," for item in items)

    def _flush(self, pending: list[T], kept: list[tuple[tuple[T, ...], bytes]]) -> None:
        for at in range(0, len(pending), STRETCH_ITEMS):
            run = tuple(pending[at : at + STRETCH_ITEMS])
            kept.append((run, self._text(run)))
        pending.clear()


_PARTICIPANTS: _Fragments[Participant] = _Fragments(participant_to_dict)
_LOG: _Fragments[SpeechRecord] = _Fragments(record_to_dict)
_REQUESTS: _Fragments[ChairRequest] = _Fragments(request_to_dict)


_KEPT = ("participants", "log", "requests")
"""The lists the encoder keeps the text of between saves (`session_to_dict(lists=False)` leaves them None)."""


@value_class
class FrozenSession:
    """A session as it was at one moment, ready to encode on another thread."""

    pieces: tuple[tuple[str, str], ...]
    """(key as JSON, value as JSON) in file order; "participants", "log" and "requests" have "" as their value
    here."""
    participants: tuple[Participant, ...]
    log: tuple[SpeechRecord, ...]
    requests: tuple[ChairRequest, ...] = ()
    """What became of each request for the free chair: one more with every turn, so kept like the log."""


def freeze_session(session: Session) -> FrozenSession:
    """The owner-thread half of a save: a few references per list, so even a big evening's costs the UI thread
    next to nothing (benchmarks/README.md)."""
    pieces = tuple(
        (key, "" if key in _KEPT else dumps(value)) for key, value in session_to_dict(session, lists=False).items()
    )
    return FrozenSession(pieces, session.participants.as_tuple(), session.log.as_tuple(), session.requests.as_tuple())


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
        elif key == "requests":
            value = _REQUESTS.array(frozen.requests)
        else:
            value = (text.encode("utf-8"),)
        if len(parts) > 1:
            parts.append(b",")
        parts += (dumps(key).encode("utf-8"), b":", *value)
    parts.append(b"}")
    return parts


def encode_session(session: Session) -> bytes:
    return encode_frozen(freeze_session(session))
