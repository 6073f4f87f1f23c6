"""The real app in a hostile hall's laptop: a child process with a small file limit, the console as `run_app`
builds it (autosave to a real file, the room's menu), the room on 127.0.0.1, its window open.

    python tests/helpers/hall_app.py NOFILE [--window]

Lowers its own RLIMIT_NOFILE (soft and hard, so the app cannot raise it back) before anything else, then prints
one line `READY {json}` (port, tokens, PIN, session file) once the console and the room window have painted their
first frame (a probe started before that measured the first frame, not an idle console), and obeys lines on
stdin, answering each with one `ANSWER {json}` line:

    state           what the console shows: pending requests, queue, message, save error, refusals, fds
    probe-start     start the 5 ms stall probe on the UI thread
    probe-stop      stop it; answers the longest gap (ms), the most UI-thread CPU in one gap, and the number of
                    request-list rebuilds
    decline-all     clicks "Decline all" in the room window (a real mouse click)
    quit

Used by tests/room/test_room_hostile_hall.py and by the benchmarks (benchmarks/scenario_hall.py). Only
127.0.0.1 is ever bound.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any


def _lower_limit(n: int) -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))


def main(argv: list[str]) -> int:
    _lower_limit(int(argv[0]))
    with_window = "--window" in argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from fishbowl_desktop.app import SETTINGS_FILE, build_console
    from fishbowl_desktop.model import SystemClock
    from fishbowl_desktop.model.demo import demo_session
    from fishbowl_desktop.room.file_limit import open_descriptors
    from fishbowl_desktop.settings import load_settings
    from fishbowl_desktop.startup.plan import StartPlan
    from fishbowl_desktop.storage import Workspace, save_session

    app = QApplication.instance() or QApplication([sys.argv[0]])
    workspace = Workspace()
    workspace.ensure()
    session = demo_session(SystemClock())
    path = workspace.new_session_path(session.event.title, when=session.clock.now())
    save_session(session, path)
    console = build_console(StartPlan(session, path), workspace, load_settings(workspace.base_dir / SETTINGS_FILE))
    console.window.resize(1366, 768)
    console.window.show()
    menu = console.window.room_menu
    assert menu is not None
    room = menu.room
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    room.set_port(port)
    room.start("127.0.0.1")
    dialog = menu.show_window() if with_window else None

    gaps: list[float] = []
    cpu_gaps: list[float] = []
    """The UI thread's own CPU time between two ticks: the work in a gap, less what the machine's load adds."""
    probe = QTimer()
    probe.setInterval(5)
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    last = [time.perf_counter()]
    last_cpu = [time.thread_time()]

    def tick() -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        gaps.append((now - last[0]) * 1000)
        cpu_gaps.append((cpu - last_cpu[0]) * 1000)
        last[0] = now
        last_cpu[0] = cpu

    probe.timeout.connect(tick)
    rebuilds = [0]
    if dialog is not None:
        room.requestsChanged.connect(lambda: rebuilds.__setitem__(0, rebuilds[0] + 1))
    batches: list[tuple[float, float]] = []
    """(wall ms, UI-thread CPU ms) of each batch of requests taken in, with the list's update and the publish."""
    take = room._take_arrivals

    def timed_take() -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        take()
        batches.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    room._batch.timeout.disconnect()
    room._batch.timeout.connect(timed_take)

    def answer(**data: Any) -> None:
        print("ANSWER " + json.dumps(data), flush=True)

    def state() -> None:
        s = console.controller.session
        answer(
            pending=len(room.pending),
            queue=len(s.queue),
            message=s.stage.message,
            save_error=console.autosaver.last_error,
            refused=getattr(room, "refused", None),
            fds=open_descriptors(),
            soft_limit=resource.getrlimit(resource.RLIMIT_NOFILE)[0],
        )

    def obey(line: str) -> None:
        if line == "state":
            state()
        elif line == "probe-start":
            gaps.clear()
            cpu_gaps.clear()
            batches.clear()
            rebuilds[0] = 0
            last[0] = time.perf_counter()
            last_cpu[0] = time.thread_time()
            probe.start()
            answer(started=True)
        elif line == "probe-stop":
            probe.stop()
            answer(
                stall_ms_max=max(gaps, default=0.0),
                stall_cpu_ms_max=max(cpu_gaps, default=0.0),
                ui_cpu_ms=sum(cpu_gaps),
                ticks=len(gaps),
                rebuilds=rebuilds[0],
                batches=len(batches),
                batch_ms_max=max((b[0] for b in batches), default=0.0),
                batch_cpu_ms_max=max((b[1] for b in batches), default=0.0),
            )
        elif line == "decline-all":
            assert dialog is not None
            button = dialog.decline_all_button
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            answer(pending=len(room.pending), enabled=button.isEnabled())
        elif line in ("quit", "EOF"):
            room.stop()
            app.quit()

    class Lines(QObject):
        arrived = Signal(str)

    lines = Lines()
    lines.arrived.connect(obey, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for raw in sys.stdin:
            lines.arrived.emit(raw.strip())
        lines.arrived.emit("EOF")

    threading.Thread(target=read, daemon=True).start()
    links = room.links

    def ready() -> None:
        print(
            "READY "
            + json.dumps(
                {
                    "port": room.port,
                    "timer": links.timer,
                    "audience": links.audience,
                    "control": links.control,
                    "pin": links.pin,
                    "file": str(path),
                    "fds": open_descriptors(),
                }
            ),
            flush=True,
        )

    class FirstFrames(QObject):
        """READY once every window shown has painted (then at the loop's next turn, after the paint)."""

        def __init__(self, windows: list[Any]):
            super().__init__()
            self.waiting = set(windows)
            for w in windows:
                w.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched in self.waiting:
                self.waiting.discard(watched)
                watched.removeEventFilter(self)
                if not self.waiting:
                    QTimer.singleShot(0, ready)
            return False

    first_frames = FirstFrames([w for w in (console.window, dialog) if w is not None])
    app.exec()
    del first_frames
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main(sys.argv[1:]))
