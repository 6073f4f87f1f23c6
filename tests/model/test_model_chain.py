"""The queue's chain of rules (issue 28, point 1): a total order, stable for equal keys, arrival last; safe places
and manual moves win over every chain; an old file's single rule loads as the equivalent chain."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock, OrderingRule, QueueEntry, Role, RuleChain, Session, TurnSettings
from fishbowl_desktop.model.chain import (
    CHAIN_RULES,
    FAIR_FLOOR,
    PRESETS,
    SEQUENCE_RULES,
    Standing,
    order_by_chain,
    preset_of,
)
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.participants import make_participant
from fishbowl_desktop.model.queue_reasons import Fact, Reason, queue_reasons
from fishbowl_desktop.storage import load_session, session_from_dict, session_to_dict

WHEN = datetime(2026, 12, 3, 19, 0)
FREE = 4

chains = st.builds(
    lambda rules, n: RuleChain(tuple(rules[:n])), st.permutations(CHAIN_RULES), st.integers(0, len(CHAIN_RULES))
)
standings = st.builds(
    Standing, st.integers(0, 3), st.sampled_from([0.0, 30.0, 95.5, 130.0]), st.sampled_from(["", "A", "B", "C"])
)


@st.composite
def waiting(draw: st.DrawFn) -> tuple[list[QueueEntry], dict[str, Standing]]:
    n = draw(st.integers(0, 12))
    serials = draw(st.lists(st.integers(1, 10_000), min_size=n, max_size=n, unique=True))
    entries = [QueueEntry(f"p{i}", WHEN, serial=s) for i, s in enumerate(serials)]
    who = {e.participant_id: draw(standings) for e in entries}
    return entries, who


def _static_key(chain: RuleChain, s: Standing, serial: int) -> tuple[float, ...]:
    parts: list[float] = []
    for rule in chain.rules:
        if rule is OrderingRule.NEW_VOICES_FIRST:
            parts.append(float(s.turns > 0))
        elif rule is OrderingRule.FEWEST_TURNS:
            parts.append(float(s.turns))
        elif rule is OrderingRule.LEAST_SPEAKING_TIME:
            parts.append(s.seconds)
    return (*parts, float(serial))


# ---------------------------------------------------------------------------------------- the order itself
@settings(max_examples=300, deadline=None)
@given(waiting(), chains, st.sampled_from([None, "", "A", "B"]), st.randoms())
def test_the_chain_is_a_total_order_whatever_order_the_queue_arrives_in(
    data: tuple[list[QueueEntry], dict[str, Standing]], chain: RuleChain, last: str | None, rnd: object
) -> None:
    entries, who = data
    ordered = order_by_chain(entries, chain, who.__getitem__, last)
    assert sorted(e.participant_id for e in ordered) == sorted(who)  # everyone, once
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert order_by_chain(shuffled, chain, who.__getitem__, last) == ordered  # one answer, never a tie


@settings(max_examples=300, deadline=None)
@given(waiting(), chains)
def test_without_group_rules_the_chain_sorts_by_its_keys_and_arrival_breaks_ties(
    data: tuple[list[QueueEntry], dict[str, Standing]], chain: RuleChain
) -> None:
    entries, who = data
    chain = RuleChain(tuple(r for r in chain.rules if r not in SEQUENCE_RULES))
    ordered = order_by_chain(entries, chain, who.__getitem__)
    keys = [_static_key(chain, who[e.participant_id], e.serial) for e in ordered]
    assert keys == sorted(keys)
    for a, b in itertools.pairwise(ordered):  # stable: equal under every rule, the earlier arrival first
        if _static_key(chain, who[a.participant_id], 0) == _static_key(chain, who[b.participant_id], 0):
            assert a.serial < b.serial


@settings(max_examples=300, deadline=None)
@given(waiting(), chains, st.sampled_from([None, "A", "B"]))
def test_other_group_first_never_follows_a_group_with_itself_while_another_waits(
    data: tuple[list[QueueEntry], dict[str, Standing]], chain: RuleChain, last: str | None
) -> None:
    entries, who = data
    chain = RuleChain((OrderingRule.OTHER_GROUP, *(r for r in chain.rules if r is not OrderingRule.OTHER_GROUP)))
    ordered = order_by_chain(entries, chain, who.__getitem__, last)
    before = last
    for i, e in enumerate(ordered):
        group = who[e.participant_id].group
        if group and group == before:  # the same group again: only that group (or nobody) was left
            assert all(who[x.participant_id].group == group for x in ordered[i:])
        before = group


def test_the_fair_floor_preset_takes_other_group_then_new_voices_then_least_time() -> None:
    who = {
        "anna": Standing(1, 200.0, "A"),  # arrived first, spoke long
        "bert": Standing(0, 0.0, "A"),  # new voice, same group as the one leaving
        "cem": Standing(2, 60.0, "B"),
        "dana": Standing(1, 40.0, "B"),
        "emil": Standing(0, 0.0, "B"),
    }
    entries = [QueueEntry(pid, WHEN, serial=i + 1) for i, pid in enumerate(who)]
    ordered = [e.participant_id for e in order_by_chain(entries, FAIR_FLOOR, who.__getitem__, "A")]
    # leaving: A → a B first, the new voice Emil; then an A: the new voice Bert; then B: Dana spoke least;
    # then A: Anna; then Cem
    assert ordered == ["emil", "bert", "dana", "anna", "cem"]


def test_least_speaking_time_puts_who_spoke_least_first_and_new_voices_at_zero() -> None:
    who = {"a": Standing(1, 130.0), "b": Standing(3, 45.0), "c": Standing(0, 0.0), "d": Standing(1, 45.0)}
    entries = [QueueEntry(pid, WHEN, serial=i + 1) for i, pid in enumerate(who)]
    chain = RuleChain.of(OrderingRule.LEAST_SPEAKING_TIME)
    assert [e.participant_id for e in order_by_chain(entries, chain, who.__getitem__)] == ["c", "b", "d", "a"]


def test_a_chain_names_each_rule_once_and_arrival_is_never_a_link() -> None:
    with pytest.raises(FishbowlError, match="only once"):
        RuleChain((OrderingRule.NEW_VOICES_FIRST, OrderingRule.NEW_VOICES_FIRST))
    with pytest.raises(FishbowlError, match="Arrival"):
        RuleChain((OrderingRule.FIRST_COME,))
    assert RuleChain.of(OrderingRule.FIRST_COME) == RuleChain()
    assert len({p.name for p in PRESETS}) == len(PRESETS) and len({p.chain for p in PRESETS}) == len(PRESETS)
    assert preset_of(FAIR_FLOOR) is not None and preset_of(FAIR_FLOOR).name == "fair_floor"  # type: ignore[union-attr]


OLD_RULES = (
    OrderingRule.FIRST_COME,
    OrderingRule.NEW_VOICES_FIRST,
    OrderingRule.FEWEST_TURNS,
    OrderingRule.ALTERNATE_GROUPS,
)


def _order_by_one_rule(
    entries: list[QueueEntry], rule: OrderingRule, who: dict[str, Standing], last_group: str | None
) -> list[QueueEntry]:
    """The one rule as version 5 of the program ordered by it (model/queue.py's `order_by_rule`, kept here as
    the reference a chain of that rule alone must match)."""
    by_arrival = sorted(entries, key=lambda e: e.serial)
    if rule is OrderingRule.FIRST_COME:
        return by_arrival
    if rule is OrderingRule.NEW_VOICES_FIRST:
        return sorted(by_arrival, key=lambda e: who[e.participant_id].turns > 0)
    if rule is OrderingRule.FEWEST_TURNS:
        return sorted(by_arrival, key=lambda e: who[e.participant_id].turns)
    groups: dict[str, list[QueueEntry]] = {}
    for e in by_arrival:
        groups.setdefault(who[e.participant_id].group, []).append(e)
    order = list(groups)
    if last_group is not None and len(order) > 1 and order[0] == last_group:
        order.append(order.pop(0))
    result: list[QueueEntry] = []
    while any(groups.values()):
        for g in order:
            if groups[g]:
                result.append(groups[g].pop(0))
    return result


@settings(max_examples=300, deadline=None)
@given(
    waiting(),
    st.sampled_from(
        [
            OrderingRule.FIRST_COME,
            OrderingRule.NEW_VOICES_FIRST,
            OrderingRule.FEWEST_TURNS,
            OrderingRule.ALTERNATE_GROUPS,
        ]
    ),
    st.sampled_from([None, "", "A", "B"]),
)
def test_a_chain_of_one_old_rule_orders_exactly_as_that_rule_did(
    data: tuple[list[QueueEntry], dict[str, Standing]], rule: OrderingRule, last: str | None
) -> None:
    entries, who = data
    assert order_by_chain(entries, RuleChain.of(rule), who.__getitem__, last) == _order_by_one_rule(
        entries, rule, who, last
    )


# ---------------------------------------------------------------------------------------- in a session
def _evening(clock: FakeClock, chain: RuleChain, safe: int) -> tuple[Session, list[str]]:
    s = Session(clock, settings=TurnSettings(ordering=chain, safe_positions=safe))
    people = [make_participant(f"P{i}", Role.AUDIENCE, group="ABC"[i % 3]) for i in range(9)]
    for p in people:
        s.add_participant(p)
    return s, [p.id for p in people]


@settings(max_examples=120, deadline=None)
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("join"), st.integers(0, 8)),
            st.tuples(st.just("move"), st.integers(0, 8), st.integers(0, 8)),
            st.tuples(st.just("speak"), st.integers(0, 8), st.integers(5, 200)),
            st.tuples(st.just("chain"), chains),
            st.tuples(st.just("next")),
        ),
        max_size=40,
    ),
    first=chains,
    safe=st.integers(0, 3),
)
def test_a_safe_or_hand_placed_person_never_moves_down_when_the_chain_changes_or_someone_joins(
    steps: list[tuple[object, ...]], first: RuleChain, safe: int
) -> None:
    clock = FakeClock()
    s, ids = _evening(clock, first, safe)
    for step in steps:
        clock.advance(3)
        before = s.queue.as_tuple()
        protected = [(i, e.participant_id) for i, e in enumerate(before) if i < safe or e.placed_by_hand]
        kind = step[0]
        if kind == "join":
            pid = ids[int(step[1])]  # type: ignore[call-overload]
            if s.queue_position(pid) is not None or s.seat_of(pid) is not None:
                continue
            s.enqueue(pid)
        elif kind == "chain":
            chain = step[1]
            assert isinstance(chain, RuleChain)
            s.set_settings(replace(s.settings, ordering=chain))
        elif kind == "move" and len(s.queue):
            n = len(s.queue)
            s.move_in_queue(int(step[1]) % n, int(step[2]) % n)  # type: ignore[call-overload]
            continue
        elif kind == "speak":
            pid = ids[int(step[1])]  # type: ignore[call-overload]
            if s.queue_position(pid) is None and s.seat_of(pid) is None and s.seats[FREE].occupant is None:
                s.seat(pid, FREE)
                s.start_turn(pid)
                clock.advance(float(step[2]))  # type: ignore[arg-type]
                s.unseat(FREE)
            continue
        elif kind == "next" and s.can_call_next():
            s.next_free_chair()
            continue
        for i, pid in protected:  # kept where it was: never down (a join or a chain change only)
            assert s.queue_position(pid) == i
        s.check_invariants()


def test_changing_the_chain_is_one_step_that_reorders_and_the_old_order_comes_back(clock: FakeClock) -> None:
    s, ids = _evening(clock, RuleChain(), 0)
    for pid in ids[:2]:  # P0 and P1 speak, then everyone queues
        s.seat(pid, FREE)
        s.start_turn(pid)
        clock.advance(60 if pid == ids[0] else 20)
        s.unseat(FREE)
    for pid in ids[:5]:
        s.enqueue(pid)
    before = s.snapshot()
    s.set_settings(replace(s.settings, ordering=RuleChain.of(OrderingRule.LEAST_SPEAKING_TIME)))
    assert [e.participant_id for e in s.queue] == [ids[2], ids[3], ids[4], ids[1], ids[0]]
    s.restore(before)
    assert [e.participant_id for e in s.queue] == ids[:5] and s.settings.ordering == RuleChain()


# ---------------------------------------------------------------------------------------- why each one stands there
def test_each_place_says_why_in_the_chains_order(clock: FakeClock) -> None:
    s, ids = _evening(clock, FAIR_FLOOR, 0)  # P0 A, P1 B, P2 C, P3 A, P4 B ...
    s.seat(ids[0], FREE)
    s.start_turn(ids[0])
    clock.advance(130)
    s.unseat(FREE)
    for pid in (ids[0], ids[3], ids[1]):
        s.enqueue(pid)
    facts = queue_reasons(s.queue.as_tuple(), s.settings.ordering, s.standing_of, s.leaving_group(), 0)
    assert [e.participant_id for e in s.queue] == [ids[1], ids[3], ids[0]]  # P0 (A) left the chair last
    assert facts[0] == (Fact(Reason.OTHER_GROUP, group="B"), Fact(Reason.NEW_VOICE))
    assert facts[1] == (Fact(Reason.OTHER_GROUP, group="A"), Fact(Reason.NEW_VOICE))
    assert facts[2] == (Fact(Reason.SAME_GROUP, group="A"), Fact(Reason.SPOKEN, turns=1, seconds=130.0))
    s.move_in_queue(2, 0)  # P0 moved to the head by hand
    facts = queue_reasons(s.queue.as_tuple(), s.settings.ordering, s.standing_of, s.leaving_group(), 0)
    assert facts[0] == (Fact(Reason.HAND),)
    assert facts[1] == (Fact(Reason.OTHER_GROUP, group="B"), Fact(Reason.NEW_VOICE))


def test_a_safe_place_the_rules_would_give_away_says_it_is_kept(clock: FakeClock) -> None:
    s, ids = _evening(clock, RuleChain(), 1)
    s.seat(ids[0], FREE)
    s.start_turn(ids[0])
    clock.advance(50)
    s.unseat(FREE)
    s.enqueue(ids[0])
    s.enqueue(ids[1])
    s.set_settings(replace(s.settings, ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST)))
    facts = queue_reasons(s.queue.as_tuple(), s.settings.ordering, s.standing_of, s.leaving_group(), 1)
    assert facts[0] == (Fact(Reason.SAFE), Fact(Reason.TURNS, turns=1))
    assert facts[1] == (Fact(Reason.NEW_VOICE),)
    assert queue_reasons(s.queue.as_tuple(), RuleChain(), s.standing_of, None, 0)[1] == (Fact(Reason.ARRIVAL),)


# ---------------------------------------------------------------------------------------- files
@pytest.mark.parametrize(
    ("old", "chain"),
    [
        ("first_come", RuleChain()),
        ("new_voices_first", RuleChain.of(OrderingRule.NEW_VOICES_FIRST)),
        ("fewest_turns", RuleChain.of(OrderingRule.FEWEST_TURNS)),
        ("alternate_groups", RuleChain.of(OrderingRule.ALTERNATE_GROUPS)),
    ],
)
@pytest.mark.parametrize("version", [4, 5])
def test_an_older_file_with_one_rule_loads_as_the_same_chain(
    tmp_path: Path, clock: FakeClock, old: str, chain: RuleChain, version: int
) -> None:
    s, ids = _evening(clock, chain, 0)
    for pid in ids[:6]:
        s.enqueue(pid)
    data = session_to_dict(s)
    data["version"] = version
    if version == 4:
        del data["requests"]  # version 5 added them (the equity report)
    data["settings"]["ordering"] = old  # as versions 4 and 5 wrote it: one rule by name
    path = tmp_path / "old.fishbowl.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_session(path, clock)
    assert loaded.settings.ordering == chain
    assert loaded.queue.as_tuple() == s.queue.as_tuple()
    loaded.apply_ordering_rule()  # the chain orders the old queue as the old rule did
    assert [e.participant_id for e in loaded.queue] == [e.participant_id for e in s.queue]


def test_a_chain_survives_saving_and_a_bad_one_is_refused_by_name(clock: FakeClock) -> None:
    s, _ids = _evening(clock, FAIR_FLOOR, 1)
    data = session_to_dict(s)
    assert data["settings"]["ordering"] == ["other_group", "new_voices_first", "least_speaking_time"]
    assert session_from_dict(data, clock).settings.ordering == FAIR_FLOOR
    for bad, said in (
        (["loudest_first"], "unknown rule “loudest_first”"),
        (["other_group", "other_group"], "twice"),
        (["first_come"], "unknown rule “first_come”"),
        ([3], "should be text"),
        ("new_voices_first", "should be a list"),
    ):
        broken = {**data, "settings": {**data["settings"], "ordering": bad}}
        with pytest.raises(Exception, match=said):
            session_from_dict(broken, clock)
