"""Whether any phone reaches the room at all.

A firewall that blocks the room's port, or a guest Wi-Fi that keeps its devices apart, cannot be seen from the
laptop's side: a connection to its own address never passes its own firewall. What the laptop can see is that the
room has been on for a while and no phone has ever connected; then the console says what to check. The first phone
that connects takes it back, and once one has, a restart of the room says nothing again (the network lets phones
through).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from fishbowl_desktop.room.service import Room

UNREACHED_AFTER_MS = 3 * 60 * 1000
"""How long the room is on with no phone before the console says so: long enough to hand out the links."""


class ReachWatch(QObject):
    unreachedChanged = Signal(bool)

    def __init__(self, room: Room, after_ms: int = UNREACHED_AFTER_MS):
        super().__init__(room)
        self._room = room
        self.unreached = False
        self.reached = False
        """A phone has connected since the app started: the network lets phones through."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(after_ms)
        self._timer.timeout.connect(self._time_is_up)
        room.runningChanged.connect(self._running)
        room.countsChanged.connect(self._counts)
        self._running(room.running)

    def minutes(self) -> int:
        return max(1, round(self._timer.interval() / 60_000))

    def _running(self, on: bool) -> None:
        if on and not self.reached:
            self._timer.start()
        else:
            self._timer.stop()
            self._set(False)

    def _counts(self, counts: dict[str, int]) -> None:
        if any(n > 0 for n in counts.values()):
            self.reached = True
            self._timer.stop()
            self._set(False)

    def _time_is_up(self) -> None:
        if self._room.running and not self.reached:
            self._set(True)

    def _set(self, unreached: bool) -> None:
        if unreached != self.unreached:
            self.unreached = unreached
            self.unreachedChanged.emit(unreached)
