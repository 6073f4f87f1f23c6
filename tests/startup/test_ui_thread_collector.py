"""Garbage is collected on the UI thread, never in the room's server thread or another helper thread.

A Qt object in a reference cycle that the collector frees in a helper thread is destroyed off the UI thread;
Qt crashed later, in its own event processing (the suite's rare segmentation fault after the room server's
burst of requests). startup/collector.py switches Python's automatic collection off and collects on the UI
thread instead.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from fishbowl_desktop.startup.collector import UiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self
        self.qt = QObject()


def _allocate_cycles(count: int) -> None:
    for _ in range(count):
        Cycle.__new__(Cycle).__dict__["me"] = None  # plain allocations that pass the collector's threshold
        a: list[object] = []
        a.append(a)


@pytest.fixture
def collector(qtbot: QtBot, session_collector: UiThreadCollector) -> Iterator[UiThreadCollector]:
    session_collector.stop()  # this test's collector alone, so that its counts say what it did
    gc.collect()
    c = UiThreadCollector(interval_ms=20)
    yield c
    c.stop()
    gc.collect()
    session_collector.start()


def _freed_in_which_thread() -> tuple[list[int], weakref.finalize[..., Cycle]]:
    freed_in: list[int] = []
    garbage = Cycle()
    done = weakref.finalize(garbage, lambda: freed_in.append(threading.get_ident()))
    del garbage
    return freed_in, done


def test_a_cycle_holding_a_qt_object_is_freed_on_the_ui_thread_whoever_allocates(
    collector: UiThreadCollector, qtbot: QtBot
) -> None:
    freed_in, _ = _freed_in_which_thread()
    helper = threading.Thread(target=_allocate_cycles, args=(50_000,))  # as the room's server does
    helper.start()
    helper.join()
    assert freed_in == []  # nothing was collected in the helper thread
    qtbot.waitUntil(lambda: freed_in != [], timeout=5000)
    assert freed_in == [threading.get_ident()]
    assert sum(collector.collections) >= 1


def test_stopping_gives_python_its_own_collector_back(collector: UiThreadCollector) -> None:
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()


def test_following_the_clock_it_collects_on_the_ticks_and_its_timer_waits_behind_them(
    qtbot: QtBot, session_collector: UiThreadCollector
) -> None:
    """On battery, the collector reads its counters on the speaker clock's wake-up instead of waking the laptop
    once more each second; when the clock stands, its own timer still reads them."""
    from PySide6.QtCore import Signal

    class Clock(QObject):
        ticked = Signal()

    session_collector.stop()
    gc.collect()
    clock = Clock()
    c = UiThreadCollector(interval_ms=1000)
    try:
        c.follow(clock.ticked)
        woken: list[int] = []
        c._timer.timeout.connect(lambda: woken.append(1))
        for _ in range(12):  # ticks come faster than the timer's interval: it never fires
            _allocate_cycles(3 * c.thresholds[0])
            clock.ticked.emit()
            qtbot.wait(100)
        assert sum(c.collections) >= 6  # on the ticks (the timer never fired)
        assert not woken
        qtbot.waitUntil(lambda: bool(woken), timeout=10_000)  # no more ticks: the timer reads on its own
    finally:
        c.stop()
        gc.collect()
        session_collector.start()
