"""Where the projector goes, as pure functions of what the manager knows (issue 24: decisions as pure functions,
as `startup/plan.py` does for the start): testable as tables, without screens, Qt or a window.

`ProjectorManager` keeps the facts (is the projector wanted, which screens went away, which one is offered),
gathers the rest from Qt as `ScreenKey`s (a screen's name and geometry) and carries the answers out. Nothing here
imports Qt, so a screen is only ever its key.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence

ScreenKey = tuple[str, tuple[int, int, int, int]]
"""A screen's name and geometry (x, y, width, height): how a screen is recognised, also after it went away."""


class ProjectorState(enum.Enum):
    """What the hall sees, as far as the console can tell."""

    ON_SCREEN = "on_screen"
    """Fullscreen on a screen of its own (the beamer)."""
    IN_WINDOW = "in_window"
    """A small window on the console's own screen: there is no beamer."""
    OFF = "off"
    """Not shown (never opened, hidden with F5 or closed)."""
    DISCONNECTED = "disconnected"
    """Wanted, but its screen went away; it comes back with the screen."""


def projector_state(*, wanted: bool, visible: bool, fullscreen: bool) -> ProjectorState:
    if not wanted:
        return ProjectorState.OFF  # also while a window the moderator closed is still on its way out
    if visible:
        return ProjectorState.ON_SCREEN if fullscreen else ProjectorState.IN_WINDOW
    return ProjectorState.DISCONNECTED


def remembered_among(
    name: str, geometry: tuple[int, int, int, int] | None, screens: Sequence[ScreenKey]
) -> ScreenKey | None:
    """The remembered beamer among `screens`: name and geometry first, then the name alone (moved), then the
    geometry alone (renamed by the driver)."""
    if not name and geometry is None:
        return None
    place = tuple(geometry) if geometry is not None else None
    for key in screens:
        if key[0] == name and (place is None or key[1] == place):
            return key
    for key in screens:
        if name and key[0] == name:
            return key
    for key in screens:
        if place is not None and key[1] == place:
            return key
    return None


def remembered_is_unplugged(name: str, geometry: tuple[int, int, int, int] | None, gone: Collection[ScreenKey]) -> bool:
    """The chosen beamer went away this evening: a stand-in shown meanwhile does not replace it."""
    return any(
        (name and gone_name == name) or (geometry is not None and gone_geometry == tuple(geometry))
        for gone_name, gone_geometry in gone
    )


def hall_beamer(others: Sequence[ScreenKey]) -> ScreenKey | None:
    """Of the screens that are not the console's, the one for the hall: the big one, not a 1280×720 confidence
    monitor (the first of equals)."""
    if not others:
        return None
    return max(others, key=lambda key: key[1][2] * key[1][3])


def target_screen(
    *,
    name: str,
    geometry: tuple[int, int, int, int] | None,
    screens: Sequence[ScreenKey],
    console: ScreenKey | None,
) -> ScreenKey | None:
    """Where F5 shows the projector: the remembered screen if present, else the biggest screen but the
    console's, else the first screen, else the console's. `screens` are the connected ones, in Qt's order."""
    remembered = remembered_among(name, geometry, screens)
    if remembered is not None:
        return remembered
    beamer = hall_beamer([key for key in screens if key != console])
    if beamer is not None:
        return beamer
    return screens[0] if screens else console


def after_lost_screen(others: Sequence[ScreenKey]) -> ScreenKey | None:
    """The projector's screen went away: the screen it moves to (not remembered, so the chosen beamer gets it
    back on replug), or None: it hides rather than cover the console in the middle of an evening."""
    return hall_beamer(others)


class NewScreen(enum.Enum):
    IGNORE = "ignore"
    """The console's own screen, a remembered beamer the projector is on already, or "never" follow."""
    RETURN = "return"
    """The beamer the moderator chose is back, and the projector was wanted: it goes back there (and says so)."""
    MOVE = "move"
    """An unknown screen and "auto": the projector is wanted and goes there, remembered as the choice."""
    OFFER = "offer"
    """An unknown screen and "ask": the console asks the moderator."""


def new_screen_decision(
    *, on_console: bool, remembered: bool, wanted: bool, shown_there: bool, follow_mode: str
) -> NewScreen:
    """`follow_mode` is the setting `projector_follow_new_screen`: "ask", "auto" or "never"."""
    if on_console:
        return NewScreen.IGNORE
    if remembered:
        return NewScreen.RETURN if wanted and not shown_there else NewScreen.IGNORE
    if follow_mode == "auto":
        return NewScreen.MOVE
    if follow_mode == "ask":
        return NewScreen.OFFER
    return NewScreen.IGNORE
