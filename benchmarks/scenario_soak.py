"""A three-hour evening compressed: does the console's memory stay flat?

The console and the projector as run_app opens them, the room on, and in ROUNDS rounds (20: issue 29's evening)
what an evening does: Next on the free chair (whoever leaves queues again, so the queue churns), a paused and
resumed turn, a message on the projector, the Statistics tab shown for a third of the turns, Undo as a moderator
uses it (a requeue taken back and done again by hand, and one taken back and redone), 30 new people over 20 rounds
(two in every other round), the attendee sheet exported through the PDF worker, the beamer unplugged and plugged
back in every other round (10 times in 20; the projector manager's own screen handlers, as an unplug calls them),
and phones connecting and leaving on the timer link (a client process with 20 WebSockets). After a warm-up round
(every code path loaded, every cache filled, the Statistics tab built) the resident memory (/proc/self/statm),
the live QObjects (every object under the application and the top-level widgets, after deferred deletes) and
Python's tracked objects are read; again at the end, after a collection. `soak_rss_growth_mib` is the difference in
resident memory.

"No growth in live QObjects beyond what the evening's data holds" is judged by a computed allowance: after the
end reading one more person is added and one more Next made, each counted, and the allowance is the people added
× QObjects per person + the turns × QObjects per turn (each at least 0). The undo history is bounded by its
depth (200 steps); its snapshots hold tuples as long as the lists, so its size is read too (`undo_*`).

Usage: python -m benchmarks.scenario_soak ROUNDS   (the evening's turns = ROUNDS × TURNS_PER_ROUND)
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.model import SystemClock, TurnSettings, make_participant

from .qtkit import home, make_app, open_console, open_projector, report, wait, wait_until
from .scenario_room import Hall, free_port
from .sessions import evening

TURNS_PER_ROUND = 30
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def live_qobject_types(app: QApplication) -> Counter[str]:
    """Every live QObject under the application and the top-level widgets, by class name."""
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    seen: dict[int, str] = {}
    for root in roots:
        for obj in (root, *root.findChildren(QObject)):
            seen[id(obj)] = type(obj).__name__
    return Counter(seen.values())


def settle(app: QApplication) -> None:
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater'd objects go now
    app.processEvents()
    gc.collect()


def undo_history_size(controller: Any) -> dict[str, float]:
    """The undo history's steps and the bytes of the distinct list tuples its snapshots hold (shared tuples
    counted once), which is what grows with the evening while the steps stay at the depth."""
    history = controller.undo_stack
    tuples: dict[int, tuple[object, ...]] = {}
    for change in history._changes:
        if hasattr(change, "_kept_before"):  # the log and the requests kept as shared prefixes (undo_sharing.py)
            for kept in (change._kept_before, change._kept_after):
                for value in (kept.log.stretch.items, kept.requests.stretch.items):
                    tuples[id(value)] = value
                for field in ("participants", "seats", "queue"):
                    value = getattr(kept.rest, field)
                    tuples[id(value)] = value
            continue
        for snap in (change._before, change._after):
            for field in ("participants", "seats", "queue", "log", "requests"):
                value = getattr(snap, field)
                tuples[id(value)] = value
    return {
        "undo_steps": history.count(),
        "undo_limit": history.undoLimit(),
        "undo_tuples": len(tuples),
        "undo_tuple_mib": sum(sys.getsizeof(t) for t in tuples.values()) / 2**20,
    }


def snapshot(app: QApplication, console: Any) -> dict[str, Any]:
    settle(app)
    session = console.controller.session
    types = live_qobject_types(app)
    return {
        "rss_mib": rss_mib(),
        "qobjects": sum(types.values()),
        "qobject_types": dict(types),
        "python_objects": len(gc.get_objects()),
        "speeches": len(session.log.as_tuple()),
        "participants": len(session.participants.as_tuple()),
        "equity_cells": len(console.window.stats_panel.equity._shown),  # one label per cell of its tables
        **undo_history_size(console.controller),
    }


def qobjects_now(app: QApplication) -> int:
    settle(app)
    return sum(live_qobject_types(app).values())


def people_in_round(round_no: int) -> int:
    """Two new people in every even round, one in every odd one: 30 over rounds 1-20."""
    return 2 if round_no % 2 == 0 else 1


def unplugs_in_round(round_no: int) -> bool:
    """The beamer unplugged and plugged back in every odd round (10 times over rounds 1-20) and in the warm-up."""
    return round_no % 2 == 1 or round_no == 0


STEPS = frozenset({"next", "stats", "undo", "people", "pdf", "unplug", "phones"})
"""The kinds of step a round takes; `benchmarks/soak_probe.py` runs the evening with only some of them."""


def one_round(
    app: QApplication,
    console: Any,
    room: Any,
    round_no: int,
    out_dir: Any,
    steps: frozenset[str] = STEPS,
    mark: Callable[[str], None] = lambda step: None,
) -> dict[str, int]:
    """One round of the evening; `mark` is called after each kind of step (the probe reads memory there)."""
    c = console.controller
    window = console.window
    undo = window.commands["undo"]
    redo = window.commands["redo"]
    done_here = Counter[str]()
    mark("start")
    for i in range(TURNS_PER_ROUND if "next" in steps else 0):
        if i == 10 and "stats" in steps:
            window.tabs.setCurrentWidget(window.stats_panel)  # a look at the speaking time for ten turns
        if i == 20 and "stats" in steps:
            window.tabs.setCurrentWidget(window.participants_panel)
        leaving = c.session.turn.participant_id if c.session.turn is not None else None
        c.next_free_chair()
        done_here["turns"] += 1
        if leaving is not None:
            c.enqueue(leaving)  # back into the queue: it churns, it never runs dry
            if i == 5 and "undo" in steps:  # Undo takes the requeue back, then the moderator queues them again
                undo.trigger()
                c.enqueue(leaving)  # (else the queue would shrink by one a round and run dry)
                done_here["undos"] += 1
            if i == 15 and "undo" in steps:  # Undo, then Redo (changed their mind)
                undo.trigger()
                redo.trigger()
                done_here["undos"] += 1
                done_here["redos"] += 1
        if i % 7 == 0:
            c.toggle_timer()
            c.toggle_timer()
        if i % 10 == 0:
            c.set_stage(message=f"Runde {round_no}, Beitrag {i}")
        wait(10)
    mark("next")
    for k in range(people_in_round(round_no) if "people" in steps else 0):
        c.add_participant(make_participant(f"Gast {round_no:03d}-{k}"))
        done_here["people_added"] += 1
    mark("people")
    if "pdf" in steps:
        exporter = console.window.exporter
        done: list[object] = []

        def finished(outcome: object) -> None:
            if not done:
                done.append(outcome)

        exporter.finished.connect(finished)
        exporter.start("attendees", out_dir / f"sheet-{round_no}.pdf")
        wait_until(lambda: bool(done), 120, "the attendee sheet", exporter.finished)
        exporter.finished.disconnect(finished)
        done_here["pdfs"] += 1
    mark("pdf")
    manager = console.window.projector
    screens = QGuiApplication.screens()
    if "unplug" in steps and unplugs_in_round(round_no) and len(screens) > 1 and hasattr(manager, "on_screen_removed"):
        manager.on_screen_removed(screens[1])
        wait(800)  # past the settling of screen changes
        manager.on_screen_added(screens[1])
        wait(800)
        done_here["unplugs"] += 1
    mark("unplug")
    if "phones" in steps:
        hall = Hall("sockets", f"http://127.0.0.1:{room.port}", room.links.timer, "20")
        hall.expect("READY")
        wait(300)
        hall.finish()  # the phones leave
        done_here["phones"] += 20
    mark("phones")
    return dict(done_here)


def qobject_allowance(app: QApplication, console: Any, people: int, turns: int, new_cells: int) -> dict[str, Any]:
    """What the evening's data may hold in QObjects: the Statistics tab's share table has one label per cell, a
    row per group of people (`new_cells`: the cells it gained), and one more person and one more Next are
    counted (with that tab shown, so its rows would count too)."""
    c = console.controller
    window = console.window
    window.tabs.setCurrentWidget(window.stats_panel)
    before = qobjects_now(app)
    c.add_participant(make_participant("Gast Probe"))
    per_person = qobjects_now(app) - before
    before = qobjects_now(app)
    c.next_free_chair()
    per_turn = qobjects_now(app) - before
    return {
        "qobjects_equity_cells_added": new_cells,
        "qobjects_per_person": per_person,
        "qobjects_per_turn": per_turn,
        "qobjects_explained": max(0, new_cells) + people * max(0, per_person) + turns * max(0, per_turn),
    }


def main(rounds: int) -> int:
    app = make_app()  # Qt's own event loop, as in run_app: no asyncio loop on the UI thread

    session = evening(SystemClock(), people=150, records=60, waiting=10, settings=TurnSettings(free_chair_seconds=3600))
    console = open_console(session)
    open_projector(console)
    room = console.window.room_menu.room
    room.set_port(free_port())
    room.start("127.0.0.1")
    out_dir = home() / "exports"
    out_dir.mkdir(exist_ok=True)
    result: dict[str, Any] = {}

    def evening_long() -> None:
        one_round(app, console, room, 0, out_dir)  # warm-up: every path loaded once
        start = snapshot(app, console)
        began = time.monotonic()
        done = Counter[str]()
        for n in range(1, rounds + 1):
            done.update(one_round(app, console, room, n, out_dir))
        end = snapshot(app, console)
        growth = end["qobjects"] - start["qobjects"]
        new_cells = end["equity_cells"] - start["equity_cells"]
        allowance = qobject_allowance(app, console, done["people_added"], done["turns"], new_cells)
        types = set(start["qobject_types"]) | set(end["qobject_types"])
        result.update(
            rounds=rounds,
            turns=done["turns"],
            done=dict(done),
            seconds=round(time.monotonic() - began, 1),
            start=start,
            end=end,
            soak_rss_growth_mib=end["rss_mib"] - start["rss_mib"],
            qobject_growth=growth,
            qobject_growth_by_type={
                t: d
                for t in sorted(types)
                if (d := end["qobject_types"].get(t, 0) - start["qobject_types"].get(t, 0)) != 0
            },
            **allowance,
            qobjects_flat=growth <= allowance["qobjects_explained"],
            python_object_growth=end["python_objects"] - start["python_objects"],
        )
        for reading in (start, end):
            del reading["qobject_types"]  # their difference is in qobject_growth_by_type

    evening_long()
    room.stop()
    report(**result)
    console.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
