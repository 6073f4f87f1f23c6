"""The free-chair queue's entries and the ordering rules civic events use."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
    """Wall-clock time of joining: the basis for first come, first served and the waiting time shown."""
    serial: int = 0
    """Tie-breaker for people who joined within the same second."""


def order_by_rule(
    entries: Sequence[QueueEntry],
    rule: OrderingRule,
    turns_of: Callable[[str], int],
    group_of: Callable[[str], str],
    last_group: str | None = None,
) -> list[QueueEntry]:
    """The queue as the rule would order it. Stable: within a rule's rank, arrival order decides."""
    by_arrival = sorted(entries, key=lambda e: (e.joined_at, e.serial))
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
