"""Closed, open and tap-out fishbowls (issue 28, point 3): the rules of each, and switching between them during
the evening without losing the log, the queue or anyone's seat.

The state machine in test_model_invariants.py switches formats at random among every other operation; this
one walks the common evenings step by step and a smaller machine only switches and taps out, with the log
and the queue compared before and after each switch.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from fishbowl_desktop.model import (
    FakeClock,
    FishbowlError,
    FishbowlFormat,
    Opening,
    Participant,
    Role,
    Seat,
    SeatKind,
    Session,
    TurnSettings,
)
from fishbowl_desktop.model.opening import tap_out_choices
from fishbowl_desktop.storage import session_from_dict, session_to_dict


def _evening(opening: Opening = Opening.CLOSED, fmt: FishbowlFormat = FishbowlFormat.EXPERTS_STAY) -> Session:
    people = [
        Participant("mod", "Katharina Weiß", Role.MODERATOR),
        Participant("p1", "Şule Öztürk", Role.PANELIST),
        Participant("p2", "Dmytro Kovalenko", Role.PANELIST),
        Participant("p3", "Nguyễn Thị Lan", Role.PANELIST),
        Participant("a1", "Amal Haddad"),
        Participant("a2", "Jonas Becker"),
        Participant("a3", "Olga Kuznetsova"),
    ]
    seats = [
        Seat(SeatKind.PANEL, "mod"),
        Seat(SeatKind.PANEL, "p1"),
        Seat(SeatKind.PANEL, "p2"),
        Seat(SeatKind.PANEL, "p3"),
    ]
    if opening is Opening.FREE_CHAIR:
        seats.append(Seat(SeatKind.FREE))
    return Session(FakeClock(), participants=people, seats=seats, settings=TurnSettings(opening=opening, format=fmt))


def test_a_closed_fishbowl_may_have_no_free_chair_and_refuses_next() -> None:
    session = _evening()
    assert session.free_chair_indices() == []
    session.enqueue("a1")  # the moderator may note who wants to come in once it opens
    assert not session.can_call_next()
    before = session.snapshot()
    with pytest.raises(FishbowlError, match="closed"):
        session.next_free_chair()
    assert session.snapshot() == before


def test_the_circle_may_lose_its_free_chair_only_while_closed() -> None:
    session = _evening(Opening.FREE_CHAIR)
    with pytest.raises(FishbowlError, match="open fishbowl needs at least one free chair"):
        session.configure_circle(4, 0)
    session.set_opening(Opening.CLOSED)
    session.configure_circle(4, 0)
    assert session.free_chair_indices() == []


def test_closed_then_opened_keeps_the_log_the_queue_and_the_seats() -> None:
    session = _evening()
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.start_turn("p1")
    clock.advance(150)
    session.start_turn("p2")
    clock.advance(90)
    session.end_turn()
    session.enqueue("a1")
    session.enqueue("a2")
    log, queue = session.log.as_tuple(), session.queue.as_tuple()

    session.set_opening(Opening.FREE_CHAIR)

    assert session.log.as_tuple() == log and session.queue.as_tuple() == queue
    assert [s.occupant for s in session.seats.as_tuple()[:4]] == ["mod", "p1", "p2", "p3"]
    assert session.seats[4] == Seat(SeatKind.FREE)  # a free chair was brought in at the end
    assert session.next_free_chair() == "a1"
    assert session.seats[4].occupant == "a1" and session.turn is not None and session.turn.participant_id == "a1"
    session.check_invariants()


def test_an_open_fishbowl_with_a_free_chair_gets_no_second_one() -> None:
    session = _evening(Opening.FREE_CHAIR)
    assert len(session.seats) == 5
    session.set_opening(Opening.CLOSED)
    session.set_opening(Opening.FREE_CHAIR)
    assert len(session.seats) == 5


def test_opening_a_full_circle_without_a_free_chair_is_refused_and_changes_nothing() -> None:
    people = [Participant(f"p{i}", f"Person {i}", Role.PANELIST) for i in range(12)]
    seats = [Seat(SeatKind.PANEL, f"p{i}") for i in range(12)]
    session = Session(FakeClock(), participants=people, seats=seats, settings=TurnSettings(opening=Opening.CLOSED))
    before = session.snapshot()
    with pytest.raises(FishbowlError, match="no free chair"):
        session.set_opening(Opening.FREE_CHAIR)
    assert session.snapshot() == before


def test_switching_back_by_restoring_a_snapshot_is_undo() -> None:
    session = _evening()
    before = session.snapshot()
    session.set_opening(Opening.FREE_CHAIR)
    session.restore(before)
    assert session.snapshot() == before
    assert session.settings.opening is Opening.CLOSED and len(session.seats) == 4


def test_tap_out_replaces_the_chosen_speaker_and_logs_their_turn() -> None:
    session = _evening(Opening.TAP_OUT, FishbowlFormat.OPEN)
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.enqueue("a1")
    session.enqueue("a2")
    session.start_turn("p2")
    clock.advance(70)
    with pytest.raises(FishbowlError, match="Tap-out"):
        session.next_free_chair()  # Next cannot know whom to replace: the moderator picks

    assert session.tap_out(2) == "a1"

    assert session.seats[2].occupant == "a1"
    assert session.seat_of("p2") is None and session.queue_position("p2") is None  # back in the audience
    assert session.log[-1].participant_id == "p2" and session.log[-1].duration == 70
    assert session.turn is not None and session.turn.participant_id == "a1" and session.turn.timer.is_running
    assert [e.participant_id for e in session.queue] == ["a2"]
    session.check_invariants()


def test_tap_out_never_takes_the_moderators_seat() -> None:
    session = _evening(Opening.TAP_OUT, FishbowlFormat.OPEN)
    session.enqueue("a1")
    before = session.snapshot()
    with pytest.raises(FishbowlError, match="moderates and keeps the seat"):
        session.tap_out(0)
    assert session.snapshot() == before


def test_with_experts_staying_tap_out_takes_only_free_chairs() -> None:
    session = _evening(Opening.TAP_OUT, FishbowlFormat.EXPERTS_STAY)
    session.enqueue("a1")
    with pytest.raises(FishbowlError, match="only the free chair is open to the audience"):
        session.tap_out(1)
    session.configure_circle(4, 1)
    session.seat("a2", 4)
    newcomer = session.participant("a1")
    people = session.participants_by_id()
    assert tap_out_choices(session.seats.as_tuple(), newcomer, people, session.settings.format) == [4]
    assert session.tap_out(4) == "a1"
    assert session.seat_of("a2") is None


def test_tap_out_needs_someone_waiting_and_the_tap_out_format() -> None:
    session = _evening(Opening.TAP_OUT, FishbowlFormat.OPEN)
    with pytest.raises(FishbowlError, match="Nobody is waiting"):
        session.tap_out(1)
    session.set_opening(Opening.CLOSED)
    session.enqueue("a1")
    with pytest.raises(FishbowlError, match="not the format now"):
        session.tap_out(1)


def test_the_format_is_saved_and_read_back() -> None:
    for opening in Opening:
        session = _evening(opening)
        again = session_from_dict(session_to_dict(session), session.clock)
        assert again.settings.opening is opening
        assert again.snapshot().seats == session.snapshot().seats


def test_a_file_without_the_field_opens_as_the_open_fishbowl_it_was() -> None:
    session = _evening(Opening.FREE_CHAIR)
    data = session_to_dict(session)
    del data["settings"]["opening"]
    assert session_from_dict(data, session.clock).settings.opening is Opening.FREE_CHAIR


class Switching(RuleBasedStateMachine):
    """Only switching, speaking and tapping out, with the evening's record compared around every switch."""

    @initialize(opening=st.sampled_from(Opening), fmt=st.sampled_from(FishbowlFormat))
    def open_evening(self, opening: Opening, fmt: FishbowlFormat) -> None:
        self.session = _evening(opening, fmt)
        self.clock = self.session.clock
        assert isinstance(self.clock, FakeClock)
        self.spoken = 0

    @rule(opening=st.sampled_from(Opening))
    def switch(self, opening: Opening) -> None:
        before = self.session.snapshot()
        self.session.set_opening(opening)
        after = self.session.snapshot()
        assert after.log == before.log
        assert after.queue == before.queue
        assert after.turn == before.turn
        assert [s.occupant for s in after.seats[: len(before.seats)]] == [s.occupant for s in before.seats]
        assert after.settings == replace(before.settings, opening=opening)

    @rule(pid=st.sampled_from(["a1", "a2", "a3", "p1", "p2", "p3"]))
    def ask(self, pid: str) -> None:
        if self.session.seat_of(pid) is None and self.session.queue_position(pid) is None:
            self.session.enqueue(pid)

    @rule(seat=st.integers(0, 5))
    def tap_out(self, seat: int) -> None:
        before = self.session.snapshot()
        try:
            self.session.tap_out(seat)
        except FishbowlError:
            assert self.session.snapshot() == before
            return
        assert self.session.log.as_tuple()[: len(before.log)] == before.log

    @rule()
    def next(self) -> None:
        before = self.session.snapshot()
        try:
            self.session.next_free_chair()
        except FishbowlError:
            assert self.session.snapshot() == before

    @rule(seconds=st.integers(1, 300))
    def time_passes(self, seconds: int) -> None:
        self.clock.advance(seconds)  # type: ignore[attr-defined]

    @invariant()
    def still_a_fishbowl(self) -> None:
        s = self.session
        s.check_invariants()
        if s.settings.opening is Opening.FREE_CHAIR:
            assert s.free_chair_indices()
        assert s.seats[0].occupant == "mod", "the moderator was replaced"
        assert len(s.log) >= self.spoken
        self.spoken = len(s.log)


Switching.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_switching_formats_keeps_the_log_and_the_invariants = Switching.TestCase
