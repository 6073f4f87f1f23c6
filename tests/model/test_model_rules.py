"""The fishbowl's rules do what they say: alternating groups, manual moves, safe places, Reset, waits.

Issue 9 points 3–5 and issue 11 point 7: each test here failed on the code before the fix.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import (
    FakeClock,
    OrderingRule,
    Role,
    RuleChain,
    Session,
    TurnSettings,
    format_duration,
    format_duration_hms,
    make_participant,
    whole_seconds,
)
from fishbowl_desktop.storage import session_from_dict, session_to_dict

FREE = 4  # the default circle: four panel seats, then the free chair


def _people(s: Session, *specs: tuple[str, str]) -> dict[str, str]:
    ids = {}
    for name, group in specs:
        p = make_participant(name, Role.AUDIENCE, group=group)
        s.add_participant(p)
        ids[name] = p.id
    return ids


def _order(s: Session, ids: dict[str, str]) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[e.participant_id] for e in s.queue]


# ---------------------------------------------------------------------------------------- alternating groups
def test_alternating_groups_looks_at_who_leaves_the_free_chair_not_the_last_finished_turn(clock: FakeClock) -> None:
    s = Session(clock, settings=TurnSettings(ordering=RuleChain.of(OrderingRule.ALTERNATE_GROUPS), safe_positions=0))
    ids = _people(s, ("Xenia", "F"), ("Paul", "Podium"), ("Anna", "F"), ("Bert", "M"))
    s.participants.replace(1, replace(s.participants[1], role=Role.PANELIST))
    # Xenia (F) sits on the free chair; meanwhile the panelist Paul finishes a turn: the last *finished*
    # turn is his, but the one who leaves the free chair on Next is Xenia.
    s.seat(ids["Xenia"], FREE)
    s.seat(ids["Paul"], 0)
    s.start_turn(ids["Paul"])
    clock.advance(30)
    s.end_turn()
    s.start_turn(ids["Xenia"])
    clock.advance(20)
    s.enqueue(ids["Anna"])
    clock.advance(1)
    s.enqueue(ids["Bert"])
    assert _order(s, ids) == ["Bert", "Anna"]
    assert s.next_free_chair() == ids["Bert"]  # F is followed by M, not by another F


def test_alternating_groups_with_the_chair_empty_looks_at_the_last_one_who_sat_there(clock: FakeClock) -> None:
    s = Session(clock, settings=TurnSettings(ordering=RuleChain.of(OrderingRule.ALTERNATE_GROUPS), safe_positions=0))
    ids = _people(s, ("Xenia", "F"), ("Paul", ""), ("Anna", "F"), ("Bert", "M"))
    s.participants.replace(1, replace(s.participants[1], role=Role.PANELIST))
    s.seat(ids["Xenia"], FREE)
    s.start_turn(ids["Xenia"])
    clock.advance(20)
    s.unseat(FREE)
    s.seat(ids["Paul"], 0)
    s.start_turn(ids["Paul"])
    clock.advance(20)
    s.end_turn()
    s.enqueue(ids["Anna"])
    s.enqueue(ids["Bert"])
    assert _order(s, ids) == ["Bert", "Anna"]


# ---------------------------------------------------------------------------------------- manual moves
def test_a_manual_move_to_the_top_is_not_overtaken_by_a_new_voice(clock: FakeClock) -> None:
    s = Session(clock, settings=TurnSettings(ordering=RuleChain.of(OrderingRule.FEWEST_TURNS), safe_positions=0))
    ids = _people(s, ("Sami", ""), ("Nora", ""), ("Olga", ""))
    s.seat(ids["Sami"], FREE)
    s.start_turn(ids["Sami"])
    clock.advance(30)
    s.unseat(FREE)  # Sami has spoken once
    s.enqueue(ids["Nora"])
    s.enqueue(ids["Sami"])
    assert _order(s, ids) == ["Nora", "Sami"]
    s.move_in_queue(1, 0)  # the moderator: "Sami, you're next"
    s.enqueue(ids["Olga"])  # a new voice, which the rule would put first
    assert _order(s, ids) == ["Sami", "Nora", "Olga"]


def test_nobody_overtakes_a_person_placed_by_hand_lower_down(clock: FakeClock) -> None:
    s = Session(clock, settings=TurnSettings(ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST), safe_positions=0))
    ids = _people(s, ("Sami", ""), ("Nora", ""), ("Olga", ""), ("Pia", ""))
    s.seat(ids["Sami"], FREE)
    s.start_turn(ids["Sami"])
    clock.advance(30)
    s.unseat(FREE)
    for name in ("Nora", "Sami", "Olga"):
        s.enqueue(ids[name])
    assert _order(s, ids) == ["Nora", "Olga", "Sami"]
    s.move_in_queue(2, 1)
    s.enqueue(ids["Pia"])
    assert _order(s, ids) == ["Nora", "Sami", "Olga", "Pia"]  # Pia, a new voice, stays behind Sami


# ---------------------------------------------------------------------------------------- safe places
def test_the_first_place_is_safe_by_default(clock: FakeClock) -> None:
    s = Session(clock, settings=TurnSettings(ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST)))
    assert s.settings.safe_positions == 1
    ids = _people(s, ("Sami", ""), ("Nora", ""), ("Olga", ""))
    s.seat(ids["Sami"], FREE)
    s.start_turn(ids["Sami"])
    clock.advance(30)
    s.unseat(FREE)
    s.enqueue(ids["Sami"])  # told "you are next"
    s.enqueue(ids["Nora"])  # a new voice arrives later
    s.enqueue(ids["Olga"])
    assert _order(s, ids) == ["Sami", "Nora", "Olga"]


def test_safe_places_survive_a_change_of_rule(clock: FakeClock) -> None:
    s = Session(clock, settings=TurnSettings(safe_positions=2))
    ids = _people(s, ("Sami", ""), ("Tom", ""), ("Nora", ""), ("Olga", ""))
    for name in ("Sami", "Tom"):
        s.seat(ids[name], FREE)
        s.start_turn(ids[name])
        clock.advance(30)
        s.unseat(FREE)
    for name in ("Sami", "Tom", "Nora", "Olga"):
        s.enqueue(ids[name])
    s.set_settings(replace(s.settings, ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST)))
    assert _order(s, ids) == ["Sami", "Tom", "Nora", "Olga"]
    s.set_settings(replace(s.settings, safe_positions=1))
    s.apply_ordering_rule()
    assert _order(s, ids) == ["Sami", "Nora", "Olga", "Tom"]


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("enqueue"), st.integers(0, 7)),
            st.tuples(st.just("move"), st.integers(0, 7), st.integers(0, 7)),
            st.tuples(st.just("speak"), st.integers(0, 7)),
        ),
        max_size=30,
    ),
    rule=st.sampled_from(list(OrderingRule)),
    safe=st.integers(0, 3),
)
def test_no_arrival_ever_pushes_down_a_safe_or_hand_placed_person(
    steps: list[tuple[object, ...]], rule: OrderingRule, safe: int
) -> None:
    clock = FakeClock()
    s = Session(clock, settings=TurnSettings(ordering=RuleChain.of(rule), safe_positions=safe))
    ids = [make_participant(f"P{i}", group="AB"[i % 2]) for i in range(8)]
    for p in ids:
        s.add_participant(p)
    for step in steps:
        clock.advance(3)
        kind = step[0]
        if kind == "enqueue":
            pid = ids[int(step[1])].id  # type: ignore[call-overload]
            if s.queue_position(pid) is not None or s.seat_of(pid) is not None:
                continue
            before = s.queue.as_tuple()
            protected = [i for i, e in enumerate(before) if i < safe or e.placed_by_hand]
            floor = max(protected, default=-1) + 1
            s.enqueue(pid)
            after = s.queue.as_tuple()
            assert after[:floor] == before[:floor]
        elif kind == "move" and len(s.queue):
            n = len(s.queue)
            s.move_in_queue(int(step[1]) % n, int(step[2]) % n)  # type: ignore[call-overload]
        elif kind == "speak":
            pid = ids[int(step[1])].id  # type: ignore[call-overload]
            if s.queue_position(pid) is None and s.seat_of(pid) is None and s.seats[FREE].occupant is None:
                s.seat(pid, FREE)
                s.start_turn(pid)
                clock.advance(10)
                s.unseat(FREE)


# ---------------------------------------------------------------------------------------- Reset
def test_reset_keeps_what_was_already_said_in_the_log(clock: FakeClock) -> None:
    s = Session(clock)
    ids = _people(s, ("Sami", ""))
    s.seat(ids["Sami"], FREE)
    s.start_turn(ids["Sami"])
    clock.advance(27)
    s.reset_timer()
    assert s.turn is not None and s.turn.timer.remaining(clock.monotonic()) == 120  # full time on screen
    s.toggle_timer()
    clock.advance(6.1)
    record = s.end_turn()
    assert record is not None and record.duration == 33.1
    assert s.log[0].duration == 33.1 and len(s.log) == 1


def test_a_turn_reset_and_ended_before_restarting_is_still_logged(clock: FakeClock) -> None:
    s = Session(clock)
    ids = _people(s, ("Sami", ""))
    s.seat(ids["Sami"], FREE)
    s.start_turn(ids["Sami"])
    assert s.turn is not None
    started = s.turn.started_at
    clock.advance(27)
    s.reset_timer()
    clock.advance(5)
    s.toggle_timer()
    s.toggle_timer()
    record = s.end_turn()
    assert record is not None and record.duration == 27 and record.started_at == started


def test_the_time_spoken_before_a_reset_survives_saving(clock: FakeClock) -> None:
    s = Session(clock)
    ids = _people(s, ("Sami", ""))
    s.seat(ids["Sami"], FREE)
    s.start_turn(ids["Sami"])
    clock.advance(27)
    s.reset_timer()
    s.toggle_timer()
    clock.advance(4)
    again = session_from_dict(session_to_dict(s), clock)
    assert again.turn is not None and again.turn.timer.spoken(clock.monotonic()) == 31
    assert again.turn.timer.remaining(clock.monotonic()) == 116


# ---------------------------------------------------------------------------------------- waits and arrival
@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 120), st.floats(-7200, 7200)), min_size=2, max_size=12))
def test_first_come_and_waits_ignore_a_jumping_wall_clock(moves: list[tuple[float, float]]) -> None:
    """NTP or a time-zone change moves the wall clock back an hour: nobody jumps the queue, no wait shrinks."""
    clock = FakeClock()
    s = Session(clock)
    people = [make_participant(f"Person {i}") for i in range(len(moves))]
    arrived_at: list[float] = []
    for p, (pause, jump) in zip(people, moves, strict=True):
        s.add_participant(p)
        clock.advance(pause)
        clock.jump_wall_clock(jump)
        s.enqueue(p.id)
        arrived_at.append(clock.monotonic())
        s.set_settings(replace(s.settings, ordering=RuleChain.of(OrderingRule.FIRST_COME)))
    assert [e.participant_id for e in s.queue] == [p.id for p in people]
    s.apply_ordering_rule()
    assert [e.participant_id for e in s.queue] == [p.id for p in people]
    clock.advance(5)
    clock.jump_wall_clock(-3600)
    for entry, t in zip(s.queue, arrived_at, strict=True):
        assert abs(s.waited(entry) - (clock.monotonic() - t)) < 1e-6


def test_waits_after_reopening_count_from_the_saved_arrival(clock: FakeClock) -> None:
    s = Session(clock)
    p = make_participant("Nora")
    s.add_participant(p)
    s.enqueue(p.id)
    clock.advance(125)
    again = session_from_dict(session_to_dict(s), clock)
    assert again.waited(again.queue[0]) == 125
    clock.advance(5)
    clock.jump_wall_clock(-3600)
    assert again.waited(again.queue[0]) == 130


# ---------------------------------------------------------------------------------------- one rounding rule
def test_one_rounding_rule_for_every_duration() -> None:
    assert format_duration(15.7) == "0:16"
    assert format_duration(15.4) == "0:15"
    assert format_duration(15.5) == "0:16"  # half a second up, not to the even number
    assert format_duration(16.5) == "0:17"
    assert format_duration(3599.6) == "1:00:00"
    assert format_duration(-3) == "0:00"
    assert format_duration_hms(15.7) == "0:00:16"
    assert whole_seconds(15.7) == 16 and whole_seconds(float("nan")) == 0
