"""Whether the message strip keeps its empty place above the console.

During the evening it does: a message that pushed the console down by 45 px made a click meant for End turn
land on Pause, so from the first turn on, nothing clickable moves when a message comes or goes. Before the
evening (setting up, importing, seating the panel) and after it (a new session, or this one reopened to print
the report) the empty strip was a band of nothing under the menu bar on a 768 px laptop: there it takes no
space unless it has something to say (issue 21, point 11).

The evening runs from the first turn on the floor in the open session, or from the moment the projector is
shown if that comes first (F5 is a key, and the band then appears before the first double-click rather than
under the hand that made it), until that session is ended (another one opened or made, or the console closed);
ending a turn or hiding the projector does not end it, so nothing moves in between.
While the first-run welcome is up the strip gives up its place too: the welcome moves the layout once anyway.

While the room is on, the strip holds its place too, evening or not: the phones can put a request on it at any
moment, and a stranger's phone must not push the console down under the moderator's hand, nor make the whole
console lay itself out and paint again while the phones flood (issue 22's request flood: that one repaint was the
console's longest stall). Switching the room on is the moderator's own step, so the band comes then.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.projector import ProjectorManager, ProjectorState
from fishbowl_desktop.ui.shell.message_bar import MessageBar


class MessagePlace(QObject):
    def __init__(self, controller: SessionController, bar: MessageBar, projector: ProjectorManager):
        """The first-run welcome, built when first shown, tells `welcome_shown` when it comes and goes."""
        super().__init__(bar)
        self._controller = controller
        self._bar = bar
        self._projector = projector
        self._welcome_up = False
        self._room_on = False
        self.evening_runs = controller.session.turn is not None or self._projector_shown()
        """A turn has been on the floor in this session (a session recovered mid-turn starts with one), or the
        projector has been shown."""
        controller.turnChanged.connect(self._turn_changed)
        projector.stateChanged.connect(self._turn_changed)
        controller.sessionReplaced.connect(self._session_replaced)
        self._follow()

    def _projector_shown(self) -> bool:
        return self._projector.state() is not ProjectorState.OFF

    def _turn_changed(self, *_args: object) -> None:
        if not self.evening_runs and (self._controller.session.turn is not None or self._projector_shown()):
            self.evening_runs = True
            self._follow()

    def _session_replaced(self) -> None:
        """Another session: its evening has not begun unless it comes with a turn on the floor (recovered)."""
        self.evening_runs = self._controller.session.turn is not None
        self._follow()

    def room_switched(self, on: bool) -> None:
        """The room (the phones' way in) went on or off (`RoomMenu` says so)."""
        if on != self._room_on:
            self._room_on = on
            self._follow()

    def welcome_shown(self, shown: bool) -> None:
        self._welcome_up = shown
        self._follow()

    def _follow(self) -> None:
        self._bar.hold_place((self.evening_runs or self._room_on) and not self._welcome_up)
