"""Issue 23, point 8: a read-only window whose owner crashed kept saying "open in another window" for the rest
of the evening. Now it notices the owner is gone (its lock is stale) and offers to open the file here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, load_session, save_session
from fishbowl_desktop.ui.shell.owner_question import OwnerChoice

HOLD = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
app = QCoreApplication(["fishbowl-desktop"])
from fishbowl_desktop.controller.session_owner import SessionLock
lock = SessionLock()
assert lock.take(Path(sys.argv[1])) is None
print("HOLDING", flush=True)
sys.stdin.read()  # until the test kills it: a console that crashed with the file open
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_read_only_view_notices_the_owner_crashed_and_offers_the_file(
    tmp_path: Path, clock: FakeClock, qtbot: QtBot
) -> None:
    shared = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), shared)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(tmp_path / "other")}
    owner = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(shared)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "HOLDING"
        workspace = Workspace(tmp_path / "home")
        console = build_console(plan_start(workspace, clock=clock), workspace, AppSettings())
        window = console.window
        qtbot.addWidget(window)
        window.show()
        window.file_menu.open_path(shared)
        question = window.file_menu.owner_question
        assert question is not None and str(owner.pid) in question.informativeText()
        qtbot.mouseClick(question.buttons_by_choice[OwnerChoice.READ_ONLY], Qt.MouseButton.LeftButton)
        assert "open in another window" in window.save_label.text()
        window.owner_watch.check()
        assert "has closed" not in window.message_bar.text(), "the owner still runs"
    finally:
        owner.kill()  # SIGKILL: its lock file stays behind
        owner.wait()
    qtbot.waitUntil(lambda: "has closed or stopped" in window.message_bar.text(), timeout=20_000)
    assert "the other window has closed" in window.save_label.text()
    qtbot.mouseClick(window.message_bar.action, Qt.MouseButton.LeftButton)  # "Open it here"
    assert console.files.read_only_of is None and console.autosaver.path == shared
    assert console.files.lock.holds(shared)
    console.controller.enqueue("aud-05")
    assert console.autosaver.flush()
    assert "aud-05" in [e.participant_id for e in load_session(shared).queue]
    assert "Saved to abend.fishbowl.json" in window.save_label.text()
