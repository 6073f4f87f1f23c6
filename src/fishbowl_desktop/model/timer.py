"""The speaker timer's arithmetic.

Elapsed time is derived from the monotonic clock whenever it is read, never by counting ticks, so the
display can repaint at any rate and the time still cannot drift.
"""

from __future__ import annotations

import enum
from dataclasses import replace

from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.value_class import value_class

MAX_ALLOTTED = 60 * 60


class TimerPhase(enum.Enum):
    READY = "ready"
    """A turn is set up but its time has not started."""
    RUNNING = "running"
    WARNING = "warning"
    OVERTIME = "overtime"


@value_class
class SpeakerTimer:
    """Immutable: every operation returns a new timer, which makes undo and saving trivial."""

    allotted: float
    warning: float = 30.0
    accumulated: float = 0.0
    """Seconds run before the current stretch (sum of earlier stretches between pauses)."""
    running_since: float | None = None
    """Monotonic time the current stretch started, or None while paused."""
    started: bool = False
    earlier: float = 0.0
    """Seconds spoken in this turn before the moderator reset the clock: Reset gives the speaker their full
    time again on screen, but what was said still counts in the speech log."""

    def __post_init__(self) -> None:
        if not 0 <= self.allotted <= MAX_ALLOTTED:
            raise FishbowlError("Speaking time must be between 0:00 and 60:00.")
        if self.warning < 0:
            raise FishbowlError("The warning time cannot be negative.")
        if self.earlier < 0:
            raise FishbowlError("A speech cannot last a negative time.")

    @property
    def is_running(self) -> bool:
        return self.running_since is not None

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.accumulated
        return self.accumulated + max(0.0, now - self.running_since)

    def spoken(self, now: float) -> float:
        """Everything said in this turn, including the time before a reset: what the log records."""
        return self.earlier + self.elapsed(now)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the speaker is over time."""
        return self.allotted - self.elapsed(now)

    def overtime(self, now: float) -> float:
        return max(0.0, -self.remaining(now))

    def phase(self, now: float) -> TimerPhase:
        if not self.started:
            return TimerPhase.READY
        left = self.remaining(now)
        if left <= 0:
            return TimerPhase.OVERTIME
        if left <= self.warning:
            return TimerPhase.WARNING
        return TimerPhase.RUNNING

    def start(self, now: float) -> SpeakerTimer:
        if self.running_since is not None:
            return self
        return replace(self, running_since=now, started=True)

    def pause(self, now: float) -> SpeakerTimer:
        if self.running_since is None:
            return self
        return replace(self, accumulated=self.elapsed(now), running_since=None, started=True)

    def toggle(self, now: float) -> SpeakerTimer:
        return self.pause(now) if self.is_running else self.start(now)

    def adjust(self, seconds: float) -> SpeakerTimer:
        """Give (+) or take (−) time; the allotted time never goes below zero."""
        allotted = min(MAX_ALLOTTED, max(0.0, self.allotted + seconds))
        return replace(self, allotted=allotted)

    def reset(self, now: float) -> SpeakerTimer:
        """Back to the full time, paused; the time already spoken moves to `earlier`, so it is not lost."""
        return SpeakerTimer(self.allotted, self.warning, earlier=self.spoken(now))

    def resumed(self, left_at: float, now: float) -> SpeakerTimer:
        """The timer of a turn that lost the floor at `left_at` and gets it back at `now` (Undo, Redo): its time
        as it was when it was left, running again from `now` if it was running then. The seconds in between
        belong to the turn that had the floor meanwhile, not to this one too."""
        if self.running_since is None:
            return self
        return replace(self, accumulated=self.elapsed(left_at), running_since=now)

    def frozen_at(self, now: float) -> SpeakerTimer:
        """The same timer paused at `now`: what is saved to disk, since monotonic times mean nothing
        after a restart."""
        return self.pause(now)


def format_seconds(seconds: float) -> str:
    """`m:ss` for the remaining time, `+m:ss` for overtime (seconds < 0), rounded as a wall clock would
    show it: 2:00 stays on screen for the whole first second."""
    import math

    if seconds >= 0:
        whole = math.ceil(seconds - 1e-9)
        sign = ""
    else:
        whole = math.floor(-seconds + 1e-9)
        sign = "+"
    minutes, secs = divmod(int(whole), 60)
    return f"{sign}{minutes}:{secs:02d}"
