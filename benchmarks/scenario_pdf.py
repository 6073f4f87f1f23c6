"""The 1,000-attendee sign-in sheet, exported the way the console does it: `PdfExporter.start` under the
qasync loop, which copies the session on the UI thread and runs `documents.export_pdf` in the executor.

Timed from `start()` to the `finished` signal, with the console open and a 5 ms probe on the event loop
(reportlab is pure Python and shares the GIL with the UI thread, so the UI's stall is reported too, beside
the stall of the same console over three seconds without an export).
The first export in a process also registers the fonts; it is reported separately as `cold_s`. By default the
sheet is printed before the evening starts (no speaker yet). `direct_s` is one more export called directly on the
main thread with the event loop idle: what reportlab alone needs, for comparison.

With `during-turn` the export runs while a speaker's time is running, as it might when someone asks for
the list in the middle of the evening.

Usage: python -m benchmarks.scenario_pdf RUNS [during-turn]
"""

from __future__ import annotations

import asyncio
import sys
import time

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import SystemClock

from .qtkit import StallProbe, home, make_app, open_console, report
from .sessions import evening

ATTENDEES = 1000


def main(runs: int, during_turn: bool) -> int:
    app = make_app()
    import qasync  # after PySide6, as in run_app

    session = evening(SystemClock(), people=ATTENDEES, records=0, waiting=0, consent=1.0)
    if not during_turn:
        session.end_turn()  # the sign-in sheet is printed before the evening starts: no speaker yet
    console = open_console(session)
    exporter = console.window.exporter
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    out = home() / "exports"
    out.mkdir(exist_ok=True)
    results: list[dict[str, object]] = []

    idle: list[float] = []

    async def export_all() -> None:
        probe = StallProbe(5)
        probe.start()
        await asyncio.sleep(3)  # the same console without an export, for comparison
        probe.stop()
        idle.append(probe.max_gap_ms())
        for i in range(runs):
            done: asyncio.Future[object] = loop.create_future()

            def finished(outcome: object, done: asyncio.Future[object] = done) -> None:
                if not done.done():
                    done.set_result(outcome)

            exporter.finished.connect(finished)
            probe = StallProbe(5)
            probe.start()
            start = time.perf_counter()
            exporter.start("attendees", out / f"attendees-{i}.pdf")
            outcome = await done
            seconds = time.perf_counter() - start
            probe.stop()
            exporter.finished.disconnect(finished)
            results.append({"s": seconds, "ok": outcome.ok, "pages": outcome.pages,  # type: ignore[attr-defined]
                            "error": outcome.error, "stall_ms_max": probe.max_gap_ms()})  # type: ignore[attr-defined]
            await asyncio.sleep(0.3)

    try:
        loop.run_until_complete(export_all())
    finally:
        console.window.close()
        loop.close()
        asyncio.set_event_loop(None)
    times = [float(r["s"]) for r in results]  # type: ignore[arg-type]
    start = time.perf_counter()
    export_pdf(session, "attendees", out / "direct.pdf")  # no Qt, no thread: what reportlab alone needs
    direct = time.perf_counter() - start
    report(
        seconds_max=max(times), seconds_median=sorted(times)[len(times) // 2], cold_s=times[0], runs=results,
        attendees=ATTENDEES, all_ok=all(r["ok"] for r in results),
        stall_ms_max=max(float(r["stall_ms_max"]) for r in results),  # type: ignore[arg-type]
        idle_stall_ms_max=idle[0] if idle else None, direct_s=direct,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), during_turn=sys.argv[2:] == ["during-turn"]))
