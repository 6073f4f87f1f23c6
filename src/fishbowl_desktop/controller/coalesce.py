"""One update per event-loop turn, and the hall's before the console's: the projector and the room's phones.

One intent announces several parts (Next: log, seats, queue, turn, then the ticker's new display), and each
announcement used to recompute the projector's content on the spot. `TurnCoalescer` turns any number of
`request()` calls in one turn into a single call of its callback, delivered by a *high-priority* posted
event: Qt hands those out before the normal-priority ones already waiting, so the projector's frame is
computed and painted before the console's own views (queued by the same intent) repaint. The room uses one
too: its phones' state is computed once per intent, like the projector's frame (it used to be four times per
Next). In `controller` because both the projector (ui) and the room read it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_EVENT_TYPE = QEvent.Type(QEvent.registerEventType())


class TurnCoalescer(QObject):
    """Runs `callback` once after the current event-loop turn, however often `request()` was called."""

    def __init__(self, callback: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._callback = callback
        self._posted = False
        self.runs = 0
        """How often the callback ran; lets tests check that N requests in one turn cost one update."""

    @property
    def pending(self) -> bool:
        return self._posted

    def request(self) -> None:
        if self._posted:
            return
        self._posted = True
        QCoreApplication.postEvent(self, QEvent(_EVENT_TYPE), Qt.EventPriority.HighEventPriority.value)

    def flush(self) -> None:
        """Run the pending callback now (a caller that needs the result within the same turn)."""
        if self._posted:
            self._run()

    def event(self, event: QEvent) -> bool:
        if event.type() == _EVENT_TYPE:
            if self._posted:  # flush() may have run it already
                self._run()
            return True
        return super().event(event)

    def _run(self) -> None:
        self._posted = False
        self.runs += 1
        self._callback()
