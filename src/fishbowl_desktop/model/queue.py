"""The free-chair queue's entries and the ordering rules civic events use."""

from __future__ import annotations

import enum
from dataclasses import field
from datetime import datetime

from fishbowl_desktop.value_class import value_class


class OrderingRule(enum.Enum):
    """One link of the queue's chain of rules (model/chain.py); arrival is always the last tie-break."""

    FIRST_COME = "first_come"
    """First come, first served: arrival alone (the empty chain; a version-4 file's "first_come")."""
    NEW_VOICES_FIRST = "new_voices_first"
    """People who have not spoken yet go before those who have."""
    FEWEST_TURNS = "fewest_turns"
    """Fewest turns so far first."""
    ALTERNATE_GROUPS = "alternate_groups"
    """Quotierte Redeliste: take the groups in turn."""
    OTHER_GROUP = "other_group"
    """Someone of another group than the person who leaves the free chair before them goes first."""
    LEAST_SPEAKING_TIME = "least_speaking_time"
    """Least speaking time so far first."""


@value_class
class QueueEntry:
    """One person waiting for the free chair."""

    participant_id: str
    joined_at: datetime
    """Wall-clock time of joining, shown to people ("waiting since 19:42"); never used for order or waits,
    since the wall clock can jump back (NTP, a time-zone change)."""
    serial: int = 0
    """Arrival number, handed out by the session: the one basis for first come, first served."""
    placed_by_hand: bool = False
    """The moderator moved this person: no rule and no later arrival may push them down."""
    joined_mono: float | None = field(default=None, compare=False)
    """Monotonic time of joining, for the waiting time; not saved (a restart derives it from `joined_at`)."""
