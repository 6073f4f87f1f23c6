"""The message to the speaker belongs to the turn it was shown in: it goes when that turn ends, unless the
moderator pinned it (issue 10, point 5)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage.format import session_from_dict, session_to_dict

SPEAKERS = ("pan-1", "pan-2", "pan-3", "pan-4", "aud-01")


def _say(session: Session, message: str, pinned: bool = False) -> None:
    session.set_stage(replace(session.stage, message=message, message_pinned=pinned))


def test_the_message_goes_with_the_turn_it_was_meant_for(demo: Session, clock: FakeClock) -> None:
    demo.start_turn("aud-01")
    _say(demo, "Bitte zum Schluss kommen")
    clock.advance(110)
    demo.next_free_chair()  # one out, one in: the next speaker must not read it at 2:00
    assert demo.turn is not None and demo.turn.participant_id != "aud-01"
    assert demo.stage.message == ""


def test_a_pinned_message_stays_for_the_next_speakers(demo: Session, clock: FakeClock) -> None:
    demo.start_turn("pan-1")
    _say(demo, "Bitte ins Mikrofon sprechen", pinned=True)
    demo.start_turn("pan-2")
    demo.end_turn()
    assert demo.stage.message == "Bitte ins Mikrofon sprechen" and demo.stage.message_pinned


def test_ending_a_turn_by_emptying_the_seat_clears_the_message_too(demo: Session) -> None:
    demo.start_turn("aud-01")
    _say(demo, "Noch eine Minute")
    demo.unseat(4)
    assert demo.turn is None and demo.stage.message == ""


def test_undo_of_next_brings_the_message_back(demo: Session, clock: FakeClock) -> None:
    demo.start_turn("aud-01")
    _say(demo, "Bitte zum Schluss kommen")
    before = demo.snapshot()
    demo.next_free_chair()
    demo.restore(before)
    assert demo.stage.message == "Bitte zum Schluss kommen"


def test_the_pin_is_saved_and_old_files_read_unpinned(demo: Session, clock: FakeClock) -> None:
    _say(demo, "Pause bis 20:15", pinned=True)
    data = session_to_dict(demo)
    assert data["stage"]["message_pinned"] is True
    assert session_from_dict(data, clock).stage.message_pinned
    del data["stage"]["message_pinned"]  # a file written before the pin existed
    loaded = session_from_dict(data, clock)
    assert loaded.stage.message == "Pause bis 20:15" and not loaded.stage.message_pinned


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("start"), st.integers(0, 9)),
        st.tuples(st.just("say"), st.sampled_from(["", "Bitte zum Schluss kommen", "Mikrofon!"])),
        st.tuples(st.just("pin"), st.booleans()),
        st.tuples(st.just("end"), st.none()),
        st.tuples(st.just("next"), st.none()),
        st.tuples(st.just("tick"), st.integers(0, 200)),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_no_unpinned_message_outlives_its_turn(ops: list[tuple[str, object]]) -> None:
    clock = FakeClock()
    session = demo_session(clock)
    for op, arg in ops:
        turn_before, stage_before = session.turn, session.stage
        if op == "start":
            seated = [seat.occupant for seat in session.seats if seat.occupant is not None]
            session.start_turn(seated[int(arg) % len(seated)])  # type: ignore[call-overload]
        elif op == "say":
            _say(session, str(arg), session.stage.message_pinned)
        elif op == "pin":
            session.set_stage(replace(session.stage, message_pinned=bool(arg)))
        elif op == "end":
            session.end_turn()
        elif op == "next":
            if len(session.queue):
                session.next_free_chair()
        else:
            clock.advance(float(arg))  # type: ignore[arg-type]
        ended = (
            turn_before is not None
            and session.turn is not turn_before
            and (
                session.turn is None
                or session.turn.participant_id != turn_before.participant_id
                or session.turn.started_at != turn_before.started_at
            )
        )
        if ended and op in ("start", "end", "next"):
            if stage_before.message_pinned:
                assert session.stage.message == stage_before.message  # pinned: untouched
            else:
                assert session.stage.message == ""
        if op == "tick":
            assert session.stage == stage_before  # time alone never touches the message
