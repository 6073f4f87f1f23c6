"""The log's speaking totals kept as turns are logged (model/log_tally.py) equal a full count, exactly.

Hypothesis drives the log through every kind of change (appends, undoing them, edits, moves, blocks, a whole
restore) and compares the kept totals with `speaking_stats` over the log as it is, to the last bit of every
float: the incremental path must be the same additions in the same order, not an approximation.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import (
    FakeClock,
    ListListener,
    ObservableList,
    Role,
    SeatKind,
    Session,
    SpeechRecord,
    speaking_stats,
)
from fishbowl_desktop.model.log_tally import LogTally
from fishbowl_desktop.model.speech import SpeakingStats, is_accidental

START = datetime(2026, 12, 6, 19, 0)

records = st.builds(
    SpeechRecord,
    participant_id=st.sampled_from(["a", "b", "c", "d", "e"]),
    seat_index=st.integers(0, 4),
    seat_kind=st.sampled_from(list(SeatKind)),
    started_at=st.just(START),
    duration=st.floats(0, 400, allow_nan=False) | st.sampled_from([0.1, 0.2, 0.3, 1e-9, 119.999]),
    allotted=st.just(120.0),
    role=st.sampled_from(list(Role)),
    group=st.sampled_from(["", "Rat", "Verein"]),
)

ops = st.one_of(
    st.tuples(st.just("append"), records),
    st.tuples(st.just("pop_last")),
    st.tuples(st.just("undo_redo")),
    st.tuples(st.just("insert"), st.integers(0, 50), records),
    st.tuples(st.just("pop"), st.integers(0, 50)),
    st.tuples(st.just("replace"), st.integers(0, 50), records),
    st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("extend"), st.lists(records, max_size=4)),
    st.tuples(st.just("remove_tail"), st.integers(1, 3)),
    st.tuples(st.just("restore_earlier"), st.integers(0, 50)),
)


def _apply(log: ObservableList[SpeechRecord], op: tuple[Any, ...], history: list[tuple[SpeechRecord, ...]]) -> None:
    kind, *args = op
    n = len(log)
    if kind == "append":
        log.append(args[0])
    elif kind == "pop_last" and n:
        log.pop(n - 1)
    elif kind == "undo_redo" and n:  # undo a Next, then redo it: the same record back at the end
        last = log[n - 1]
        log.pop(n - 1)
        log.append(last)
    elif kind == "insert":
        log.insert(args[0] % (n + 1), args[1])
    elif kind == "pop" and n:
        log.pop(args[0] % n)
    elif kind == "replace" and n:
        log.replace(args[0] % n, args[1])
    elif kind == "move" and n:
        log.move(args[0] % n, args[1] % n)
    elif kind == "extend":
        log.extend(args[0])
    elif kind == "remove_tail" and n:
        log.remove_range(max(0, n - args[0]), n)
    elif kind == "restore_earlier" and history:  # an undo several steps back, as Session.restore does it
        wanted = history[args[0] % len(history)]
        while len(log) > len(wanted):
            log.pop(len(log) - 1)
        for i, item in enumerate(wanted):
            if i < len(log):
                if log[i] != item:
                    log.replace(i, item)
            else:
                log.append(item)
    history.append(log.as_tuple())


@settings(max_examples=300, deadline=None)
@given(
    start=st.lists(records, max_size=8),
    steps=st.lists(st.tuples(ops, st.booleans()), max_size=40),
    threshold=st.sampled_from([None, 5.0]),
)
def test_kept_totals_equal_a_full_count_after_any_changes(
    start: list[SpeechRecord],
    steps: list[tuple[tuple[Any, ...], bool]],
    threshold: float | None,
) -> None:
    log: ObservableList[SpeechRecord] = ObservableList(start)

    def counted(rec: SpeechRecord) -> bool:
        return threshold is None or not is_accidental(rec, threshold)

    tally = LogTally(log, None if threshold is None else counted)
    history: list[tuple[SpeechRecord, ...]] = [log.as_tuple()]
    for op, read in steps:
        _apply(log, op, history)
        if read:  # readers come at any moment, or not at all between changes
            _assert_same(tally.stats, speaking_stats(r for r in log if counted(r)))
    _assert_same(tally.stats, speaking_stats(r for r in log if counted(r)))


def _assert_same(kept: SpeakingStats, full: SpeakingStats) -> None:
    assert kept == full
    # the floats to the last bit, and the order people first spoke in (the statistics list them so)
    assert kept.total_seconds.hex() == full.total_seconds.hex()
    assert list(kept.by_participant) == list(full.by_participant)
    for table, other in ((kept.by_participant, full.by_participant), (kept.by_group, full.by_group)):
        for key, tally in table.items():
            assert tally.seconds.hex() == other[key].seconds.hex()


@pytest.fixture
def counted_walks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times anything walked a whole log (the ObservableList's iterator) since the fixture began."""
    walks: list[int] = []
    original = ObservableList.__iter__

    def counting(self: ObservableList[SpeechRecord]) -> Iterator[SpeechRecord]:
        walks.append(len(self))
        return original(self)

    monkeypatch.setattr(ObservableList, "__iter__", counting)
    yield walks


def _long_evening(clock: FakeClock, turns: int) -> Session:
    from fishbowl_desktop.model import make_participant

    people = [make_participant(f"Person {i}") for i in range(40)]
    log = [
        SpeechRecord(people[i % 40].id, 4, SeatKind.FREE, START + timedelta(minutes=i), 60.0 + i % 7, 120.0)
        for i in range(turns)
    ]
    session = Session(clock, participants=people, log=log)
    session.enqueue(people[0].id)
    session.enqueue(people[1].id)
    return session


def test_next_and_its_undo_do_not_count_the_whole_log_again(clock: FakeClock, counted_walks: list[int]) -> None:
    session = _long_evening(clock, 3000)
    first = session.stats(include_running=False)
    session.next_free_chair()
    clock.advance(75)
    before_next = session.snapshot()
    counted_walks.clear()
    session.next_free_chair()  # logs the turn of 75 s
    after = session.stats(include_running=False)
    assert [n for n in counted_walks if n >= 3000] == []
    assert after.total_seconds == first.total_seconds + 75
    assert after == speaking_stats(session.log.as_tuple())

    redo = session.snapshot()
    session.restore(before_next)  # undo Next
    assert session.stats(include_running=False) == speaking_stats(session.log.as_tuple()) == first
    session.restore(redo)
    assert session.stats(include_running=False) == after
    assert [n for n in counted_walks if n >= 3000] == []


def test_tallies_that_did_not_move_are_the_same_objects(clock: FakeClock) -> None:
    """Views find the rows whose numbers changed by identity (the participant list after a Next)."""
    session = _long_evening(clock, 300)
    before = session.stats(include_running=False)
    session.next_free_chair()
    clock.advance(30)
    session.next_free_chair()
    after = session.stats(include_running=False)
    moved = [pid for pid, tally in after.by_participant.items() if before.by_participant.get(pid) is not tally]
    assert len(moved) == 1 and after.of(moved[0]).turns == before.of(moved[0]).turns + 1


def test_undoing_the_last_turn_restores_the_totals_to_the_last_bit() -> None:
    """Subtracting the turn again would not: 0.1 + 0.2 - 0.2 is 0.10000000000000003."""
    first = SpeechRecord("a", 4, SeatKind.FREE, START, 0.1, 120.0)
    log: ObservableList[SpeechRecord] = ObservableList([first])
    tally = LogTally(log)
    assert tally.stats.total_seconds == 0.1
    log.append(SpeechRecord("a", 4, SeatKind.FREE, START, 0.2, 120.0))
    assert tally.stats.total_seconds == 0.1 + 0.2
    log.pop(1)
    assert tally.full_counts == 1
    assert tally.stats.total_seconds.hex() == (0.1).hex()
    assert tally.stats.of("a").seconds.hex() == (0.1).hex()


def test_undoing_next_compares_no_turn_it_did_not_change(clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo restores the log from a snapshot that shares every unchanged turn: comparing 10,000 of them field
    by field took ~8 ms of the UI thread on each undo of a big evening."""
    session = _long_evening(clock, 3000)
    session.next_free_chair()
    clock.advance(75)
    before_next = session.snapshot()
    session.next_free_chair()
    comparisons: list[int] = []
    compare = SpeechRecord.__eq__

    def counting(self: SpeechRecord, other: object) -> bool:
        comparisons.append(1)
        return compare(self, other)

    monkeypatch.setattr(SpeechRecord, "__eq__", counting)
    changes: list[str] = []

    class Spy(ListListener[SpeechRecord]):
        def removed(self, index: int, item: SpeechRecord) -> None:
            changes.append(f"removed {index}")

        def changed(self, index: int, item: SpeechRecord) -> None:
            changes.append(f"changed {index}")

    session.log.listen(Spy())
    session.restore(before_next)
    assert session.log.as_tuple() == before_next.log
    assert changes == ["removed 3000"]
    assert len(comparisons) < 10


def test_taking_back_more_turns_than_are_kept_counts_the_log_afresh() -> None:
    """Only the last UNDOABLE_APPENDS appends keep what they replaced; each undo further back counts afresh."""
    from fishbowl_desktop.model.log_tally import UNDOABLE_APPENDS

    log: ObservableList[SpeechRecord] = ObservableList()
    tally = LogTally(log)
    assert tally.stats == speaking_stats([])
    for i in range(UNDOABLE_APPENDS + 8):
        log.append(SpeechRecord("abc"[i % 3], 4, SeatKind.FREE, START, 0.1 * (i + 1), 120.0))
        assert tally.stats == speaking_stats(log.as_tuple())
    counts = tally.full_counts
    while len(log):
        log.pop(len(log) - 1)
        _assert_same(tally.stats, speaking_stats(log.as_tuple()))
    assert tally.full_counts == counts + 8  # the kept ones without a count, each older one with one
