"""A three-hour evening compressed: does the console's memory stay flat?

The console and the projector as run_app opens them, the room on, and in ROUNDS rounds what an evening does: Next
on the free chair (whoever leaves queues again, so the queue churns), a paused and resumed turn, a message on the
projector, a new person now and then, the attendee sheet exported through the PDF worker, the beamer unplugged and
plugged back (the projector manager's own screen handlers, as an unplug calls them), and phones connecting and
leaving on the timer link (a client process with 20 WebSockets). After a warm-up round (every code path loaded,
every cache filled) the resident memory (/proc/self/statm), the live QObjects (every object under the application
and the top-level widgets) and Python's tracked objects are read; again at the end, after a collection.
`soak_rss_growth_mib` is the difference in resident memory.

Usage: python -m benchmarks.scenario_soak ROUNDS   (the evening's turns = ROUNDS × TURNS_PER_ROUND)
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.model import SystemClock, TurnSettings, make_participant

from .qtkit import home, make_app, open_console, open_projector, report
from .scenario_room import Hall, free_port
from .sessions import evening

TURNS_PER_ROUND = 30
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def live_qobjects(app: QApplication) -> int:
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    return sum(1 + len(root.findChildren(QObject)) for root in roots)


def snapshot(app: QApplication, console: Any) -> dict[str, float]:
    gc.collect()
    app.processEvents()
    session = console.controller.session
    return {
        "rss_mib": rss_mib(),
        "qobjects": live_qobjects(app),
        "python_objects": len(gc.get_objects()),
        "speeches": len(session.log.as_tuple()),
        "participants": len(session.participants.as_tuple()),
    }


async def one_round(app: QApplication, console: Any, room: Any, round_no: int, out_dir: Any) -> None:
    c = console.controller
    for i in range(TURNS_PER_ROUND):
        leaving = c.session.turn.participant_id if c.session.turn is not None else None
        c.next_free_chair()
        if leaving is not None:
            c.enqueue(leaving)  # back into the queue: it churns, it never runs dry
        if i % 7 == 0:
            c.toggle_timer()
            c.toggle_timer()
        if i % 10 == 0:
            c.set_stage(message=f"Runde {round_no}, Beitrag {i}")
        await asyncio.sleep(0.01)
    c.add_participant(make_participant(f"Gast {round_no:03d}"))
    exporter = console.window.exporter
    done: asyncio.Future[object] = asyncio.get_running_loop().create_future()

    def finished(outcome: object) -> None:
        if not done.done():
            done.set_result(outcome)

    exporter.finished.connect(finished)
    exporter.start("attendees", out_dir / f"sheet-{round_no}.pdf")
    await asyncio.wait_for(done, 120)
    exporter.finished.disconnect(finished)
    manager = console.window.projector
    screens = QGuiApplication.screens()
    if len(screens) > 1 and hasattr(manager, "on_screen_removed"):
        manager.on_screen_removed(screens[1])
        await asyncio.sleep(0.8)  # past the settling of screen changes
        manager.on_screen_added(screens[1])
        await asyncio.sleep(0.8)
    hall = Hall("sockets", f"http://127.0.0.1:{room.port}", room.links.timer, "20")
    await hall.expect("READY")
    await asyncio.sleep(0.3)
    hall.finish()  # the phones leave


def main(rounds: int) -> int:
    app = make_app()
    import qasync  # after PySide6, as in run_app

    session = evening(SystemClock(), people=150, records=60, waiting=10, settings=TurnSettings(free_chair_seconds=3600))
    console = open_console(session)
    open_projector(console)
    room = console.window.room_menu.room
    room.set_port(free_port())
    room.start("127.0.0.1")
    out_dir = home() / "exports"
    out_dir.mkdir(exist_ok=True)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    result: dict[str, Any] = {}

    async def evening_long() -> None:
        await one_round(app, console, room, 0, out_dir)  # warm-up: every path loaded once
        start = snapshot(app, console)
        began = time.monotonic()
        for n in range(1, rounds + 1):
            await one_round(app, console, room, n, out_dir)
        end = snapshot(app, console)
        result.update(
            rounds=rounds,
            turns=rounds * TURNS_PER_ROUND,
            seconds=round(time.monotonic() - began, 1),
            start=start,
            end=end,
            soak_rss_growth_mib=end["rss_mib"] - start["rss_mib"],
            qobject_growth=end["qobjects"] - start["qobjects"],
            python_object_growth=end["python_objects"] - start["python_objects"],
        )

    loop.run_until_complete(evening_long())
    room.stop()
    report(**result)
    console.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
