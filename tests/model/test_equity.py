"""The equity figures (issue 28.4) against a count the test keeps itself, on generated evenings and on the demo.

Hypothesis drives a real Session through an evening — people join the queue, Next, a guest seated by hand, a
withdrawal, a phone request declined, a person removed, groups edited — on a fake clock, while the test writes down
in its own ledger what happened to whom and when (tests/helpers/equity_evening.py). The figures per group are then
recomputed from that ledger and from the speech log, and must equal `model.equity.equity`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, SpeechRecord, is_accidental
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.model.equity import SMALL_GROUP, Equity, GroupEquity, equity, logged_turns, whole_shares
from fishbowl_desktop.model.requests import ChairRequest, RequestOutcome
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


def _equity_in_one_pass(
    participants: Sequence[Participant],
    records: Sequence[SpeechRecord],
    requests: Sequence[ChairRequest],
    waiting: Sequence[str],
    short_turn_seconds: float,
    running: bool,
) -> Equity:
    """The figures as `equity` computed them before the finished turns' part was kept apart: one pass over every
    record, the running one included, for every call (the reference the kept part must equal exactly)."""
    groups: dict[str, GroupEquity] = {}

    def row(name: str) -> GroupEquity:
        return groups.setdefault(name, GroupEquity(name))

    by_id = {p.id: p for p in participants}
    for person in participants:
        if person.role is Role.AUDIENCE:
            row(person.group).listed += 1
    last = len(records) - 1
    spoken: set[str] = set()
    free_speakers: list[str] = []
    left_out = 0
    for i, record in enumerate(records):
        if is_accidental(record, short_turn_seconds) and not (running and i == last):
            left_out += 1
            continue
        first = record.participant_id not in spoken
        spoken.add(record.participant_id)
        if record.seat_kind is SeatKind.FREE:
            g = row(record.group)
            g.free_turns += 1
            g.free_seconds += record.duration
            g.first_turns += first
            free_speakers.append(record.participant_id)
    asked: dict[str, str] = {}
    for request in requests:
        if request.outcome is RequestOutcome.DECLINED and not request.participant_id:
            g = row(request.group)
            g.declined += 1
            g.asked += 1
            continue
        asked[request.participant_id] = request.group
        g = row(request.group)
        if request.outcome is RequestOutcome.SEATED:
            g.waits.append(request.waited)
        elif request.outcome is RequestOutcome.WITHDRAWN:
            g.withdrawn += 1
        else:
            g.declined += 1
    for pid in waiting:
        waiter = by_id.get(pid)
        group = waiter.group if waiter is not None else ""
        asked[pid] = group
        row(group).waiting_now += 1
    for group in asked.values():
        row(group).asked += 1
    ordered = sorted(groups.values(), key=lambda g: (g.group == "", g.group.casefold(), g.group))
    unasked = sum(pid not in asked for pid in free_speakers)
    return Equity(tuple(ordered), left_out, len(requests), unasked)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    groups=st.lists(st.sampled_from(GROUPS), min_size=1, max_size=12),
    steps=st.lists(step, max_size=60),
    threshold=st.sampled_from([0.0, 5.0, 30.0]),
    seconds=st.sampled_from([0.0, 0.4, 3.0, 61.25]),
    split=st.integers(0, 60),
)
@example(  # p0 speaks, then sits again: the running turn is theirs, short, and not their first
    groups=["Nord", "Süd"],
    steps=[("join", 0), ("next", 60), ("join", 1), ("next", 40), ("join", 0), ("next", 30)],
    threshold=5.0,
    seconds=3.0,
    split=1,
)
def test_the_kept_part_of_the_finished_turns_gives_the_figures_of_one_full_pass(
    groups: list[str], steps: list[Step], threshold: float, seconds: float, split: int
) -> None:
    """The statistics keep `logged_turns` from one tick to the next (equity_box.py), extend it by the turns a
    Next logs, and add the running turn on top: the figures must be those of one pass over every record, to the
    last bit, with a turn running or not."""
    session, _ledger = evening(groups, steps)
    session.clock.advance(seconds)  # type: ignore[attr-defined]
    running = session.running_record()
    log = session.log.as_tuple()
    records = log + ((running,) if running is not None else ())
    people, requests = session.participants.as_tuple(), session.requests.as_tuple()
    waiting = [e.participant_id for e in session.queue]
    full = _equity_in_one_pass(people, records, requests, waiting, threshold, running is not None)
    kept = logged_turns(log, threshold)
    cut = min(split, len(log))  # the part kept before the last Nexts, extended by the turns they logged
    extended = logged_turns(log[cut:], threshold, after=logged_turns(log[:cut], threshold))
    assert extended == kept
    for logged in (kept, extended, None):
        got = equity(
            people,
            records,
            requests,
            waiting,
            short_turn_seconds=threshold,
            running=running is not None,
            logged=logged,
        )
        assert got == full
        assert [g.free_seconds.hex() for g in got.groups] == [g.free_seconds.hex() for g in full.groups]
