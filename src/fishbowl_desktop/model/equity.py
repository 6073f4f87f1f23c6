"""Did every group get its share of the free chair? The equity figures, for the funder and the organisers.

One computation, read by the report's equity page (documents/equity_page.py) and the console's statistics
(ui/people/equity_box.py), so paper and screen never disagree. Pure arithmetic over the evening's log: the speech
log (who spoke, from which seat, how long, in which group at the time) and the requests log (model/requests.py:
who waited how long, who withdrew, which phone requests were declined), plus the people on the list and the queue
as it stands.

What the words mean, as the page and the panel say them:
- "on the list": the audience on the console's participant list. The app cannot know who actually came or left
  early, so this is the base the other shares are held against, not a head count.
- "asked": people who joined the free-chair queue (each once, however often), plus phone requests the moderator
  declined before they reached it (those never became a person on the list).
- turns and speaking time: turns on the free chair only (the panel's seats are the role table's business);
  accidental turns under the report's threshold are left out, as everywhere.
- a first-time speaker's turn: the person's first counted turn of the evening, from any seat.
- people without a group are a row of their own, never spread over the groups nor left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median

from fishbowl_desktop.model.circle import SeatKind
from fishbowl_desktop.model.participants import Participant, Role
from fishbowl_desktop.model.requests import ChairRequest, RequestOutcome
from fishbowl_desktop.model.shares import whole_percentages
from fishbowl_desktop.model.speech import SpeechRecord, is_accidental

SMALL_GROUP = 5
"""Below this many people (on the list and among those who asked), one person more or less moves a group's share
by 20 points or more: the page and the panel say the share means little."""
FEW_TURNS = 10
"""Below this many free-chair turns in all, one turn moves every share by 10 points or more: said once."""


@dataclass
class GroupEquity:
    group: str
    """The group's label; "" for the people without a group (their own row)."""
    listed: int = 0
    asked: int = 0
    free_turns: int = 0
    free_seconds: float = 0.0
    first_turns: int = 0
    waits: list[float] = field(default_factory=list)
    """Seconds each seated request waited, in the order they were seated."""
    withdrawn: int = 0
    declined: int = 0
    waiting_now: int = 0

    @property
    def few(self) -> bool:
        """Too few people for a share to mean much."""
        return max(self.listed, self.asked) < SMALL_GROUP

    @property
    def median_wait(self) -> float | None:
        return median(self.waits) if self.waits else None

    @property
    def longest_wait(self) -> float | None:
        return max(self.waits) if self.waits else None


@dataclass(frozen=True)
class Equity:
    groups: tuple[GroupEquity, ...]
    """Named groups by name (case-insensitive), the people without a group last."""
    left_out: int
    """Accidental turns left out."""
    settled: int = 0
    """Requests in the log (seated, withdrawn, declined); 0 in a file from before they were recorded."""
    unasked_turns: int = 0
    """Free-chair turns of people who never joined the queue (seated by hand, or before requests were recorded):
    why a group can have more turns than people who asked."""

    @property
    def has_groups(self) -> bool:
        return any(g.group for g in self.groups)

    @property
    def listed(self) -> int:
        return sum(g.listed for g in self.groups)

    @property
    def asked(self) -> int:
        return sum(g.asked for g in self.groups)

    @property
    def free_turns(self) -> int:
        return sum(g.free_turns for g in self.groups)

    @property
    def free_seconds(self) -> float:
        return sum(g.free_seconds for g in self.groups)

    @property
    def first_turns(self) -> int:
        return sum(g.first_turns for g in self.groups)

    @property
    def withdrawn(self) -> int:
        return sum(g.withdrawn for g in self.groups)

    @property
    def declined(self) -> int:
        return sum(g.declined for g in self.groups)

    @property
    def requests_recorded(self) -> bool:
        """Whether any request was settled: a file from before version 5 has turns but no requests."""
        return self.settled > 0

    @property
    def few_turns(self) -> bool:
        return 0 < self.free_turns < FEW_TURNS


def equity(
    participants: Sequence[Participant],
    records: Sequence[SpeechRecord],
    requests: Sequence[ChairRequest],
    waiting: Iterable[str] = (),
    *,
    short_turn_seconds: float = 0.0,
    running: bool = False,
) -> Equity:
    """The figures per group. `records` is the speech log (with the running turn as its last record when
    `running`); `waiting` the ids of the people in the queue now."""
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
    """person id → their group when they last asked."""
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


def whole_shares(values: Sequence[float]) -> list[int | None]:
    """Whole percentages of the values' sum that add up to 100 (largest remainder, `model.shares`, as the report's
    and the statistics' other shares); None when the sum is 0, so "no turns yet" never reads as "0 %"."""
    whole = whole_percentages(values, sum(values))
    return [None] * len(values) if whole is None else list[int | None](whole)
