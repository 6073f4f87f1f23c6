"""What the console does before its first frame (issue 29): only the work that frame needs.

The real entry point starts in a child process on a prepared home (the sample evening, closed cleanly), as
`fishbowl-desktop` starts it; a probe that imports no Qt of its own watches the console window's first paint.

- The key guard (`ui/shell/key_guard.py`) is an application-wide event filter written in Python: every event
  of every object passes through it, and PySide6 makes a Python wrapper (and the Python enum types of its whole
  class family) for each object it has not seen yet. While the console is built and painted for the first
  time no key can reach it, so the guard takes up its post right after the first frame. Afterwards it guards
  as before: two N in one burst call one speaker, the second is refused.
- The window icon comes from the shipped PNGs (16-512 px); the SVG beside them made Qt load its SVG library and
  icon engine (2.2 MiB resident) before the first frame for sizes the PNGs cover.
- PySide6 makes the Python enum types of a Qt class when Python first meets the class, and a C++ pointer it
  has not wrapped before (an item view's viewport, an object passing an event filter) makes it meet a whole
  class family: ~100 enum types of classes the console never shows (QWizard, QMdiSubWindow, QGraphicsView …),
  ~0.2 ms and some memory each (benchmarks/README.md). The first frame makes none of those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.first_paint import start_watched

pytestmark = pytest.mark.slow  # a real start in a child process

CHILD = """
import enum, gc, importlib.abc, importlib.util, json, sys
from fishbowl_desktop.__main__ import main  # the entry point's own modules: no Qt yet, as for `fishbowl-desktop`

out = sys.argv[1]
seen = {"guard_events_before_paint": None, "refused": None, "enum_types": None, "svg_library": None}


def svg_library_loaded(library="Qt6Svg"):
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return library in maps.read()
    except OSError:
        return None  # not Linux: nothing to read


def watch_placement(window_placement):
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

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
        seen["svg_library"] = svg_library_loaded()  # 300 ms after the first frame, the evening on screen
        seen["network_library"] = svg_library_loaded("Qt6Network")  # the beacon listens by now
        seen["event_loop_modules"] = sorted(m for m in ("asyncio", "qasync") if m in sys.modules)
        beacons = [b for b in QApplication.instance().findChildren(QObject) if type(b).__name__ == "WindowBeacon"]
        seen["beacon"] = [b.listening for b in beacons]
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
                seen["enum_types"] = sorted(
                    kind.__qualname__
                    for kind in gc.get_objects()
                    if isinstance(kind, enum.EnumType) and getattr(kind, "__module__", "").startswith("PySide6")
                )
                QTimer.singleShot(300, lambda: after_the_first_frame(self.window))
            return False

    def watch(window):
        window.installEventFilter(FirstPaint(window))
        fit(window)

    window_placement.fit_to_screen = watch  # app.py takes it from there

"""


def test_the_key_guard_sees_no_event_before_the_first_frame_and_guards_right_after(tmp_path: Path) -> None:
    seen = start_watched(CHILD, tmp_path)
    assert seen["guard_events_before_paint"] == 0, "the key guard filtered events before the first frame"
    assert seen["refused"] == ["next"], "after the first frame a burst of two N must call one speaker, not two"


NEVER_ON_THE_FIRST_FRAME = (
    "QWizard",
    "QMdiSubWindow",
    "QMdiArea",
    "QGraphicsView",
    "QCalendarWidget",
    "QLCDNumber",
    "QAbstractAnimation",
    "QGraphicsItem",
    "QMovie",
    "QSystemTrayIcon",
    "QFileSystemModel",
    "QProcess",  # the chime's player and the restart after a language change
)
"""Classes no part of the console's first frame is made of: their enum types come only from PySide6 resolving a
class family for a pointer it meets the first time."""


def test_the_first_frame_makes_no_enum_types_of_classes_the_console_does_not_use(tmp_path: Path) -> None:
    seen = start_watched(CHILD, tmp_path)
    enum_types = seen["enum_types"]
    assert isinstance(enum_types, list) and "Qt.AlignmentFlag" in enum_types  # the probe saw PySide6's enums
    made = sorted(name for name in enum_types if name.split(".")[0] in NEVER_ON_THE_FIRST_FRAME)
    assert made == [], f"enum types made before the first frame for classes the console does not use: {made}"


def test_the_evening_on_screen_has_not_loaded_qts_svg_library(tmp_path: Path) -> None:
    seen = start_watched(CHILD, tmp_path)
    if seen["svg_library"] is None:
        pytest.skip("no /proc/self/maps to read on this system")
    assert seen["svg_library"] is False, "Qt's SVG library is loaded (the window icon from the SVG?)"


def test_bring_that_window_up_listens_without_qts_network_library(tmp_path: Path) -> None:
    """The "bring that window up" socket is a plain Unix socket on Linux and macOS: QtNetwork's library, loaded for
    it alone, was 3 MiB of the console's peak memory (issue 29)."""
    seen = start_watched(CHILD, tmp_path)
    if seen["network_library"] is None:
        pytest.skip("no /proc/self/maps to read on this system")
    assert seen["beacon"] == [True], "the console does not listen for a second copy"
    assert seen["network_library"] is False, "Qt's network library is loaded 300 ms after the first frame"


def test_the_evening_runs_on_qts_loop_without_asyncio(tmp_path: Path) -> None:
    """Nothing on the UI thread needs an asyncio loop (the room and the desk run theirs on their own threads, PDFs
    go to the worker through a thread): asyncio and qasync, loaded right after the first frame for the qasync loop,
    were 2.1 MiB of the console's peak memory (issue 29). The room and the desk load asyncio when switched on."""
    seen = start_watched(CHILD, tmp_path)
    assert seen["event_loop_modules"] == [], "asyncio or qasync is loaded 300 ms after the first frame"
