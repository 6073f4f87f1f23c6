"""Kill-test target: the real app (`run_app`: QApplication, Qt's event loop, crash recovery, console window,
autosave to the real file) driven by a scripted moderator, to be killed with SIGKILL at any moment.

Run as `python app_driver.py` it serves rounds on stdin (POSIX: it forks after the heavy imports, so a
round costs no interpreter start-up, but every round still builds a fresh QApplication and console):

    start SEED FILE|- [QUIT_AFTER]
                        fork a child that runs run_app([FILE]) or, with `-`, run_app([]) - which is the
                        restart after a crash; with QUIT_AFTER it chooses Quit after that many actions
                        (the clean exit); answers `PID n`
    reap                wait for the child (after the test killed it); answers `REAPED how`
    quit

The child prints, flushed, one tab-separated line per event (so the test knows exactly what the moderator was shown):

    START step fingerprint path notice   after start-up: what was opened, and the message bar's text
    ACT step fingerprint                 after each scripted action
    SAVED step fingerprint label         after each completed autosave, with the status bar's save label

`step` is a counter kept in the event's report notes (the child continues from the number it finds), the
fingerprint a hash of the saved content (without the running timer's seconds, which change by themselves).

The autosave debounce is scaled from 1 s to 20 ms so that a round of a fraction of a second sees many saves;
nothing else is changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sys
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import fishbowl_desktop.controller.autosave as autosave
from fishbowl_desktop.app import run_app
from fishbowl_desktop.model import Participant, Role, Session
from fishbowl_desktop.storage import session_to_dict
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

DEBOUNCE_MS = 20
STEP_PREFIX = "step "


def fingerprint(data: dict[str, Any]) -> str:
    """The saved content, minus what changes without an action: the save time and a running timer."""
    data = json.loads(json.dumps(data))
    data.pop("saved_at", None)
    if data.get("turn"):
        data["turn"]["timer"].pop("elapsed", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def step_of(data: dict[str, Any]) -> int:
    notes = data.get("event", {}).get("report_notes", "")
    return int(notes[len(STEP_PREFIX) :]) if notes.startswith(STEP_PREFIX) else 0


def _say(*words: object) -> None:
    line = "\t".join(str(w).replace("\n", " ").replace("\t", " ") for w in words) + "\n"
    os.write(1, line.encode("utf-8"))  # one write per line: a kill never leaves half a line in the pipe


class Moderator:
    """Scripted, seeded moderator actions through the window's commands and the controller."""

    def __init__(self, window: ConsoleWindow, seed: int, server: int, quit_after: int | None = None) -> None:
        self.window = window
        self.controller = window.controller
        self.rng = random.Random(seed)
        self.server = server
        self.quit_after = quit_after
        data = session_to_dict(self.session)
        self.step = step_of(data)
        assert window.autosaver is not None
        window.autosaver.saved.connect(self._saved)
        _say("START", self.step, fingerprint(data), window.autosaver.path, window.message_bar.text() or "-")
        self._tick()

    @property
    def session(self) -> Session:
        return self.controller.session

    def _saved(self, _path: str) -> None:
        data = session_to_dict(self.session)
        _say("SAVED", step_of(data), fingerprint(data), self.window.save_label.text())

    def _tick(self) -> None:
        if os.getppid() != self.server:  # the server (and the test) went away: do not run on as an orphan
            os._exit(3)
        if self.quit_after is not None:
            if self.quit_after <= 0:
                _say("QUIT")
                self.window.commands["quit"].trigger()
                asked = self.window.quit_question.box  # a turn running or the projector up: asked first
                if asked is not None:
                    quit_button = next(b for b in asked.buttons() if asked.buttonRole(b) == asked.ButtonRole.AcceptRole)
                    quit_button.click()  # the moderator confirms: Quit
                return
            self.quit_after -= 1
        self.act()
        QTimer.singleShot(self.rng.randint(2, 25), self._tick)

    def act(self) -> None:
        s, c, commands = self.session, self.controller, self.window.commands
        waiting = {e.participant_id for e in s.queue}
        idle = [
            p.id for p in s.participants if p.role is Role.AUDIENCE and p.id not in waiting and s.seat_of(p.id) is None
        ]
        choice = self.rng.random()
        if len(s.queue) < 3 and idle:
            c.enqueue(self.rng.choice(idle))
        elif choice < 0.35:
            commands["next"].trigger()
        elif choice < 0.55:
            commands["toggle_timer"].trigger()
        elif choice < 0.7:
            commands[self.rng.choice(("add_time", "take_time"))].trigger()
        elif choice < 0.8:
            c.add_and_enqueue(Participant(f"guest-{self.step + 1}", f"Gast {self.step + 1} – Ñandú", Role.AUDIENCE))
        elif choice < 0.9:
            c.end_turn()
        else:
            seated = [seat.occupant for seat in s.seats if seat.occupant is not None]
            if seated:
                c.start_turn(self.rng.choice(seated))
        self.step += 1
        c.set_event(replace(s.event, report_notes=f"{STEP_PREFIX}{self.step}"))
        _say("ACT", self.step, fingerprint(session_to_dict(s)))


def _break_on_purpose(mutant: str) -> None:
    """Known-wrong variants of the app, so the kill test can show that it notices them."""
    import fishbowl_desktop.storage as storage

    if mutant == "lazy_save":  # reports success but writes only the first save of each run
        real = storage.save_session
        calls = [0]

        def lazy(session: Session, path: Any, **kwargs: Any) -> None:
            calls[0] += 1
            if calls[0] == 1:
                real(session, path, **kwargs)

        storage.save_session = lazy  # type: ignore[assignment]
    elif mutant == "no_recovery":  # forgets that the last run crashed
        storage.Workspace.crashed_last_time = lambda self: None  # type: ignore[method-assign]


def _child(seed: int, file: str | None, server: int, quit_after: int | None) -> int:
    autosave.DEBOUNCE_MS = DEBOUNCE_MS
    _break_on_purpose(os.environ.get("RELIABILITY_MUTANT", ""))
    app = QApplication(["fishbowl-desktop"])
    keep: list[Moderator] = []

    def attach() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(5, attach)
            return
        keep.append(Moderator(windows[0], seed, server, quit_after))

    QTimer.singleShot(0, attach)
    return run_app([file] if file else [])


def serve() -> None:
    child = 0
    for line in sys.stdin:
        words = line.rstrip("\n").split("\t")  # tab-separated, so paths may hold spaces
        if not words[0]:
            continue
        if words[0] == "start":
            sys.stdout.flush()
            server = os.getpid()
            child = os.fork()
            if child == 0:
                code = 1
                try:
                    file = words[2] if len(words) > 2 and words[2] != "-" else None
                    quit_after = int(words[3]) if len(words) > 3 else None
                    code = _child(int(words[1]), file, server, quit_after)
                finally:
                    os._exit(code)
            _say("PID", child)
        elif words[0] == "reap":
            _pid, status = os.waitpid(child, 0)
            child = 0
            how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
            _say("REAPED", how)
        elif words[0] == "quit":
            break
    if child:  # never leave a console running behind the test
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    serve()
