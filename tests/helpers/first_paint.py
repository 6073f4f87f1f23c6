"""A real start of the console in a child process, watched at the console window's first paint (the start-up
tests): the real entry point (`fishbowl_desktop.__main__.main`, as `fishbowl-desktop` starts it) on a prepared home
(the sample evening, closed cleanly, as the moderator leaves it after preparing). The child's own probe defines
`watch_placement(window_placement)`; `PLACEMENT_HOOK` installs it as app.py's window module loads, so the probe
imports no Qt of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fishbowl_desktop.model import SystemClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import Workspace, save_session

PLACEMENT_HOOK = """

class WhenPlacementLoads(importlib.abc.MetaPathFinder):
    \"\"\"Installs the paint watch as app.py's window module loads: this probe imports no Qt of its own.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if name != "fishbowl_desktop.startup.window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            watch_placement(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, WhenPlacementLoads())
sys.exit(main([]))
"""
"""The child's tail (it needs `importlib.abc`, `importlib.util`, `sys`, `main` and its `watch_placement`)."""


AT_FIRST_PAINT = """

def watch_placement(window_placement):
    from PySide6.QtCore import QEvent, QObject, QTimer

    fit = window_placement.fit_to_screen

    class FirstPaint(QObject):
        def __init__(self, window):
            super().__init__(window)
            self.window = window
            self.seen = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                with open(sys.argv[1], "w", encoding="utf-8") as f:
                    json.dump(at_first_paint(), f)
                QTimer.singleShot(0, self.window.close)
            return False

    def watch(window):
        window.installEventFilter(FirstPaint(window))
        fit(window)

    window_placement.fit_to_screen = watch  # app.py takes it from there
"""
"""A probe's `watch_placement` for the simple case: at the console window's first paint it writes what the
probe's `at_first_paint()` returns (JSON) to the file named by the child's first argument, and closes the window
(the probe needs `json` and `sys`)."""


def prepared_home(home: Path) -> None:
    workspace = Workspace(home)
    session = demo_session(SystemClock())
    path = workspace.new_session_path(session.event.title)
    save_session(session, path)
    workspace.mark_running(path)
    workspace.mark_clean_exit()


def start_watched(probe: str, tmp_path: Path) -> dict[str, object]:
    """Start the console with `probe + PLACEMENT_HOOK`; what the probe wrote to the file named by its first
    argument, as JSON."""
    home = tmp_path / "home"
    prepared_home(home)
    out = tmp_path / "seen.json"
    env = {**os.environ, "FISHBOWL_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe + PLACEMENT_HOOK, str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if not out.is_file():
        pytest.fail(f"the console did not paint (exit {done.returncode}):\n{done.stderr[-3000:]}")
    seen: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return seen
