"""The free-chair queue's entries and the ordering rules civic events use."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime


class OrderingRule(enum.Enum):
    FIRST_COME = "first_come"
    """First come, first served."""
    NEW_VOICES_FIRST = "new_voices_first"
    """People who have not spoken yet go before those who have."""
    FEWEST_TURNS = "fewest_turns"
    """Fewest turns so far first."""
    ALTERNATE_GROUPS = "alternate_groups"
    """Quotierte Redeliste: take the groups in turn."""


@dataclass(frozen=True)
class QueueEntry:
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


def order_by_rule(
    entries: Sequence[QueueEntry],
    rule: OrderingRule,
    turns_of: Callable[[str], int],
    group_of: Callable[[str], str],
    last_group: str | None = None,
) -> list[QueueEntry]:
    """The queue as the rule would order it. Stable: within a rule's rank, arrival order decides.

    `last_group` is the group of the person now leaving (or who last left) the free chair: alternating
    groups starts with another group where one is waiting."""
    by_arrival = sorted(entries, key=lambda e: e.serial)
    if rule is OrderingRule.FIRST_COME:
        return by_arrival
    if rule is OrderingRule.NEW_VOICES_FIRST:
        return sorted(by_arrival, key=lambda e: turns_of(e.participant_id) > 0)
    if rule is OrderingRule.FEWEST_TURNS:
        return sorted(by_arrival, key=lambda e: turns_of(e.participant_id))
    # ALTERNATE_GROUPS: round robin over groups, in order of each group's earliest arrival, starting with a
    # group other than the last speaker's where one is waiting.
    groups: dict[str, list[QueueEntry]] = {}
    for e in by_arrival:
        groups.setdefault(group_of(e.participant_id), []).append(e)
    order = list(groups)
    if last_group is not None and len(order) > 1 and order[0] == last_group:
        order.append(order.pop(0))
    result: list[QueueEntry] = []
    while any(groups.values()):
        for g in order:
            if groups[g]:
                result.append(groups[g].pop(0))
    return result
