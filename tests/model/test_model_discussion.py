"""The clock of the whole discussion (issue 28, point 2), on a fake clock: it starts with the first speaker, runs
between turns, pauses for a break and runs again with the next speaker; the plan comes from the moderator's
minutes or the agenda; ahead and behind follow the agenda item on the projector; the queue warning says when
the people waiting cannot all speak in the time left; and a kill and restart counts the minutes away."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fishbowl_desktop.model import AgendaItem, Event, FakeClock, Participant, Role, Seat, SeatKind, Session, Stage
from fishbowl_desktop.model.discussion import (
    LONGEST_GAP,
    DiscussionClock,
    DiscussionReading,
    agenda_window,
    hours_minutes,
    minutes_left,
    planned_seconds,
    read_discussion,
    restored_clock,
)
from fishbowl_desktop.model.state import TurnSettings
from fishbowl_desktop.storage import session_from_dict, session_to_dict

AGENDA = Event(
    agenda=(AgendaItem("Begrüßung", 10), AgendaItem("Wohnen", 20), AgendaItem("Bildung", 20), AgendaItem("Ende", 10)),
    guiding_questions=("Was braucht Hainholz?",),
)


def _evening(clock: FakeClock, event: Event = AGENDA) -> Session:
    people = [Participant("p1", "Şule Öztürk", Role.PANELIST), Participant("a1", "Amal Haddad")]
    return Session(clock, event=event, participants=people, seats=[Seat(SeatKind.PANEL, "p1"), Seat(SeatKind.FREE)])


def _read(session: Session) -> DiscussionReading:
    return read_discussion(
        session.stage.discussion,
        session.clock.monotonic(),
        session.event,
        session.settings.discussion_minutes,
        session.stage.topic_index,
        len(session.queue),
        session.settings.free_chair_seconds,
    )


def test_the_clock_starts_with_the_first_speaker_and_runs_between_turns() -> None:
    clock = FakeClock()
    session = _evening(clock)
    clock.advance(300)  # people arrive: not yet the discussion
    assert not session.stage.discussion.started and session.stage.discussion.elapsed(clock.monotonic()) == 0
    session.start_turn("p1")
    assert session.stage.discussion.started_at == clock.now()
    clock.advance(150)
    session.end_turn()
    clock.advance(45)  # between turns the discussion goes on
    assert session.stage.discussion.elapsed(clock.monotonic()) == 195


def test_a_break_pauses_it_and_the_next_speaker_runs_it_again() -> None:
    clock = FakeClock()
    session = _evening(clock)
    session.start_turn("p1")
    clock.advance(600)
    session.end_turn()
    paused = session.stage.discussion.pause(clock.monotonic())
    session.set_stage(replace(session.stage, discussion=paused))
    clock.advance(900)  # the break
    assert session.stage.discussion.elapsed(clock.monotonic()) == 600
    session.start_turn("p1", start=False)  # seated, time not yet started: still the break
    assert not session.stage.discussion.is_running
    session.toggle_timer()
    clock.advance(60)
    assert session.stage.discussion.elapsed(clock.monotonic()) == 660


def test_undo_never_moves_the_discussion_clock() -> None:
    clock = FakeClock()
    session = _evening(clock)
    before = session.snapshot()
    session.start_turn("p1")
    clock.advance(120)
    running = session.stage.discussion
    session.restore(replace(before, stage=session.stage))  # what the controller's undo does: the stage is live
    assert session.stage.discussion == running


def test_the_plan_is_the_moderators_minutes_else_the_agenda() -> None:
    assert planned_seconds(AGENDA, 0) == 60 * 60
    assert planned_seconds(AGENDA, 45) == 45 * 60
    assert planned_seconds(Event(), 0) is None
    assert planned_seconds(Event(agenda=(AgendaItem("Offen", 0),)), 0) is None


def test_ahead_and_behind_follow_the_agenda_item_on_the_projector() -> None:
    assert agenda_window(AGENDA, 0) is None  # a guiding question
    assert agenda_window(AGENDA, None) is None
    assert agenda_window(AGENDA, 2) == (600.0, 1800.0)  # "Wohnen": minute 10 to 30
    clock = FakeClock()
    session = _evening(clock)
    session.set_stage(Stage(topic_index=2))
    session.start_turn("p1")
    clock.advance(5 * 60)
    assert _read(session).behind == -300  # 5 minutes ahead: Wohnen was planned from minute 10
    clock.advance(20 * 60)
    assert _read(session).behind == 0  # within its window: on plan
    clock.advance(8 * 60)
    assert _read(session).behind == 180  # minute 33: 3 minutes behind


def test_the_queue_warning_compares_the_waiting_with_the_time_left() -> None:
    clock = FakeClock()
    session = _evening(clock)
    session.set_settings(replace(session.settings, discussion_minutes=10, free_chair_seconds=120))
    people = [Participant(f"a{i}", f"Person {i}") for i in range(2, 6)]
    session.add_participants(people)
    for p in people:
        session.enqueue(p.id)
    session.start_turn("p1")
    clock.advance(3 * 60)
    reading = _read(session)
    assert reading.remaining == 7 * 60 and reading.needed == 8 * 60  # 4 waiting × 2:00 > 7 min left
    assert reading.queue_does_not_fit
    session.dequeue("a5")
    assert not _read(session).queue_does_not_fit  # 3 × 2:00 = 6 min ≤ 7 min
    clock.advance(2 * 60)
    assert _read(session).queue_does_not_fit


def test_without_a_plan_there_is_no_warning_and_no_remaining() -> None:
    clock = FakeClock()
    session = _evening(clock, Event())
    session.enqueue("a1")
    session.start_turn("p1")
    clock.advance(9999)
    reading = _read(session)
    assert reading.remaining is None and not reading.queue_does_not_fit and reading.behind is None


@given(
    stretches=st.lists(st.tuples(st.floats(0, 4000), st.booleans()), max_size=20),
)
def test_elapsed_is_the_sum_of_the_running_stretches(stretches: list[tuple[float, bool]]) -> None:
    """Whatever the order of starts and pauses, elapsed is exactly the time the clock ran: never ticks."""
    clock = FakeClock()
    discussion = DiscussionClock()
    expected = 0.0
    for seconds, toggle in stretches:
        if toggle:
            discussion = discussion.toggle(clock.monotonic(), clock.now())
        if discussion.is_running:
            expected += seconds
        clock.advance(seconds)
        assert discussion.elapsed(clock.monotonic()) == pytest.approx(expected, abs=1e-6)


def test_a_restart_counts_the_minutes_the_console_was_away() -> None:
    clock = FakeClock()
    session = _evening(clock)
    session.start_turn("p1")
    clock.advance(25 * 60)
    data = session_to_dict(session)  # the last save before the kill

    later = FakeClock(start=clock.now() + timedelta(minutes=4))  # a new process: its own monotonic clock
    again = session_from_dict(data, later)
    assert again.stage.discussion.is_running
    assert again.stage.discussion.elapsed(later.monotonic()) == pytest.approx(29 * 60)
    later.advance(60)
    assert again.stage.discussion.elapsed(later.monotonic()) == pytest.approx(30 * 60)
    assert again.stage.discussion.started_at == session.stage.discussion.started_at


def test_a_paused_clock_comes_back_paused_and_a_wall_clock_jump_back_adds_nothing() -> None:
    wall = datetime(2026, 11, 25, 19, 0)
    assert restored_clock(600, None, wall, 5.0, wall + timedelta(hours=1)) == DiscussionClock(600, None, wall)
    began = wall + timedelta(minutes=30)
    back = restored_clock(600, began, wall, 5.0, began - timedelta(minutes=3))  # the wall clock went back
    assert back.is_running and back.elapsed(5.0) == 600 and back.elapsed(65.0) == 660
    far = began + timedelta(seconds=LONGEST_GAP + 1)  # reopened the next day: the last stretch is not guessed
    assert restored_clock(600, began, wall, 5.0, far) == DiscussionClock(600, None, wall)


def test_an_idle_minute_leaves_the_file_as_it_was() -> None:
    """What the file keeps of a running clock changes only when the moderator acts, like everything else in it
    but a running turn's seconds (autosave compares; the kill tests fingerprint the file)."""
    clock = FakeClock()
    session = _evening(clock)
    session.start_turn("p1")
    session.end_turn()
    before = session_to_dict(session)
    clock.advance(7 * 60)
    after = session_to_dict(session)
    assert before["stage"] == after["stage"]


def test_a_file_from_before_the_clock_opens_with_it_not_started() -> None:
    clock = FakeClock()
    session = _evening(clock)
    data = session_to_dict(session)
    del data["stage"]["discussion"]
    del data["settings"]["discussion_minutes"]
    again = session_from_dict(data, clock)
    assert again.stage.discussion == DiscussionClock() and again.settings.discussion_minutes == 0


def test_planned_minutes_are_checked() -> None:
    from fishbowl_desktop.model import FishbowlError

    with pytest.raises(FishbowlError, match="planned length"):
        TurnSettings(discussion_minutes=-1)
    with pytest.raises(FishbowlError, match="planned length"):
        TurnSettings(discussion_minutes=24 * 60 + 1)


def test_minutes_as_people_read_them() -> None:
    assert hours_minutes(65 * 60 + 59) == "1:05"
    assert hours_minutes(0) == "0:00"
    assert minutes_left(330) == 6 and minutes_left(20) == 1 and minutes_left(0) == 0 and minutes_left(-30) == 0
