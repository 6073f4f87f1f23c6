"""The autosave's encoder keeps the JSON text of the people and the speeches between saves, so a save encodes only
what is new. It must keep that text once, not twice (each item's text and the whole array again), and a logged turn
must not copy the whole array: on a long evening both grow with the log and stay behind as the process's memory
(issue 29's soak)."""

from __future__ import annotations

import gc
import json
import random
import tracemalloc
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.storage import encode as encoder
from fishbowl_desktop.storage.encode import encode_frozen_parts, freeze_session
from fishbowl_desktop.storage.format import participant_to_dict, record_to_dict, request_to_dict

TURNS = 300


def _save(session: Session) -> int:
    """What the autosave does for one save: freeze, encode in pieces, write them (here: count them)."""
    return sum(len(piece) for piece in encode_frozen_parts(freeze_session(session)))


def _log_text_bytes(session: Session) -> int:
    return len(encoder.dumps([record_to_dict(r) for r in session.log]).encode("utf-8"))


def _lists_text_bytes(session: Session) -> int:
    """The JSON of the three lists the encoder keeps: the people, the speech log, the requests for the chair."""
    people = encoder.dumps([participant_to_dict(p) for p in session.participants])
    requests = encoder.dumps([request_to_dict(r) for r in session.requests])
    return _log_text_bytes(session) + len(people.encode("utf-8")) + len(requests.encode("utf-8"))


def test_the_encoder_keeps_the_evenings_text_once(demo: Session, clock: FakeClock) -> None:
    """A save after every Next, for 300 turns: what the encoder still holds afterwards is about one copy of the
    lists' JSON (the old encoder kept each turn's text and the whole log's again: 1.5 times the three lists'
    text here, though it did not keep the requests at all)."""
    _save(demo)
    tracemalloc.start()
    try:
        for _ in range(TURNS):
            leaving = demo.turn.participant_id if demo.turn is not None else None
            clock.advance(5)
            demo.next_free_chair()
            if leaving is not None:
                demo.enqueue(leaving)
            _save(demo)
        gc.collect()
        kept = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, encoder.__file__)])
        kept_bytes = sum(stat.size for stat in kept.statistics("filename"))
    finally:
        tracemalloc.stop()
    lists_bytes = _lists_text_bytes(demo)
    assert len(demo.log) >= TURNS
    assert kept_bytes <= 1.25 * lists_bytes, (kept_bytes, lists_bytes)


def test_a_logged_turn_copies_only_a_stretch_of_the_log(demo: Session, clock: FakeClock) -> None:
    """Saving after one more Next must not build the whole log's text anew: the largest piece of text the save
    allocates is a bounded stretch of the log (128 turns), not all of it."""
    for _ in range(2 * TURNS):
        leaving = demo.turn.participant_id if demo.turn is not None else None
        clock.advance(5)
        demo.next_free_chair()
        if leaving is not None:
            demo.enqueue(leaving)
    _save(demo)
    leaving = demo.turn.participant_id if demo.turn is not None else None
    clock.advance(5)
    demo.next_free_chair()
    if leaving is not None:
        demo.enqueue(leaving)
    frozen = freeze_session(demo)
    tracemalloc.start()
    try:
        pieces = encode_frozen_parts(frozen)
        largest = max(
            (t.size for t in tracemalloc.take_snapshot().traces if t.traceback[0].filename == encoder.__file__),
            default=0,
        )
    finally:
        tracemalloc.stop()
    log_bytes = _log_text_bytes(demo)
    assert sum(len(p) for p in pieces) > log_bytes
    assert largest < log_bytes / 3, (largest, log_bytes)


@dataclass(frozen=True, eq=False)
class _Item:
    value: int


@settings(max_examples=60, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=700),
    edits=st.lists(
        st.tuples(st.sampled_from(["append", "pop", "insert", "replace", "delete", "same"]), st.integers(0, 10_000)),
        max_size=12,
    ),
)
def test_the_kept_text_is_the_array_after_any_change(start: int, edits: list[tuple[str, int]]) -> None:
    """Turns logged, undone, people added in the middle, edited, removed: after each change the pieces joined are
    exactly the JSON array of the list as it is now."""
    fragments: encoder._Fragments[_Item] = encoder._Fragments(lambda item: {"v": item.value})
    items = [_Item(i) for i in range(start)]
    rng = random.Random(start)
    for kind, where in [("same", 0), *edits]:
        at = where % (len(items) + 1)
        if kind == "append":
            items += [_Item(rng.randrange(1000)) for _ in range(1 + where % 3)]
        elif kind == "pop" and items:
            items.pop()
        elif kind == "insert":
            items.insert(at, _Item(-where))
        elif kind == "replace" and at < len(items):
            items[at] = _Item(where)
        elif kind == "delete" and at < len(items):
            del items[at]
        text = b"".join(fragments.array(items))
        assert json.loads(text) == [{"v": item.value} for item in items]
        assert text == encoder.dumps([{"v": item.value} for item in items]).encode("utf-8")
