"""A whole evening of moderator actions through the SessionController, with the fishbowl's rules checked
after every single one.

Why a seeded generator and not hypothesis: the point is one long evening (thousands of steps, hours of
fake time), which hypothesis' stateful testing does not reach in CI time; a failure prints the seed and
the step, and `RELIABILITY_SEED=<seed>` replays exactly that evening.

The checker keeps its own picture of the undo history (what each undoable action changed, as snapshots)
and compares the controller's undo history and the session against it, so undo and redo are checked to
return *exactly* the state before and after the action, not just "some valid state".
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import (
    FakeClock,
    FishbowlFormat,
    Participant,
    Role,
    RuleChain,
    Session,
    SessionSnapshot,
    Turn,
)
from fishbowl_desktop.model.chain import CHAIN_RULES
from fishbowl_desktop.model.demo import DEMO_EVENT, demo_participants

DEFAULT_SEED = 20261203
EVENING_SECONDS = 3 * 60 * 60
NAMES = (
    "Ayşe Kaya",
    "Nguyễn Văn An",
    "Ольга Петрова",
    "محمد العلي",
    "Jürgen Groß",
    "Zoë O'Brien",
    "Małgorzata Nowak",
    "Γιάννης Δήμου",
    "李小龙",
    "Sibusiso Dlamini",
    "Ægir Ødegård",
    "José Núñez",
)


class InvariantBroken(AssertionError):
    """Carries the step and the seed, so the failure can be replayed."""


@dataclass
class Tally:
    actions: int = 0
    refused: int = 0
    undos: int = 0
    redos: int = 0
    logged_turns: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass
class _Step:
    """One undoable change as the checker saw it, and the time its two turns had when they last lost the floor."""

    before: SessionSnapshot
    after: SessionSnapshot
    before_left: float | None = None
    """Seconds the turn in `before` had spoken when the change (or the latest redo) took the floor from it."""
    after_left: float | None = None
    """Seconds the turn in `after` had spoken when the latest undo took the floor from it."""


def _same_turn(a: Turn | None, b: Turn | None) -> bool:
    return a is not None and b is not None and (a.participant_id, a.seat_index) == (b.participant_id, b.seat_index)


def _spoken(turn: Turn | None, now: float) -> float | None:
    return None if turn is None else turn.timer.spoken(now)


def _returned(expected: SessionSnapshot, session: Session, left: float | None, now: float) -> str | None:
    """Undo/redo gives a turn back the time it had when it was left (issue 21, point 9): compare the timer by
    the seconds it shows and whether it runs, the rest exactly."""
    turn = session.turn
    if expected.turn is None or turn is None or _same_turn(expected.turn, session.turn) is False:
        return None if session.snapshot() == expected else "state"
    if left is not None and not math.isclose(turn.timer.spoken(now), left, abs_tol=1e-6):
        return f"the returning turn shows {turn.timer.spoken(now):.3f} s, it had {left:.3f} s when it was left"
    if turn.timer.is_running != expected.turn.timer.is_running:
        return "the returning turn's clock does not run as it did when it was left"
    if turn.started_at < expected.turn.started_at:
        return "the returning turn starts earlier than it did"
    if session.snapshot() != replace(
        expected, turn=replace(expected.turn, timer=turn.timer, started_at=turn.started_at)
    ):
        return "state"
    return None


def _with_live_parts(snap: SessionSnapshot, session: Session) -> SessionSnapshot:
    """What undo/redo must reach: the snapshot, except what is live and never undone — the projector's stage,
    and the timer of a turn that is still the same turn (same person, same seat)."""
    turn, current = snap.turn, session.turn
    if (
        turn is not None
        and current is not None
        and (turn.participant_id, turn.seat_index) == (current.participant_id, current.seat_index)
    ):
        turn = replace(turn, timer=current.timer, started_at=current.started_at)
    return replace(snap, stage=session.stage, turn=turn)


class Evening:
    """Drives one simulated evening; `run(n)` performs n actions and checks after each."""

    def __init__(self, seed: int, actions: int, controller: SessionController | None = None) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.clock = FakeClock()
        self.start = self.clock.monotonic()
        session = Session(self.clock, event=DEMO_EVENT, participants=demo_participants())
        self.controller = controller or SessionController(session)
        if controller is not None:
            controller.replace_session(session)
        self.session = self.controller.session
        self.errors: list[str] = []
        self.controller.errorRaised.connect(self.errors.append)
        # Our own picture of the undo stack: (before, after) per undoable change, and what was undone.
        self.done: list[_Step] = []
        self.undone: list[_Step] = []
        self.limit = self.controller.undo_stack.undoLimit()
        self.tally = Tally()
        self.step = 0
        self.next_id = 0
        # Gaps between actions, scaled so that the whole evening lasts exactly EVENING_SECONDS.
        gaps = [self.rng.expovariate(1.0) for _ in range(actions)]
        scale = EVENING_SECONDS / sum(gaps)
        self.gaps = [g * scale for g in gaps]

    # ------------------------------------------------------------------ choosing an action
    def _ids(self) -> list[str]:
        return [p.id for p in self.session.participants]

    def _someone(self) -> str:
        ids = self._ids()
        return self.rng.choice(ids) if ids and self.rng.random() < 0.95 else "nobody-here"

    def _audience(self) -> str:
        s = self.session
        free = [
            p.id
            for p in s.participants
            if p.role is Role.AUDIENCE and s.seat_of(p.id) is None and s.queue_position(p.id) is None
        ]
        return self.rng.choice(free) if free else self._someone()

    def _seated(self) -> str:
        seated = [seat.occupant for seat in self.session.seats if seat.occupant is not None]
        return self.rng.choice(seated) if seated else self._someone()

    def _seat_index(self) -> int:
        return self.rng.randrange(-1, len(self.session.seats) + 1)

    def _new_participant(self) -> Participant:
        self.next_id += 1
        role = self.rng.choices(list(Role), weights=(1, 2, 12))[0]
        return Participant(f"sim-{self.next_id}", self.rng.choice(NAMES), role, group=self.rng.choice(["", "A", "B"]))

    def _choose(self) -> tuple[str, Callable[[], object], bool]:
        """(kind, intent, undoable); weights roughly follow a real evening: Next and the timer most often."""
        c, rng = self.controller, self.rng
        n = len(self.session.queue)
        table: list[tuple[int, str, Callable[[], object], bool]] = [
            (14, "next_free_chair", c.next_free_chair, True),
            (12, "enqueue", lambda: c.enqueue(self._audience()), True),
            (3, "dequeue", lambda: c.dequeue(self._someone()), True),
            (4, "move_in_queue", lambda: c.move_in_queue(rng.randrange(-1, n + 1), rng.randrange(-1, n + 1)), True),
            (8, "start_turn", lambda: c.start_turn(self._seated()), True),
            (12, "toggle_timer", c.toggle_timer, False),
            (6, "adjust_time", lambda: c.adjust_time(rng.choice((-30, 30, 60, -600))), False),
            (2, "reset_timer", c.reset_timer, False),
            (8, "end_turn", c.end_turn, True),
            (4, "seat", lambda: c.seat(self._someone(), self._seat_index()), True),
            (3, "unseat", lambda: c.unseat(self._seat_index()), True),
            (2, "replace_occupant", lambda: c.replace_occupant(self._seat_index(), self._someone()), True),
            (
                2,
                "set_ordering",
                lambda: c.set_ordering(RuleChain(tuple(rng.sample(CHAIN_RULES, rng.randint(0, len(CHAIN_RULES)))))),
                True,
            ),
            (3, "add_participant", lambda: c.add_participant(self._new_participant()), True),
            (1, "add_and_enqueue", lambda: c.add_and_enqueue(self._new_participant()), True),
            (1, "remove_participant", lambda: c.remove_participant(self._someone()), True),
            (3, "set_stage", self._stage_change, False),
            (2, "update_participant", self._edit_someone, True),
            (2, "set_settings", self._change_rules, True),
            (1, "configure_circle", lambda: c.configure_circle(rng.randrange(0, 7), rng.randrange(0, 3)), True),
            (7, "undo", c.undo_stack.undo, True),
            (25 if self.undone else 2, "redo", c.undo_stack.redo, True),  # redo mostly right after undo
        ]
        weights = [w for w, *_ in table]
        _, kind, intent, undoable = rng.choices(table, weights=weights)[0]
        return kind, intent, undoable

    def _edit_someone(self) -> bool:
        """A role or group corrected during the evening (may be refused: an audience member on a panel seat)."""
        ids = self._ids()
        if not ids:
            return self.controller.remove_participant("nobody-here")
        person = self.session.participant(self.rng.choice(ids))
        changed = person.with_changes(role=self.rng.choice(list(Role)), group=self.rng.choice(["", "A", "B"]))
        return self.controller.update_participant(changed)

    def _change_rules(self) -> bool:
        settings = replace(
            self.session.settings,
            format=self.rng.choice(list(FishbowlFormat)),
            auto_start_next=self.rng.random() < 0.7,
            free_chair_seconds=self.rng.choice((60.0, 120.0, 180.0)),
        )
        return self.controller.set_settings(settings)

    def _chain(self) -> RuleChain:
        rng = self.rng
        return RuleChain(tuple(rng.sample(CHAIN_RULES, rng.randint(0, len(CHAIN_RULES)))))

    def _stage_change(self) -> bool:
        topics = len(self.session.topics())
        choice = self.rng.randrange(3)
        if choice == 0:
            return self.controller.toggle_blank()
        if choice == 1:
            return self.controller.set_stage(topic_index=self.rng.randrange(-1, topics + 1))
        return self.controller.set_stage(message=self.rng.choice(["", "Pause bis 19:45", "Bitte Mikrofon!"]))

    # ------------------------------------------------------------------ running and checking
    def fail(self, text: str) -> None:
        raise InvariantBroken(f"step {self.step} (seed {self.seed}, replay with RELIABILITY_SEED={self.seed}): {text}")

    def run(self, actions: int) -> Tally:
        for gap in self.gaps[:actions]:
            self.step += 1
            self.clock.advance(gap)
            self.act()
        return self.tally

    def act(self) -> None:
        kind, intent, _undoable = self._choose()
        self.tally.actions += 1
        self.tally.by_kind[kind] = self.tally.by_kind.get(kind, 0) + 1
        before = self.session.snapshot()
        log_before = self.session.log.as_tuple()
        self.errors.clear()
        if kind == "undo":
            self._check_undo(before)
        elif kind == "redo":
            self._check_redo(before)
        else:
            ok = intent()
            after = self.session.snapshot()
            if ok is False:
                self.tally.refused += 1
                if after != before:
                    self.fail(f"{kind} was refused but changed the session")
                if not self.errors or not self.errors[-1].strip():
                    self.fail(f"{kind} was refused without a message for the moderator")
            elif kind in ("toggle_timer", "adjust_time", "reset_timer", "set_stage"):
                pass  # live, not on the undo stack
            elif after != before:
                self.done.append(_Step(before, after, _spoken(before.turn, self.clock.monotonic())))
                del self.done[: max(0, len(self.done) - self.limit)]
                self.undone.clear()
            log_after = self.session.log.as_tuple()
            if log_after[: len(log_before)] != log_before:
                self.fail(f"{kind} rewrote the speech log (only undo may take records away)")
        self.tally.logged_turns = max(self.tally.logged_turns, len(self.session.log))
        self.check()

    def _check_undo(self, before: SessionSnapshot) -> None:
        stack = self.controller.undo_stack
        now, leaving = self.clock.monotonic(), self.session.turn
        stack.undo()
        if not self.done:
            if self.session.snapshot() != before:
                self.fail("undo with nothing to undo changed the session")
            return
        self.tally.undos += 1
        step = self.done.pop()
        self.undone.append(step)
        if _same_turn(leaving, step.after.turn) and not _same_turn(leaving, step.before.turn):
            step.after_left = _spoken(leaving, now)
        left = None if _same_turn(leaving, step.before.turn) else step.before_left
        problem = _returned(_with_live_parts(step.before, self.session), self.session, left, now)
        if problem:
            self.fail(f"undo did not return exactly to the state before the action: {problem}")

    def _check_redo(self, before: SessionSnapshot) -> None:
        now, leaving = self.clock.monotonic(), self.session.turn
        self.controller.undo_stack.redo()
        if not self.undone:
            if self.session.snapshot() != before:
                self.fail("redo with nothing to redo changed the session")
            return
        self.tally.redos += 1
        step = self.undone.pop()
        self.done.append(step)
        expected = step.after
        if leaving is not None and not _same_turn(leaving, expected.turn):
            if _same_turn(leaving, step.before.turn):
                step.before_left = _spoken(leaving, now)
            # the leaving speaker's record counts what they said until this redo
            new = set(step.before.log)
            log = tuple(
                replace(r, duration=round(leaving.timer.spoken(now), 3))
                if r not in new and (r.participant_id, r.seat_index) == (leaving.participant_id, leaving.seat_index)
                else r
                for r in expected.log
            )
            expected = replace(expected, log=log)
        left = None if _same_turn(leaving, step.after.turn) else step.after_left
        problem = _returned(_with_live_parts(expected, self.session), self.session, left, now)
        if problem:
            self.fail(f"redo did not return exactly to the state after the action: {problem}")

    def check(self) -> None:
        s = self.session
        try:
            s.check_invariants()
        except Exception as exc:
            self.fail(f"check_invariants: {exc}")
        stack = self.controller.undo_stack
        if (stack.count(), stack.index()) != (len(self.done) + len(self.undone), len(self.done)):
            self.fail(
                f"the undo stack holds {stack.count()} steps at {stack.index()}, expected "
                f"{len(self.done) + len(self.undone)} at {len(self.done)}"
            )
        if not s.free_chair_indices():
            self.fail("the circle lost its free chair")
        elapsed = self.clock.monotonic() - self.start
        logged = sum(r.duration for r in s.log)
        running = s.running_record()
        spoken = logged + (running.duration if running else 0.0)
        if spoken > elapsed + 1e-6 * max(1.0, elapsed):
            self.fail(f"{spoken:.3f} s spoken in {elapsed:.3f} s of evening")
        records = [*s.log, *([running] if running else [])]
        for earlier, later in zip(records, records[1:], strict=False):
            # One speaker at a time: a turn starts after the previous one ended (wall clock in whole seconds).
            if (later.started_at - earlier.started_at).total_seconds() < earlier.duration - 1:
                self.fail(f"two logged turns overlap in time: {earlier} and {later}")
        stats = s.stats(include_running=False)
        if not math.isclose(stats.total_seconds, logged, abs_tol=1e-6):
            self.fail(f"statistics say {stats.total_seconds} s, the log {logged} s")
        for name, part in (("person", stats.by_participant), ("role", stats.by_role), ("group", stats.by_group)):
            if sum(t.turns for t in part.values()) != len(s.log):
                self.fail(f"turns by {name} do not add up to the log")
            if not math.isclose(sum(t.seconds for t in part.values()), logged, abs_tol=1e-6):
                self.fail(f"seconds by {name} do not add up to the log")
        live = s.stats(include_running=True)
        if not math.isclose(live.total_seconds, spoken, abs_tol=1e-6):
            self.fail("live statistics leave out the running turn")
        if any(r.duration < 0 for r in s.log):
            self.fail("a turn with negative duration")
