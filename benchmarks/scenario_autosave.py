"""Autosave on a big evening (2,000 participants, 10,000 speeches) while the console runs.

The console is the real one with its real `Autosaver` (debounced, as `build_console` wires it; an evening
this big is saved with the writer thread: the UI thread only runs `storage.freeze_session`, the writer
thread `storage.save_session` on the frozen copy). Each round the moderator changes the projector message
(the cheapest real intent), the autosaver saves a second later, and a 5 ms precise QTimer probe records every
gap in the event loop. A save is timed from the freeze on the UI thread to the end of `save_session` on
the writer thread (both wrapped here, the same functions called); `ui_ms_*` is the freeze alone, `write_ms_p95`
`save_session` alone, `write_cpu_ms_*` the writer thread's CPU time (`thread_time`) during it and `fsync_ms_p95`
its wall time inside `os.fsync` (file and folder): when the save's wall time is far above its CPU time, the
thread was waiting (for the disk, the GIL or a busy machine's cores), not working.

`stall_ms_max` is the longest probe gap that overlaps a save (what autosaving costs the UI); the longest gap
anywhere in the run and the longest one outside saves (intents, the running timer's ticks) are reported
beside it. Finally a whole `encode_session` on one thread is timed, for comparison (what the UI thread
did before the writer thread).

Usage: python -m benchmarks.scenario_autosave ROUNDS
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

import fishbowl_desktop.storage as storage
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
    saves: list[tuple[float, float]] = []
    writes: list[tuple[float, float, float]] = []
    """Per save on the writer thread: wall ms of save_session alone, that thread's CPU ms meanwhile, and the wall
    ms spent in fsync (waiting for the disk)."""
    frozen_at: list[tuple[float, float]] = []
    lock = threading.Lock()
    real_freeze, real_save = storage.freeze_session, storage.save_session

    def timed_freeze(s: Session) -> Any:
        start = time.perf_counter()
        frozen = real_freeze(s)
        with lock:
            frozen_at.append((start, time.perf_counter()))
        return frozen

    real_fsync = os.fsync
    in_fsync = threading.local()

    def timed_fsync(fd: int) -> None:
        began = time.perf_counter()
        try:
            real_fsync(fd)
        finally:
            in_fsync.ms = getattr(in_fsync, "ms", 0.0) + (time.perf_counter() - began) * 1000

    def timed_save(s: Any, path: Any, **kwargs: Any) -> None:
        in_fsync.ms = 0.0
        began, cpu = time.perf_counter(), time.thread_time()
        real_save(s, path, **kwargs)
        cpu, ended = time.thread_time() - cpu, time.perf_counter()
        with lock:
            writes.append(((ended - began) * 1000, cpu * 1000, in_fsync.ms))
            start = frozen_at[-1][0] if frozen_at else time.perf_counter()
            saves.append((start, time.perf_counter()))

    storage.freeze_session = timed_freeze  # type: ignore[assignment]  # instrumentation only
    storage.save_session = timed_save  # type: ignore[assignment]
    os.fsync = timed_fsync  # the file's and the folder's fsync inside save_session
    on_thread = saver.uses_writer_thread()
    wait(1500)  # the first save and the start-up repaints are over
    saves.clear()
    frozen_at.clear()
    writes.clear()
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
    ui_ms = [(b - a) * 1000 for a, b in frozen_at]
    during = [probe.max_gap_ms(a, b) for a, b in saves]
    outside = max((b - a) * 1000 for a, b in probe.gaps() if not any(b >= s and a <= e for s, e in saves))
    size = saver.path.stat().st_size if saver.path is not None else 0
    encode_ms = []
    for _ in range(max(5, rounds)):
        start = time.perf_counter()
        encode_session(session)
        encode_ms.append((time.perf_counter() - start) * 1000)
    report(
        save_ms_p95=percentile(durations, 95),
        save_ms_median=percentile(durations, 50),
        write_ms_p95=percentile([w for w, _, _ in writes], 95),
        write_cpu_ms_median=percentile([c for _, c, _ in writes], 50),
        write_cpu_ms_p95=percentile([c for _, c, _ in writes], 95),
        write_cpu_ms_max=max((c for _, c, _ in writes), default=float("nan")),
        fsync_ms_p95=percentile([f for _, _, f in writes], 95),
        writes=[[round(w, 1), round(c, 1), round(f, 1)] for w, c, f in writes],
        load_average=list(os.getloadavg()),
        saves=len(durations),
        stall_ms_max=max(during, default=float("nan")),
        stall_ms_max_anywhere=probe.max_gap_ms(),
        stall_ms_max_outside_saves=outside,
        intent_ms_max=max((b - a) * 1000 for a, b in intents),
        encode_only_ms_p95=percentile(encode_ms, 95),
        file_bytes=size,
        writer_thread=on_thread,
        ui_ms_p95=percentile(ui_ms, 95),
        ui_ms_max=max(ui_ms, default=float("nan")),
        people=PEOPLE,
        speeches=SPEECHES,
        rounds=rounds,
    )
    console.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
