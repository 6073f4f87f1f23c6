"""How a finished autosave reaches the status bar, and how long the file can hold a newer state than "Saved" says.

Not part of `benchmarks.run` (no target): the measurement behind issue 24's "Saved lags under load". The real
console (`build_console`, its Autosaver and writer thread, a session file in a temporary home); a scripted moderator
changes the session every LO–HI ms, as the kill test's driver does (2–25 ms, with its 20 ms debounce) or as a
moderator does (0.3–2 s, the app's own 1 s debounce). Per write: when it was on disk (the writer thread), when the
UI thread heard of it, whether it was called saved (only a write that no change overtook is), and when the label
said so; beside it, a 5 ms probe's gaps on the UI thread (how busy the event loop was).

Usage: python -m benchmarks.saved_lag SECONDS LO_MS HI_MS DEBOUNCE_MS
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer

from fishbowl_desktop.controller import autosave
from fishbowl_desktop.controller.autosave import Autosaver
from fishbowl_desktop.model import Participant, Role, SystemClock
from fishbowl_desktop.model.demo import demo_session

from .qtkit import StallProbe, make_app, open_console, percentile, wait


def _spread(name: str, values_ms: list[float]) -> str:
    if not values_ms:
        return f"{name}: none"
    return (
        f"{name}, ms: median {percentile(values_ms, 50):.1f}, p95 {percentile(values_ms, 95):.1f}, "
        f"max {max(values_ms):.1f} ({len(values_ms)})"
    )


def main(seconds: float, lo: int, hi: int, debounce: int) -> int:
    os.environ.setdefault("FISHBOWL_DESKTOP_HOME", tempfile.mkdtemp(prefix="fishbowl-saved-lag-"))
    autosave.DEBOUNCE_MS = debounce
    app = make_app()
    on_disk: dict[int, float] = {}
    real_write = autosave._write_frozen

    def write(frozen: object, path: Any, future: Any) -> None:
        real_write(frozen, path, future)
        on_disk[id(future)] = time.perf_counter()

    autosave._write_frozen = write
    writes: list[dict[str, Any]] = []
    real_on_written = Autosaver._on_written

    def on_written(self: Autosaver, done: Any) -> None:
        row = {"disk": on_disk.get(id(done.future)), "heard": time.perf_counter(), "said": None}
        row["current"] = done.generation == self._generation
        writes.append(row)
        real_on_written(self, done)

    Autosaver._on_written = on_written  # type: ignore[method-assign]  # before the console connects it
    console = open_console(demo_session(SystemClock()))
    saver, ctl = console.autosaver, console.controller
    assert saver is not None
    saver.saved.connect(lambda _p: writes and writes[-1].__setitem__("said", time.perf_counter()))
    rng, step = random.Random(1), [0]
    end = time.perf_counter() + seconds

    def act() -> None:
        if time.perf_counter() > end:
            return
        step[0] += 1
        n = step[0]
        if n % 3 == 0:
            ctl.add_and_enqueue(Participant(f"guest-{n}", f"Gast {n}", Role.AUDIENCE))
        else:
            ctl.set_event(replace(ctl.session.event, report_notes=f"step {n}"))
        QTimer.singleShot(rng.randint(lo, hi), act)

    probe = StallProbe()
    probe.start()
    cpu = time.process_time()
    act()
    wait(int(seconds * 1000) + 3000)  # and the last writes land
    probe.stop()
    heard = [(w["heard"] - w["disk"]) * 1000 for w in writes if w["disk"]]
    said_times = sorted(w["said"] for w in writes if w["said"])
    behind = []
    for w in writes:
        later = [t for t in said_times if w["disk"] and t >= w["disk"]]
        if later:
            behind.append((later[0] - w["disk"]) * 1000)
    print(
        f"load {os.getloadavg()[0]:.1f}; {step[0]} changes in {seconds:.0f} s; {len(writes)} writes, "
        f"{sum(w['current'] for w in writes)} called saved, {sum(not w['current'] for w in writes)} overtaken "
        f"by a newer change; CPU {time.process_time() - cpu:.1f} s"
    )
    print(_spread("on disk -> the UI thread hears of it", heard))
    print(_spread("on disk -> the next 'Saved' in the status bar", behind))
    print(_spread("5 ms probe's gaps on the UI thread", [(b - a) * 1000 for a, b in probe.gaps()]))
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
