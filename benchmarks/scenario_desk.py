"""The AV desk (issue 27): an HTTP command → the projector's frame, and the OSC time message vs the second boundary.

`api N`: the real console and projector (`open_console`, View → Show projector) on a typical evening, the console's
own room switched on at 127.0.0.1; a desk on another thread POSTs `next`, `toggle_timer` and `message` in turn to
`/api/commands/…` with its bearer token, 40–90 ms apart at random. The clock (perf_counter) starts right before the
desk sends the request and stops when the projector's next paint cycle is over (`PaintWatch`), so it includes
the HTTP round into the server's thread, the hand-over to the console's thread, the command, and the frame.

`osc SECONDS`: the same console with OSC on (the console's own Room, listening on 127.0.0.1) and a desk's OSC
input on 127.0.0.1 (python-osc); a turn runs on the system clock for SECONDS. Each `/fishbowl/state/time k`
arriving is compared with the moment the console's time left crossed k (its timer's own arithmetic:
running_since + allotted − accumulated − k, on time.monotonic(), the clock the session uses).

Usage: python -m benchmarks.scenario_desk api ITERATIONS | osc SECONDS
"""

from __future__ import annotations

import asyncio
import json
import random
import socket
import sys
import threading
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.app import Console
from fishbowl_desktop.model import SystemClock
from fishbowl_desktop.room.osc_settings import OscSettings
from fishbowl_desktop.room.service import Room

from .qtkit import PaintWatch, make_app, open_console, open_projector, percentile, report, wait
from .sessions import evening

COMMANDS = ("next", "toggle_timer", "message")


def room_of(console: Console) -> Room:
    menu = console.window.room_menu
    assert menu is not None, "the console has no room (no data folder)"
    return menu.room


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ApiRun(QObject):
    """The desk on its own thread; the console's thread answers and paints. One command at a time."""

    _arm = Signal(str)
    _finish = Signal()

    def __init__(self, console: Console, view: QObject, iterations: int):
        super().__init__()
        self._console = console
        self._iterations = iterations
        self._room = room_of(console)
        self._t0: float | None = None
        self._paint: float | None = None
        self._kind = ""
        self._framed = threading.Event()
        self._frame_at = 0.0
        self.samples: dict[str, list[float]] = {c: [] for c in COMMANDS}
        self.http_ms: list[float] = []
        self.missed: list[str] = []
        self._leaving: str | None = None
        self._watch = PaintWatch(view, on_paint=self._painted, on_frame=self._framed_at)  # type: ignore[arg-type]
        self._armed = threading.Event()
        self._changed = False
        """The command has changed the session: only a paint after that is its frame (not the timer's repaint)."""
        self._arm.connect(self._before)
        self._finish.connect(QApplication.quit)
        console.controller.sessionChanged.connect(self._session_changed)
        self._thread = threading.Thread(target=lambda: asyncio.run(self._desk()), name="bench-desk")

    def start(self) -> None:
        self._thread.start()

    def _session_changed(self, _part: str) -> None:
        if self._t0 is not None:
            self._changed = True

    def _painted(self, t: float) -> None:
        if self._t0 is not None and self._changed and self._paint is None:
            self._paint = t

    def _framed_at(self, t: float) -> None:
        if self._t0 is None or self._paint is None:
            return
        self._frame_at = t
        self._t0 = None
        controller = self._console.controller
        if self._kind == "next" and self._leaving is not None and controller.session.seat_of(self._leaving) is None:
            controller.enqueue(self._leaving)  # outside the measurement: the queue keeps its length
        self._framed.set()

    def _before(self, kind: str) -> None:
        """On the console's thread, before the desk sends: who sits on the free chair, and arm the watch."""
        session = self._console.controller.session
        self._leaving = session.seats[session.free_chair_indices()[0]].occupant
        self._kind = kind
        self._paint = None
        self._changed = False
        self._framed.clear()
        self._t0 = time.perf_counter()
        self._armed.set()

    async def _desk(self) -> None:
        import aiohttp

        rng = random.Random(27)
        port, token = self._room.port, self._room.links.api
        headers = {"Authorization": f"Bearer {token}"}
        async with aiohttp.ClientSession() as client:
            for i in range(self._iterations):
                kind = COMMANDS[i % len(COMMANDS)]
                self._armed.clear()
                self._arm.emit(kind)  # queued to the console's thread
                await asyncio.to_thread(self._armed.wait, 5.0)
                t0 = time.perf_counter()
                self._t0 = t0  # the clock starts as the desk sends
                body = {"text": f"Kurze Pause – weiter um 19:{i % 60:02d}"} if kind == "message" else {}
                url = f"http://127.0.0.1:{port}/api/commands/{kind}"
                async with client.post(url, json=body, headers=headers) as answer:
                    await answer.read()
                    self.http_ms.append((time.perf_counter() - t0) * 1000)
                if await asyncio.to_thread(self._framed.wait, 2.0):
                    self.samples[kind].append((self._frame_at - t0) * 1000)
                else:
                    self.missed.append(kind)
                await asyncio.sleep(rng.randint(40, 90) / 1000)
        self._finish.emit()


def api(iterations: int) -> None:
    app = make_app()
    session = evening(SystemClock(), people=150, records=60, waiting=10)
    console = open_console(session)
    view = open_projector(console)
    room = room_of(console)
    room.set_port(free_port())
    room.start("127.0.0.1")
    wait(300)
    run = ApiRun(console, view, iterations)
    run.start()
    app.exec()
    run._thread.join(10)
    frames = [f for s in run.samples.values() for f in s]
    report(
        frame_ms_p95=percentile(frames, 95),
        frame_ms_median=percentile(frames, 50),
        frame_ms_max=max(frames, default=float("nan")),
        http_answer_ms_median=percentile(run.http_ms, 50),
        by_command={c: {"n": len(s), "frame_ms_p95": percentile(s, 95)} for c, s in run.samples.items()},
        samples=len(frames),
        missed=run.missed,
    )
    room.stop()
    console.window.close()


def osc(seconds: int) -> None:
    from pythonosc.osc_packet import OscPacket

    app = make_app()
    session = evening(SystemClock(), people=150, records=60, waiting=10)
    console = open_console(session)
    open_projector(console)
    room = room_of(console)
    desk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    desk.bind(("127.0.0.1", 0))
    desk.settimeout(0.2)
    arrivals: list[tuple[int, float]] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                data = desk.recv(4096)
            except TimeoutError:
                continue
            at = time.monotonic()
            for timed in OscPacket(data).messages:
                if timed.message.address == "/fishbowl/state/time":
                    arrivals.append((int(timed.message.params[0]), at))

    controller = console.controller
    turn = controller.session.turn
    if turn is None or not turn.timer.is_running:
        controller.toggle_timer()
    controller.adjust_time(30 * ((seconds + 60) // 30))  # never reaches zero during the run
    wait(200)
    listener = threading.Thread(target=listen, name="bench-osc-desk")
    listener.start()
    room.osc.host = "127.0.0.1"
    problem = room.set_osc(OscSettings(True, free_port(socket.SOCK_DGRAM), "127.0.0.1", desk.getsockname()[1], ()))
    assert problem is None, problem
    wait(seconds * 1000)
    turn = controller.session.turn
    assert turn is not None and turn.timer.running_since is not None
    timer = turn.timer
    running_since = timer.running_since
    room.osc.shut_down()
    stop.set()
    listener.join(5)
    desk.close()
    late: list[float] = []
    for whole, at in arrivals[1:]:  # the first is the state sent on switching OSC on, not a boundary
        boundary = running_since + timer.allotted - timer.accumulated - whole
        late.append((at - boundary) * 1000)
    deviation = [abs(x) for x in late]
    report(
        jitter_ms_p95=percentile(deviation, 95),
        jitter_ms_median=percentile(deviation, 50),
        jitter_ms_max=max(deviation, default=float("nan")),
        late_ms_median=percentile(late, 50),
        early=sum(1 for x in late if x < 0),
        messages=len(late),
        seconds=seconds,
    )
    console.window.close()
    del app


def main(argv: list[str]) -> int:
    kind, amount = argv[0], int(argv[1])
    if kind == "api":
        api(amount)
    elif kind == "osc":
        osc(amount)
    else:
        print(json.dumps({"error": f"unknown kind {kind}"}))
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
