"""What a running turn costs on battery: process CPU time and wake-ups over a stretch of the evening.

`console`: the sample-sized evening with a speaker's time running, the console and the projector on the beamer, as
a moderator leaves it while someone speaks. `idle`: the same with nobody on the floor. `bare`: the reference, a
bare PySide6 program that does what any speaker timer must do: a 40 pt label on the laptop and a 300 pt label full
screen on the beamer, both changed once a second. Each reads `getrusage` of its own process before and after
SECONDS of the event loop (after a settling second): user + system CPU time and voluntary context switches, the
count of times the process went to sleep and was woken (each costs the laptop a wake-up from its idle state).
`room`: the console as in `console`, with the room on (loopback) and PHONES phones on its timer page (WebSocket
clients in a process of their own, `room_clients.py`, as in the room scenario): the process's CPU time then includes
the room's server thread sending each second's state to every phone and answering their heartbeats. Reported
against the same bare reference; no target yet (issue 29). Each kind also reports its wake-ups per thread name
(`thread_wakeups.py`: the UI thread is "main", Qt's pooled threads "Thread (pooled)").

Usage: python -m benchmarks.scenario_battery SECONDS console|idle|bare|room [PHONES]
"""

from __future__ import annotations

import resource
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from fishbowl_desktop.model import SystemClock, TurnSettings

from .qtkit import make_app, open_console, open_projector, report, wait
from .sessions import evening
from .thread_wakeups import switches_by_thread, woken_by_name


def _usage() -> tuple[float, int, int]:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime, used.ru_nvcsw, used.ru_nivcsw


def _measure(app: QApplication, seconds: int) -> dict[str, float]:
    wait(1000)
    threads0 = switches_by_thread()
    cpu0, woken0, preempted0 = _usage()
    start = time.monotonic()
    QTimer.singleShot(seconds * 1000, app.quit)
    app.exec()
    elapsed = time.monotonic() - start
    cpu1, woken1, preempted1 = _usage()
    threads = woken_by_name(threads0, switches_by_thread())
    per_minute = 60 / elapsed
    return {
        "cpu_s_per_min": (cpu1 - cpu0) * per_minute,
        "wakeups_per_min": (woken1 - woken0) * per_minute,
        "preempted_per_min": (preempted1 - preempted0) * per_minute,
        "seconds": round(elapsed, 1),
        "wakeups_per_min_by_thread": {name: round(n * per_minute) for name, n in threads.items()},
    }


def bare(seconds: int) -> dict[str, float]:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    screens = QGuiApplication.screens()
    laptop = QLabel("3:00")
    laptop.setFont(QFont(laptop.font().family(), 40))
    laptop.resize(600, 300)
    laptop.show()
    beamer = QLabel("3:00")
    beamer.setFont(QFont(beamer.font().family(), 300))
    if len(screens) > 1:
        beamer.setScreen(screens[1])
        beamer.setGeometry(screens[1].geometry())
    beamer.showFullScreen()
    left = [180]

    def tick() -> None:
        left[0] -= 1
        text = f"{left[0] // 60}:{left[0] % 60:02d}"
        laptop.setText(text)
        beamer.setText(text)

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(tick)
    timer.start()
    return _measure(app, seconds)


def console(seconds: int, running: bool) -> dict[str, object]:
    app = make_app()
    settings = TurnSettings(free_chair_seconds=max(180, seconds + 120))
    session = evening(SystemClock(), people=17, records=8, waiting=3, settings=settings)
    if not running:
        session.end_turn()
    opened = open_console(session)
    view = open_projector(opened)
    result = _measure(app, seconds)
    opened.window.close()
    return {**result, "projector": _where(view)}


def _where(view: QWidget) -> str:
    """Where the projector was: its screen and size (the beamer, or a window on the laptop's only screen)."""
    window = view.window()
    screen = window.screen()
    return f"{window.width()}x{window.height()} on {screen.name() if screen else '?'}"


def with_the_room(seconds: int, phones: int) -> dict[str, float]:
    from .scenario_room import Hall, free_port

    app = make_app()
    settings = TurnSettings(free_chair_seconds=max(180, seconds + 120))
    session = evening(SystemClock(), people=17, records=8, waiting=3, settings=settings)
    opened = open_console(session)
    open_projector(opened)
    room = opened.window.room_menu.room
    room.set_port(free_port())
    room.start("127.0.0.1")
    hall = Hall("sockets", f"http://127.0.0.1:{room.port}", room.links.timer, str(phones))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # the phones connect (the console's loop runs meanwhile)
        wait(50)
        if not hall.lines.empty() and hall.lines.get_nowait() == "READY":
            break
    else:
        raise RuntimeError("the phones did not connect")
    result = _measure(app, seconds)
    hall.say("DONE")
    hall.finish()
    room.stop()
    opened.window.close()
    return {**result, "phones": phones}


def main(seconds: int, kind: str, phones: int = 300) -> int:
    if kind == "bare":
        result = bare(seconds)
    elif kind == "room":
        result = with_the_room(seconds, phones)
    else:
        result = console(seconds, running=kind == "console")
    report(kind=kind, **result)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), sys.argv[2], *(int(a) for a in sys.argv[3:4])))
