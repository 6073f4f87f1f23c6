"""What the projector does when a screen appears, as a pure function of what the manager knows (issue 24: decisions
as pure functions, as `startup/plan.py` does for the start): testable without screens, Qt or a window.

`ProjectorManager` gathers the facts from Qt (is it the console's screen, is it the beamer the moderator chose,
where the projector is now) and carries the answer out.
"""

from __future__ import annotations

import enum


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
