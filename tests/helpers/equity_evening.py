"""A generated evening for the equity tests (issue 28.4): Hypothesis steps run on a real Session, with the
test's own ledger of who joined the queue when and what became of it, kept apart from the session's logs so the
figures can be checked against something the code under test did not write; and the figures per group recomputed
from that ledger and the speech log, by plain counting."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from statistics import median
from typing import Any

from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock, FishbowlError, Participant, Role, SeatKind, Session, default_seats

GROUPS = ["", "Nord", "Süd", "Ost-West"]

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


@dataclass
class Expected:
    listed: int = 0
    asked: int = 0
    turns: int = 0
    seconds: float = 0.0
    firsts: int = 0
    waits: list[float] = field(default_factory=list)
    withdrawn: int = 0
    declined: int = 0
    waiting_now: int = 0

    @property
    def median_wait(self) -> float | None:
        return median(self.waits) if self.waits else None


def expected_groups(session: Session, ledger: Ledger, threshold: float) -> tuple[dict[str, Expected], int]:
    """The figures per group by plain counting over the speech log and the test's ledger; and the number of
    accidental turns left out."""
    rows: dict[str, Expected] = defaultdict(Expected)
    for p in session.participants:
        if p.role is Role.AUDIENCE:
            rows[p.group].listed += 1
    counted = [r for r in session.log if int(r.duration + 0.5) >= threshold]
    seen: set[str] = set()
    for r in counted:
        if r.seat_kind is SeatKind.FREE:
            rows[r.group].turns += 1
            rows[r.group].seconds += r.duration
            rows[r.group].firsts += r.participant_id not in seen
        seen.add(r.participant_id)
    for group, waited in ledger["seated"]:
        rows[group].waits.append(waited)
    for group, _ in ledger["withdrawn"]:
        rows[group].withdrawn += 1
    for group in ledger["declined"]:
        rows[group].declined += 1
        rows[group].asked += 1
    for group in Counter({**ledger["asked"], **ledger["waiting"]}.values()).elements():
        rows[group].asked += 1
    for group in ledger["waiting"].values():
        rows[group].waiting_now += 1
    return dict(rows), len(session.log) - len(counted)
