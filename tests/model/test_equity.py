"""The equity figures (issue 28.4) against a count the test keeps itself, on generated evenings and on the demo.

Hypothesis drives a real Session through an evening — people join the queue, Next, a guest seated by hand, a
withdrawal, a phone request declined, a person removed, groups edited — on a fake clock, while the test writes down
in its own ledger what happened to whom and when (tests/helpers/equity_evening.py). The figures per group are then
recomputed from that ledger and from the speech log, and must equal `model.equity.equity`'s.
"""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.model.equity import SMALL_GROUP, equity, whole_shares
from helpers.equity_evening import GROUPS, Step, evening, expected_groups, step


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(  # p0 speaks twice (one first turn), p1 waits and withdraws, a phone of no group is declined
    groups=["Nord", "Süd"],
    steps=[("join", 0), ("join", 1), ("next", 60), ("withdraw", 1), ("next", 40), ("join", 0), ("wait", 30)]
    + [("next", 90), ("decline", ""), ("next", 20)],
    threshold=5.0,
)
@given(
    groups=st.lists(st.sampled_from(GROUPS), min_size=1, max_size=12),
    steps=st.lists(step, max_size=60),
    threshold=st.sampled_from([0.0, 5.0, 30.0]),
)
def test_the_figures_per_group_match_a_count_from_the_evenings_log(
    groups: list[str], steps: list[Step], threshold: float
) -> None:
    session, ledger = evening(groups, steps)
    if session.turn is not None:
        session.end_turn()
    result = equity(
        session.participants.as_tuple(),
        session.log.as_tuple(),
        session.requests.as_tuple(),
        [e.participant_id for e in session.queue],
        short_turn_seconds=threshold,
    )
    expected, left_out = expected_groups(session, ledger, threshold)
    rows = {g.group: g for g in result.groups}
    assert set(rows) == set(expected)
    for name, want in expected.items():
        row = rows[name]
        assert (row.listed, row.asked, row.free_turns, row.first_turns) == (
            want.listed,
            want.asked,
            want.turns,
            want.firsts,
        ), name
        assert abs(row.free_seconds - want.seconds) < 1e-6, name
        assert [round(w, 3) for w in row.waits] == [round(w, 3) for w in want.waits], name
        if want.median_wait is None:
            assert row.median_wait is None, name
        else:
            assert row.median_wait is not None and abs(row.median_wait - want.median_wait) < 1e-3, name
        assert (row.withdrawn, row.declined, row.waiting_now) == (want.withdrawn, want.declined, want.waiting_now)
        assert row.few == (max(want.listed, want.asked) < SMALL_GROUP)
    if "" in expected:
        assert result.groups[-1].group == "", "the people without a group are the last row"
    assert result.left_out == left_out
    asked_ids = set(ledger["asked"]) | set(ledger["waiting"])
    counted = [r for r in session.log if int(r.duration + 0.5) >= threshold and r.seat_kind.value == "free"]
    assert result.unasked_turns == sum(r.participant_id not in asked_ids for r in counted)


@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=12))
def test_whole_shares_add_up_to_100_or_say_nothing(values: list[float]) -> None:
    shares = whole_shares(values)
    if sum(values) <= 0:
        assert shares == [None] * len(values)
    else:
        assert sum(s or 0 for s in shares) == 100
        for s, v in zip(shares, values, strict=True):
            assert s is not None and abs(s - 100 * v / sum(values)) < 1


def test_the_demo_evening_by_hand() -> None:
    """The sample evening's figures, worked out by hand from demo.py's log."""
    session = demo_session(FakeClock(datetime(2026, 12, 3, 19, 10)))
    result = equity(
        session.participants.as_tuple(),
        session.log.as_tuple(),
        session.requests.as_tuple(),
        [e.participant_id for e in session.queue],
        short_turn_seconds=5,
    )
    rows = {g.group: g for g in result.groups}
    assert [g.group for g in result.groups] == ["FLINTA*", "offen", ""]
    flinta, offen, none = rows["FLINTA*"], rows["offen"], rows[""]
    assert (flinta.listed, offen.listed, none.listed) == (6, 6, 0)
    assert (flinta.free_turns, flinta.free_seconds, offen.free_turns, offen.free_seconds) == (1, 101.0, 1, 134.0)
    assert (flinta.first_turns, offen.first_turns) == (1, 1)
    assert flinta.waits == [212.0, 268.0] and offen.waits == [95.0]
    assert (flinta.withdrawn, offen.withdrawn, none.declined) == (0, 1, 1)
    # asked: aud-07, aud-01 + aud-03 waiting (FLINTA*); aud-02, aud-10 + aud-04, aud-12 waiting (offen); one phone
    assert (flinta.asked, offen.asked, none.asked) == (3, 4, 1)
    assert (flinta.waiting_now, offen.waiting_now) == (1, 2)
    assert none.few and flinta.few is False
    assert result.requests_recorded and result.has_groups and result.few_turns


def test_a_turn_without_a_request_is_counted_apart() -> None:
    """Seated by hand from the list (never queued): the turn counts for the group, and the page says why the group
    can have more turns than requests."""
    session = demo_session(FakeClock(datetime(2026, 12, 3, 19, 10)))
    session.unseat(4)
    session.seat("aud-05", 4)  # Małgorzata, FLINTA*, straight from the list
    session.start_turn("aud-05")
    session.clock.advance(40)  # type: ignore[attr-defined]
    session.end_turn()
    result = equity(
        session.participants.as_tuple(), session.log.as_tuple(), session.requests.as_tuple(), short_turn_seconds=5
    )
    flinta = next(g for g in result.groups if g.group == "FLINTA*")
    assert flinta.free_turns == 2 and result.unasked_turns == 1
