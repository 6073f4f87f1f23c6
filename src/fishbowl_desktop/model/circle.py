"""The inner circle: panel seats and free chairs, and who sits where."""

from __future__ import annotations

import enum

from fishbowl_desktop.value_class import value_class

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


class Opening(enum.Enum):
    """How the audience gets into the circle, beside who keeps a seat (`FishbowlFormat`); switched during the
    evening ("closed, then opened"), so it is a setting of the session, not of the circle's shape."""

    CLOSED = "closed"
    """A fixed inner circle: the audience listens; Next and the phones' requests are refused. The circle may have
    no free chair at all."""
    FREE_CHAIR = "free_chair"
    """The open fishbowl: the audience comes in through a free chair, one out, one in."""
    TAP_OUT = "tap_out"
    """A newcomer replaces a speaker the moderator picks; no chair needs to stand empty."""


@value_class
class Seat:
    """One chair of the inner circle, and who sits on it."""

    kind: SeatKind
    occupant: str | None = None

    @property
    def is_free_chair(self) -> bool:
        return self.kind is SeatKind.FREE


def default_seats(panel: int = 4, free: int = 1) -> list[Seat]:
    return [Seat(SeatKind.PANEL) for _ in range(panel)] + [Seat(SeatKind.FREE) for _ in range(free)]
