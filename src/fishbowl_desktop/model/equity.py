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

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import field
from statistics import median

from fishbowl_desktop.model.circle import SeatKind
from fishbowl_desktop.model.participants import Participant, Role
from fishbowl_desktop.model.requests import ChairRequest, RequestOutcome
from fishbowl_desktop.model.shares import whole_percentages
from fishbowl_desktop.model.speech import SpeechRecord, is_accidental
from fishbowl_desktop.value_class import value_class

SMALL_GROUP = 5
"""Below this many people (on the list and among those who asked), one person more or less moves a group's share
by 20 points or more: the page and the panel say the share means little."""
FEW_TURNS = 10
"""Below this many free-chair turns in all, one turn moves every share by 10 points or more: said once."""


@value_class(frozen=False)
class GroupEquity:
    """One group's share of the free chair: listed, asked, given turns, and how long they waited."""

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


@value_class
class Equity:
    """How fairly the free chair went round the groups this evening."""

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


@value_class
class LoggedTurns:
    """The finished turns' part of the figures: only a new turn in the log changes it, so the statistics keep
    it from one second to the next instead of walking the whole log again at every tick and every Next (several
    passes per Next; the figures are in benchmarks/README.md, "The big evening's projector")."""

    free: dict[str, tuple[int, float, int]]
    """Per group, in the order the groups first spoke: free-chair turns, their seconds, first-time speakers."""
    spoken: frozenset[str]
    """Everyone with a counted turn, from any seat."""
    free_turns_of: dict[str, int]
    """Free-chair turns per person (who never asked is counted apart: `Equity.unasked_turns`)."""
    left_out: int
    short_turn_seconds: float


def logged_turns(
    records: Iterable[SpeechRecord], short_turn_seconds: float = 0.0, *, after: LoggedTurns | None = None
) -> LoggedTurns:
    """The finished turns' part of `equity` (the running turn is added by `equity` itself). With `after` (the
    part of the turns logged before these, at the same threshold), only `records` are looked at: the same
    additions in the same order as one pass over the whole log."""
    free: dict[str, list[int | float]] = {}
    spoken: set[str] = set()
    free_turns_of: dict[str, int] = {}
    left_out = 0
    if after is not None:
        free = {group: list(part) for group, part in after.free.items()}
        spoken = set(after.spoken)
        free_turns_of = dict(after.free_turns_of)
        left_out = after.left_out
    for record in records:
        if is_accidental(record, short_turn_seconds):
            left_out += 1
            continue
        first = record.participant_id not in spoken
        spoken.add(record.participant_id)
        if record.seat_kind is SeatKind.FREE:
            g = free.setdefault(record.group, [0, 0.0, 0])
            g[0] += 1
            g[1] += record.duration
            g[2] += first
            free_turns_of[record.participant_id] = free_turns_of.get(record.participant_id, 0) + 1
    return LoggedTurns(
        {group: (int(t), float(s), int(f)) for group, (t, s, f) in free.items()},
        frozenset(spoken),
        free_turns_of,
        left_out,
        short_turn_seconds,
    )


def equity(
    participants: Sequence[Participant],
    records: Sequence[SpeechRecord],
    requests: Sequence[ChairRequest],
    waiting: Iterable[str] = (),
    *,
    short_turn_seconds: float = 0.0,
    running: bool = False,
    logged: LoggedTurns | None = None,
) -> Equity:
    """The figures per group. `records` is the speech log (with the running turn as its last record when
    `running`); `waiting` the ids of the people in the queue now. `logged`, if given, must be `logged_turns` of
    those records without the running one, at the same threshold (kept by a caller that asks every second)."""
    groups: dict[str, GroupEquity] = {}

    def row(name: str) -> GroupEquity:
        return groups.setdefault(name, GroupEquity(name))

    by_id = {p.id: p for p in participants}
    for group, listed in Counter(p.group for p in participants if p.role is Role.AUDIENCE).items():
        row(group).listed = listed

    current = records[-1] if running and records else None
    if logged is None:
        logged = logged_turns(records[:-1] if current is not None else records, short_turn_seconds)
    for group, (turns, seconds, firsts) in logged.free.items():
        g = row(group)
        g.free_turns, g.free_seconds, g.first_turns = turns, seconds, firsts
    free_turns_of = logged.free_turns_of
    left_out = logged.left_out
    if current is not None and current.seat_kind is SeatKind.FREE:  # the running turn: never accidental
        g = row(current.group)
        g.free_turns += 1
        g.free_seconds += current.duration
        g.first_turns += current.participant_id not in logged.spoken

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
    unasked = sum(turns for pid, turns in free_turns_of.items() if pid not in asked)
    if current is not None and current.seat_kind is SeatKind.FREE and current.participant_id not in asked:
        unasked += 1
    return Equity(tuple(ordered), left_out, len(requests), unasked)


def whole_shares(values: Sequence[float]) -> list[int | None]:
    """Whole percentages of the values' sum that add up to 100 (largest remainder, `model.shares`, as the report's
    and the statistics' other shares); None when the sum is 0, so "no turns yet" never reads as "0 %"."""
    whole = whole_percentages(values, sum(values))
    return [None] * len(values) if whole is None else list[int | None](whole)
