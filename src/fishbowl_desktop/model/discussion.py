"""The clock of the whole discussion (issue 28, point 2): how long the fishbowl has run, how long it was planned
to run, what is left, whether the evening is ahead of or behind its agenda, and whether the people waiting can
still all speak in the time left.

The clock starts with the first speaker's time and runs on between turns; the moderator may pause it for a
break, and the next speaker's start runs it again. Like the speaker's timer it reads the injected monotonic
clock and never counts ticks. It is saved as the time run before the current stretch plus the wall-clock moment
that stretch began, which change only when the moderator acts (a file compared before and after idle minutes is
the same): a console killed and restarted counts the minutes it was away, since the hall went on talking.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime

from fishbowl_desktop.model.event import Event
from fishbowl_desktop.value_class import value_class

LONGEST_GAP = 12 * 3600.0
"""A restart later than this after the last save does not count the gap (a session reopened the next day)."""


@value_class
class DiscussionClock:
    """Immutable, like the speaker's timer: each operation returns a new clock."""

    accumulated: float = 0.0
    """Seconds run before the current stretch."""
    running_since: float | None = None
    """Monotonic time the current stretch began, or None while paused (or never started)."""
    started_at: datetime | None = None
    """Wall-clock time of the first start: None until the discussion begins."""
    stretch_began: datetime | None = None
    """Wall-clock time the current stretch began (None while paused): what a file keeps of a running clock."""

    @property
    def is_running(self) -> bool:
        return self.running_since is not None

    @property
    def started(self) -> bool:
        return self.started_at is not None

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.accumulated
        return self.accumulated + max(0.0, now - self.running_since)

    def start(self, now: float, wall: datetime) -> DiscussionClock:
        if self.running_since is not None:
            return self
        return replace(self, running_since=now, started_at=self.started_at or wall, stretch_began=wall)

    def pause(self, now: float) -> DiscussionClock:
        if self.running_since is None:
            return self
        return replace(self, accumulated=self.elapsed(now), running_since=None, stretch_began=None)

    def toggle(self, now: float, wall: datetime) -> DiscussionClock:
        return self.pause(now) if self.is_running else self.start(now, wall)


def restored_clock(
    accumulated: float, stretch_began: datetime | None, started_at: datetime | None, now: float, wall: datetime
) -> DiscussionClock:
    """The clock as a file kept it: a running one comes back running, the minutes since its stretch began counted
    (the hall went on talking while the console was away). A stretch that began in the future (the wall clock went
    back) counts from now; one older than LONGEST_GAP (a session reopened the next day) is left out, paused."""
    if stretch_began is None or started_at is None:
        return DiscussionClock(accumulated, None, started_at)
    stretch = (wall - stretch_began).total_seconds()
    if stretch > LONGEST_GAP:
        return DiscussionClock(accumulated, None, started_at)
    return DiscussionClock(accumulated, now - max(0.0, stretch), started_at, stretch_began)


def agenda_seconds(event: Event) -> float | None:
    """The agenda's planned length, or None when no item has minutes."""
    total = sum(item.minutes for item in event.agenda)
    return total * 60.0 if total > 0 else None


def planned_seconds(event: Event, planned_minutes: int) -> float | None:
    """The discussion's planned length: the moderator's own minutes where set, else the agenda's total."""
    if planned_minutes > 0:
        return planned_minutes * 60.0
    return agenda_seconds(event)


def agenda_window(event: Event, topic_index: int | None) -> tuple[float, float] | None:
    """Where the agenda item on the projector lies in the plan (seconds from the start), or None when the topic is
    a guiding question, none, or an item the agenda gives no minutes."""
    if topic_index is None:
        return None
    k = topic_index - len(event.guiding_questions)
    if not 0 <= k < len(event.agenda) or event.agenda[k].minutes <= 0:
        return None
    begin = sum(item.minutes for item in event.agenda[:k]) * 60.0
    return begin, begin + event.agenda[k].minutes * 60.0


@value_class
class DiscussionReading:
    """The clock read once: what the console, the projector and the phones show."""

    elapsed: float
    planned: float | None
    running: bool
    started: bool
    behind: float | None
    """Seconds behind the agenda (negative: ahead); None without an agenda item on the projector. Within the
    current item's planned window it is 0: on plan."""
    waiting: int
    turn_seconds: float
    """The free chair's speaking time: what each one waiting is expected to take."""

    @property
    def remaining(self) -> float | None:
        return None if self.planned is None else self.planned - self.elapsed

    @property
    def needed(self) -> float:
        return self.waiting * self.turn_seconds

    @property
    def queue_does_not_fit(self) -> bool:
        """The calm warning: the people waiting, at the current speaking time, need more than the time left."""
        left = self.remaining
        return left is not None and self.waiting > 0 and self.needed > max(0.0, left)


def read_discussion(
    clock: DiscussionClock,
    now: float,
    event: Event,
    planned_minutes: int,
    topic_index: int | None,
    waiting: int,
    turn_seconds: float,
) -> DiscussionReading:
    elapsed = clock.elapsed(now)
    window = agenda_window(event, topic_index)
    behind: float | None = None
    if window is not None:
        begin, end = window
        behind = elapsed - end if elapsed > end else elapsed - begin if elapsed < begin else 0.0
    return DiscussionReading(
        elapsed,
        planned_seconds(event, planned_minutes),
        clock.is_running,
        clock.started,
        behind,
        waiting,
        turn_seconds,
    )


def whole_minutes(seconds: float) -> int:
    """Minutes as a plan counts them: a started minute of time left counts, a started minute run does not."""
    return max(0, math.floor(seconds / 60.0 + 1e-9))


def hours_minutes(seconds: float) -> str:
    """`h:mm` of whole minutes run (1:05), for the discussion's length; the sign is the caller's."""
    minutes = whole_minutes(abs(seconds))
    return f"{minutes // 60}:{minutes % 60:02d}"


def minutes_left(seconds: float) -> int:
    """Minutes left as a person reads them: 5:30 left is "6 min", 0:20 is "1 min", none is 0."""
    return max(0, math.ceil(seconds / 60.0 - 1e-9))
