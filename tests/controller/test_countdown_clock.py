"""The pre-event countdown wakes on the wall clock's second boundaries, not up to a second after them."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Session, SystemClock


def test_the_system_clock_keeps_its_microseconds() -> None:
    clock = SystemClock()
    # One reading in a million falls on a whole second; three in a row cannot.
    assert any(clock.now().microsecond != 0 for _ in range(3))


def test_the_fake_clock_moves_the_wall_clock_by_fractions_too() -> None:
    clock = FakeClock(datetime(2026, 12, 3, 18, 0, 0))
    clock.advance(0.25)
    assert clock.now() == datetime(2026, 12, 3, 18, 0, 0, 250000)


def test_the_countdown_changes_within_two_ms_of_each_boundary(demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    """Driven the way the QTimer drives it: advance the clock by the interval the ticker asked for, poll."""
    ctl = SessionController(demo)
    ticker = TimerTicker(ctl)
    clock.advance(0.3)  # the moderator presses "Countdown" at 18:00:00.3: the target is 18:05:00.3
    ctl.set_stage(countdown_to=clock.now() + timedelta(minutes=5))
    target = demo.stage.countdown_to
    assert target is not None and ticker.view().countdown == "5:00"
    lateness: list[float] = []
    shown = ticker.view().countdown
    for _ in range(12):
        clock.advance(ticker._timer.interval() / 1000)
        ticker.poll()
        now_shown = ticker.view().countdown
        if now_shown != shown:
            minutes, seconds = (now_shown or "0:00").split(":")
            boundary = target - timedelta(seconds=int(minutes) * 60 + int(seconds))
            lateness.append((clock.now() - boundary).total_seconds())
            shown = now_shown
    assert len(lateness) >= 10  # one change per second, none skipped
    assert all(0 <= late <= 0.002 for late in lateness), lateness
