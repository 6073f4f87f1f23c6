"""Wakes the timer displays exactly when the shown second changes, and at no other time.

The time itself always comes from the model's clock; this only decides when to look. Each wake-up is
scheduled for the next second boundary of the remaining time, so the display is never a tick behind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.model import TimerPhase, format_seconds


@dataclass(frozen=True)
class TimerView:
    """What a timer display shows right now."""

    text: str
    phase: TimerPhase | None
    """None when nobody has the floor."""
    remaining: float
    allotted: float
    running: bool
    speaker_id: str | None
    countdown: str | None
    """Before the start: the time left until `stage.countdown_to`, as m:ss, or None."""


class TimerTicker(QObject):
    displayChanged = Signal()

    def __init__(self, controller: SessionController, parent: QObject | None = None):
        super().__init__(parent or controller)
        self._controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._shown: TimerView | None = None
        # settingsChanged: with nobody speaking, the clock shows the free-chair time, which the settings change
        for signal in (
            controller.turnChanged,
            controller.stageChanged,
            controller.settingsChanged,
            controller.sessionReplaced,
        ):
            signal.connect(self.poll)
        self.poll()

    def view(self) -> TimerView:
        session = self._controller.session
        now = session.clock.monotonic()
        countdown = None
        target = session.stage.countdown_to
        if target is not None:
            left = (target - session.clock.now()).total_seconds()
            countdown = format_seconds(max(0.0, left))
        turn = session.turn
        if turn is None:
            allotted = session.settings.free_chair_seconds
            return TimerView(format_seconds(allotted), None, allotted, allotted, False, None, countdown)
        timer = turn.timer
        remaining = timer.remaining(now)
        return TimerView(
            format_seconds(remaining),
            timer.phase(now),
            remaining,
            timer.allotted,
            timer.is_running,
            turn.participant_id,
            countdown,
        )

    def poll(self) -> None:
        """Look at the clock now; announce a change of what is shown; schedule the next look."""
        view = self.view()
        if self._shown is None or _shown_part(view) != _shown_part(self._shown):
            self._shown = view
            self.displayChanged.emit()
        self._schedule(view)

    def _schedule(self, view: TimerView) -> None:
        delays = []
        if view.running:
            delays.append(view.remaining % 1.0 or 1.0)
        target = self._controller.session.stage.countdown_to
        if view.countdown is not None and target is not None:
            left = (target - self._controller.session.clock.now()).total_seconds()
            if left > 0:  # the shown m:ss changes when `left` crosses a whole second
                delays.append(left % 1.0 or 1.0)
        if not delays:
            self._timer.stop()
            return
        self._timer.start(max(1, math.ceil(min(delays) * 1000) + 1))


def _shown_part(view: TimerView) -> tuple[object, ...]:
    """Everything on screen; `remaining` moves continuously and only counts through `text`."""
    return (view.text, view.phase, view.allotted, view.running, view.speaker_id, view.countdown)
