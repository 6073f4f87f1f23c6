"""The session's value objects: turn rules, the running turn, the projector's stage, and the snapshot
that undo returns to. All immutable, so a snapshot is a few references, not a copy."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from fishbowl_desktop.model.chain import RuleChain
from fishbowl_desktop.model.characters import check_text
from fishbowl_desktop.model.circle import FishbowlFormat, Opening, Seat, SeatKind
from fishbowl_desktop.model.discussion import DiscussionClock
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.event import Event
from fishbowl_desktop.model.participants import Participant
from fishbowl_desktop.model.queue import QueueEntry
from fishbowl_desktop.model.requests import ChairRequest
from fishbowl_desktop.model.speech import SpeechRecord
from fishbowl_desktop.model.timer import SpeakerTimer
from fishbowl_desktop.value_class import value_class

MAX_MESSAGE = 200
MAX_SAFE_POSITIONS = 10


@value_class
class TurnSettings:
    """How long a turn may run, when to warn, and how the queue is ordered."""

    panel_seconds: float = 180.0
    free_chair_seconds: float = 120.0
    warning_seconds: float = 30.0
    auto_start_next: bool = True
    """After Next, start the new free-chair speaker's time at once (else on the moderator's word)."""
    ordering: RuleChain = RuleChain()
    """The queue's chain of rules; arrival decides last (an empty chain: first come, first served)."""
    format: FishbowlFormat = FishbowlFormat.EXPERTS_STAY
    opening: Opening = Opening.FREE_CHAIR
    """Closed, open (a free chair) or tap-out: switched during the evening (`Session.set_opening`)."""
    discussion_minutes: int = 0
    """The discussion's planned length; 0 takes the agenda's total (model/discussion.py)."""
    show_discussion_clock: bool = False
    """The hall sees the discussion's time left too (the projector, the phones' timer page), not only the console."""
    safe_positions: int = 1
    """The first N places of the queue are safe: once told "you are next", nobody is pushed down by a
    later arrival or a rule (VoteIT's safe positions)."""

    def __post_init__(self) -> None:
        if isinstance(self.safe_positions, bool) or not 0 <= self.safe_positions <= MAX_SAFE_POSITIONS:
            raise FishbowlError("Safe places in the queue must be between 0 and {n}.", n=MAX_SAFE_POSITIONS)
        if not 10 <= self.panel_seconds <= 3600:
            raise FishbowlError("Panel speaking time must be between 0:10 and 60:00.")
        if not 10 <= self.free_chair_seconds <= 3600:
            raise FishbowlError("Free-chair speaking time must be between 0:10 and 60:00.")
        if not 0 <= self.warning_seconds <= 600:
            raise FishbowlError("The warning must come between 0:00 and 10:00 before the end.")
        if isinstance(self.discussion_minutes, bool) or not 0 <= self.discussion_minutes <= 24 * 60:
            raise FishbowlError("The discussion's planned length must be between 0 and 1440 minutes.")

    def allotted_for(self, kind: SeatKind) -> float:
        return self.panel_seconds if kind is SeatKind.PANEL else self.free_chair_seconds


@value_class
class Turn:
    """Someone has the floor."""

    participant_id: str
    seat_index: int
    started_at: datetime
    timer: SpeakerTimer


@value_class
class Stage:
    """What the projector shows besides the timer."""

    message: str = ""
    blank: bool = False
    topic_index: int | None = None
    """Index into the guiding questions, then the agenda items (questions first)."""
    countdown_to: datetime | None = None
    """Before the start: "we begin in 4:59" counts down to this time."""
    message_pinned: bool = False
    """Pinned, the message stays up for the next speakers too; else it goes when the turn it was for ends."""
    discussion: DiscussionClock = DiscussionClock()
    """The whole discussion's clock (issue 28): live like the rest of the stage, so Undo never moves it."""

    def __post_init__(self) -> None:
        if len(self.message) > MAX_MESSAGE:
            raise FishbowlError("The projector message may have at most {n} characters.", n=MAX_MESSAGE)
        check_text(self.message)


class StageChanges(TypedDict, total=False):
    """The fields `SessionController.set_stage` takes, so mypy checks every name and type."""

    message: str
    blank: bool
    topic_index: int | None
    countdown_to: datetime | None
    message_pinned: bool
    discussion: DiscussionClock


@value_class
class SessionSnapshot:
    """Everything that undo restores."""

    event: Event
    participants: tuple[Participant, ...]
    seats: tuple[Seat, ...]
    queue: tuple[QueueEntry, ...]
    log: tuple[SpeechRecord, ...]
    settings: TurnSettings
    turn: Turn | None
    stage: Stage
    serial: int
    requests: tuple[ChairRequest, ...] = ()
    """What became of each request for the free chair (model/requests.py)."""
