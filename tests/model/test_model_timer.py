"""The speaker timer's arithmetic: derived from the clock, never from ticks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock, SpeakerTimer, TimerPhase, format_seconds


def test_countdown_through_warning_into_overtime() -> None:
    clock = FakeClock()
    t = SpeakerTimer(120, warning=30)
    assert t.phase(clock.monotonic()) is TimerPhase.READY
    t = t.start(clock.monotonic())
    clock.advance(89.5)
    assert t.phase(clock.monotonic()) is TimerPhase.RUNNING
    assert format_seconds(t.remaining(clock.monotonic())) == "0:31"
    clock.advance(1)
    assert t.phase(clock.monotonic()) is TimerPhase.WARNING
    clock.advance(42.2)
    assert t.phase(clock.monotonic()) is TimerPhase.OVERTIME
    assert format_seconds(t.remaining(clock.monotonic())) == "+0:12"
    assert round(t.overtime(clock.monotonic()), 1) == 12.7


def test_pause_stops_time_and_resume_continues() -> None:
    clock = FakeClock()
    t = SpeakerTimer(60).start(clock.monotonic())
    clock.advance(10)
    t = t.pause(clock.monotonic())
    clock.advance(500)
    assert t.elapsed(clock.monotonic()) == 10
    t = t.start(clock.monotonic())
    clock.advance(5)
    assert t.elapsed(clock.monotonic()) == 15


def test_adjust_never_below_zero_and_reset_keeps_allotted() -> None:
    t = SpeakerTimer(20).adjust(-30)
    assert t.allotted == 0
    t = SpeakerTimer(120).adjust(30)
    assert t.allotted == 150
    clock = FakeClock()
    t = t.start(clock.monotonic())
    clock.advance(40)
    t = t.reset(clock.monotonic())
    assert t.elapsed(clock.monotonic()) == 0 and t.allotted == 150 and not t.started
    assert t.spoken(clock.monotonic()) == 40  # the time already spoken is not lost


def test_display_shows_full_second_first() -> None:
    assert format_seconds(120) == "2:00"
    assert format_seconds(119.001) == "2:00"
    assert format_seconds(119.0) == "1:59"
    assert format_seconds(0) == "0:00"
    assert format_seconds(-0.5) == "+0:00"
    assert format_seconds(-61) == "+1:01"


@given(st.lists(st.tuples(st.booleans(), st.floats(0, 100)), max_size=40))
def test_elapsed_equals_sum_of_running_stretches(steps: list[tuple[bool, float]]) -> None:
    """However the moderator toggles, elapsed time is exactly the time spent running: no drift."""
    clock = FakeClock()
    t = SpeakerTimer(120)
    expected = 0.0
    for toggle, wait in steps:
        if toggle:
            t = t.toggle(clock.monotonic())
        clock.advance(wait)
        if t.is_running:
            expected += wait
    assert abs(t.elapsed(clock.monotonic()) - expected) < 1e-6
