"""The inner circle: panel seats and free chairs, and who sits where."""

from __future__ import annotations

import enum
from dataclasses import dataclass

MAX_SEATS = 12
"""The most seats a circle may have; configuring the circle and loading a file refuse more."""


class SeatKind(enum.Enum):
    PANEL = "panel"
    FREE = "free"


class FishbowlFormat(enum.Enum):
    EXPERTS_STAY = "experts_stay"
    """Panelists keep their seats; only the free chairs rotate."""
    OPEN = "open"
    """Anyone but the moderator may be replaced; one chair is always kept free."""


@dataclass(frozen=True)
class Seat:
    kind: SeatKind
    occupant: str | None = None

    @property
    def is_free_chair(self) -> bool:
        return self.kind is SeatKind.FREE


def default_seats(panel: int = 4, free: int = 1) -> list[Seat]:
    return [Seat(SeatKind.PANEL) for _ in range(panel)] + [Seat(SeatKind.FREE) for _ in range(free)]
