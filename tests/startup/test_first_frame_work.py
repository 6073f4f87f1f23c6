"""What the console does before its first frame (issue 29): only the work that frame needs.

The real entry point starts in a child process on a prepared home (the sample evening, closed cleanly), as
`fishbowl-desktop` starts it; a probe that imports no Qt of its own watches the console window's first paint.

- The key guard (`ui/shell/key_guard.py`) is an application-wide event filter written in Python: every event
  of every object passes through it, and PySide6 makes a Python wrapper (and the Python enum types of its whole
  class family) for each object it has not seen yet. While the console is built and painted for the first
  time no key can reach it, so the guard takes up its post right after the first frame. Afterwards it guards
  as before: two N in one burst call one speaker, the second is refused.
"""

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

pytestmark = pytest.mark.slow  # a real start in a child process

CHILD = """
import importlib.abc, importlib.util, json, sys
from fishbowl_desktop.__main__ import main  # the entry point's own modules: no Qt yet, as for `fishbowl-desktop`

out = sys.argv[1]
seen = {"guard_events_before_paint": None, "refused": None}


def watch_placement(window_placement):
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest

    from fishbowl_desktop.ui.shell import key_guard

    calls = [0]
    filter_events = key_guard.KeyGuard.eventFilter

    def counted(self, watched, event):
        calls[0] += 1
        return filter_events(self, watched, event)

    key_guard.KeyGuard.eventFilter = counted
    fit = window_placement.fit_to_screen

    def after_the_first_frame(window):
        refused = []
        window.key_guard.refused.connect(refused.append)
        target = window.focusWidget() or window
        QTest.keyClick(target, Qt.Key.Key_N)
        QTest.keyClick(target, Qt.Key.Key_N)  # the same burst: refused
        seen["refused"] = refused
        with open(out, "w", encoding="utf-8") as f:
            json.dump(seen, f)
        window.close()

    class FirstPaint(QObject):
        def __init__(self, window):
            super().__init__(window)
            self.window = window

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and seen["guard_events_before_paint"] is None:
                seen["guard_events_before_paint"] = calls[0]
                QTimer.singleShot(300, lambda: after_the_first_frame(self.window))
            return False

    def watch(window):
        window.installEventFilter(FirstPaint(window))
        fit(window)

    window_placement.fit_to_screen = watch  # app.py takes it from there


class WhenPlacementLoads(importlib.abc.MetaPathFinder):
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


def _prepared_home(home: Path) -> None:
    workspace = Workspace(home)
    session = demo_session(SystemClock())
    path = workspace.new_session_path(session.event.title)
    save_session(session, path)
    workspace.mark_running(path)
    workspace.mark_clean_exit()


def _start(tmp_path: Path) -> dict[str, object]:
    home = tmp_path / "home"
    _prepared_home(home)
    out = tmp_path / "seen.json"
    env = {**os.environ, "FISHBOWL_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(out)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if not out.is_file():
        pytest.fail(f"the console did not paint (exit {done.returncode}):\n{done.stderr[-3000:]}")
    seen: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return seen


def test_the_key_guard_sees_no_event_before_the_first_frame_and_guards_right_after(tmp_path: Path) -> None:
    seen = _start(tmp_path)
    assert seen["guard_events_before_paint"] == 0, "the key guard filtered events before the first frame"
    assert seen["refused"] == ["next"], "after the first frame a burst of two N must call one speaker, not two"
