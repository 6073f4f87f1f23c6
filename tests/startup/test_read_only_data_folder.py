"""Issue 23, point 7: a data folder that cannot be written gives a window that says so and offers another.

Before, `run_app` printed one line on stderr and ended: started from the desktop menu, nothing happened.
Real starts in a child process: the question appears; Quit ends the program; "Choose a folder…" and a folder
picked in Qt's own folder dialog open the console there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

choice, elsewhere = sys.argv[1], sys.argv[2]


def answer():
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible() and widget.objectName() == "dataFolderProblem":
            print("ASKED", widget.text().replace("\\n", " "), flush=True)
            wanted = "Choose a folder…" if choice == "choose" else "Quit"
            next(b for b in widget.buttons() if b.text() == wanted).click()
        elif isinstance(widget, QFileDialog) and widget.isVisible():
            widget.findChild(QLineEdit, "fileNameEdit").setText(elsewhere)  # typed, as a moderator would
            widget.accept()
        elif isinstance(widget, ConsoleWindow) and widget.isVisible():
            print("WINDOW", widget.autosaver.path, flush=True)
            widget.commands["quit"].trigger()
            return
    QTimer.singleShot(20, answer)


QTimer.singleShot(0, answer)
sys.exit(run_app([]))
"""


def _start(home: Path, choice: str, elsewhere: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FISHBOWL_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORMTHEME": "",  # Qt's own folder dialog, which the child can answer
    }
    return subprocess.run(
        [sys.executable, "-c", CHILD, choice, str(elsewhere)], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def blocked_home(tmp_path: Path) -> Path:
    """A data folder that cannot be made: a file stands where its parent should be (as root, permission bits
    do not stop a write, so this is the case every machine can build)."""
    (tmp_path / "stick").write_text("not a folder")
    return tmp_path / "stick" / "fishbowl-desktop"


def test_a_data_folder_that_cannot_be_written_asks_and_quit_ends(blocked_home: Path, tmp_path: Path) -> None:
    done = _start(blocked_home, "quit", tmp_path / "elsewhere")
    assert done.returncode == 1, done.stderr
    asked = [line for line in done.stdout.splitlines() if line.startswith("ASKED")]
    assert asked, done.stdout + done.stderr
    assert str(blocked_home) in asked[0] and "cannot be used" in asked[0] and "Choose a folder" in asked[0]
    assert "WINDOW" not in done.stdout


def test_choosing_another_folder_opens_the_console_there(blocked_home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = _start(blocked_home, "choose", elsewhere)
    assert done.returncode == 0, done.stdout + done.stderr
    window = [line for line in done.stdout.splitlines() if line.startswith("WINDOW")]
    assert window and window[0].startswith(f"WINDOW {elsewhere / 'sessions'}"), done.stdout
    assert (elsewhere / "state.json").is_file()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes through permission bits")
def test_a_read_only_data_folder_is_called_read_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        done = _start(home, "quit", tmp_path)
    finally:
        home.chmod(0o700)
    assert "read-only" in done.stdout, done.stdout + done.stderr
