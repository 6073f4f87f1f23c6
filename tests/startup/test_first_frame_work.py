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

from helpers.first_paint import AT_FIRST_PAINT, start_watched

pytestmark = pytest.mark.slow  # a real start in a child process

CHILD = """
import enum, gc, importlib.abc, importlib.util, json, sys
from fishbowl_desktop.__main__ import main  # the entry point's own modules: no Qt yet, as for `fishbowl-desktop`

out = sys.argv[1]
seen = {"guard_events_before_paint": None, "refused": None, "enum_types": None, "svg_library": None,
        "buttons_taking_focus_on_click": None}


def svg_library_loaded(library="Qt6Svg"):
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return library in maps.read()
    except OSError:
        return None  # not Linux: nothing to read


def watch_placement(window_placement):
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

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
        seen["buttons_taking_focus_on_click"] = sum(  # a click must leave the keyboard where it was
            1
            for button in window.centralWidget().findChildren(QAbstractButton)
            if button.focusPolicy() == Qt.FocusPolicy.StrongFocus
        )
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


def test_buttons_leave_the_keyboard_where_it_was_from_the_first_frame_on(tmp_path: Path) -> None:
    seen = start_watched(CHILD, tmp_path)
    assert seen["buttons_taking_focus_on_click"] == 0


ONLY_QTS_OWN_BEFORE_THE_FIRST_FRAME = (
    "QListView",  # the queue's name suggestions' popup: made when they first suggest
    "QTabBar",  # Qt's own parts of the console's widgets, which no Python code touches before the first frame
    "QStackedLayout",
    "QAbstractSlider",
    "QTextDocument",
    "QValidator",
)
"""Classes of Qt's own parts of the first frame (or of what it does not show): their enum types come from Python
meeting one of those objects, as finding the console's buttons (`findChildren`) met every object in the window.
The buttons stop taking the keyboard on a click right after the first frame (`buttons_keep_the_keyboard`)."""


def test_python_meets_none_of_qts_own_parts_before_the_first_frame(tmp_path: Path) -> None:
    seen = start_watched(CHILD, tmp_path)
    enum_types = seen["enum_types"]
    assert isinstance(enum_types, list) and "Qt.AlignmentFlag" in enum_types
    made = sorted(name for name in enum_types if name.split(".")[0] in ONLY_QTS_OWN_BEFORE_THE_FIRST_FRAME)
    assert made == [], f"enum types made before the first frame for Qt's own parts: {made}"


ASKED_ONLY_WHEN_NEEDED = ("QMessageBox", "QFileDialog")
"""The questions and file choosers: none is on the first frame. A module that imports one of these classes at its
top makes PySide6 build the class and its enum types (~3 ms each) on the way to the window; the modules import
them where they ask (issue 29)."""


def test_the_first_frame_builds_no_message_box_or_file_dialog_class(tmp_path: Path) -> None:
    seen = start_watched(CHILD, tmp_path)
    enum_types = seen["enum_types"]
    assert isinstance(enum_types, list) and "Qt.AlignmentFlag" in enum_types  # the probe saw PySide6's enums
    made = sorted(name for name in enum_types if name.split(".")[0] in ASKED_ONLY_WHEN_NEEDED)
    assert made == [], f"dialog classes built before the first frame: {made}"


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


CHILD_CALLS = """
import collections, importlib.abc, importlib.util, json, os, sys
from fishbowl_desktop.__main__ import main  # the entry point's own modules: no Qt yet, as for `fishbowl-desktop`

out = sys.argv[1]
into_python = collections.Counter()
word_cells = []
stack = []
counting = [False]
WORD_COLUMNS = (1, 3, 4)  # role, group, consent (ParticipantTableModel; not imported: the probe imports no Qt)


def from_qt(function):
    owner = getattr(function, "__self__", None)
    kind = owner if isinstance(owner, type) else type(owner)
    if owner is not None and not isinstance(owner, type(sys)):
        if any(c.__module__.startswith(("PySide6", "shiboken6", "Shiboken")) for c in kind.__mro__):
            return True
    return (getattr(function, "__module__", "") or "").startswith(("PySide6", "shiboken6"))


def profile(frame, event, arg):
    # a Python function called while a Qt function runs: a call from C++ into Python
    if event == "call":
        code = frame.f_code
        if not counting[0] and code.co_name == "build_console":
            counting[0] = True
        if counting[0] and stack and stack[-1]:
            into_python[code.co_qualname] += 1
            if code.co_qualname in ("ParticipantFilterModel.multiData", "ParticipantTableModel.data"):
                index = frame.f_locals.get("index")
                if index is not None and index.column() in WORD_COLUMNS:
                    word_cells.append(code.co_qualname)
        stack.append(False)
    elif event == "return":
        if stack:
            stack.pop()
    elif event == "c_call":
        stack.append(from_qt(arg))
    elif event in ("c_return", "c_exception"):
        if stack:
            stack.pop()


def watch_placement(window_placement):
    from PySide6.QtCore import QEvent, QObject

    fit = window_placement.fit_to_screen

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                sys.setprofile(None)
                with open(out, "w", encoding="utf-8") as f:
                    json.dump({"into_python": into_python, "word_cells": len(word_cells)}, f)
                os._exit(0)
            return False

    def watch(window):
        window.installEventFilter(FirstPaint(window))
        fit(window)

    window_placement.fit_to_screen = watch  # app.py takes it from there
    sys.setprofile(profile)

"""

CALLS_INTO_PYTHON_BEFORE_THE_FIRST_FRAME = 2400
"""From building the console to its first paint, with the sample evening: 2,165 now; 6,188 before issue 29's
widget work (the participant table's fitted columns read their cells at each of eight layout passes, ~4,600
calls; Qt's `QAbstractTableModel.index` asked `rowCount` and `columnCount` for each index the proxy mapped)."""


def test_building_and_showing_the_console_calls_into_python_only_so_often(tmp_path: Path) -> None:
    """Every call from Qt into Python (a model's data, an event filter, a size hint in Python) costs a few
    microseconds of conversions before it does anything; the first frame's layout passes made thousands."""
    seen = start_watched(CHILD_CALLS, tmp_path)
    calls = seen["into_python"]
    assert isinstance(calls, dict)
    assert seen["word_cells"] == 0, "the participant table's role, group or consent cells were read before the frame"
    total = sum(calls.values())
    top = sorted(calls.items(), key=lambda kv: -kv[1])[:8]
    assert total <= CALLS_INTO_PYTHON_BEFORE_THE_FIRST_FRAME, f"{total} calls from Qt into Python, most: {top}"


COLLECTIONS_CHILD = (
    """
import gc, importlib.abc, importlib.util, json, sys

before = sum(generation["collections"] for generation in gc.get_stats())
from fishbowl_desktop.__main__ import main  # what `fishbowl-desktop` runs, from its first import on


def at_first_paint():
    return {"collections": sum(generation["collections"] for generation in gc.get_stats()) - before}
"""
    + AT_FIRST_PAINT
)


def test_python_collects_nothing_from_the_entry_point_to_the_first_frame(tmp_path: Path) -> None:
    """Everything made on the way to the first frame (modules, the model, widgets) lives all evening: the collector
    would only walk it in vain. The entry point's own import of the command line (and with it the whole model)
    ran with the collector on: ten collections before the console even started (issue 29)."""
    seen = start_watched(COLLECTIONS_CHILD, tmp_path)
    assert seen["collections"] == 0, f"{seen['collections']} garbage collections before the first frame"


PARSERS_CHILD = (
    """
import argparse, importlib.abc, importlib.util, json, sys

made = []
plain_init = argparse.ArgumentParser.__init__


def counting_init(self, *args, **kwargs):
    made.append(kwargs.get("prog") or "?")
    plain_init(self, *args, **kwargs)


argparse.ArgumentParser.__init__ = counting_init
from fishbowl_desktop.__main__ import main  # `fishbowl-desktop` without arguments, as a launcher starts it


def at_first_paint():
    return {"parsers": made, "locale": "locale" in sys.modules}
"""
    + AT_FIRST_PAINT
)


def test_a_start_without_arguments_builds_no_command_line_parser(tmp_path: Path) -> None:
    """A desktop launcher or the Start menu starts the console with no arguments: nothing to parse, so no parser
    (its help texts went through gettext's look-ups for translations, which loaded `locale`) before the first
    frame (issue 29). With arguments it parses them as before (tests/startup/test_entry_point.py)."""
    seen = start_watched(PARSERS_CHILD, tmp_path)
    assert seen["parsers"] == [], f"command-line parsers built before the first frame: {seen['parsers']}"
    assert seen["locale"] is False, "gettext's look-ups loaded `locale` before the first frame"
