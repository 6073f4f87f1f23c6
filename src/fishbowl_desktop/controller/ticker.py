"""Wakes the timer displays exactly when the shown second changes, and at no other time.

The time itself always comes from the model's clock; this only decides when to look. Each wake-up is
scheduled for the next second boundary of the remaining time, so the display is never a tick behind.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.stage.timer_view import TimerView, shown_part, timer_view


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
        return timer_view(self._controller.session)

    @property
    def shown(self) -> TimerView:
        """What the displays show: the view of the last display change (the same one for every listener of a
        tick, read without looking at the session again)."""
        return self._shown if self._shown is not None else self.view()

    def poll(self) -> None:
        """Look at the clock now; announce a change of what is shown; schedule the next look."""
        view = self.view()
        if self._shown is None or shown_part(view) != shown_part(self._shown):
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
        discussion = self._controller.session.stage.discussion
        if discussion.is_running:  # its minute texts (issue 28): a wake-up a minute, at the minute's turn
            run = discussion.elapsed(self._controller.session.clock.monotonic())
            delays.append(60.0 - run % 60.0)
        if not delays:
            self._timer.stop()
            return
        self._timer.start(max(1, math.ceil(min(delays) * 1000) + 1))
