"""A second copy that asks "Session already open" must still end on a logout's SIGTERM or a Ctrl+C: the
question closes, the copy exits cleanly, and the first copy's evening is untouched (hands.md, 6 Dec)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fishbowl_desktop.storage import Workspace

FIRST = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

def ready():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, ready)
        return
    windows[0].controller.enqueue("aud-06")
    windows[0].autosaver.flush()
    print("READY", windows[0].files.path, flush=True)

QTimer.singleShot(0, ready)
sys.exit(run_app(["--demo"]))
"""

SECOND = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app

def asking():
    if not [w for w in app.topLevelWidgets() if w.objectName() == "ownerQuestion" and w.isVisible()]:
        QTimer.singleShot(20, asking)
        return
    print("ASKING", flush=True)

QTimer.singleShot(0, asking)
sys.exit(run_app([sys.argv[1]]))
"""


class _Copies:
    """The console copies a test starts, each a process with its output piped; all of them ended at the end."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.started: list[subprocess.Popen[str]] = []

    def start(self, script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            env=env or self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(proc)
        return proc

    def first_copy(self) -> tuple[subprocess.Popen[str], Path]:
        """The first copy with its evening open (a person queued and saved): the process and its session file."""
        first = self.start(FIRST)
        return first, Path(said(first, "READY"))

    def end(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()  # and closes its pipes


def said(proc: subprocess.Popen[str], word: str) -> str:
    """What the copy printed after `word` on its next line (the test fails with its error output otherwise)."""
    assert proc.stdout is not None
    line = proc.stdout.readline().split(maxsplit=1)
    assert line and line[0] == word, proc.stderr.read() if proc.stderr else ""
    return line[1].strip() if len(line) > 1 else ""


def closes_on(proc: subprocess.Popen[str], signum: int, what: str) -> None:
    proc.send_signal(signum)
    try:
        code = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what} ignored the signal")
    assert code == 0, proc.stderr.read() if proc.stderr else ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_session_already_open_question_and_the_second_copy_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    monkeypatch.setenv("FISHBOWL_DESKTOP_HOME", str(tmp_path / "home"))
    workspace = Workspace()
    copies = _Copies({**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)})
    try:
        first, path = copies.first_copy()
        before = path.read_bytes()
        sessions = sorted(path.parent.glob("*.fishbowl.json"))
        second = copies.start(SECOND, str(path))
        said(second, "ASKING")
        closes_on(second, signum, "the second copy, asking,")
        assert first.poll() is None, "the first copy runs on"
        assert path.read_bytes() == before, "the second copy wrote nothing into the first copy's evening"
        assert sorted(path.parent.glob("*.fishbowl.json")) == sessions, "no new session was started"
        closes_on(first, signal.SIGTERM, "the first copy")
    finally:
        copies.end()


OPENING = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

def ready():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, ready)
        return
    window = windows[0]
    window.controller.enqueue("aud-03")
    print("OWN", window.files.path, flush=True)
    window.file_menu.open_path(Path(sys.argv[1]))  # File > Open... on the first copy's evening
    asking(window)

def asking(window):
    question = window.file_menu.owner_question
    if question is None or not question.isVisible():
        QTimer.singleShot(20, lambda: asking(window))
        return
    print("ASKING", flush=True)

QTimer.singleShot(0, ready)
sys.exit(run_app(["--demo"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_file_open_asks_about_a_session_open_elsewhere_closes_like_quit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    """A running console whose File > Open met a session open in another window: the question waits (it does not
    block the loop), and a logout's SIGTERM or a Ctrl+C still closes the console like Quit, saving its own evening
    and leaving the other window's untouched."""
    monkeypatch.setenv("FISHBOWL_DESKTOP_HOME", str(tmp_path / "home"))
    workspace = Workspace()
    copies = _Copies({**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)})
    try:
        first, path = copies.first_copy()
        before = path.read_bytes()
        second = copies.start(OPENING, str(path), env={**copies.env, "FISHBOWL_DESKTOP_HOME": str(tmp_path / "own")})
        own_path = Path(said(second, "OWN"))
        said(second, "ASKING")
        closes_on(second, signum, "the console, while File > Open was asking,")
        assert "aud-03" in own_path.read_text(encoding="utf-8"), "its own evening was saved on the way out"
        assert first.poll() is None, "the first copy runs on"
        assert path.read_bytes() == before, "the first copy's evening was not touched"
        closes_on(first, signal.SIGTERM, "the first copy")
    finally:
        copies.end()
