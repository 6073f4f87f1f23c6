"""Python's garbage collector on the UI thread only.

The cyclic collector runs in whichever thread happens to allocate when a threshold is passed: with the room
on, often the room's server thread (aiohttp allocates for every phone), also the autosave writer or the PDF
worker's reader. Whatever Qt object sits in a reference cycle (a closed dialog, a lambda in a signal) is then
finalised there, off the UI thread, and Qt crashes later, inside its own event processing. It showed as a rare
segmentation fault of the test suite right after the room server's burst of 1,000 requests.

So automatic collection is switched off, and a timer on the UI thread collects as often as the thresholds
would have: the youngest generation when enough objects were allocated, the older ones when enough younger
collections have passed (the same counters Python's own collector reads).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance

CHECK_MS = 1000
"""How often the counters are read: between two reads only memory waits, never correctness. Once a second, on
the second (a very coarse timer, which Qt wakes together with the app's other once-a-second work): at 250 ms it
was a fifth of a running turn's wake-ups on battery (benchmarks/README.md, "battery")."""

FOLLOWING_MS = 1500
"""How often the counters are read when the collector follows the speaker clock (`follow`) and the clock stands."""


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]
        """Collections made here, per generation (for tests and benchmarks)."""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        if interval_ms >= 1000:
            self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._timer.timeout.connect(self.collect_if_due)
        self.start()

    def follow(self, ticks: SignalInstance) -> None:
        """Read the counters on `ticks` too (the speaker clock's once-a-second wake-up): while the clock runs, the
        timer is put back on every tick and never wakes the laptop by itself; when it stands, it reads every
        FOLLOWING_MS."""
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(FOLLOWING_MS)
        if self._timer.isActive():
            self._timer.start()
        ticks.connect(self._ticked)

    def _ticked(self) -> None:
        self.collect_if_due()
        if self._timer.isActive():
            self._timer.start()  # from now: the next tick comes first

    def start(self) -> None:
        """Automatic collection off; from now on only this timer collects."""
        gc.disable()
        self._timer.start()

    def collect_if_due(self) -> None:
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return
        generation = 0
        while generation < 2 and counts[generation + 1] > self.thresholds[generation + 1]:
            generation += 1
        gc.collect(generation)
        self.collections[generation] += 1

    def stop(self) -> None:
        """Back to Python's own collector (the app is quitting, or a test is done)."""
        self._timer.stop()
        gc.enable()


def collect_on_the_ui_thread_from_now(parent: QObject, ticks: SignalInstance | None = None) -> UiThreadCollector:
    """After the first frame: what exists now (modules, widgets, the session) stays all evening, so one
    collection, then the collector never walks it again (`gc.freeze`). A full collection otherwise came at a
    moment nobody chose and held the UI thread for a frame or two (figures in benchmarks/README.md). From then
    on it only ever runs on this thread."""
    gc.collect()
    gc.freeze()
    collector = UiThreadCollector(parent)
    if ticks is not None:
        collector.follow(ticks)
    return collector
