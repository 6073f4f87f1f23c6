"""The speech log (every finished turn) and the statistics a moderator watches during the evening."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import field
from datetime import datetime
from typing import TypeVar

from fishbowl_desktop.model.circle import SeatKind
from fishbowl_desktop.model.durations import whole_seconds
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.participants import Role
from fishbowl_desktop.value_class import value_class

K = TypeVar("K")


@value_class
class SpeechRecord:
    """One finished turn at the microphone, for the log and the report."""

    participant_id: str
    seat_index: int
    seat_kind: SeatKind
    started_at: datetime
    """Wall-clock start, for the report."""
    duration: float
    allotted: float
    role: Role = Role.AUDIENCE
    """Role and group at the time of speaking, so statistics survive later edits and forgetting names."""
    group: str = ""

    def __post_init__(self) -> None:
        if self.duration < 0 or self.allotted < 0:
            raise FishbowlError("A speech cannot last a negative time.")
        if self.seat_index < 0:
            raise FishbowlError("A speech needs a seat.")

    @property
    def overtime(self) -> float:
        return max(0.0, self.duration - self.allotted)


@value_class(frozen=False)
class SpeakerTally:
    """Turns and seconds spoken, for one person, role or group."""

    turns: int = 0
    seconds: float = 0.0


@value_class(frozen=False)
class SpeakingStats:
    """Who spoke how often and how long, by person, role and group."""

    by_participant: dict[str, SpeakerTally] = field(default_factory=dict)
    by_role: dict[Role, SpeakerTally] = field(default_factory=dict)
    by_group: dict[str, SpeakerTally] = field(default_factory=dict)
    free_chair_turns: int = 0
    total_seconds: float = 0.0

    def of(self, participant_id: str) -> SpeakerTally:
        return self.by_participant.get(participant_id, SpeakerTally())

    def with_record(self, rec: SpeechRecord) -> SpeakingStats:
        """These totals plus one more turn (the one still running); this object stays as it is, so the
        totals of the log can be kept between calls."""

        def bumped(table: dict[K, SpeakerTally], key: K) -> dict[K, SpeakerTally]:
            old = table.get(key, SpeakerTally())
            return {**table, key: SpeakerTally(old.turns + 1, old.seconds + rec.duration)}

        return SpeakingStats(
            bumped(self.by_participant, rec.participant_id),
            bumped(self.by_role, rec.role),
            bumped(self.by_group, rec.group),
            self.free_chair_turns + (rec.seat_kind is SeatKind.FREE),
            self.total_seconds + rec.duration,
        )


def is_accidental(record: SpeechRecord, short_turn_seconds: float) -> bool:
    """A finished turn shorter than the threshold: a seat taken by mistake, a timer started twice. The report
    and the console's statistics leave such turns out by this one rule (the running turn is never one),
    judged by the duration as printed, so "0:05" is never "under 5 s"."""
    return whole_seconds(record.duration) < short_turn_seconds


def speaking_stats(records: Iterable[SpeechRecord]) -> SpeakingStats:
    """Totals per person, per role and per group; pass the running turn as a record to include it live."""
    people: dict[str, SpeakerTally] = defaultdict(SpeakerTally)
    roles: dict[Role, SpeakerTally] = defaultdict(SpeakerTally)
    groups: dict[str, SpeakerTally] = defaultdict(SpeakerTally)
    stats = SpeakingStats()
    for rec in records:
        for tally in (people[rec.participant_id], roles[rec.role], groups[rec.group]):
            tally.turns += 1
            tally.seconds += rec.duration
        stats.total_seconds += rec.duration
        if rec.seat_kind is SeatKind.FREE:
            stats.free_chair_turns += 1
    stats.by_participant = dict(people)
    stats.by_role = dict(roles)
    stats.by_group = dict(groups)
    return stats
