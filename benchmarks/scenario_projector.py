"""Projector latency: from a moderator's action on the console to the end of the projector's next frame.

The console and the projector are the real ones (`build_console`, View → Show projector), on a running
evening; the actions go the way the keyboard sends them (the console's Next and Start/pause commands) or,
for the projector message, straight to the controller as the message field does. The clock starts right
before the action (perf_counter) and stops in a paint hook on the projector's view: `paint` when its paint
event arrives, `frame` when that whole paint cycle (every widget of that window, then the flush) is done.
Actions are spaced 40-90 ms apart at random, so they do not lock onto the timer's once-a-second repaint.
Beside the wall-clock figures, the UI thread's CPU time over the same span (`cpu_ms_median` per action), which
a busy machine inflates far less.
The person who leaves the free chair queues again (outside the measurement), so the queue keeps its length.

Usage: python -m benchmarks.scenario_projector ITERATIONS PEOPLE SPEECHES WAITING
"""

from __future__ import annotations

import random
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.app import Console
from fishbowl_desktop.model import SystemClock

from .qtkit import PaintWatch, make_app, open_console, open_projector, percentile, report
from .sessions import evening

TIMEOUT_MS = 1000
"""An action whose frame has not come after this long counts as missed (reported, never silently dropped)."""


class LatencyRun(QObject):
    def __init__(self, console: Console, view: QObject, iterations: int):
        super().__init__()
        self._console = console
        self._iterations = iterations
        self._rng = random.Random(16)
        self._done = 0
        commands = console.window.commands
        controller = console.controller
        self._actions = [
            ("next", commands["next"].trigger),
            ("pause", commands["toggle_timer"].trigger),
            ("message", lambda: controller.set_stage(message=f"Kurze Pause – weiter um 19:{self._done % 60:02d}")),
        ]
        self.samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in self._actions}
        self.cpu: dict[str, list[float]] = {name: [] for name, _ in self._actions}
        """UI-thread CPU time (thread_time) from the action to the end of the frame: what load does not inflate."""
        self.missed: list[str] = []
        self._leaving: str | None = None
        self._t0: float | None = None
        self._c0 = 0.0
        self._paint: float | None = None
        self._kind = ""
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._missed)
        self._watch = PaintWatch(view, on_paint=self._painted, on_frame=self._framed)  # type: ignore[arg-type]

    def start(self) -> None:
        QTimer.singleShot(100, self._act)

    def _act(self) -> None:
        if self._done >= self._iterations:
            QApplication.quit()
            return
        self._kind, action = self._actions[self._done % len(self._actions)]
        session = self._console.controller.session
        self._leaving = session.seats[session.free_chair_indices()[0]].occupant
        self._paint = None
        self._c0 = time.thread_time()
        self._t0 = time.perf_counter()
        action()
        self._timeout.start(TIMEOUT_MS)

    def _painted(self, t: float) -> None:
        if self._t0 is not None and self._paint is None:
            self._paint = t

    def _framed(self, t: float) -> None:
        if self._t0 is None or self._paint is None:
            return
        self.cpu[self._kind].append((time.thread_time() - self._c0) * 1000)
        self._timeout.stop()
        self.samples[self._kind].append(((self._paint - self._t0) * 1000, (t - self._t0) * 1000))
        self._next()

    def _missed(self) -> None:
        self.missed.append(self._kind)
        self._next()

    def _next(self) -> None:
        self._t0 = None
        self._done += 1
        controller = self._console.controller
        if self._kind == "next" and self._leaving is not None and controller.session.seat_of(self._leaving) is None:
            controller.enqueue(self._leaving)
        QTimer.singleShot(self._rng.randint(40, 90), self._act)


def main(iterations: int, people: int, speeches: int, waiting: int) -> int:
    app = make_app()
    session = evening(SystemClock(), people=people, records=speeches, waiting=waiting)
    console = open_console(session)
    view = open_projector(console)
    run = LatencyRun(console, view, iterations)
    run.start()
    app.exec()
    frames = [f for samples in run.samples.values() for _, f in samples]
    paints = [p for samples in run.samples.values() for p, _ in samples]
    report(
        frame_ms_p95=percentile(frames, 95),
        paint_ms_p95=percentile(paints, 95),
        frame_ms_median=percentile(frames, 50),
        frame_ms_max=max(frames, default=float("nan")),
        by_action={
            name: {
                "n": len(s),
                "frame_ms_p95": percentile([f for _, f in s], 95),
                "paint_ms_p95": percentile([p for p, _ in s], 95),
                "frame_ms_median": percentile([f for _, f in s], 50),
                "cpu_ms_median": percentile(run.cpu[name], 50),
            }
            for name, s in run.samples.items()
        },
        samples=len(frames),
        missed=run.missed,
        projector_size=[view.width(), view.height()],  # type: ignore[attr-defined]
        fullscreen=console.window.projector.window().is_fullscreen_mode,  # type: ignore[attr-defined]
    )
    console.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:5])))
