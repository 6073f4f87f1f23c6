"""Time sources, injected so that durations never depend on the wall clock and tests never sleep.

Durations (turns, waiting) use a monotonic clock; timestamps shown to people use the wall clock.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never jumps; only differences mean anything."""

    def now(self) -> datetime:
        """The local wall-clock time, for timestamps people read."""


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FakeClock:
    """A clock that moves only when told to, for tests, simulations and benchmarks."""

    def __init__(self, start: datetime | None = None) -> None:
        self._mono = 1000.0
        self._wall = start or datetime(2026, 11, 25, 18, 0, 0)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall + timedelta(seconds=int(self._mono - 1000.0))

    def jump_wall_clock(self, seconds: float) -> None:
        """Move only the wall clock, either way, as NTP or a time-zone change does; monotonic time stays."""
        self._wall += timedelta(seconds=seconds)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not run backwards")
        self._mono += seconds
