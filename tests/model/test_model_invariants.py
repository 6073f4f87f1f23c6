"""Random evenings never break the fishbowl's rules.

A hypothesis state machine drives the model with every operation the console offers, valid or not, and
checks after each step that the parts still agree, that a refused operation changed nothing, that every
change was announced (autosave and the views depend on that), and that each list's row-level
announcements replay to exactly the list (what the Qt item models rely on).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from fishbowl_desktop.model import (
    FakeClock,
    FishbowlError,
    FishbowlFormat,
    ListListener,
    ObservableList,
    OrderingRule,
    Participant,
    Role,
    RuleChain,
    Session,
    SessionSnapshot,
    Stage,
)
from fishbowl_desktop.model.chain import CHAIN_RULES
from fishbowl_desktop.storage import session_from_dict, session_to_dict
from helpers.sessions import NAMES, SETTINGS, events

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out


class Mirror(ListListener[Any]):
    """A copy of a list kept only from its announcements, as a Qt item model keeps its rows."""

    def __init__(self, source: ObservableList[Any]) -> None:
        self.rows = list(source)
        source.listen(self)

    def inserted(self, index: int, item: Any) -> None:
        self.rows.insert(index, item)

    def removed(self, index: int, item: Any) -> None:
        assert self.rows[index] == item
        del self.rows[index]

    def moved(self, source: int, destination: int) -> None:
        self.rows.insert(destination, self.rows.pop(source))

    def changed(self, index: int, item: Any) -> None:
        self.rows[index] = item


def _unserialised(snap: SessionSnapshot) -> SessionSnapshot:
    return replace(snap, serial=0)


class Evening(RuleBasedStateMachine):
    snapshots = Bundle("snapshots")

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.session = Session(self.clock)
        self.announced: list[str] = []
        self.mirrors: dict[str, Mirror] = {}
        self.refused = 0

    @initialize(
        people=st.lists(
            st.tuples(NAMES, st.sampled_from(Role), st.sampled_from(["", "A", "B"])), min_size=1, max_size=10
        )
    )
    def open_evening(self, people: list[tuple[str, Role, str]]) -> None:
        for i, (name, role, group) in enumerate(people):
            self.session.add_participant(Participant(f"p{i}", name, role, group=group))
        self.session.subscribe(self.announced.append)
        for name in ("participants", "seats", "queue", "log"):
            self.mirrors[name] = Mirror(getattr(self.session, name))

    # ------------------------------------------------------------------ helpers
    def pick(self, data: st.DataObject) -> str:
        """Mostly someone on the list, sometimes someone who is not (or no longer) there."""
        ids = [p.id for p in self.session.participants]
        if ids and data.draw(st.integers(0, 9)) != 0:
            return data.draw(st.sampled_from(ids))
        return data.draw(st.just("p-unknown"))

    def attempt(self, operation: Callable[[], object]) -> None:
        before = self.session.snapshot()
        self.announced.clear()
        try:
            operation()
        except FishbowlError as exc:
            self.refused += 1
            assert self.session.snapshot() == before, f"refused ({exc}) but changed the session"
            assert not self.announced, f"refused ({exc}) but announced {self.announced}"
            assert str(exc).strip(), "a refusal needs a message for the moderator"
            return
        if _unserialised(self.session.snapshot()) != _unserialised(before):
            assert self.announced, "the session changed without telling autosave and the views"

    # ------------------------------------------------------------------ participants
    @rule(name=NAMES, role=st.sampled_from(Role), data=st.data())
    def add_participant(self, name: str, role: Role, data: st.DataObject) -> None:
        new_id = data.draw(st.sampled_from([f"p{len(self.session.participants) + 50}", self.pick(data)]))
        index = data.draw(st.none() | st.integers(0, len(self.session.participants)))
        self.attempt(lambda: self.session.add_participant(Participant(new_id, name, role), index))

    @rule(data=st.data())
    def remove_participant(self, data: st.DataObject) -> None:
        pid = self.pick(data)
        self.attempt(lambda: self.session.remove_participant(pid))

    @rule(data=st.data(), role=st.sampled_from(Role))
    def change_role(self, data: st.DataObject, role: Role) -> None:
        pid = self.pick(data)
        if self.session.has_participant(pid):
            person = self.session.participant(pid).with_changes(role=role)
            self.attempt(lambda: self.session.update_participant(person))

    # ------------------------------------------------------------------ the circle
    @rule(data=st.data(), seat=st.integers(-1, 8))
    def seat(self, data: st.DataObject, seat: int) -> None:
        pid = self.pick(data)
        self.attempt(lambda: self.session.seat(pid, seat))

    @rule(seat=st.integers(-1, 8))
    def unseat(self, seat: int) -> None:
        self.attempt(lambda: self.session.unseat(seat))

    @rule(data=st.data(), seat=st.integers(-1, 8))
    def replace_occupant(self, data: st.DataObject, seat: int) -> None:
        pid = self.pick(data)
        self.attempt(lambda: self.session.replace_occupant(seat, pid))

    @rule(panel=st.integers(-1, 8), free=st.integers(-1, 3))
    def configure_circle(self, panel: int, free: int) -> None:
        self.attempt(lambda: self.session.configure_circle(panel, free))

    @rule(seat=st.none() | st.integers(0, 8))
    def next_free_chair(self, seat: int | None) -> None:
        self.attempt(lambda: self.session.next_free_chair(seat))

    # ------------------------------------------------------------------ the queue
    @rule(data=st.data())
    def enqueue(self, data: st.DataObject) -> None:
        pid = self.pick(data)
        self.attempt(lambda: self.session.enqueue(pid))

    @rule(data=st.data())
    def dequeue(self, data: st.DataObject) -> None:
        pid = self.pick(data)
        self.attempt(lambda: self.session.dequeue(pid))

    @rule(source=st.integers(-1, 10), destination=st.integers(-1, 10))
    def move_in_queue(self, source: int, destination: int) -> None:
        self.attempt(lambda: self.session.move_in_queue(source, destination))

    @rule(ordering=st.permutations(CHAIN_RULES), length=st.integers(0, 3), fmt=st.sampled_from(FishbowlFormat))
    def set_rules(self, ordering: list[OrderingRule], length: int, fmt: FishbowlFormat) -> None:
        new = replace(self.session.settings, ordering=RuleChain(tuple(ordering[:length])), format=fmt)
        self.attempt(lambda: self.session.set_settings(new))

    @rule(new=SETTINGS)
    def set_settings(self, new: Any) -> None:
        self.attempt(lambda: self.session.set_settings(new))

    # ------------------------------------------------------------------ turns
    @rule(data=st.data(), start=st.booleans())
    def start_turn(self, data: st.DataObject, start: bool) -> None:
        pid = self.pick(data)
        self.attempt(lambda: self.session.start_turn(pid, start=start))

    @rule()
    def toggle_timer(self) -> None:
        self.attempt(self.session.toggle_timer)

    @rule(seconds=st.floats(-4000, 4000, allow_nan=False))
    def adjust_time(self, seconds: float) -> None:
        self.attempt(lambda: self.session.adjust_time(seconds))

    @rule()
    def reset_timer(self) -> None:
        self.attempt(self.session.reset_timer)

    @rule()
    def end_turn(self) -> None:
        before = len(self.session.log)
        running = self.session.running_record()
        self.attempt(self.session.end_turn)
        assert len(self.session.log) == before + (running is not None)

    @rule(seconds=st.floats(0, 400))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)

    # ------------------------------------------------------------------ event and projector
    @rule(event=events())
    def set_event(self, event: Any) -> None:
        self.attempt(lambda: self.session.set_event(event))

    @rule(topic=st.none() | st.integers(-1, 12), blank=st.booleans())
    def set_stage(self, topic: int | None, blank: bool) -> None:
        self.attempt(lambda: self.session.set_stage(Stage("Pause bis 19:45", blank, topic)))

    # ------------------------------------------------------------------ undo
    @rule(target=snapshots)
    def take_snapshot(self) -> SessionSnapshot:
        return self.session.snapshot()

    @rule(snap=snapshots)
    def restore(self, snap: SessionSnapshot) -> None:
        self.session.restore(snap)
        assert self.session.snapshot() == snap

    @rule()
    def restoring_the_present_changes_nothing(self) -> None:
        snap = self.session.snapshot()
        self.announced.clear()
        self.session.restore(snap)
        assert self.session.snapshot() == snap
        assert not self.announced

    @rule()
    def what_storage_writes_reads_back_the_same(self) -> None:
        data = session_to_dict(self.session)
        again = session_from_dict(data, self.clock)
        snap = self.session.snapshot()
        if snap.turn is not None:
            snap = replace(snap, turn=replace(snap.turn, timer=snap.turn.timer.frozen_at(self.clock.monotonic())))
        assert again.snapshot() == snap

    # ------------------------------------------------------------------ what must always hold
    @invariant()
    def parts_agree(self) -> None:
        s = self.session
        s.check_invariants()
        known = {p.id for p in s.participants}
        queued = [e.participant_id for e in s.queue]
        seated = [seat.occupant for seat in s.seats if seat.occupant is not None]
        assert len(queued) == len(set(queued)), "someone waits twice"
        assert not set(queued) & set(seated), "someone is seated and queued"
        assert set(queued) <= known and set(seated) <= known
        assert len(seated) == len(set(seated))
        assert 1 <= len(s.seats) <= 12 and s.free_chair_indices(), "the circle lost its free chair"
        if s.turn is not None:
            assert s.seats[s.turn.seat_index].occupant == s.turn.participant_id
            assert s.turn.timer.elapsed(self.clock.monotonic()) >= 0
        assert all(r.duration >= 0 for r in s.log)

    @invariant()
    def announcements_replay_to_the_lists(self) -> None:
        for name, mirror in self.mirrors.items():
            assert mirror.rows == list(getattr(self.session, name)), f"{name} rows announced wrongly"


Evening.TestCase.settings = settings(
    max_examples=150, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_random_evenings_keep_the_rules = Evening.TestCase


def test_next_on_a_circle_without_free_chair_is_refused_not_a_crash() -> None:
    """Found while writing these tests: a circle without a free chair (possible in a file) made Next
    fail with IndexError instead of a message."""
    from fishbowl_desktop.model import Seat, SeatKind

    session = Session(FakeClock(), participants=[Participant("a", "Ayşe")], seats=[Seat(SeatKind.PANEL)])
    session.enqueue("a")
    before = session.snapshot()
    with pytest.raises(FishbowlError, match="^The circle has no free chair.$"):
        session.next_free_chair()
    assert session.snapshot() == before
