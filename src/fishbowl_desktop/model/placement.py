"""Where someone goes in the free-chair queue: pure functions of the queue as it stands and the rule's order.

The ordering rule (model/queue.py) says who should come first; placement keeps the promises the moderator
made on top of it: the first `safe_positions` places are safe ("you are next"), and nobody placed by hand
is pushed down, neither by a later arrival nor by a change of rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fishbowl_desktop.model.circle import Seat, SeatKind
from fishbowl_desktop.model.participants import Participant
from fishbowl_desktop.model.queue import QueueEntry
from fishbowl_desktop.model.speech import SpeechRecord


def newcomer_index(
    waiting: Sequence[QueueEntry], newcomer: QueueEntry, rule_order: Sequence[QueueEntry], safe_positions: int
) -> int:
    """Where `newcomer` joins `waiting`, given `rule_order` (the rule's order of everyone, newcomer included).

    Slotted in before the first waiting person the rule puts after them, so manual moves among the others
    stay as the moderator left them; never into a safe place or ahead of someone the moderator placed by hand.
    """
    after = {e.participant_id for e in rule_order[list(rule_order).index(newcomer) + 1 :]}
    floor = first_open_place(waiting, safe_positions)
    return next((i for i in range(floor, len(waiting)) if waiting[i].participant_id in after), len(waiting))


def ordered_keeping_places(
    entries: Sequence[QueueEntry], rule_order: Sequence[QueueEntry], safe_positions: int
) -> list[QueueEntry]:
    """`entries` (the queue as it stands) re-ordered by `rule_order`, except that the first
    `safe_positions` places and everyone the moderator placed by hand keep their place."""
    result: list[QueueEntry | None] = [None] * len(entries)
    kept: set[str] = set()
    for i, e in enumerate(entries):
        if i < safe_positions or e.placed_by_hand:
            result[i] = e
            kept.add(e.participant_id)
    rest = iter(e for e in rule_order if e.participant_id not in kept)
    return [e if e is not None else next(rest) for e in result]


def first_open_place(entries: Sequence[QueueEntry], safe_positions: int) -> int:
    """The first index a newcomer may take: after the safe positions and after anyone placed by hand."""
    floor = min(max(0, safe_positions), len(entries))
    for i, e in enumerate(entries):
        if e.placed_by_hand:
            floor = max(floor, i + 1)
    return floor


def leaving_group(
    seats: Sequence[Seat], chair: int | None, people: Mapping[str, Participant], log: Sequence[SpeechRecord]
) -> str | None:
    """The group of the person Next would send away from the free chair `chair`, or, with the chair empty
    (or no free chair), of the last person who sat on a free chair: the one alternating groups must not
    follow with their own group."""
    if chair is not None:
        occupant = seats[chair].occupant
        if occupant is not None:
            person = people.get(occupant)
            if person is not None:
                return person.group
    for i in range(len(log) - 1, -1, -1):
        if log[i].seat_kind is SeatKind.FREE:
            return log[i].group
    return None
