"""Real starts of the program, cheaply: `python start_server.py` imports PySide6 and the console once, then
serves lines on stdin (POSIX; it forks after the heavy imports, so a start costs no interpreter start-up,
but every start still runs the real entry point, `fishbowl_desktop.__main__.main([])`, with a fresh
QApplication, on its own data folder):

    start ID HOME        fork a child that starts the program with FISHBOWL_DESKTOP_HOME=HOME
    quit                 wait for the children still running, then end

Each child prints `RESULT ID {json}` once its console window is visible (the window's title, the message
strip's text, the language in use, the session file, whether "Details…" is offered and what it shows), then
chooses Quit. The server prints `DONE ID how` when a child ended (`exit 0`, `exit 1`, `signal 14`, …).

A child that does not reach its window within WATCHDOG_SECONDS is ended by SIGALRM (a hang is a result, not
a test run that never returns); a memory ceiling keeps a file like /dev/zero from taking the machine's memory.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import fishbowl_desktop.app  # noqa: F401 - the heavy imports, before the fork
from fishbowl_desktop.__main__ import main
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

WATCHDOG_SECONDS = 90
MEMORY_CEILING = 4 * 1024**3


def _say(*words: str) -> None:
    os.write(1, ("\t".join(words) + "\n").encode("utf-8"))  # one write per line: lines never interleave


def _child(case: str, home: str) -> int:
    os.environ["FISHBOWL_DESKTOP_HOME"] = home
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))
    signal.alarm(WATCHDOG_SECONDS)
    app = QApplication(["fishbowl-desktop"])

    def look() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, look)
            return
        window = windows[0]
        bar = window.message_bar
        report = {
            "title": window.windowTitle(),
            "message": bar.text(),
            "level": bar.level,
            "language": window.settings.language,
            "path": str(window.autosaver.path) if window.autosaver is not None else "",
            "action": bar.action.text() if bar.action.isVisibleTo(window) else "",
            "details": "",
        }
        if report["action"]:
            bar.action.click()
            boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            report["details"] = boxes[0].text() if boxes else ""
            for box in boxes:
                box.close()
        _say("RESULT", case, json.dumps(report, ensure_ascii=False))
        window.commands["quit"].trigger()

    QTimer.singleShot(0, look)
    return main([])


def serve() -> None:
    children: dict[int, str] = {}

    def reap(block: bool) -> None:
        while children:
            pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
            if pid == 0:
                return
            how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
            _say("DONE", children.pop(pid), how)

    signal.signal(signal.SIGCHLD, lambda *_: reap(False))
    for line in sys.stdin:
        words = line.rstrip("\n").split("\t")
        if words[0] == "start":
            sys.stdout.flush()
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})  # known by id before it can be reaped
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
                code = 1
                try:
                    code = _child(words[1], words[2])
                finally:
                    os._exit(code)
            children[pid] = words[1]
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        elif words[0] == "quit":
            break
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    reap(True)


if __name__ == "__main__":
    serve()
