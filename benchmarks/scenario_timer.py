"""Speaker timer accuracy: how late the shown time changes after each true second boundary.

The real `TimerTicker` on the system clock drives the real console and projector (both open) through a
turn long enough never to reach zero. At every `displayChanged` the shown value (m:ss, rounded up as the
model's `format_seconds` does) is compared with the model's own monotonic arithmetic: the boundary where
the shown second should have changed happened at `running_since + allotted - accumulated - shown`, so the
lateness is the moment the ticker looked at the clock (first thing in its poll, before any view reacted)
minus that moment. A skipped second counts with its full lateness. The projector's next
paint after each change is timed against the same boundary (`paint_late_ms_*`).

The pre-event countdown ("We begin in 4:59") is measured the same way on its own clock, the wall clock:
`python -m benchmarks.scenario_timer SECONDS countdown` opens the console with nobody on the floor and a
countdown whose target has a fraction of a second (as a click gives it), and compares each change of the
shown m:ss with the moment the wall clock crossed that second (`countdown_late_ms_*`).

Usage: python -m benchmarks.scenario_timer SECONDS [countdown]
"""

from __future__ import annotations

import sys
import time

from fishbowl_desktop.model import SystemClock, TurnSettings
from fishbowl_desktop.stage.timer_view import TimerView

from .qtkit import PaintWatch, make_app, open_console, open_projector, percentile, report
from .sessions import evening


def shown_seconds(text: str) -> int:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def main(duration: int) -> int:
    app = make_app()
    settings = TurnSettings(free_chair_seconds=min(3600, duration + 120))
    session = evening(SystemClock(), people=150, records=60, waiting=8, settings=settings)
    console = open_console(session)
    view = open_projector(console)
    ticker = console.ticker
    late_ms: list[float] = []
    paint_late_ms: list[float] = []
    skipped = 0
    state: dict[str, float | None] = {"last": None, "boundary": None}
    start = time.monotonic()

    def boundary_time(value: int) -> float:
        timer = session.turn.timer  # type: ignore[union-attr]
        assert timer.running_since is not None
        return timer.running_since + timer.allotted - timer.accumulated - value

    looks: list[tuple[float, str]] = []
    original_view = ticker.view

    def view_and_remember() -> TimerView:
        """The ticker looks at the clock here first thing in poll(), before any view reacts to the change."""
        seen = original_view()
        looks.append((time.monotonic(), seen.text))
        return seen

    ticker.view = view_and_remember  # type: ignore[method-assign]  # instrumentation: same result

    def changed() -> None:
        nonlocal skipped
        text = ticker.view().text
        now = min((t for t, seen in looks if seen == text), default=time.monotonic())
        looks.clear()
        value = shown_seconds(text)
        last = state["last"]
        state["last"] = value
        if last is None:
            return
        for crossed in range(int(last) - 1, value - 1, -1):  # every second the display went past
            late_ms.append((now - boundary_time(crossed)) * 1000)
        skipped += max(0, int(last) - value - 1)
        state["boundary"] = boundary_time(value)

    def painted(_t: float) -> None:
        boundary = state["boundary"]
        if boundary is not None:
            paint_late_ms.append((time.monotonic() - boundary) * 1000)
            state["boundary"] = None

    ticker.displayChanged.connect(changed)
    PaintWatch(view, on_paint=painted)
    changed()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(duration * 1000, app.quit)
    app.exec()
    report(
        late_ms_max=max(late_ms, default=float("nan")),
        late_ms_p95=percentile(late_ms, 95),
        late_ms_median=percentile(late_ms, 50),
        early_count=sum(1 for v in late_ms if v < 0),
        boundaries=len(late_ms),
        skipped=skipped,
        seconds=round(time.monotonic() - start, 1),
        paint_late_ms_max=max(paint_late_ms, default=float("nan")),
        paint_late_ms_p95=percentile(paint_late_ms, 95),
    )
    console.window.close()
    return 0


def main_countdown(duration: int) -> int:
    from datetime import datetime, timedelta

    from PySide6.QtCore import QTimer

    app = make_app()
    clock = SystemClock()
    session = evening(clock, people=150, records=60, waiting=8)
    session.end_turn()
    console = open_console(session)
    open_projector(console)
    ticker = console.ticker
    console.controller.set_stage(countdown_to=clock.now() + timedelta(seconds=duration + 120.5))
    target = session.stage.countdown_to
    assert target is not None
    late_ms: list[float] = []
    looks: list[tuple[object, str | None]] = []
    original_view = ticker.view

    def view_and_remember() -> TimerView:
        seen = original_view()
        looks.append((datetime.now(), seen.countdown))  # not the session's clock: it is what is measured
        return seen

    ticker.view = view_and_remember  # type: ignore[method-assign]  # instrumentation: same result
    last: list[str | None] = [ticker.view().countdown]

    def changed() -> None:
        text = ticker.view().countdown
        when = min((t for t, seen in looks if seen == text), default=datetime.now())
        looks.clear()
        if text is None or text == last[0]:
            return
        last[0] = text
        boundary = target - timedelta(seconds=shown_seconds(text))
        late_ms.append((when - boundary).total_seconds() * 1000)  # type: ignore[operator]

    ticker.displayChanged.connect(changed)
    QTimer.singleShot(duration * 1000, app.quit)
    app.exec()
    report(
        countdown_late_ms_max=max(late_ms, default=float("nan")),
        countdown_late_ms_p95=percentile(late_ms, 95),
        countdown_late_ms_median=percentile(late_ms, 50),
        countdown_boundaries=len(late_ms),
        countdown_early_count=sum(1 for v in late_ms if v < 0),
    )
    console.window.close()
    return 0


if __name__ == "__main__":
    if sys.argv[2:] == ["countdown"]:
        sys.exit(main_countdown(int(sys.argv[1])))
    sys.exit(main(int(sys.argv[1])))
