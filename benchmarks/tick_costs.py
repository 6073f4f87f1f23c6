"""Where a running turn's CPU goes, stage by stage, in the battery's own scene (issue 29).

The battery scenario (`scenario_battery.py`) says what a running turn costs the whole process; profilers say little
about it: cProfile doubles the cost of the ~900 Python calls a second makes, and perf sees libpython, not our
functions. Here the `console` scene runs as the battery runs it (the sample evening, a turn running, the projector on
the beamer) with each stage of a second wrapped in a reading of the UI thread's own CPU clock
(`time.thread_time_ns`): the ticker and its listeners, the projector's scene, the two views' paints, the console
window's repaint, the participant list's cell. Wrapped stages include what they call (the console window's repaint
holds the miniature's paint), so the figures overlap; `ui_thread_us_per_s` is the whole UI thread and
`threads_us_per_s` every thread, from /proc (Linux; thread_wakeups.py). Measured live, a stage costs two to four
times what the same code costs in a loop: a second's work finds cold caches each time. Compare runs of one
machine, interleaved.

Usage: QT_QPA_PLATFORM=xcb DISPLAY=:N python -m benchmarks.tick_costs [SECONDS]   (offscreen works too)
"""

from __future__ import annotations

import importlib
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication

from . import scenario_battery
from .qtkit import report
from .thread_wakeups import cpu_ns_by_thread, woken_by_name

STAGES = (
    ("fishbowl_desktop.controller.ticker", "TimerTicker", "poll"),
    ("fishbowl_desktop.controller.ticker", "TimerTicker", "view"),
    ("fishbowl_desktop.ui.timer.timer_panel", "TimerPanel", "_ticked"),
    ("fishbowl_desktop.ui.widgets.digits", "DigitsLabel", "paintEvent"),
    ("fishbowl_desktop.ui.people.participant_model", "ParticipantTableModel", "refresh_live"),
    ("fishbowl_desktop.ui.people.participants_panel", "ParticipantsView", "viewportEvent"),
    ("fishbowl_desktop.ui.queue.queue_panel", "QueuePanel", "_clock_moved"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorScene", "_announce"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorScene", "_compute"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorView", "_scene_changed"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorView", "paintEvent"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorPreview", "_scene_changed"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorPreview", "paintEvent"),
    ("fishbowl_desktop.ui.projector.view", "ProjectorPreview", "arrangement"),
    ("fishbowl_desktop.ui.projector.window", "ProjectorWindow", "event"),
    ("fishbowl_desktop.ui.shell.console_window", "ConsoleWindow", "event"),
)
"""(module, class, method): each call's UI-thread CPU is added to the stage's total."""

spent: Counter[str] = Counter()
calls: Counter[str] = Counter()


def _timed(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def timed(self: object, *args: Any) -> Any:
        start = time.thread_time_ns()
        try:
            return method(self, *args)
        finally:
            spent[name] += time.thread_time_ns() - start
            calls[name] += 1

    return timed


def wrap_stages() -> list[str]:
    """Wrap each stage that exists; the names of those that do not (renamed since: update STAGES)."""
    missing = []
    for module, cls_name, method in STAGES:
        cls = getattr(importlib.import_module(module), cls_name, None)
        if cls is None or not hasattr(cls, method):
            missing.append(f"{cls_name}.{method}")
            continue
        setattr(cls, method, _timed(f"{cls_name}.{method}", getattr(cls, method)))
    return missing


def main(seconds: int) -> int:
    missing = wrap_stages()
    measured: dict[str, Any] = {}
    real_measure = scenario_battery._measure

    def measure(app: QApplication, seconds: int) -> dict[str, float]:
        real_exec = app.exec

        def exec_() -> int:  # the battery's stretch: what it counts, these count
            spent.clear()
            calls.clear()
            before, ui_before = cpu_ns_by_thread(), time.thread_time_ns()
            try:
                return real_exec()
            finally:
                ui = time.thread_time_ns() - ui_before
                used = woken_by_name(before, cpu_ns_by_thread())  # the differences, summed per thread name
                measured["ui_thread_us_per_s"] = round(ui / 1e3 / seconds)
                measured["threads_us_per_s"] = {name: round(ns / 1e3 / seconds) for name, ns in used.items()}

        app.exec = exec_  # type: ignore[method-assign]
        return real_measure(app, seconds)

    scenario_battery._measure = measure
    result = scenario_battery.console(seconds, running=True)
    stages = {name: [round(ns / 1e3 / seconds), round(calls[name] / seconds, 2)] for name, ns in spent.most_common()}
    print(f"UI thread: {measured.get('ui_thread_us_per_s')} us per second of a running turn")
    for name, (us, per_s) in stages.items():
        print(f"  {name:45s} {us:6d} us/s  ({per_s} calls/s)")
    report(
        kind="tick_costs",
        cpu_s_per_min=result["cpu_s_per_min"],
        projector=result["projector"],
        stages_us_per_s_and_calls_per_s=stages,
        not_found=missing,
        **measured,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
