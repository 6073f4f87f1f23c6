"""The fishbowl's rules as the session enforces them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fishbowl_desktop.model import (
    FakeClock,
    FishbowlError,
    FishbowlFormat,
    OrderingRule,
    Role,
    RuleChain,
    Session,
    TurnSettings,
    make_participant,
)


def test_next_is_one_out_one_in_and_logs_the_turn(demo: Session, clock: FakeClock) -> None:
    demo.start_turn("aud-01")
    clock.advance(75)
    logged = len(demo.log)
    assert demo.next_free_chair() == "aud-04"
    assert len(demo.log) == logged + 1
    rec = demo.log[len(demo.log) - 1]
    assert rec.participant_id == "aud-01" and rec.duration == 75 and rec.allotted == 120
    assert demo.seat_of("aud-01") is None and demo.queue_position("aud-01") is None
    assert demo.turn is not None and demo.turn.participant_id == "aud-04" and demo.turn.timer.is_running


def test_next_waits_for_the_moderator_when_auto_start_is_off(demo: Session) -> None:
    demo.set_settings(TurnSettings(auto_start_next=False))
    demo.next_free_chair()
    assert demo.turn is not None and not demo.turn.timer.started


def test_next_with_empty_queue_and_empty_chair_is_refused(clock: FakeClock) -> None:
    s = Session(clock)
    with pytest.raises(FishbowlError, match="Nobody is waiting"):
        s.next_free_chair()


def test_nobody_twice_nobody_seated_and_queued(demo: Session) -> None:
    with pytest.raises(FishbowlError, match="already waiting"):
        demo.enqueue("aud-04")
    with pytest.raises(FishbowlError, match="already sits"):
        demo.enqueue("aud-01")
    demo.unseat(4)
    demo.seat("aud-04", 4)
    assert demo.queue_position("aud-04") is None


def test_audience_cannot_take_a_panel_seat_when_experts_stay(demo: Session) -> None:
    demo.unseat(0)
    with pytest.raises(FishbowlError, match="only the free chair"):
        demo.seat("aud-05", 0)
    demo.set_settings(TurnSettings(format=FishbowlFormat.OPEN))
    demo.seat("aud-05", 0)
    assert demo.seats[0].occupant == "aud-05"


def test_moderator_keeps_the_seat_in_open_format(demo: Session) -> None:
    demo.set_settings(TurnSettings(format=FishbowlFormat.OPEN))
    demo.unseat(0)
    demo.seat("mod-1", 0)
    with pytest.raises(FishbowlError, match="moderates"):
        demo.replace_occupant(0, "aud-05")


def test_refused_operation_changes_nothing(demo: Session) -> None:
    before = demo.snapshot()
    for bad in (
        lambda: demo.seat("aud-05", 1),
        lambda: demo.seat("nobody", 4),
        lambda: demo.configure_circle(0, 0),
        lambda: demo.move_in_queue(0, 9),
        lambda: demo.enqueue("pan-2"),
    ):
        with pytest.raises(FishbowlError):
            bad()
        assert demo.snapshot() == before


def test_remove_participant_leaves_queue_and_seat_and_logs_their_turn(demo: Session, clock: FakeClock) -> None:
    demo.start_turn("aud-01")
    clock.advance(30)
    demo.remove_participant("aud-01")
    assert demo.seats[4].occupant is None and demo.turn is None
    assert demo.log[len(demo.log) - 1].participant_id == "aud-01"
    demo.remove_participant("aud-03")
    assert demo.queue_position("aud-03") is None


def test_ordering_rules(clock: FakeClock) -> None:
    s = Session(clock)
    people = {}
    for name, group in [("Ana", "F"), ("Ben", "M"), ("Cem", "M"), ("Dilek", "F"), ("Emil", "M")]:
        p = make_participant(name, Role.AUDIENCE, group=group)
        people[name] = p.id
        s.add_participant(p)
    # Ben and Cem have spoken before.
    for name in ("Ben", "Cem", "Cem"):
        s.seat(people[name], 4)
        s.start_turn(people[name])
        clock.advance(10)
        s.unseat(4)
    for name in ("Ben", "Cem", "Ana", "Emil", "Dilek"):
        s.enqueue(people[name])
        clock.advance(1)

    def order() -> list[str]:
        names = {v: k for k, v in people.items()}
        return [names[e.participant_id] for e in s.queue]

    assert order() == ["Ben", "Cem", "Ana", "Emil", "Dilek"]
    # No safe places here, so each rule may reorder the whole queue.
    s.set_settings(TurnSettings(ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST), safe_positions=0))
    assert order() == ["Ana", "Emil", "Dilek", "Ben", "Cem"]
    s.set_settings(TurnSettings(ordering=RuleChain.of(OrderingRule.FEWEST_TURNS), safe_positions=0))
    assert order() == ["Ana", "Emil", "Dilek", "Ben", "Cem"]
    s.set_settings(TurnSettings(ordering=RuleChain.of(OrderingRule.ALTERNATE_GROUPS), safe_positions=0))
    # The last one on the free chair (Cem) was in group M, so F goes first, then alternate.
    assert order() == ["Ana", "Ben", "Dilek", "Cem", "Emil"]
    # A manual move wins under every rule: it survives the next rule change too.
    s.move_in_queue(4, 0)
    assert order()[0] == "Emil"
    s.set_settings(TurnSettings(ordering=RuleChain.of(OrderingRule.FIRST_COME), safe_positions=0))
    assert order() == ["Emil", "Ben", "Cem", "Ana", "Dilek"]


def test_new_voice_joining_is_slotted_before_those_who_spoke(demo: Session, clock: FakeClock) -> None:
    demo.set_settings(TurnSettings(ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST)))
    clock.advance(5)
    demo.enqueue("aud-07")  # has spoken (demo log)
    clock.advance(5)
    index = demo.enqueue("aud-05")  # has not
    position = demo.queue_position("aud-07")
    assert position is not None and index < position


def test_waiting_time_uses_wall_clock(demo: Session, clock: FakeClock) -> None:
    demo.enqueue("aud-05")
    clock.advance(125)
    position = demo.queue_position("aud-05")
    assert position is not None
    entry = demo.queue[position]
    assert demo.clock.now() - entry.joined_at == timedelta(seconds=125)


def test_stats_include_the_running_turn(demo: Session, clock: FakeClock) -> None:
    base = demo.stats()
    demo.start_turn("aud-01")
    clock.advance(42)
    live = demo.stats()
    assert live.of("aud-01").seconds == 42
    assert live.by_role[Role.AUDIENCE].seconds == base.by_role[Role.AUDIENCE].seconds + 42
    assert live.free_chair_turns == base.free_chair_turns + 1


def test_undo_restore_emits_row_level_changes(demo: Session) -> None:
    from fishbowl_desktop.model import ListListener, QueueEntry

    events: list[str] = []

    class Spy(ListListener[QueueEntry]):
        def inserted(self, index: int, item: QueueEntry) -> None:
            events.append(f"ins{index}")

        def removed(self, index: int, item: QueueEntry) -> None:
            events.append(f"rem{index}")

        def moved(self, source: int, destination: int) -> None:
            events.append(f"mov{source}>{destination}")

    demo.queue.listen(Spy())
    snap = demo.snapshot()
    demo.dequeue("aud-03")
    demo.move_in_queue(1, 0)
    events.clear()
    demo.restore(snap)
    assert demo.snapshot() == snap
    assert events and all(not e.startswith("reset") for e in events)
    assert len(events) <= 2


def test_configure_circle_keeps_people_seated(demo: Session) -> None:
    demo.configure_circle(5, 2)
    assert len(demo.seats) == 7
    assert sorted(s.occupant or "" for s in demo.seats if s.occupant) == sorted(
        ["pan-1", "pan-2", "pan-3", "pan-4", "aud-01"]
    )
    with pytest.raises(FishbowlError, match="still sits"):
        demo.configure_circle(2, 1)


def test_participant_index_follows_every_change(demo: Session) -> None:
    """The id index is cached; every way the list changes must refresh it."""
    snap = demo.snapshot()
    newcomer = make_participant("Zeynep Arslan")
    demo.add_participant(newcomer)
    assert demo.participant(newcomer.id).name == "Zeynep Arslan"
    demo.update_participant(newcomer.with_changes(name="Zeynep Arslan-Kaya"))
    assert demo.participants_by_id()[newcomer.id].name == "Zeynep Arslan-Kaya"
    demo.remove_participant("aud-05")
    assert not demo.has_participant("aud-05")
    demo.restore(snap)
    assert demo.has_participant("aud-05") and not demo.has_participant(newcomer.id)


def test_settled_stats_count_the_running_turn_as_it_stood_at_its_last_start_or_pause(
    demo: Session, clock: FakeClock
) -> None:
    """What the participant list shows: the running turn joins when its time stops, a reset keeps what was
    said, and the log's turns are counted as they are."""
    demo.start_turn("aud-01")
    clock.advance(12)
    assert demo.stats(settled=True).of("aud-01").turns == 0  # nothing said before the time started
    assert demo.stats().of("aud-01").seconds == 12
    demo.toggle_timer()  # paused
    clock.advance(100)
    assert demo.stats(settled=True).of("aud-01").seconds == 12
    assert demo.stats(settled=True).of("aud-01").turns == 1
    demo.toggle_timer()
    clock.advance(3)
    demo.reset_timer()  # paused at the full time, the 15 s kept as said
    assert demo.stats(settled=True).of("aud-01").seconds == 15
    demo.toggle_timer()
    clock.advance(4)
    assert demo.stats(settled=True).of("aud-01").seconds == 15
    demo.end_turn()
    assert demo.stats(settled=True) == demo.stats()
    assert demo.stats(settled=True).of("aud-01").seconds == 19


def test_kept_log_totals_always_equal_a_fresh_count(demo: Session, clock: FakeClock) -> None:
    """Session.stats keeps the log's totals between calls; every change of the log must renew them, and
    adding the running turn must not alter the kept totals."""
    from fishbowl_desktop.model import speaking_stats

    def fresh() -> object:
        running = demo.running_record()
        return speaking_stats([*demo.log, *([running] if running else [])])

    snap = demo.snapshot()
    demo.start_turn("aud-01")
    for _ in range(3):
        clock.advance(7)
        assert demo.stats() == fresh()
    assert demo.stats(include_running=False) == speaking_stats(demo.log)
    demo.next_free_chair()  # logs aud-01's turn
    clock.advance(5)
    assert demo.stats() == fresh()
    demo.restore(snap)  # undo shortens the log again
    assert demo.stats() == fresh() == speaking_stats(demo.log)
