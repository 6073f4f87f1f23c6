"""Turns user intents into model calls, each one undoable, and announces every change with Qt signals.

Data flows one way: a widget calls an intent here → the model changes → the session tells its listeners →
this controller re-emits a signal per changed part → views, the projector and autosave react.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from typing import Unpack

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance

from fishbowl_desktop.controller.undo_history import UndoHistory
from fishbowl_desktop.controller.undo_sharing import SnapshotKeeper
from fishbowl_desktop.model import (
    PARTS,
    Clock,
    Event,
    FishbowlError,
    Opening,
    Part,
    Participant,
    Role,
    RuleChain,
    Session,
    SessionSnapshot,
    SpeechRecord,
    SystemClock,
    Turn,
    TurnSettings,
)
from fishbowl_desktop.model.state import StageChanges


def translated_error(exc: FishbowlError) -> str:
    """The model's English template is the translation key; the values are filled in afterwards."""
    template = QCoreApplication.translate("FishbowlError", exc.template)
    try:
        return template.format(**exc.params)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
        return str(exc)


class _SnapshotCommand:
    """Undo by returning to the snapshot taken before the change; redo by going to the one after it.

    The projector's stage (message, blank screen, topic) and the running turn's timer are live and not part
    of undo, so both directions keep them as they are at the moment of undoing. A turn that Undo or Redo takes
    the floor from is kept as it is at that moment, and one they give the floor back to gets the time it had
    when it was left: Redo of a Next gives the guest the seconds their clock showed at the Undo, not the
    seconds in between, and the previous speaker's log entry counts what they said after the Undo. Every
    second the clock ran stays with the turn that had the floor then (issue 21, point 9).
    """

    def __init__(
        self,
        controller: SessionController,
        text: str,
        before: SessionSnapshot,
        after: SessionSnapshot,
        left_at: float,
    ):
        self._text = text
        self._controller = controller
        self._kept_before = controller._kept_snapshots.keep(before)
        self._kept_after = controller._kept_snapshots.keep(after)
        """Kept with the lists shared between steps (controller/undo_sharing.py), made whole when needed."""
        self._first = True
        self._before_left: float | None = left_at
        """When the turn in `_before` last lost the floor: the change itself, or the latest Redo."""
        self._after_left: float | None = None
        """When the turn in `_after` lost the floor to the latest Undo."""

    @property
    def _before(self) -> SessionSnapshot:
        return self._kept_before.whole()

    @_before.setter
    def _before(self, snap: SessionSnapshot) -> None:
        self._kept_before = self._controller._kept_snapshots.keep(snap)

    @property
    def _after(self) -> SessionSnapshot:
        return self._kept_after.whole()

    @_after.setter
    def _after(self, snap: SessionSnapshot) -> None:
        self._kept_after = self._controller._kept_snapshots.keep(snap)

    def text(self) -> str:
        return self._text

    def redo(self) -> None:
        if self._first:  # the change has already been made when the command is pushed
            self._first = False
            return
        now = self._controller.clock.monotonic()
        leaving = self._controller.session.turn
        target = self._after
        if leaving is not None and not _same_turn(leaving, target.turn):
            if _same_turn(leaving, self._before.turn):
                self._before, self._before_left = replace(self._before, turn=leaving), now
            target = replace(target, log=_with_spoken(target.log, self._before.log, leaving, now))
        self._controller._restore(target, self._after_left)

    def undo(self) -> None:
        now = self._controller.clock.monotonic()
        leaving = self._controller.session.turn
        if leaving is not None and _same_turn(leaving, self._after.turn) and not _same_turn(leaving, self._before.turn):
            self._after, self._after_left = replace(self._after, turn=leaving), now
        self._controller._restore(self._before, self._before_left)


def _same_turn(a: Turn | None, b: Turn | None) -> bool:
    return a is not None and b is not None and (a.participant_id, a.seat_index) == (b.participant_id, b.seat_index)


def _with_spoken(
    log: tuple[SpeechRecord, ...], earlier: tuple[SpeechRecord, ...], turn: Turn, now: float
) -> tuple[SpeechRecord, ...]:
    """`log` with the record that the change made of `turn` (not in `earlier`) counting what it spoke until now."""
    known = set(earlier)
    return tuple(
        replace(rec, duration=round(turn.timer.spoken(now), 3))
        if rec not in known and (rec.participant_id, rec.seat_index) == (turn.participant_id, turn.seat_index)
        else rec
        for rec in log
    )


NEXT_PAUSE = 1.0
"""Seconds of moderator time a second Next by hand must wait: a presenter remote's bounce comes 80–250 ms
after the press, a moderator calling the next guest on purpose leaves far more."""


class SessionController(QObject):
    eventChanged = Signal()
    participantsChanged = Signal()
    seatsChanged = Signal()
    queueChanged = Signal()
    logChanged = Signal()
    requestsChanged = Signal()
    """What became of a request for the free chair (the equity figures): not the speech log, so views of
    speaking time do not recompute when someone merely leaves the queue."""
    turnChanged = Signal()
    settingsChanged = Signal()
    stageChanged = Signal()
    sessionChanged = Signal(str)
    """Any change, with the part's name; autosave listens here."""
    sessionReplaced = Signal()
    """A different session was loaded (New, Open): views must rebind to `controller.session`."""
    sessionReplacing = Signal(int)
    """About to switch to a session with this many people (a long list takes a while to show)."""
    errorRaised = Signal(str)
    """An intent was refused; the text is for the moderator."""
    nextRefused = Signal()
    tapOutWanted = Signal()
    """Next by the console's own hand in the tap-out format: the window asks whom the newcomer replaces."""
    """A Next by hand came within NEXT_PAUSE of the last one and was not taken (a bouncing remote)."""

    def __init__(self, session: Session | None = None, clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.clock: Clock = clock or (session.clock if session else SystemClock())
        self.undo_stack = UndoHistory(limit=200, parent=self)
        self._kept_snapshots = SnapshotKeeper()
        """The undo steps' snapshots, keeping the log and the requests shared between steps."""
        self._session = session or Session(self.clock)
        self._pending: set[Part] | None = None
        self._last_next: tuple[float, int] | None = None
        """When the last Next went through (moderator time) and where it left the undo history."""
        self._session.subscribe(self._on_part_changed)

    # ------------------------------------------------------------------ the session
    @property
    def session(self) -> Session:
        return self._session

    def replace_session(self, session: Session) -> None:
        """Switch to another session (New, Open, recovery); undo history belongs to the old one."""
        self.sessionReplacing.emit(len(session.participants))
        self._session.unsubscribe(self._on_part_changed)
        self._session = session
        self.clock = session.clock
        session.subscribe(self._on_part_changed)
        self.undo_stack.clear()
        self._kept_snapshots.forget()
        self.sessionReplaced.emit()
        for part in PARTS:
            self._emit_part(part)

    def _on_part_changed(self, part: Part) -> None:
        if self._pending is not None:  # inside one intent: announce each part once, when it is done
            self._pending.add(part)
            return
        self._emit_part(part)
        self.sessionChanged.emit(part)

    @contextmanager
    def _one_announcement(self) -> Iterator[None]:
        """A compound intent (Next: a turn logged, a seat emptied and taken, a new turn) changes some parts
        several times; views repaint once per part instead of once per step. Row-level list announcements
        still go straight to the item models, which need them as they happen."""
        if self._pending is not None:
            yield
            return
        self._pending = set()
        try:
            yield
        finally:
            parts, self._pending = self._pending, None
            for part in PARTS:
                if part in parts:
                    self._emit_part(part)
                    self.sessionChanged.emit(part)

    def _emit_part(self, part: Part) -> None:
        self._part_signal(part).emit()

    def _part_signal(self, part: Part) -> SignalInstance:
        """Each part's own signal; a part without one is a mypy error here (no return on that path)."""
        match part:
            case "event":
                return self.eventChanged
            case "participants":
                return self.participantsChanged
            case "seats":
                return self.seatsChanged
            case "queue":
                return self.queueChanged
            case "log":
                return self.logChanged
            case "requests":
                return self.requestsChanged
            case "turn":
                return self.turnChanged
            case "settings":
                return self.settingsChanged
            case "stage":
                return self.stageChanged

    def _restore(self, snap: SessionSnapshot, left_at: float | None = None) -> None:
        """Undo and redo leave live things as they are: the stage, and the timer of a turn that is still the
        same turn (undoing an unrelated edit must not restart a paused speaker). A turn that comes back after
        losing the floor at `left_at` gets the time it had then (see _SnapshotCommand)."""
        turn, current = snap.turn, self._session.turn
        if turn is not None and current is not None and _same_turn(turn, current):
            turn = replace(turn, timer=current.timer, started_at=current.started_at)
        elif turn is not None and left_at is not None:
            # the turn starts that much later on the report, so its record and the one it interrupted follow
            # each other instead of overlapping
            now = self.clock.monotonic()
            away = timedelta(seconds=max(0.0, now - left_at))
            turn = replace(turn, timer=turn.timer.resumed(left_at, now), started_at=turn.started_at + away)
        with self._one_announcement():
            self._session.restore(replace(snap, stage=self._session.stage, turn=turn))

    # ------------------------------------------------------------------ the one way to change things
    def perform(self, text: str, change: Callable[[], object], undoable: bool = True) -> bool:
        """Run one intent; on refusal nothing changes and the reason is announced. Returns success."""
        before = self._session.snapshot() if undoable else None
        at = self.clock.monotonic()
        try:
            with self._one_announcement():
                change()
        except FishbowlError as exc:
            if before is not None and self._session.snapshot() != before:
                self._restore(before)  # a refused step of a compound intent leaves no half-change behind
            self.errorRaised.emit(translated_error(exc))
            return False
        if before is not None:
            after = self._session.snapshot()
            if after != before:
                self.undo_stack.push(_SnapshotCommand(self, text, before, after, at))
        return True

    def begin_steps(self, text: str) -> StepwiseChange:
        """A change too large for one go (importing 100,000 people): made in steps between which the
        console stays responsive and shows progress, yet undone as one step — or cancelled without a trace."""
        return StepwiseChange(self, text)

    # ------------------------------------------------------------------ participants
    def add_participant(self, participant: Participant) -> bool:
        return self.perform(
            self.tr("Add {name}").format(name=participant.name), lambda: self._session.add_participant(participant)
        )

    def update_participant(self, participant: Participant) -> bool:
        return self.perform(
            self.tr("Edit {name}").format(name=participant.name), lambda: self._session.update_participant(participant)
        )

    def remove_participant(self, participant_id: str) -> bool:
        name = self._name(participant_id)
        return self.perform(
            self.tr("Remove {name}").format(name=name), lambda: self._session.remove_participant(participant_id)
        )

    # ------------------------------------------------------------------ circle
    def seat(self, participant_id: str, seat_index: int) -> bool:
        return self.perform(
            self.tr("Seat {name}").format(name=self._name(participant_id)),
            lambda: self._session.seat(participant_id, seat_index),
        )

    def seat_as_panelist(self, participant_id: str, seat_index: int) -> bool:
        """Seat… on a panel seat when only audience is on the list: made a panelist and seated, one undo step."""

        def change() -> None:
            person = self._session.participant(participant_id)
            self._session.update_participant(person.with_changes(role=Role.PANELIST))
            self._session.seat(participant_id, seat_index)

        return self.perform(
            self.tr("{name} joins the panel on seat {n}").format(name=self._name(participant_id), n=seat_index + 1),
            change,
        )

    def unseat(self, seat_index: int) -> bool:
        """Undo says who left which chair: "Şule Öztürk leaves the free chair", not "Empty seat 5"."""
        seats = self._session.seats
        occupant = seats[seat_index].occupant if 0 <= seat_index < len(seats) else None
        free = 0 <= seat_index < len(seats) and seats[seat_index].is_free_chair
        if occupant is None:
            text = self.tr("Empty the free chair") if free else self.tr("Empty seat {n}").format(n=seat_index + 1)
        elif free:
            text = self.tr("{name} leaves the free chair").format(name=self._name(occupant))
        else:
            text = self.tr("{name} leaves seat {n}").format(name=self._name(occupant), n=seat_index + 1)
        return self.perform(text, lambda: self._session.unseat(seat_index))

    def replace_occupant(self, seat_index: int, participant_id: str) -> bool:
        return self.perform(
            self.tr("{name} takes seat {n}").format(name=self._name(participant_id), n=seat_index + 1),
            lambda: self._session.replace_occupant(seat_index, participant_id),
        )

    def seat_instead(self, participant_id: str, seat_index: int, leaving: int) -> bool:
        """Open format, keeping one chair free: `leaving` gives up their seat as `participant_id` sits down."""

        def change() -> None:
            self._session.unseat(leaving)
            self._session.seat(participant_id, seat_index)

        return self.perform(
            self.tr("{name} takes seat {n}").format(name=self._name(participant_id), n=seat_index + 1), change
        )

    def configure_circle(self, panel: int, free: int) -> bool:
        return self.perform(self.tr("Change the circle"), lambda: self._session.configure_circle(panel, free))

    # ------------------------------------------------------------------ queue
    def enqueue(self, participant_id: str, group: str | None = None, language: str | None = None) -> bool:
        """Queue someone; with `group` and `language` (quick entry's "Name / group / language") their group and
        language of contribution are set in the same step."""

        def change() -> None:
            person = self._session.participant(participant_id)
            if group is not None and group != person.group:
                person = person.with_changes(group=group)
            if language is not None and language != person.language:
                person = person.with_changes(language=language)
            if person != self._session.participant(participant_id):
                self._session.update_participant(person)
            self._session.enqueue(participant_id)

        return self.perform(self.tr("{name} waits for the free chair").format(name=self._name(participant_id)), change)

    def add_and_enqueue(self, participant: Participant) -> bool:
        """Quick entry: a new name typed into the queue becomes an audience participant and waits, in one step."""

        def both() -> None:
            self._session.add_participant(participant)
            self._session.enqueue(participant.id)

        return self.perform(self.tr("{name} waits for the free chair").format(name=participant.name), both)

    def dequeue(self, participant_id: str) -> bool:
        return self.perform(
            self.tr("{name} leaves the queue").format(name=self._name(participant_id)),
            lambda: self._session.dequeue(participant_id),
        )

    def note_declined(self, groups: Sequence[str]) -> bool:
        """Phone requests the moderator declined, into the evening's log (one group label each): not an undo
        step, since undo cannot take back a "no" the phone was already told."""
        return self.perform("", lambda: self._session.note_declined(groups), undoable=False)

    def move_to_queue(self, participant_id: str, position: int, from_seat: int | None = None) -> bool:
        """A person dragged into the queue at `position` (counted before the drop), from the list or from a seat
        (`from_seat`, which they leave): one undo step whatever it takes. False when nothing changes."""
        session = self._session
        current = session.queue_position(participant_id)
        if current is not None:
            destination = position - 1 if position > current else position
            destination = max(0, min(destination, len(session.queue) - 1))
            if destination == current:
                return False
            return self.move_in_queue(current, destination)

        def join() -> None:
            if from_seat is not None and session.seats[from_seat].occupant == participant_id:
                session.unseat(from_seat)
            at = session.enqueue(participant_id)
            wanted = max(0, min(position, len(session.queue) - 1))
            if wanted != at:
                session.move_in_queue(at, wanted)

        return self.perform(self.tr("{name} waits for the free chair").format(name=self._name(participant_id)), join)

    def move_in_queue(self, source: int, destination: int) -> bool:
        return self.perform(self.tr("Reorder the queue"), lambda: self._session.move_in_queue(source, destination))

    def next_free_chair(self, seat_index: int | None = None) -> bool:
        upcoming = self._session.next_in_queue(1)
        text = self.tr("Next: {name}").format(name=upcoming[0].name) if upcoming else self.tr("Free the chair")
        done = self.perform(text, lambda: self._session.next_free_chair(seat_index))
        if done:
            self._last_next = (self.clock.monotonic(), self.undo_stack.index())
        return done

    def next_by_hand(self) -> bool:
        """Next as a hand gives it (N, PageDown, a Next button, the room's phones): a second one within
        NEXT_PAUSE seconds of the last is a bouncing remote or a double click, and would call a guest who never
        spoke. It is refused (`nextRefused`); pressed again after the pause, it works. An undo in between
        makes it deliberate: PageDown, PageUp, PageDown is the moderator correcting a step."""
        last = self._last_next
        if (
            last is not None
            and last[1] == self.undo_stack.index()
            and 0 <= self.clock.monotonic() - last[0] < NEXT_PAUSE
        ):
            self.nextRefused.emit()
            return False
        return self.next_free_chair()

    def set_opening(self, opening: Opening) -> bool:
        """Closed, open or tap-out (issue 28): one undo step; nobody is unseated, the queue and the log stay."""
        texts = {
            Opening.CLOSED: self.tr("Close the fishbowl"),
            Opening.FREE_CHAIR: self.tr("Open the fishbowl"),
            Opening.TAP_OUT: self.tr("Switch to tap-out"),
        }
        return self.perform(texts[opening], lambda: self._session.set_opening(opening))

    def tap_out(self, seat_index: int) -> bool:
        """Tap-out: the first waiting person takes the seat the moderator picked; whoever sat there leaves."""
        session = self._session
        upcoming = session.next_in_queue(1)
        seats = session.seats
        leaving = seats[seat_index].occupant if 0 <= seat_index < len(seats) else None
        name = upcoming[0].name if upcoming else "?"
        if leaving is not None:
            text = self.tr("{name} replaces {leaving}").format(name=name, leaving=self._name(leaving))
        else:
            text = self.tr("{name} takes seat {n}").format(name=name, n=seat_index + 1)
        done = self.perform(text, lambda: session.tap_out(seat_index))
        if done:
            self._last_next = (self.clock.monotonic(), self.undo_stack.index())
        return done

    def next_or_pick(self) -> bool:
        """The console's Next (the key, the buttons): in tap-out it asks the moderator whom the next person
        replaces (`tapOutWanted`); otherwise one out, one in as `next_by_hand`. The phones and the desk's API
        call `next_by_hand`, which in tap-out is refused with the reason (they name a seat with `tap_out`)."""
        session = self._session
        if session.settings.opening is Opening.TAP_OUT and len(session.queue):
            self.tapOutWanted.emit()
            return True
        return self.next_by_hand()

    def set_ordering(self, chain: RuleChain) -> bool:
        """The queue's chain of rules: one undo step, the queue re-ordered (safe places and manual moves kept)."""
        if chain == self._session.settings.ordering:
            return True
        settings = replace(self._session.settings, ordering=chain)
        return self.perform(self.tr("Change the queue order"), lambda: self._session.set_settings(settings))

    # ------------------------------------------------------------------ turns and timer
    def start_turn(self, participant_id: str) -> bool:
        return self.perform(
            self.tr("{name} has the floor").format(name=self._name(participant_id)),
            lambda: self._session.start_turn(participant_id),
        )

    def end_turn(self) -> bool:
        return self.perform(self.tr("End the turn"), self._session.end_turn)

    def toggle_timer(self) -> bool:
        """Start/pause is live: not on the undo stack, so PageUp (undo) never fights the timer."""
        return self.perform("", self._session.toggle_timer, undoable=False)

    def adjust_time(self, seconds: float) -> bool:
        return self.perform("", lambda: self._session.adjust_time(seconds), undoable=False)

    def reset_timer(self) -> bool:
        return self.perform("", self._session.reset_timer, undoable=False)

    # ------------------------------------------------------------------ event, settings, stage
    def set_event(self, event: Event) -> bool:
        return self.perform(self.tr("Edit the event"), lambda: self._session.set_event(event))

    def set_settings(self, settings: TurnSettings) -> bool:
        return self.perform(self.tr("Change the turn settings"), lambda: self._session.set_settings(settings))

    def set_stage(self, **changes: Unpack[StageChanges]) -> bool:
        """Projector extras (message, blank, topic, countdown) are live and not undoable."""

        def change() -> None:
            self._session.set_stage(replace(self._session.stage, **changes))

        return self.perform("", change, undoable=False)

    def show_message(self, text: str) -> bool:
        """The projector's message ("" clears it); live, like the rest of the stage."""
        return self.set_stage(message=text)

    def toggle_discussion_clock(self) -> bool:
        """Pause the whole discussion's clock for a break, or run it again (issue 28); live like the stage."""
        clock = self._session.stage.discussion
        return self.set_stage(discussion=clock.toggle(self.clock.monotonic(), self.clock.now()))

    def toggle_blank(self) -> bool:
        return self.set_stage(blank=not self._session.stage.blank)

    # ------------------------------------------------------------------ privacy
    def forget_personal_data(self) -> bool:
        """Not undoable, and the history is cleared: every step on the undo stack holds the names."""
        ok = self.perform("", self._session.forget_personal_data, undoable=False)
        if ok:
            self.undo_stack.clear()
        return ok

    # ------------------------------------------------------------------ helpers
    def _name(self, participant_id: str) -> str:
        try:
            return self._session.participant(participant_id).name
        except FishbowlError:
            return "?"


class StepwiseChange:
    """See `SessionController.begin_steps`: one snapshot before the first step, one undo command after the
    last; a refused step or Cancel returns the session to the snapshot."""

    def __init__(self, controller: SessionController, text: str):
        self._controller = controller
        self._text = text
        self._before = controller.session.snapshot()
        self._session = controller.session
        self.open = True

    def step(self, change: Callable[[], object]) -> bool:
        """Run one step; on refusal everything done so far is taken back and the reason announced."""
        if not self.open or self._controller.session is not self._session:
            self.open = False
            return False
        try:
            with self._controller._one_announcement():
                change()
        except FishbowlError as exc:
            self.cancel()
            self._controller.errorRaised.emit(translated_error(exc))
            return False
        return True

    def finish(self) -> bool:
        """All steps done: push one undo command for the whole change."""
        if not self.open or self._controller.session is not self._session:
            self.open = False
            return False
        self.open = False
        after = self._session.snapshot()
        if after != self._before:
            at = self._controller.clock.monotonic()
            self._controller.undo_stack.push(_SnapshotCommand(self._controller, self._text, self._before, after, at))
        return True

    def cancel(self) -> None:
        """Take back every step made so far."""
        if self.open and self._controller.session is self._session:
            self._controller._restore(self._before)
        self.open = False
