"""The whole evening in one object: event, people, circle, queue, the running turn and the log.

Every change goes through a method here that checks the fishbowl's rules first and raises FishbowlError
with a message the moderator can read; nothing is changed when a check fails. Subscribers hear which part
changed (for autosave and views); the lists announce row-level changes themselves.

The rules themselves are pure functions in their own modules, which the methods here apply: the checks
that the parts agree (`invariants`), where a newcomer joins the queue and what a reorder keeps
(`placement`, over the ordering rules in `queue`), who may sit where and what a resized circle keeps
(`seating`). Longer than ~400 lines on purpose: it is the one aggregate every change goes through (check,
change, announce), and splitting its methods across mixins would scatter that one path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import TypeVar

from fishbowl_desktop.model.chain import Standing, order_by_chain
from fishbowl_desktop.model.circle import FishbowlFormat, Opening, Seat, SeatKind, default_seats
from fishbowl_desktop.model.clock import Clock, SystemClock
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.event import Event, topic_count
from fishbowl_desktop.model.invariants import check_snapshot
from fishbowl_desktop.model.log_tally import LogTally
from fishbowl_desktop.model.observable import ObservableList
from fishbowl_desktop.model.opening import check_next_allowed, check_tap_out, opened_circle
from fishbowl_desktop.model.participants import Participant, Role
from fishbowl_desktop.model.parts import Part
from fishbowl_desktop.model.placement import leaving_group, newcomer_index, ordered_keeping_places
from fishbowl_desktop.model.queue import QueueEntry
from fishbowl_desktop.model.requests import ChairRequest, RequestOutcome
from fishbowl_desktop.model.seating import check_may_sit, next_chair, resized_circle
from fishbowl_desktop.model.speech import SpeakingStats, SpeechRecord
from fishbowl_desktop.model.state import SessionSnapshot, Stage, Turn, TurnSettings
from fishbowl_desktop.model.timer import SpeakerTimer

T = TypeVar("T")


Listener = Callable[[Part], None]
"""Called with the part that changed: event, participants, seats, queue, log, turn, settings, stage."""


class Session:
    def __init__(
        self,
        clock: Clock | None = None,
        *,
        event: Event | None = None,
        participants: Sequence[Participant] = (),
        seats: Sequence[Seat] | None = None,
        queue: Sequence[QueueEntry] = (),
        log: Sequence[SpeechRecord] = (),
        requests: Sequence[ChairRequest] = (),
        settings: TurnSettings | None = None,
        turn: Turn | None = None,
        stage: Stage | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self._event = event or Event()
        self.participants: ObservableList[Participant] = ObservableList(participants)
        self.seats: ObservableList[Seat] = ObservableList(default_seats() if seats is None else seats)
        self.queue: ObservableList[QueueEntry] = ObservableList(self._with_wait_anchors(queue))
        self.log: ObservableList[SpeechRecord] = ObservableList(log)
        self.requests: ObservableList[ChairRequest] = ObservableList(requests)
        """What became of each request for the free chair (model/requests.py); announced as "requests"."""
        self._settings = settings or TurnSettings()
        self._turn = turn
        self._stage = stage or Stage()
        self._serial = max((e.serial for e in queue), default=0)
        self._listeners: list[Listener] = []
        self._by_id_dict: dict[str, Participant] = {}
        self._by_id: Mapping[str, Participant] = MappingProxyType(self._by_id_dict)
        self._by_id_version = -1
        self._log_tally = LogTally(self.log)
        self.check_invariants()

    def _with_wait_anchors(self, queue: Sequence[QueueEntry]) -> list[QueueEntry]:
        """Entries from a file carry only their wall-clock time: anchor their wait on the monotonic clock
        once, here, so a later jump of the wall clock changes no wait."""
        mono, now = self.clock.monotonic(), self.clock.now()
        return [
            e
            if e.joined_mono is not None
            else replace(e, joined_mono=mono - max(0.0, (now - e.joined_at).total_seconds()))
            for e in queue
        ]

    # ------------------------------------------------------------------ observing
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _changed(self, *parts: Part) -> None:
        for part in parts:
            for listener in list(self._listeners):
                listener(part)

    # ------------------------------------------------------------------ reading
    @property
    def event(self) -> Event:
        return self._event

    @property
    def settings(self) -> TurnSettings:
        return self._settings

    @property
    def turn(self) -> Turn | None:
        return self._turn

    @property
    def stage(self) -> Stage:
        return self._stage

    def participant(self, participant_id: str) -> Participant:
        person = self.participants_by_id().get(participant_id)
        if person is None:
            raise FishbowlError("That person is not on the participant list.")
        return person

    def has_participant(self, participant_id: str) -> bool:
        return participant_id in self.participants_by_id()

    def participants_by_id(self) -> Mapping[str, Participant]:
        """Everyone by id; rebuilt only after the list changed, since every view row asks for names."""
        if self._by_id_version != self.participants.version:
            self._by_id_dict = {p.id: p for p in self.participants}
            self._by_id = MappingProxyType(self._by_id_dict)
            self._by_id_version = self.participants.version
        return self._by_id

    def seat_of(self, participant_id: str) -> int | None:
        i = self.seats.index_where(lambda s: s.occupant == participant_id)
        return None if i < 0 else i

    def queue_position(self, participant_id: str) -> int | None:
        i = self.queue.index_where(lambda e: e.participant_id == participant_id)
        return None if i < 0 else i

    def waited(self, entry: QueueEntry) -> float:
        """Seconds this person has been waiting, on the clock that cannot jump back."""
        joined = entry.joined_mono if entry.joined_mono is not None else self.clock.monotonic()
        return max(0.0, self.clock.monotonic() - joined)

    def free_chair_indices(self) -> list[int]:
        return [i for i, s in enumerate(self.seats) if s.kind is SeatKind.FREE]

    def empty_seat_indices(self) -> list[int]:
        return [i for i, s in enumerate(self.seats) if s.occupant is None]

    def can_call_next(self) -> bool:
        """Whether Next has anything to do: someone waits, or someone on a free chair can leave it."""
        if self._settings.opening is not Opening.FREE_CHAIR:
            return self._settings.opening is Opening.TAP_OUT and bool(len(self.queue))
        return bool(len(self.queue)) or any(self.seats[i].occupant for i in self.free_chair_indices())

    def next_in_queue(self, count: int = 1) -> list[Participant]:
        by_id = self.participants_by_id()
        return [by_id[e.participant_id] for e in list(self.queue)[:count]]

    def running_record(self, settled: bool = False) -> SpeechRecord | None:
        """The current turn as it would be logged if it ended now; `settled`: what of it was said before its time
        last started or stopped, None while that is nothing (numbers that move with the moderator's keys, not
        with the clock)."""
        if self._turn is None or not (self._turn.timer.started or self._turn.timer.earlier > 0):
            return None
        t = self._turn
        p = self.participant(t.participant_id)
        spoken = t.timer.earlier + t.timer.accumulated if settled else t.timer.spoken(self.clock.monotonic())
        if settled and spoken <= 0:
            return None
        return SpeechRecord(
            participant_id=t.participant_id,
            seat_index=t.seat_index,
            seat_kind=self.seats[t.seat_index].kind,
            started_at=t.started_at,
            duration=round(spoken, 3),
            allotted=t.timer.allotted,
            role=p.role,
            group=p.group,
        )

    def stats(self, include_running: bool = True, settled: bool = False) -> SpeakingStats:
        """Totals of the log, kept as turns are logged (model/log_tally.py: the console asks several times a
        second, and after every Next), plus the running turn, added fresh on each call (`settled`: as it stood
        when its time last started or stopped, `running_record`). Treat the result as read-only."""
        logged = self._log_tally.stats
        running = self.running_record(settled) if include_running else None
        return logged if running is None else logged.with_record(running)

    # ------------------------------------------------------------------ event and settings
    def set_event(self, event: Event) -> None:
        if self._stage.topic_index is not None and self._stage.topic_index >= topic_count(event):
            self._stage = replace(self._stage, topic_index=None)
        self._event = event
        self._changed("event")

    def set_settings(self, settings: TurnSettings) -> None:
        reorder = settings.ordering != self._settings.ordering
        if settings.opening is not self._settings.opening:
            self.set_opening(settings.opening)
        self._settings = settings
        self._changed("settings")
        if reorder:
            self.apply_ordering_rule()

    # ------------------------------------------------------------------ participants
    def add_participant(self, participant: Participant, index: int | None = None) -> None:
        if self.has_participant(participant.id):
            raise FishbowlError("{name} is already on the list.", name=participant.name)
        current = self._by_id_version == self.participants.version
        self.participants.insert(len(self.participants) if index is None else index, participant)
        if current:  # keep the index current instead of rebuilding it: adding n people stays linear
            self._by_id_dict[participant.id] = participant
            self._by_id_version = self.participants.version
        self._changed("participants")

    def add_participants(self, people: Sequence[Participant]) -> None:
        """Add many at once (a CSV import): checked together first, so all go in or none, in linear time."""
        by_id = self.participants_by_id()
        fresh: set[str] = set()
        for person in people:
            if person.id in by_id or person.id in fresh:
                raise FishbowlError("{name} is already on the list.", name=person.name)
            fresh.add(person.id)
        self.participants.extend(people)
        self._changed("participants")

    def update_participant(self, participant: Participant) -> None:
        i = self.participants.index_where(lambda p: p.id == participant.id)
        if i < 0:
            raise FishbowlError("That person is not on the participant list.")
        seat = self.seat_of(participant.id)
        if seat is not None:
            self._check_may_sit(participant, seat)
        self.participants.replace(i, participant)
        self._changed("participants")

    def update_participants(self, people: Sequence[Participant]) -> None:
        """Update many at once (an import that recognised people already on the list), in linear time."""
        rows = {p.id: i for i, p in enumerate(self.participants)}
        for person in people:
            if person.id not in rows:
                raise FishbowlError("That person is not on the participant list.")
            seat = self.seat_of(person.id)
            if seat is not None:
                self._check_may_sit(person, seat)
        for person in people:
            self.participants.replace(rows[person.id], person)
        if people:
            self._changed("participants")

    def remove_participant(self, participant_id: str) -> None:
        """Remove someone; they leave the queue and their seat, and a running turn of theirs is logged."""
        i = self.participants.index_where(lambda p: p.id == participant_id)
        if i < 0:
            raise FishbowlError("That person is not on the participant list.")
        if self._turn is not None and self._turn.participant_id == participant_id:
            self.end_turn()
        pos = self.queue_position(participant_id)
        if pos is not None:
            self._settle(pos, RequestOutcome.WITHDRAWN)
            self._changed("queue")
        seat = self.seat_of(participant_id)
        if seat is not None:
            self.seats.replace(seat, Seat(self.seats[seat].kind))
            self._changed("seats")
        self.participants.pop(i)
        self._changed("participants")

    # ------------------------------------------------------------------ the circle
    def _check_may_sit(self, person: Participant, seat_index: int) -> None:
        check_may_sit(person, self.seats[seat_index], self._settings.format)

    def _seat_index_ok(self, seat_index: int) -> None:
        if not 0 <= seat_index < len(self.seats):
            raise FishbowlError("There is no seat {n}.", n=seat_index + 1)

    def seat(self, participant_id: str, seat_index: int) -> None:
        """Seat someone on an empty seat; they leave the queue or their old seat."""
        self._seat_index_ok(seat_index)
        person = self.participant(participant_id)
        target = self.seats[seat_index]
        if target.occupant == participant_id:
            return
        if target.occupant is not None:
            occupant = self.participant(target.occupant)
            raise FishbowlError("Seat {n} is taken by {name}.", n=seat_index + 1, name=occupant.name)
        self._check_may_sit(person, seat_index)
        pos = self.queue_position(participant_id)
        if pos is not None:
            self._settle(pos, RequestOutcome.SEATED)
            self._changed("queue")
        old = self.seat_of(participant_id)
        if old is not None:
            self.seats.replace(old, Seat(self.seats[old].kind))
            if self._turn is not None and self._turn.participant_id == participant_id:
                self._turn = replace(self._turn, seat_index=seat_index)
                self._changed("turn")
        self.seats.replace(seat_index, Seat(target.kind, participant_id))
        self._changed("seats")

    def unseat(self, seat_index: int) -> str | None:
        """Empty a seat; the person goes back to the audience. A running turn of theirs is logged."""
        self._seat_index_ok(seat_index)
        occupant = self.seats[seat_index].occupant
        if occupant is None:
            return None
        if self._turn is not None and self._turn.participant_id == occupant:
            self.end_turn()
        self.seats.replace(seat_index, Seat(self.seats[seat_index].kind))
        self._changed("seats")
        return occupant

    def replace_occupant(self, seat_index: int, participant_id: str) -> str | None:
        """Open format: the person on the seat leaves and another sits down, in one step."""
        self._seat_index_ok(seat_index)
        occupant = self.seats[seat_index].occupant
        if occupant is not None and occupant != participant_id:
            leaving = self.participant(occupant)
            if leaving.role is Role.MODERATOR:
                raise FishbowlError("{name} moderates and keeps the seat.", name=leaving.name)
            if self._settings.format is FishbowlFormat.EXPERTS_STAY and not self.seats[seat_index].is_free_chair:
                raise FishbowlError("In this format the panel keeps its seats; only the free chair rotates.")
        self._check_may_sit(self.participant(participant_id), seat_index)
        left = self.unseat(seat_index) if occupant != participant_id else None
        self.seat(participant_id, seat_index)
        return left

    def configure_circle(self, panel: int, free: int) -> None:
        """Change the number of seats; seats that would disappear must be empty."""
        new = resized_circle(
            self.seats.as_tuple(),
            panel,
            free,
            lambda pid: self.participant(pid).name,
            need_free_chair=self._settings.opening is Opening.FREE_CHAIR,
        )
        turn_seat = None
        if self._turn is not None:
            turn_seat = next(j for j, n in enumerate(new) if n.occupant == self._turn.participant_id)
        _assign_positional(self.seats, new)
        if self._turn is not None and turn_seat is not None and turn_seat != self._turn.seat_index:
            self._turn = replace(self._turn, seat_index=turn_seat)
            self._changed("turn")
        self._changed("seats")

    # ------------------------------------------------------------------ the free-chair queue
    def enqueue(self, participant_id: str) -> int:
        """Put someone on the free-chair queue where the ordering rule places them; returns the index."""
        person = self.participant(participant_id)
        if self.queue_position(participant_id) is not None:
            raise FishbowlError("{name} is already waiting for the free chair.", name=person.name)
        if self.seat_of(participant_id) is not None:
            raise FishbowlError("{name} already sits in the circle.", name=person.name)
        self._serial += 1
        entry = QueueEntry(participant_id, self.clock.now(), self._serial, joined_mono=self.clock.monotonic())
        rule_order = self._ordered([*self.queue, entry])
        index = newcomer_index(self.queue.as_tuple(), entry, rule_order, self._settings.safe_positions)
        self.queue.insert(index, entry)
        self._changed("queue")
        return index

    def dequeue(self, participant_id: str) -> None:
        pos = self.queue_position(participant_id)
        if pos is None:
            raise FishbowlError("{name} is not waiting for the free chair.", name=self.participant(participant_id).name)
        self._settle(pos, RequestOutcome.WITHDRAWN)
        self._changed("queue")

    def _settle(self, pos: int, outcome: RequestOutcome) -> None:
        """Take the entry at `pos` off the queue and log what became of the request."""
        entry = self.queue.pop(pos)
        person = self.participant(entry.participant_id)
        waited = round(self.waited(entry), 3)
        self.requests.append(ChairRequest(person.id, person.group, person.role, self.clock.now(), waited, outcome))
        self._changed("requests")

    def note_declined(self, groups: Sequence[str]) -> None:
        """Phone requests the moderator declined (one group label each, as the phone gave it): they never
        reached the queue, but a report of who asked for the floor counts them."""
        if not groups:
            return
        now = self.clock.now()
        for group in groups:
            self.requests.append(ChairRequest("", group, Role.AUDIENCE, now, 0.0, RequestOutcome.DECLINED))
        self._changed("requests")

    def move_in_queue(self, source: int, destination: int) -> None:
        n = len(self.queue)
        if not (0 <= source < n and 0 <= destination < n):
            raise FishbowlError("There is no such place in the queue.")
        if source == destination:
            return
        self.queue.move(source, destination)
        moved = self.queue[destination]
        if not moved.placed_by_hand:
            self.queue.replace(destination, replace(moved, placed_by_hand=True))
        self._changed("queue")

    def apply_ordering_rule(self) -> None:
        """Order the queue by the current rule; safe places and manual moves keep their place."""
        current = self.queue.as_tuple()
        ordered = ordered_keeping_places(current, self._ordered(list(current)), self._settings.safe_positions)
        self.queue.assign(ordered, key=lambda e: e.participant_id)
        self._changed("queue")

    def _next_chair(self, chairs: list[int]) -> int:
        return next_chair(self.seats.as_tuple(), chairs, self._turn.seat_index if self._turn else None)

    def _ordered(self, entries: list[QueueEntry]) -> list[QueueEntry]:
        """`entries` in the order the chain of rules gives them (see placement for the promises kept on top)."""
        return order_by_chain(entries, self._settings.ordering, self.standing_of, self.leaving_group())

    def standing_of(self, participant_id: str) -> Standing:
        """What the queue's rules know of someone: turns and speaking time in the log, and their group."""
        tally = self.stats(include_running=False).of(participant_id)
        person = self.participants_by_id().get(participant_id)
        return Standing(tally.turns, tally.seconds, person.group if person is not None else "")

    def leaving_group(self) -> str | None:
        """The group of the person Next sends away from the free chair (or who last left one)."""
        chairs = self.free_chair_indices()
        chair = self._next_chair(chairs) if chairs else None
        return leaving_group(self.seats.as_tuple(), chair, self.participants_by_id(), self.log.as_tuple())

    def next_free_chair(self, seat_index: int | None = None) -> str | None:
        """One out, one in: the free chair's occupant ends their turn and leaves, the next waiting person
        sits and (by setting) their time starts. Returns who sat down, or None if nobody was waiting."""
        check_next_allowed(self._settings.opening)
        chairs = self.free_chair_indices()
        if not chairs:  # a circle loaded from a file may have none; the console offers Next all the same
            raise FishbowlError("The circle has no free chair.")
        if seat_index is None:
            seat_index = self._next_chair(chairs)
        if seat_index not in chairs:
            raise FishbowlError("Seat {n} is not a free chair.", n=seat_index + 1)
        if self.seats[seat_index].occupant is None and not len(self.queue):
            raise FishbowlError("Nobody is waiting for the free chair.")
        self.unseat(seat_index)
        if not len(self.queue):
            return None
        nxt = self.queue[0].participant_id
        self.seat(nxt, seat_index)
        self.start_turn(nxt, start=self._settings.auto_start_next)
        return nxt

    # ------------------------------------------------------------------ closed, open, tap-out
    def set_opening(self, opening: Opening) -> None:
        """Close the fishbowl, open it or switch to tap-out. Nobody is unseated; the queue and the log stay; the
        open fishbowl gets a free chair at the end of the circle when it has none."""
        if opening is self._settings.opening:
            return
        circle = opened_circle(self.seats.as_tuple(), opening)
        if circle is not None:
            _assign_positional(self.seats, circle)
            self._changed("seats")
        self._settings = replace(self._settings, opening=opening)
        self._changed("settings")

    def tap_out(self, seat_index: int) -> str:
        """Tap-out: the first waiting person takes seat `seat_index`; whoever sat there goes back to the audience
        (their running turn is logged) and the newcomer's time starts (by setting). Returns who sat down."""
        if self._settings.opening is not Opening.TAP_OUT:
            raise FishbowlError("Tap-out is not the format now: switch to tap-out first.")
        if not len(self.queue):
            raise FishbowlError("Nobody is waiting to come in.")
        newcomer = self.participant(self.queue[0].participant_id)
        check_tap_out(self.seats.as_tuple(), seat_index, newcomer, self.participants_by_id(), self._settings.format)
        self.unseat(seat_index)
        self.seat(newcomer.id, seat_index)
        self.start_turn(newcomer.id, start=self._settings.auto_start_next)
        return newcomer.id

    # ------------------------------------------------------------------ turns and the timer
    def start_turn(self, participant_id: str, start: bool = True) -> None:
        """Give someone seated the floor; a turn already running is ended and logged first."""
        seat = self.seat_of(participant_id)
        if seat is None:
            raise FishbowlError("{name} must sit in the circle to speak.", name=self.participant(participant_id).name)
        if self._turn is not None:
            if self._turn.participant_id == participant_id:
                if start and not self._turn.timer.is_running:
                    self.toggle_timer()
                return
            self.end_turn()
        s = self._settings
        timer = SpeakerTimer(s.allotted_for(self.seats[seat].kind), s.warning_seconds)
        if start:
            timer = timer.start(self.clock.monotonic())
        self._turn = Turn(participant_id, seat, self.clock.now(), timer)
        self._changed("turn")
        if start:
            self._discussion_runs()

    def _require_turn(self) -> Turn:
        if self._turn is None:
            raise FishbowlError("Nobody has the floor: pick a speaker in the circle first.")
        return self._turn

    def _set_timer(self, timer: SpeakerTimer) -> None:
        turn = self._require_turn()
        started_at = turn.started_at if turn.timer.started or turn.timer.earlier > 0 else self.clock.now()
        self._turn = replace(turn, timer=timer, started_at=started_at)
        self._changed("turn")
        if timer.is_running:
            self._discussion_runs()

    def _discussion_runs(self) -> None:
        """A speaker's time runs, so the discussion does: its clock starts with the first speaker and runs again
        after a break (model/discussion.py)."""
        clock = self._stage.discussion
        if not clock.is_running:
            started = clock.start(self.clock.monotonic(), self.clock.now())
            self._stage = replace(self._stage, discussion=started)
            self._changed("stage")

    def toggle_timer(self) -> None:
        self._set_timer(self._require_turn().timer.toggle(self.clock.monotonic()))

    def adjust_time(self, seconds: float) -> None:
        self._set_timer(self._require_turn().timer.adjust(seconds))

    def reset_timer(self) -> None:
        """Full time again, paused; the time already spoken stays in the turn and reaches the log."""
        turn = self._require_turn()
        self._turn = replace(turn, timer=turn.timer.reset(self.clock.monotonic()))
        self._changed("turn")

    def end_turn(self) -> SpeechRecord | None:
        """End the current turn; it is logged if the speaker's time had started. The projector's message
        goes with the turn unless the moderator pinned it."""
        record = self.running_record()
        if self._turn is None:
            return None
        self._turn = None
        if record is not None:
            self.log.append(record)
            self._changed("log")
        self._changed("turn")
        if self._stage.message and not self._stage.message_pinned:
            # "Bitte zum Schluss kommen" was for this speaker, not for the next one
            self._stage = replace(self._stage, message="")
            self._changed("stage")
        return record

    # ------------------------------------------------------------------ the projector's extras
    def set_stage(self, stage: Stage) -> None:
        if stage.topic_index is not None and not 0 <= stage.topic_index < topic_count(self._event):
            raise FishbowlError("There is no such question or agenda item.")
        self._stage = stage
        self._changed("stage")

    def topics(self) -> list[str]:
        """Guiding questions, then agenda items: what the projector can show as the current topic."""
        return [*self._event.guiding_questions, *(a.title for a in self._event.agenda)]

    # ------------------------------------------------------------------ privacy
    def forget_personal_data(self) -> None:
        """After the event: names, organisations, bios and notes go; roles, groups, the log stay (see privacy.py)."""
        from fishbowl_desktop.model.privacy import anonymised

        self.restore(anonymised(self.snapshot(), self._event.language))

    # ------------------------------------------------------------------ snapshots (undo)
    def snapshot(self) -> SessionSnapshot:
        return SessionSnapshot(
            self._event,
            self.participants.as_tuple(),
            self.seats.as_tuple(),
            self.queue.as_tuple(),
            self.log.as_tuple(),
            self._settings,
            self._turn,
            self._stage,
            self._serial,
            self.requests.as_tuple(),
        )

    def restore(self, snap: SessionSnapshot) -> None:
        """Return to a snapshot with row-level changes, so views keep their place."""
        changed: list[Part] = []
        if snap.event != self._event:
            self._event = snap.event
            changed.append("event")
        if snap.settings != self._settings:
            self._settings = snap.settings
            changed.append("settings")
        if self.participants.as_tuple() != snap.participants:
            self.participants.assign(snap.participants, key=lambda p: p.id)
            changed.append("participants")
        if self.queue.as_tuple() != snap.queue:
            self.queue.assign(snap.queue, key=lambda e: e.participant_id)
            changed.append("queue")
        if self.seats.as_tuple() != snap.seats:
            _assign_positional(self.seats, snap.seats)
            changed.append("seats")
        if self.log.as_tuple() != snap.log:
            _assign_positional(self.log, snap.log)
            changed.append("log")
        requests = _kept_declines(self.requests.as_tuple(), snap.requests)
        if self.requests.as_tuple() != requests:
            _assign_positional(self.requests, requests)
            changed.append("requests")
        if snap.turn != self._turn:
            self._turn = snap.turn
            changed.append("turn")
        if snap.stage != self._stage:
            self._stage = snap.stage
            changed.append("stage")
        self._serial = snap.serial
        self._changed(*changed)

    # ------------------------------------------------------------------ invariants
    def check_invariants(self) -> None:
        """Raise FishbowlError if the parts contradict each other (used on load and in tests)."""
        check_snapshot(self.snapshot())


def _kept_declines(current: tuple[ChairRequest, ...], restored: tuple[ChairRequest, ...]) -> tuple[ChairRequest, ...]:
    """The restored requests plus every decline made since: undo cannot take back a "no" a phone was told."""
    missing = list(restored)
    later: list[ChairRequest] = []
    for request in current:
        if request in missing:
            missing.remove(request)
        elif request.outcome is RequestOutcome.DECLINED:
            later.append(request)
    return restored + tuple(later)


def _assign_positional(lst: ObservableList[T], items: Sequence[T]) -> None:
    """Make `lst` equal to `items` place by place. A snapshot shares every item that did not change with the
    list (`as_tuple`), so those are passed by identity: comparing a long log field by field made every undo of a
    big evening slow (benchmarks/README.md, "The big evening's projector")."""
    while len(lst) > len(items):
        lst.pop(len(lst) - 1)
    current = lst.as_tuple()
    for i, (old, new) in enumerate(zip(current, items, strict=False)):
        if old is not new and old != new:
            lst.replace(i, new)
    for item in items[len(current) :]:
        lst.append(item)
