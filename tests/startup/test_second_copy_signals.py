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


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_session_already_open_question_and_the_second_copy_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    monkeypatch.setenv("FISHBOWL_DESKTOP_HOME", str(tmp_path / "home"))
    workspace = Workspace()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    first = subprocess.Popen([sys.executable, "-c", FIRST], env=env, **pipes)  # type: ignore[call-overload]
    second = None
    try:
        assert first.stdout is not None
        said = first.stdout.readline().split(maxsplit=1)
        assert said and said[0] == "READY", first.stderr.read() if first.stderr else ""
        path = Path(said[1].strip())
        before = path.read_bytes()
        sessions = sorted(path.parent.glob("*.fishbowl.json"))
        second = subprocess.Popen([sys.executable, "-c", SECOND, str(path)], env=env, **pipes)  # type: ignore[call-overload]
        assert second.stdout is not None and second.stdout.readline().strip() == "ASKING"
        second.send_signal(signum)
        try:
            code = second.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("the second copy ignored the signal while asking")
        assert code == 0, second.stderr.read() if second.stderr else ""
        assert first.poll() is None, "the first copy runs on"
        assert path.read_bytes() == before, "the second copy wrote nothing into the first copy's evening"
        assert sorted(path.parent.glob("*.fishbowl.json")) == sessions, "no new session was started"
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=60) == 0
    finally:
        for proc in (first, second):
            if proc is not None:
                if proc.poll() is None:
                    proc.kill()
                proc.communicate()  # and closes its pipes


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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)}
    own_home = {**env, "FISHBOWL_DESKTOP_HOME": str(tmp_path / "own")}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    first = subprocess.Popen([sys.executable, "-c", FIRST], env=env, **pipes)  # type: ignore[call-overload]
    second = None
    try:
        assert first.stdout is not None
        said = first.stdout.readline().split(maxsplit=1)
        assert said and said[0] == "READY", first.stderr.read() if first.stderr else ""
        path = Path(said[1].strip())
        before = path.read_bytes()
        second = subprocess.Popen(  # type: ignore[call-overload]
            [sys.executable, "-c", OPENING, str(path)], env=own_home, **pipes
        )
        assert second.stdout is not None
        own = second.stdout.readline().split(maxsplit=1)
        assert own and own[0] == "OWN", second.stderr.read() if second.stderr else ""
        own_path = Path(own[1].strip())
        assert second.stdout.readline().strip() == "ASKING"
        second.send_signal(signum)
        try:
            code = second.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("the console ignored the signal while File > Open was asking")
        assert code == 0, second.stderr.read() if second.stderr else ""
        assert "aud-03" in own_path.read_text(encoding="utf-8"), "its own evening was saved on the way out"
        assert first.poll() is None, "the first copy runs on"
        assert path.read_bytes() == before, "the first copy's evening was not touched"
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=60) == 0
    finally:
        for proc in (first, second):
            if proc is not None:
                if proc.poll() is None:
                    proc.kill()
                proc.communicate()  # and closes its pipes
