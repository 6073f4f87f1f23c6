"""What the closed, open and tap-out fishbowl allow (issue 28, point 3), as pure functions of the seats and the
settings, so the session only applies them.

The evening often starts closed (the panel talks, the audience listens) and is opened later; some moderators
run it as tap-out, where a newcomer takes the place of a speaker the moderator picks. Switching changes only
who may come in: nobody is unseated, the queue and the speech log stay as they are, and Undo goes back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fishbowl_desktop.model.circle import MAX_SEATS, FishbowlFormat, Opening, Seat, SeatKind
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.participants import Participant, Role
from fishbowl_desktop.model.seating import check_may_sit


def check_next_allowed(opening: Opening) -> None:
    """Next (one out, one in through the free chair) is for the open fishbowl only."""
    if opening is Opening.CLOSED:
        raise FishbowlError("The fishbowl is closed: the audience listens. Open it to let the next person in.")
    if opening is Opening.TAP_OUT:
        raise FishbowlError("Tap-out: pick the speaker whom the next person replaces.")


def opened_circle(seats: Sequence[Seat], opening: Opening) -> list[Seat] | None:
    """The circle the format needs, or None when the current one will do: the open fishbowl needs a free chair,
    so one is added at the end when there is none (closed and tap-out need none)."""
    if opening is not Opening.FREE_CHAIR or any(s.kind is SeatKind.FREE for s in seats):
        return None
    if len(seats) >= MAX_SEATS:
        raise FishbowlError(
            "The circle has {n} seats and no free chair: remove a panel seat first (Event and fishbowl settings).",
            n=len(seats),
        )
    return [*seats, Seat(SeatKind.FREE)]


def check_tap_out(
    seats: Sequence[Seat],
    seat_index: int,
    newcomer: Participant,
    people: Mapping[str, Participant],
    fishbowl_format: FishbowlFormat,
) -> None:
    """Refuse a tap-out the fishbowl's rules do not allow: the moderator keeps the seat; with "experts stay" the
    audience may take only a free chair."""
    if not 0 <= seat_index < len(seats):
        raise FishbowlError("There is no seat {n}.", n=seat_index + 1)
    occupant = seats[seat_index].occupant
    leaving = people.get(occupant) if occupant is not None else None
    if leaving is not None and leaving.role is Role.MODERATOR:
        raise FishbowlError("{name} moderates and keeps the seat.", name=leaving.name)
    check_may_sit(newcomer, seats[seat_index], fishbowl_format)


def tap_out_choices(
    seats: Sequence[Seat], newcomer: Participant, people: Mapping[str, Participant], fishbowl_format: FishbowlFormat
) -> list[int]:
    """The seats `newcomer` may take by tap-out, in the circle's order: what the moderator's pick offers."""
    choices = []
    for i in range(len(seats)):
        try:
            check_tap_out(seats, i, newcomer, people, fishbowl_format)
        except FishbowlError:
            continue
        choices.append(i)
    return choices
