"""Why each person stands where they do in the free-chair queue, as facts the console puts into words.

A chain of rules is only fair if the hall can see it working: "new voice", "other group than the last speaker",
"spoke 2:10 so far", "moved by hand". The facts are read off the queue as it stands (so they stay true after
manual moves and safe places), one per rule of the chain, in the chain's order; the words are the console's.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from fishbowl_desktop.model.chain import RuleChain, Standing, order_by_chain
from fishbowl_desktop.model.queue import OrderingRule, QueueEntry
from fishbowl_desktop.value_class import value_class


class Reason(enum.Enum):
    HAND = "hand"
    """The moderator moved this person: no rule moves them."""
    SAFE = "safe"
    """A safe place: told they are next, so kept there though the rules would now put them elsewhere."""
    NEW_VOICE = "new_voice"
    TURNS = "turns"
    """Has spoken `turns` times so far."""
    SPOKEN = "spoken"
    """Has spoken `seconds` so far."""
    OTHER_GROUP = "other_group"
    """Of another group than the person sitting on the free chair before them."""
    SAME_GROUP = "same_group"
    """Of the same group as the person before them: nobody of another group came first by the rules."""
    GROUP_TURN = "group_turn"
    """Alternating groups: `group`'s turn."""
    ARRIVAL = "arrival"
    """Nothing but arrival decided."""


@value_class
class Fact:
    """One reason a person stands where they do in the queue, with its numbers."""

    reason: Reason
    turns: int = 0
    seconds: float = 0.0
    group: str = ""


def _fact(rule: OrderingRule, standing: Standing, before: str | None) -> Fact | None:
    """The fact `rule` looked at; `before` is the group of whoever sits on the free chair just before."""
    if rule in (OrderingRule.NEW_VOICES_FIRST, OrderingRule.FEWEST_TURNS):
        return Fact(Reason.NEW_VOICE) if not standing.turns else Fact(Reason.TURNS, turns=standing.turns)
    if rule is OrderingRule.LEAST_SPEAKING_TIME:
        if not standing.turns:
            return Fact(Reason.NEW_VOICE)
        return Fact(Reason.SPOKEN, turns=standing.turns, seconds=standing.seconds)
    if rule is OrderingRule.ALTERNATE_GROUPS:
        return Fact(Reason.GROUP_TURN, group=standing.group)
    if rule is OrderingRule.OTHER_GROUP and standing.group and before:
        same = standing.group == before
        return Fact(Reason.SAME_GROUP if same else Reason.OTHER_GROUP, group=standing.group)
    return None


def queue_reasons(
    queue: Sequence[QueueEntry],
    chain: RuleChain,
    standing_of: Callable[[str], Standing],
    last_group: str | None,
    safe_positions: int,
) -> list[tuple[Fact, ...]]:
    """For each place of `queue`, the facts that put the person there, in the chain's order."""
    standings = [standing_of(e.participant_id) for e in queue]
    by_rules = order_by_chain(queue, chain, standing_of, last_group) if safe_positions else []
    result: list[tuple[Fact, ...]] = []
    for i, entry in enumerate(queue):
        if entry.placed_by_hand:
            result.append((Fact(Reason.HAND),))
            continue
        facts: list[Fact] = []
        if i < safe_positions and by_rules[i].participant_id != entry.participant_id:
            facts.append(Fact(Reason.SAFE))
        before = standings[i - 1].group if i else last_group
        for rule in chain.rules:
            fact = _fact(rule, standings[i], before)
            if fact is not None and fact not in facts:
                facts.append(fact)
        if any(f.reason is Reason.SPOKEN for f in facts):  # "spoke 2:10 so far" says the turns' part too
            facts = [f for f in facts if f.reason is not Reason.TURNS]
        result.append(tuple(facts) or (Fact(Reason.ARRIVAL),))
    return result
