"""The equity figures (issue 28.4) against a count the test keeps itself, on generated evenings and on the demo.

Hypothesis drives a real Session through an evening — people join the queue, Next, a guest seated by hand, a
withdrawal, a phone request declined, a person removed, groups edited, an undo — on a fake clock, while the test
writes down in its own ledger what happened to whom and when. The figures per group are then recomputed from that
ledger and from the session's logs, and must equal `model.equity.equity`'s.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from statistics import median
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import (
    FakeClock,
    FishbowlError,
    Participant,
    Role,
    SeatKind,
    Session,
    default_seats,
)
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.model.equity import SMALL_GROUP, equity, whole_shares

GROUPS = ["", "A", "B", "ÄÖ"]

step = st.one_of(
    st.tuples(st.just("join"), st.integers(0, 11)),
    st.tuples(st.just("next"), st.integers(5, 400)),
    st.tuples(st.just("withdraw"), st.integers(0, 11)),
    st.tuples(st.just("seat"), st.integers(0, 11)),
    st.tuples(st.just("decline"), st.sampled_from(GROUPS)),
    st.tuples(st.just("regroup"), st.integers(0, 11), st.sampled_from(GROUPS)),
    st.tuples(st.just("remove"), st.integers(0, 11)),
    st.tuples(st.just("wait"), st.integers(1, 600)),
)


Step = tuple[Any, ...]
Ledger = dict[str, Any]


def evening(groups: list[str], steps: list[Step]) -> tuple[Session, Ledger]:
    """Run the steps on a real session; return it and the test's own ledger of what happened."""
    clock = FakeClock(datetime(2026, 12, 3, 18, 30))
    people = [Participant(f"p{i}", f"Person {i}", Role.AUDIENCE, group=g) for i, g in enumerate(groups)]
    people.append(Participant("pan", "Panel", Role.PANELIST, group="A"))
    session = Session(clock, participants=people, seats=default_seats())
    joined: dict[str, float] = {}
    ledger: Ledger = {"seated": [], "withdrawn": [], "declined": [], "asked": {}}

    def group_of(pid: str) -> str:
        return session.participant(pid).group

    def leave_queue(pid: str, outcome: str) -> None:
        ledger[outcome].append((group_of(pid), clock.monotonic() - joined.pop(pid)))
        ledger["asked"][pid] = group_of(pid)

    for s in steps:
        kind = s[0]
        if kind == "wait":
            clock.advance(s[1])
            continue
        if kind == "decline":
            session.note_declined([s[1]])
            ledger["declined"].append(s[1])
            continue
        if s[1] >= len(groups) and kind != "next":
            continue
        pid = f"p{s[1]}"
        try:
            if kind == "join":
                if not session.has_participant(pid) or pid in joined or session.seat_of(pid) is not None:
                    continue
                session.enqueue(pid)
                joined[pid] = clock.monotonic()
            elif kind == "next":
                clock.advance(s[1])  # the free chair's speaker talks this long (Next starts the time)
                upcoming = session.queue[0].participant_id if len(session.queue) else None
                if upcoming is None and session.seats[4].occupant is None:
                    continue
                if upcoming is not None:
                    leave_queue(upcoming, "seated")
                session.next_free_chair()
            elif kind == "withdraw":
                if pid not in joined:
                    continue
                leave_queue(pid, "withdrawn")
                session.dequeue(pid)
            elif kind == "seat":  # seated by hand on the free chair, from the queue
                if pid not in joined or session.seats[4].occupant is not None:
                    continue
                leave_queue(pid, "seated")
                session.seat(pid, 4)
            elif kind == "regroup":
                if session.has_participant(pid):
                    session.update_participant(session.participant(pid).with_changes(group=s[2]))
            elif kind == "remove":
                if not session.has_participant(pid) or session.seat_of(pid) is not None:
                    continue
                if pid in joined:
                    leave_queue(pid, "withdrawn")
                session.remove_participant(pid)
        except FishbowlError as exc:  # every step was checked above: a refusal is a bug in the session
            raise AssertionError(f"{s}: {exc}") from exc
    ledger["waiting"] = {pid: group_of(pid) for pid in joined}
    return session, ledger


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(  # p0 speaks twice (one first turn), p1 waits and withdraws, a phone of no group is declined
    groups=["A", "B"],
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
    rows = {g.group: g for g in result.groups}

    # on the list: the audience as the list stands now
    listed = Counter(p.group for p in session.participants if p.role is Role.AUDIENCE)
    # turns and time on the free chair, from the speech log, accidental turns left out
    counted = [r for r in session.log if int(r.duration + 0.5) >= threshold]
    turns = Counter(r.group for r in counted if r.seat_kind is SeatKind.FREE)
    seconds: dict[str, float] = defaultdict(float)
    for r in counted:
        if r.seat_kind is SeatKind.FREE:
            seconds[r.group] += r.duration
    firsts: Counter[str] = Counter()
    seen: set[str] = set()
    for r in counted:
        if r.participant_id not in seen and r.seat_kind is SeatKind.FREE:
            firsts[r.group] += 1
        seen.add(r.participant_id)
    # waits, withdrawals and declines from the test's own ledger (not from session.requests)
    waits: dict[str, list[float]] = defaultdict(list)
    for group, waited in ledger["seated"]:
        waits[group].append(waited)
    withdrawn = Counter(group for group, _ in ledger["withdrawn"])
    declined: Counter[str] = Counter(ledger["declined"])
    asked_people = {**ledger["asked"], **ledger["waiting"]}
    asked = Counter(asked_people.values()) + declined
    waiting_now = Counter(ledger["waiting"].values())

    every = set(listed) | set(turns) | set(waits) | set(withdrawn) | set(declined) | set(asked) | set(waiting_now)
    assert set(rows) == every
    for g in every:
        row = rows[g]
        assert row.listed == listed[g], g
        assert row.free_turns == turns[g], g
        assert abs(row.free_seconds - seconds[g]) < 1e-6, g
        assert row.first_turns == firsts[g], g
        assert [round(w, 3) for w in waits[g]] == [round(w, 3) for w in row.waits], g
        assert row.median_wait == (median(row.waits) if waits[g] else None)
        assert row.withdrawn == withdrawn[g], g
        assert row.declined == declined[g], g
        assert row.asked == asked[g], g
        assert row.waiting_now == waiting_now[g], g
        assert row.few == (max(listed[g], asked[g]) < SMALL_GROUP)
    assert [g.group for g in result.groups][-1:] != [""] or "" in every
    if "" in every:
        assert result.groups[-1].group == "", "the people without a group are the last row"
    assert result.left_out == len(session.log) - len(counted)


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
