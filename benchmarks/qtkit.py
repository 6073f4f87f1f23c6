"""Child-process side of the benchmarks: report results to the parent, watch paints, probe the event loop,
and open the console the way `fishbowl_desktop.app.run_app` does.

Every child prints exactly one line starting with `BENCH ` holding a JSON object; everything else on
stdout/stderr is ignored by the parent (and shown if the child fails).
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget

from fishbowl_desktop.app import SETTINGS_FILE, Console, StartPlan, binding_refusal, build_console, fit_to_screen
from fishbowl_desktop.model import Session
from fishbowl_desktop.settings import load_settings
from fishbowl_desktop.startup.collector import UiThreadCollector, collect_on_the_ui_thread_from_now
from fishbowl_desktop.storage import Workspace, save_session


def report(**data: object) -> None:
    print("BENCH " + json.dumps(data), flush=True)


def make_app() -> QApplication:
    """The QApplication as run_app sets it up (binding check, names, Fusion style)."""
    refused = binding_refusal()
    if refused is not None:
        raise SystemExit(refused)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Fishbowl Desktop")
    app.setApplicationName("fishbowl-desktop")
    app.setStyle("Fusion")
    return app


_FRAME_DONE = QEvent.Type(QEvent.registerEventType())


class PaintWatch(QObject):
    """Calls `on_paint(t)` with perf_counter() when `widget` receives a paint event, and `on_frame(t)`
    once the whole paint cycle that contained it (all widgets of that window, then the flush) is over.

    The cycle is over when the event loop hands out the next event to anything outside that window: an
    application-wide filter, armed by the paint, takes the time of that event (a posted event of our own
    makes sure there is one). Before 2026-12-01 a zero-timer marked the end; it is queued behind every
    event already waiting — the console's own repaint, queued by the same action — so it timed the
    console's frame as well whenever that came after the projector's."""

    def __init__(
        self,
        widget: QWidget,
        on_paint: Callable[[float], None] | None = None,
        on_frame: Callable[[float], None] | None = None,
    ):
        super().__init__(widget)
        self._widget = widget
        self._on_paint = on_paint
        self._on_frame = on_frame
        self._frame_pending = False
        self._cycle_end = _CycleEnd(self)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            now = time.perf_counter()
            self.paints += 1
            if self._on_paint is not None:
                self._on_paint(now)
            if self._on_frame is not None and not self._frame_pending:
                self._frame_pending = True
                self._cycle_end.arm(self._widget.window())
                QCoreApplication.postEvent(self, QEvent(_FRAME_DONE))
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == _FRAME_DONE:
            return True  # only there so that the loop has a next event; _CycleEnd has seen it
        return super().event(event)

    def _frame_done(self, t: float) -> None:
        self._frame_pending = False
        if self._on_frame is not None:
            self._on_frame(t)


class _CycleEnd(QObject):
    """While armed, the first event for an object outside the painted window ends the paint cycle."""

    def __init__(self, watch: PaintWatch):
        super().__init__(watch)
        self._watch = watch
        self._window: QWidget | None = None

    def arm(self, window: QWidget) -> None:
        self._window = window
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self._window
        if window is None:
            return False
        if isinstance(watched, QWidget) and watched.window() is window:
            return False  # still the window's own paint cycle
        if isinstance(watched, QWindow) and watched is window.windowHandle():
            return False
        now = time.perf_counter()
        self._window = None
        app = QCoreApplication.instance()
        assert app is not None
        app.removeEventFilter(self)
        self._watch._frame_done(now)
        return False


class StallProbe(QObject):
    """A 5 ms precise timer; the longest gap between two firings is how long the event loop was blocked."""

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None):
        super().__init__(parent)
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._fire)
        self.fires: list[float] = []

    def start(self) -> None:
        self.fires = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.fires.append(time.perf_counter())

    def _fire(self) -> None:
        self.fires.append(time.perf_counter())

    def gaps(self) -> list[tuple[float, float]]:
        return list(zip(self.fires, self.fires[1:], strict=False))

    def max_gap_ms(self, start: float | None = None, end: float | None = None) -> float:
        """Longest gap overlapping [start, end] (the whole run if not given), in ms."""
        lo = -1e18 if start is None else start
        hi = 1e18 if end is None else end
        spans = [b - a for a, b in self.gaps() if b >= lo and a <= hi]
        return max(spans, default=0.0) * 1000


def wait(ms: int) -> None:
    """Let Qt's event loop run for `ms` (between measurements: settling, debounce), as the console's own loop
    runs: no asyncio loop on the UI thread, as in `run_app` (`event_loop.py`)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(done: Callable[[], object], timeout_s: float, what: str, signal: Any = None) -> None:
    """Let Qt's event loop run until `done()`: checked whenever `signal` fires if one is given (no extra timer
    in the loop being measured), else every 10 ms. TimeoutError naming `what` after `timeout_s`."""
    if done():
        return
    loop = QEventLoop()

    def check() -> None:
        if done():
            loop.quit()

    poll = QTimer()
    if signal is not None:
        signal.connect(check)
    else:
        poll.timeout.connect(check)
        poll.start(10)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    give_up.start(int(timeout_s * 1000))
    try:
        loop.exec()
    finally:
        give_up.stop()
        poll.stop()
        if signal is not None:
            signal.disconnect(check)
    if not done():
        raise TimeoutError(f"{what}: not within {timeout_s:g} s")


_collectors: list[UiThreadCollector] = []
"""Kept alive as long as the child runs, as run_app keeps its own."""


def open_console(session: Session) -> Console:
    """The console as `run_app` wires it (build_console, fit_to_screen, showMaximized, then the collector on
    the UI thread over a frozen start-up), on a session file in the benchmark's temporary home; returns once
    the window has painted."""
    workspace = Workspace()
    workspace.ensure()
    path = workspace.new_session_path(session.event.title, when=session.clock.now())
    save_session(session, path)
    settings = load_settings(workspace.base_dir / SETTINGS_FILE)
    console = build_console(StartPlan(session, path), workspace, settings, "en")
    fit_to_screen(console.window)
    console.window.showMaximized()
    wait(300)
    _collectors.append(collect_on_the_ui_thread_from_now(console.window, console.ticker.displayChanged))
    return console


def open_projector(console: Console) -> QWidget:
    """Show the projector as View → Show projector does; returns its painted view once it has painted."""
    projector = console.window.projector
    assert projector is not None, "the projector did not load in the console"
    projector.show_projector()  # type: ignore[attr-defined]
    view: QWidget = projector.window().view  # type: ignore[attr-defined]
    wait(600)  # past the window's placement check (VERIFY_MS)
    return view


def home() -> Path:
    """FISHBOWL_DESKTOP_HOME, which the parent always points at a fresh temporary folder."""
    path = Path(os.environ["FISHBOWL_DESKTOP_HOME"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): a value that was actually measured."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]
