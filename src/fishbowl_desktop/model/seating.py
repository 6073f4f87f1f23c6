"""Who may sit where in the circle, which free chair Next works on, and where seated people go when the
circle is resized: pure functions of the seats, the format and the turn, so the session only applies them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fishbowl_desktop.model.circle import MAX_SEATS, FishbowlFormat, Seat, SeatKind
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.participants import Participant, Role


def check_may_sit(person: Participant, seat: Seat, fishbowl_format: FishbowlFormat) -> None:
    """Refuse an audience member on a panel seat when the experts keep their seats."""
    if fishbowl_format is FishbowlFormat.EXPERTS_STAY and seat.kind is SeatKind.PANEL and person.role is Role.AUDIENCE:
        raise FishbowlError(
            "{name} is in the audience: in this format only the free chair is open to the audience.",
            name=person.name,
        )


def next_chair(seats: Sequence[Seat], chairs: Sequence[int], speaking_seat: int | None) -> int:
    """The free chair Next works on (of `chairs`, which must not be empty): the one whose occupant has the
    floor, else an occupied one, else the first."""
    if speaking_seat is not None and speaking_seat in chairs:
        return speaking_seat
    occupied = [i for i in chairs if seats[i].occupant is not None]
    return occupied[0] if occupied else chairs[0]


def resized_circle(
    seats: Sequence[Seat], panel: int, free: int, name_of: Callable[[str], str], need_free_chair: bool = True
) -> list[Seat]:
    """The circle with `panel` panel seats and `free` free chairs, everyone seated kept: panelists on panel
    seats, free-chair people on free chairs, in order. Refused when a seat that would disappear is taken, and
    without a free chair while the fishbowl is open (`need_free_chair`; closed and tap-out need none)."""
    if panel < 0 or free < 0 or not 1 <= panel + free <= MAX_SEATS:
        raise FishbowlError("The circle needs between 1 and {n} seats.", n=MAX_SEATS)
    if free < 1 and need_free_chair:
        raise FishbowlError("An open fishbowl needs at least one free chair; a closed one may have none.")
    new = [Seat(SeatKind.PANEL) for _ in range(panel)] + [Seat(SeatKind.FREE) for _ in range(free)]
    for i, s in enumerate(seats):
        if s.occupant is None:
            continue
        slot = next((j for j, n in enumerate(new) if n.kind is s.kind and n.occupant is None), None)
        if slot is None:
            raise FishbowlError("{name} still sits in seat {n}; unseat them first.", name=name_of(s.occupant), n=i + 1)
        new[slot] = Seat(s.kind, s.occupant)
    return new
