"""The pure placement, seating and invariant functions the session applies, checked on their own.

The session-level tests (test_model_rules, test_model_invariants) drive these through `Session`; here
hypothesis feeds them queues, rule orders and circles no evening would build, so the promises hold for
any input: nobody in a safe place or placed by hand is pushed down, a resized circle keeps everyone seated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fishbowl_desktop.model import FishbowlError, QueueEntry, Seat, SeatKind, SpeechRecord
from fishbowl_desktop.model.circle import MAX_SEATS
from fishbowl_desktop.model.invariants import check_snapshot
from fishbowl_desktop.model.participants import make_participant
from fishbowl_desktop.model.placement import (
    first_open_place,
    leaving_group,
    newcomer_index,
    ordered_keeping_places,
)
from fishbowl_desktop.model.seating import next_chair, resized_circle
from fishbowl_desktop.model.session import Session

WHEN = datetime(2026, 12, 3, 19, 0)


@st.composite
def queues(draw: st.DrawFn) -> tuple[list[QueueEntry], QueueEntry, list[QueueEntry], int]:
    """A waiting queue (some placed by hand), a newcomer, a rule order of all of them, the safe places."""
    n = draw(st.integers(0, 8))
    hand = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    waiting = [QueueEntry(f"p{i}", WHEN, serial=i + 1, placed_by_hand=hand[i]) for i in range(n)]
    draw(st.randoms()).shuffle(waiting)  # manual moves leave the queue in any order
    newcomer = QueueEntry("new", WHEN, serial=n + 1)
    rule_order = draw(st.permutations([*waiting, newcomer]))
    return waiting, newcomer, list(rule_order), draw(st.integers(0, 10))


@given(queues())
def test_a_newcomer_never_pushes_down_a_safe_or_hand_placed_person(
    case: tuple[list[QueueEntry], QueueEntry, list[QueueEntry], int],
) -> None:
    waiting, newcomer, rule_order, safe = case
    index = newcomer_index(waiting, newcomer, rule_order, safe)
    assert first_open_place(waiting, safe) <= index <= len(waiting)
    assert index >= min(safe, len(waiting))
    assert all(i < index for i, e in enumerate(waiting) if e.placed_by_hand)
    after = [*waiting[:index], newcomer, *waiting[index:]]
    assert [e for e in after if e is not newcomer] == waiting  # nobody else moved


@given(queues())
def test_a_newcomer_goes_before_the_first_one_the_rule_puts_after_them(
    case: tuple[list[QueueEntry], QueueEntry, list[QueueEntry], int],
) -> None:
    waiting, newcomer, rule_order, safe = case
    index = newcomer_index(waiting, newcomer, rule_order, safe)
    later = {e.participant_id for e in rule_order[rule_order.index(newcomer) + 1 :]}
    floor = first_open_place(waiting, safe)
    assert not any(e.participant_id in later for e in waiting[floor:index])
    assert index == len(waiting) or waiting[index].participant_id in later


def test_first_come_puts_the_newcomer_last_and_a_new_voice_first() -> None:
    waiting = [QueueEntry(f"p{i}", WHEN, serial=i + 1) for i in range(3)]
    newcomer = QueueEntry("new", WHEN, serial=4)
    assert newcomer_index(waiting, newcomer, [*waiting, newcomer], 0) == 3
    assert newcomer_index(waiting, newcomer, [newcomer, *waiting], 0) == 0
    assert newcomer_index(waiting, newcomer, [newcomer, *waiting], 1) == 1  # the first place is safe
    by_hand = [waiting[0], replace(waiting[1], placed_by_hand=True), waiting[2]]
    assert newcomer_index(by_hand, newcomer, [newcomer, *by_hand], 0) == 2


@given(queues())
def test_reordering_keeps_safe_and_hand_placed_people_and_follows_the_rule_elsewhere(
    case: tuple[list[QueueEntry], QueueEntry, list[QueueEntry], int],
) -> None:
    waiting, _newcomer, rule_order, safe = case
    rule = [e for e in rule_order if e in waiting]
    result = ordered_keeping_places(waiting, rule, safe)
    assert sorted(e.serial for e in result) == sorted(e.serial for e in waiting)
    kept = [i for i, e in enumerate(waiting) if i < safe or e.placed_by_hand]
    assert all(result[i] is waiting[i] for i in kept)
    rest = [e for i, e in enumerate(result) if i not in kept]
    assert rest == [e for e in rule if e not in [waiting[i] for i in kept]]


def _log(*groups: tuple[SeatKind, str]) -> list[SpeechRecord]:
    return [SpeechRecord("x", 4, kind, WHEN, 10.0, 120.0, group=group) for kind, group in groups]


def test_the_leaving_group_is_the_occupants_else_the_last_on_a_free_chair() -> None:
    ada = make_participant("Ada", group="A")
    seats = [Seat(SeatKind.PANEL), Seat(SeatKind.FREE, ada.id)]
    log = _log((SeatKind.FREE, "B"), (SeatKind.PANEL, "C"))
    assert leaving_group(seats, 1, {ada.id: ada}, log) == "A"
    assert leaving_group([Seat(SeatKind.PANEL), Seat(SeatKind.FREE)], 1, {}, log) == "B"
    assert leaving_group(seats, None, {ada.id: ada}, log) == "B"
    assert leaving_group(seats, None, {}, _log((SeatKind.PANEL, "C"))) is None


@given(st.lists(st.booleans(), min_size=1, max_size=MAX_SEATS), st.data())
def test_next_works_on_the_speakers_chair_else_an_occupied_one(occupied: list[bool], data: st.DataObject) -> None:
    seats = [Seat(SeatKind.FREE, f"p{i}" if taken else None) for i, taken in enumerate(occupied)]
    chairs = list(range(len(seats)))
    speaking = data.draw(st.none() | st.integers(0, len(seats) + 2))
    chair = next_chair(seats, chairs, speaking)
    assert chair in chairs
    if speaking in chairs:
        assert chair == speaking
    elif any(occupied):
        assert chair == occupied.index(True)
    else:
        assert chair == 0


@given(
    st.lists(st.tuples(st.sampled_from(list(SeatKind)), st.booleans()), min_size=1, max_size=MAX_SEATS),
    st.integers(-1, MAX_SEATS + 1),
    st.integers(-1, MAX_SEATS + 1),
)
def test_a_resized_circle_keeps_everyone_seated_on_their_kind_of_seat_or_refuses(
    spec: list[tuple[SeatKind, bool]], panel: int, free: int
) -> None:
    seats = [Seat(kind, f"p{i}" if taken else None) for i, (kind, taken) in enumerate(spec)]
    try:
        new = resized_circle(seats, panel, free, lambda pid: pid)
    except FishbowlError:
        taken = {k: sum(1 for s in seats if s.kind is k and s.occupant) for k in SeatKind}
        assert (
            panel < 0
            or free < 1
            or panel + free > MAX_SEATS
            or taken[SeatKind.PANEL] > panel
            or taken[SeatKind.FREE] > free
        )
        return
    assert [s.kind for s in new] == [SeatKind.PANEL] * panel + [SeatKind.FREE] * free
    assert sorted((s.kind.value, s.occupant) for s in new if s.occupant) == sorted(
        (s.kind.value, s.occupant) for s in seats if s.occupant
    )
    for kind in SeatKind:  # in order within each kind
        assert [s.occupant for s in new if s.kind is kind and s.occupant] == [
            s.occupant for s in seats if s.kind is kind and s.occupant
        ]


def test_the_invariant_check_reads_a_snapshot_without_a_live_session() -> None:
    s = Session()
    ada = make_participant("Ada")
    s.add_participant(ada)
    s.seat(ada.id, 4)  # the free chair
    check_snapshot(s.snapshot())
    snap = s.snapshot()
    with pytest.raises(FishbowlError, match="both seated and waiting"):
        check_snapshot(replace(snap, queue=(QueueEntry(ada.id, WHEN, 1),)))
    with pytest.raises(FishbowlError, match="two seats"):
        check_snapshot(replace(snap, seats=(*snap.seats, Seat(SeatKind.FREE, ada.id))))
    with pytest.raises(FishbowlError, match="share one id"):
        check_snapshot(replace(snap, participants=(ada, ada)))
