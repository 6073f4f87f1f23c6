"""Autosave on a big evening (2,000 participants, 10,000 speeches) while the console runs.

The console is the real one with its real `Autosaver` (debounced, saving on the UI thread through
`storage.save_session`, as `build_console` wires it). Each round the moderator changes the projector message
(the cheapest real intent), the autosaver saves a second later, and a 5 ms precise QTimer probe records every
gap in the event loop. The save's duration is timed around the autosaver's save function.

`stall_ms_max` is the longest probe gap that overlaps a save (what autosaving costs the UI); the longest gap
anywhere in the run and the longest one outside saves (intents, the running timer's ticks) are reported
beside it. Finally the UI-thread half of a worker-thread save (`encode_session` alone) is timed, for
comparison with the current all-on-the-UI-thread save.

Usage: python -m benchmarks.scenario_autosave ROUNDS
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from fishbowl_desktop.model import Session, SystemClock
from fishbowl_desktop.storage import encode_session

from .qtkit import StallProbe, make_app, open_console, percentile, report, wait
from .sessions import evening

PEOPLE, SPEECHES = 2000, 10000


def main(rounds: int) -> int:
    make_app()
    session = evening(SystemClock(), people=PEOPLE, records=SPEECHES, waiting=30)
    console = open_console(session)
    saver = console.autosaver
    original = saver._save  # the function build_console gave it (storage.save_session)
    saves: list[tuple[float, float]] = []

    def timed_save(s: Session, path: Path) -> None:
        start = time.perf_counter()
        original(s, path)
        saves.append((start, time.perf_counter()))

    saver._save = timed_save  # instrumentation only: the same function is called
    wait(1500)  # the first save and the start-up repaints are over
    saves.clear()
    probe = StallProbe(5)
    probe.start()
    intents: list[tuple[float, float]] = []
    for i in range(rounds):
        start = time.perf_counter()
        console.controller.set_stage(message=f"Nächste Runde um 19:{i % 60:02d}")
        intents.append((start, time.perf_counter()))
        wait(1400)  # debounce (1 s) + the save + settling
    probe.stop()
    durations = [(b - a) * 1000 for a, b in saves]
    during = [probe.max_gap_ms(a, b) for a, b in saves]
    outside = max((b - a) * 1000 for a, b in probe.gaps() if not any(b >= s and a <= e for s, e in saves))
    size = saver.path.stat().st_size if saver.path is not None else 0
    encode_ms = []
    for _ in range(max(5, rounds)):
        start = time.perf_counter()
        encode_session(session)
        encode_ms.append((time.perf_counter() - start) * 1000)
    report(
        save_ms_p95=percentile(durations, 95), save_ms_median=percentile(durations, 50), saves=len(durations),
        stall_ms_max=max(during, default=float("nan")), stall_ms_max_anywhere=probe.max_gap_ms(),
        stall_ms_max_outside_saves=outside, intent_ms_max=max((b - a) * 1000 for a, b in intents),
        encode_only_ms_p95=percentile(encode_ms, 95), file_bytes=size, people=PEOPLE, speeches=SPEECHES,
        rounds=rounds,
    )
    console.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
