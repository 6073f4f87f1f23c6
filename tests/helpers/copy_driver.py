"""One running copy of the app's bookkeeping, driven line by line over stdin, for the tests that tell copies
apart (tests/storage/test_copies_apart.py): its crash marker, its session lock and its "bring that window up"
socket, made by the app's own code, in whatever PID namespace the test starts it in.

Commands (one per line): `open` (what a start does: look for a crash, take the session's lock, mark the copy
as running), `look` (what another copy would see: the crash offered, who holds the session), `beacon` (listen
for "bring your window up"), `kill` (SIGKILL to itself: nothing is cleaned up), `quit` (a clean exit). Each
answer is one JSON line on stdout; a raise request that reached this copy prints {"raised": true}.

Usage: python copy_driver.py HOME SESSION
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

app = QCoreApplication(["fishbowl-desktop"])

from fishbowl_desktop.controller.session_owner import (  # noqa: E402 - after the application, as in the app
    SessionHolder,
    SessionLock,
    WindowBeacon,
    holder_of,
)
from fishbowl_desktop.storage import Workspace  # noqa: E402

home, session = Path(sys.argv[1]), Path(sys.argv[2])
workspace = Workspace(home)
lock = SessionLock()
beacons: list[WindowBeacon] = []


def say(**what: object) -> None:
    print(json.dumps(what), flush=True)


def described(holder: SessionHolder | None) -> dict[str, object] | None:
    return None if holder is None else asdict(holder)


def seen() -> dict[str, object]:
    crashed = workspace.crashed_last_time()
    return {"pid": os.getpid(), "crashed": None if crashed is None else str(crashed)}


def handle(command: str) -> None:
    if command == "open":
        looked = seen()
        holder = lock.take(session)
        workspace.mark_running(session)
        say(**looked, holder=described(holder))
    elif command == "look":
        say(**seen(), holder=described(holder_of(session)))
    elif command == "beacon":
        beacons.append(WindowBeacon(lambda: say(raised=True)))
        say(listening=beacons[-1].listening)
    elif command == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif command == "quit":
        lock.keep_only(None)
        workspace.mark_clean_exit()
        say(quit=True)
        app.quit()
    elif command == "":
        app.quit()  # stdin closed: the test is gone


class Commands(QObject):
    """Lines read on a thread (stdin is no socket on Windows), handled on the UI thread like the app's events."""

    line = Signal(str)

    @Slot(str)
    def handle(self, command: str) -> None:
        handle(command)


def read_lines(commands: Commands) -> None:
    for line in sys.stdin:
        commands.line.emit(line.strip())
    commands.line.emit("")


commands = Commands()
commands.line.connect(commands.handle)
threading.Thread(target=read_lines, args=(commands,), daemon=True).start()
say(ready=True, pid=os.getpid())
app.exec()
