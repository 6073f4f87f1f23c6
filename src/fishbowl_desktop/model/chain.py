"""The order of the free-chair queue as a chain of rules the moderator picks and sorts (issue 28, point 1).

A civic evening rarely wants one rule alone: "someone of another group than the person leaving the free chair,
then new voices, then whoever has spoken least so far, then arrival". Each rule of the chain decides only
among people the rules before it left equal, and arrival always decides last, so the chain is a total order
(two people never tie) and people equal under every rule keep their order of arrival.

Two rules look at the queue itself rather than at one person: "other group" compares a person with the one
who sits on the free chair before them (the person leaving it now, for the head of the queue; the person
ahead of them in the queue, for everyone else), and "alternate groups" takes the groups in turn. The order is
therefore built place by place, the best candidate first (`order_by_chain`); with neither rule in the chain
that is plain sorting by the rules' keys. Manual moves and safe places are kept on top of this order by
`placement`, which the session applies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.queue import OrderingRule, QueueEntry
from fishbowl_desktop.value_class import value_class

SEQUENCE_RULES = frozenset({OrderingRule.OTHER_GROUP, OrderingRule.ALTERNATE_GROUPS})
"""Rules that depend on who sits before a person, not on the person alone."""

CHAIN_RULES = tuple(rule for rule in OrderingRule if rule is not OrderingRule.FIRST_COME)
"""The rules a chain may hold; arrival is not one of them: it always comes last."""


@value_class
class RuleChain:
    """The rules in the order the moderator sorted them; arrival decides after the last one."""

    rules: tuple[OrderingRule, ...] = ()

    def __post_init__(self) -> None:
        if OrderingRule.FIRST_COME in self.rules:
            raise FishbowlError("Arrival always decides last; it is not a rule of its own in the chain.")
        if len(set(self.rules)) != len(self.rules):
            raise FishbowlError("Each rule may appear only once in the queue's order.")

    @classmethod
    def of(cls, *rules: OrderingRule) -> RuleChain:
        """The chain of these rules; "first come" means arrival alone and adds nothing."""
        return cls(tuple(r for r in rules if r is not OrderingRule.FIRST_COME))

    @property
    def uses_groups(self) -> bool:
        return any(r in SEQUENCE_RULES for r in self.rules)


@value_class
class Preset:
    """A named order for the queue, offered in the preferences."""

    name: str
    """Stable id: saved in the preferences; the single-rule presets keep the old rules' names."""
    chain: RuleChain


FAIR_FLOOR = RuleChain.of(OrderingRule.OTHER_GROUP, OrderingRule.NEW_VOICES_FIRST, OrderingRule.LEAST_SPEAKING_TIME)

PRESETS: tuple[Preset, ...] = (
    Preset("first_come", RuleChain()),
    Preset("new_voices_first", RuleChain.of(OrderingRule.NEW_VOICES_FIRST)),
    Preset("fair_floor", FAIR_FLOOR),
    Preset("least_speaking_time", RuleChain.of(OrderingRule.LEAST_SPEAKING_TIME)),
    Preset("fewest_turns", RuleChain.of(OrderingRule.FEWEST_TURNS)),
    Preset("alternate_groups", RuleChain.of(OrderingRule.ALTERNATE_GROUPS)),
    Preset("quota_new_voices", RuleChain.of(OrderingRule.ALTERNATE_GROUPS, OrderingRule.NEW_VOICES_FIRST)),
)
"""The common chains, offered first; any other chain is the moderator's own."""


def preset_named(name: str) -> Preset | None:
    return next((p for p in PRESETS if p.name == name), None)


def preset_of(chain: RuleChain) -> Preset | None:
    return next((p for p in PRESETS if p.chain == chain), None)


@value_class
class Standing:
    """What the rules know of a waiting person: their turns and speaking time so far, and their group."""

    turns: int = 0
    seconds: float = 0.0
    group: str = ""


StaticKey = tuple[float, ...]


def _static_key(rule: OrderingRule, standing: Standing) -> float:
    if rule is OrderingRule.NEW_VOICES_FIRST:
        return 1.0 if standing.turns > 0 else 0.0
    if rule is OrderingRule.FEWEST_TURNS:
        return float(standing.turns)
    if rule is OrderingRule.LEAST_SPEAKING_TIME:
        return round(standing.seconds, 3)
    raise ValueError(rule)


def order_by_chain(
    entries: Sequence[QueueEntry],
    chain: RuleChain,
    standing_of: Callable[[str], Standing],
    last_group: str | None = None,
) -> list[QueueEntry]:
    """The queue as the chain would order it: a total order, arrival breaking every tie.

    `last_group` is the group of the person now leaving (or who last left) the free chair: "other group" and
    "alternate groups" start with another group where one is waiting."""
    standings = {e.participant_id: standing_of(e.participant_id) for e in entries}
    static_rules = [r for r in chain.rules if r not in SEQUENCE_RULES]

    def static_key(e: QueueEntry) -> StaticKey:
        s = standings[e.participant_id]
        return (*(_static_key(r, s) for r in static_rules), float(e.serial))

    if not chain.uses_groups:
        return sorted(entries, key=static_key)
    # Within one group the sequence rules weigh everyone alike, so each group's best is its first by the
    # other rules: keep each group sorted and compare only the groups' heads, place by place.
    groups: dict[str, list[QueueEntry]] = {}
    for e in sorted(entries, key=static_key):
        groups.setdefault(standings[e.participant_id].group, []).append(e)
    rank = sorted(groups, key=lambda g: min(e.serial for e in groups[g]))  # the order of first arrival
    if last_group is not None and len(rank) > 1 and rank[0] == last_group:
        rank.append(rank.pop(0))  # alternating starts with another group than the one leaving
    rank_of = {g: i for i, g in enumerate(rank)}
    picks = dict.fromkeys(groups, 0)
    heads = dict.fromkeys(groups, 0)
    previous = last_group
    result: list[QueueEntry] = []

    def key(group: str) -> tuple[float, ...]:
        head = groups[group][heads[group]]
        s = standings[head.participant_id]
        parts: list[float] = []
        for rule in chain.rules:
            if rule is OrderingRule.OTHER_GROUP:
                parts.append(1.0 if group and group == previous else 0.0)
            elif rule is OrderingRule.ALTERNATE_GROUPS:
                parts.extend((picks[group], rank_of[group]))
            else:
                parts.append(_static_key(rule, s))
        return (*parts, float(head.serial))

    while len(result) < len(entries):
        best = min((g for g in groups if heads[g] < len(groups[g])), key=key)
        result.append(groups[best][heads[best]])
        heads[best] += 1
        picks[best] += 1
        previous = best
    return result
