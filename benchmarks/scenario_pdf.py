"""The 1,000-attendee sign-in sheet, exported the way the console does it: `PdfExporter.start` on Qt's
own event loop (as `run_app` runs it: no asyncio loop on the UI thread), which takes the frozen document source
on the UI thread and hands it to the PDF worker process.

Timed from `start()` to the `finished` signal, with the console open and a 5 ms probe on the event loop
(the UI's longest stall is reported, beside the stall of the same console over three seconds without an
export). During each export the moderator changes the projector message once, 0.2 s after the start, and
the time from that change to the autosaver's `saved` (the file is on disk) is reported as
`autosave_delay_s`, beside the same delay with no export running (`autosave_delay_idle_s`; the debounce
alone is 1 s).
The console starts the worker, which loads Typst and its fonts, when the moderator opens File → Export PDF (and
again when the options and file dialogs open): the first export of each of the first `FIRSTS` runs is made as
the console makes it, with a fresh worker warmed up `THINK_S` before the export starts (the menu, the options
dialog, the file name: the quickest organiser takes longer), reported as `first_s`. `unwarmed_s` is one more
export with a fresh worker and no warm-up at all (what a first export cost before the menu warmed the worker).
By default the sheet is printed before the evening starts (no speaker yet). `direct_s` is one more export called
directly on the main thread with the event loop idle: what Typst alone needs (a fresh compiler in this process), for
comparison.

With `during-turn` the export runs while a speaker's time is running, as it might when someone asks for
the list in the middle of the evening.

Usage: python -m benchmarks.scenario_pdf RUNS [during-turn]
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import SystemClock

from .sessions import evening

# qtkit (Qt, the console) is imported inside main(): the PDF worker is a spawned process that imports this
# module as its __main__, as the real app's worker imports fishbowl_desktop.__main__, which is light too.

ATTENDEES = 1000
FIRSTS = 3
"""How many of the runs start from a fresh worker (warmed THINK_S before), as the first export of an evening."""
THINK_S = 2.0
"""From opening the Export menu to pressing Save in the file dialog: less than anyone takes."""


def worker_cpu_s(pid: int | None) -> float:
    """The worker's CPU seconds so far (user + system, from /proc; 0 where there is none): on a shared machine the
    wall time of a niced worker says more about the neighbours than about the export."""
    if pid is None:
        return 0.0
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # noqa: SIM115 (one read)
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(runs: int, during_turn: bool) -> int:
    from .qtkit import StallProbe, home, make_app, open_console, report, wait, wait_until

    make_app()
    session = evening(SystemClock(), people=ATTENDEES, records=0, waiting=0, consent=1.0)
    if not during_turn:
        session.end_turn()  # the sign-in sheet is printed before the evening starts: no speaker yet
    console = open_console(session)
    exporter = console.window.exporter
    out = home() / "exports"
    out.mkdir(exist_ok=True)
    results: list[dict[str, object]] = []

    idle: list[float] = []
    saver = console.autosaver
    idle_delays: list[float] = []

    def change_and_wait_for_save(note: str) -> float:
        saved: list[float] = []

        def on_saved(_path: str) -> None:
            if not saved:
                saved.append(time.perf_counter())

        saver.saved.connect(on_saved)
        start = time.perf_counter()
        console.controller.set_stage(message=note)
        try:
            wait_until(lambda: bool(saved), 30, "the autosave", saver.saved)
            return saved[0] - start
        finally:
            saver.saved.disconnect(on_saved)

    def export_all() -> None:
        probe = StallProbe(5)
        probe.start()
        wait(1500)  # the same console without an export, for comparison
        idle_delays.append(change_and_wait_for_save("Gleich geht es weiter"))
        wait(300)
        probe.stop()
        idle.append(probe.max_gap_ms())
        from fishbowl_desktop.ui.paper.pdf_export import pdf_worker

        for i in range(runs + 1):
            fresh = i < FIRSTS or i == runs
            if fresh:  # a fresh worker: the first export of an evening
                pdf_worker().shutdown()
                if i < runs:
                    exporter.warm_up()  # as File → Export PDF does
                    wait(int(THINK_S * 1000))
            done: list[tuple[Any, float]] = []

            def finished(outcome: object, done: list[tuple[Any, float]] = done) -> None:
                if not done:
                    done.append((outcome, time.perf_counter()))

            exporter.finished.connect(finished)
            probe = StallProbe(5)
            probe.start()
            cpu_before = worker_cpu_s(pdf_worker().pid)
            start = time.perf_counter()
            exporter.start("attendees", out / f"attendees-{i}.pdf")
            wait(200)
            delay = change_and_wait_for_save(f"Export {i}")
            busy_at_save = exporter.busy  # the save landed while the PDF was still being made
            # Timed to the `finished` signal itself: waiting for the autosave first (about 1.2 s with its debounce)
            # used to put a floor under every export's time.
            wait_until(done.__len__, 600, "the export's finished signal", exporter.finished)
            outcome, finished_at = done[0]
            seconds = finished_at - start
            cpu = worker_cpu_s(pdf_worker().pid) - cpu_before
            probe.stop()
            exporter.finished.disconnect(finished)
            results.append(
                {
                    "s": seconds,
                    "worker_cpu_s": cpu,
                    "ok": outcome.ok,
                    "pages": outcome.pages,
                    "error": outcome.error,
                    "stall_ms_max": probe.max_gap_ms(),
                    "autosave_delay_s": delay,
                    "export_running_at_save": busy_at_save,
                    "first": fresh and i < runs,
                    "unwarmed": i == runs,
                }
            )
            wait(300)

    try:
        export_all()
    finally:
        console.window.close()
    unwarmed = [float(r["s"]) for r in results if r["unwarmed"]]  # type: ignore[arg-type]
    unwarmed_cpu = [float(r["worker_cpu_s"]) for r in results if r["unwarmed"]]  # type: ignore[arg-type]
    results = [r for r in results if not r["unwarmed"]]
    times = [float(r["s"]) for r in results]  # type: ignore[arg-type]
    firsts = sorted(float(r["s"]) for r in results if r["first"])  # type: ignore[arg-type]
    start = time.perf_counter()
    export_pdf(session, "attendees", out / "direct.pdf")  # no Qt, no worker: what Typst alone needs
    direct = time.perf_counter() - start
    report(
        seconds_max=max(times),
        seconds_median=sorted(times)[len(times) // 2],
        cold_s=times[0],
        first_s=firsts,
        first_median_s=firsts[len(firsts) // 2] if firsts else None,
        unwarmed_s=unwarmed[0] if unwarmed else None,
        first_cpu_s=sorted(float(r["worker_cpu_s"]) for r in results if r["first"]),  # type: ignore[arg-type]
        warm_cpu_s=sorted(float(r["worker_cpu_s"]) for r in results if not r["first"]),  # type: ignore[arg-type]
        unwarmed_cpu_s=unwarmed_cpu[0] if unwarmed_cpu else None,
        think_s=THINK_S,
        runs=results,
        attendees=ATTENDEES,
        all_ok=all(r["ok"] for r in results),
        stall_ms_max=max(float(r["stall_ms_max"]) for r in results),  # type: ignore[arg-type]
        idle_stall_ms_max=idle[0] if idle else None,
        direct_s=direct,
        autosave_delay_s=max(float(r["autosave_delay_s"]) for r in results),  # type: ignore[arg-type]
        autosave_delay_idle_s=idle_delays[0] if idle_delays else None,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), during_turn=sys.argv[2:] == ["during-turn"]))
