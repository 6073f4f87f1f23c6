"""Issue 23, point 9: every failure leaves a trail the organisers can send back.

A slot that raises (the real N key, with the controller's step broken on purpose), a thread that raises, a
fatal signal: each ends up in the data folder's logs, the console says so in one calm line and goes on, and
Help → Save a problem report… zips the log and the versions, read back here, with no name of a person in it.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop import trail as trail_module
from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.trail import SmallRotatingLog, Trail, start_trail, stop_trail
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
from fishbowl_desktop.ui.shell.problem_report import ProblemNotices, save_and_say
from helpers.console import no_pdf, open_console


@pytest.fixture
def trail(tmp_path: Path) -> Iterator[Trail]:
    installed = start_trail(tmp_path / "home")
    assert installed is not None
    yield installed
    stop_trail()


@pytest.fixture
def window(demo: Session, qtbot: QtBot, trail: Trail) -> ConsoleWindow:
    ctl = SessionController(demo)
    window = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    ProblemNotices(window).attach(trail)
    return window


def _names(session: Session) -> list[str]:
    return [p.name for p in session.participants]


@pytest.mark.qt_no_exception_capture
def test_a_crashed_slot_is_logged_said_calmly_and_reported(
    window: ConsoleWindow, trail: Trail, demo: Session, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Session, seat_index: int | None = None) -> None:
        raise RuntimeError("the next step broke")

    monkeypatch.setattr(Session, "next_free_chair", broken)  # a defect in the model, reached by a real key
    window.circle.setFocus()
    clock.advance(TYPING_PAUSE + 0.1)
    qtbot.keyClick(window.circle, Qt.Key.Key_N)  # the real key: shortcut → command → the broken slot
    qtbot.waitUntil(lambda: "went wrong" in window.message_bar.text())
    notice = window.message_bar.text()
    assert "RuntimeError" in notice and "the evening goes on" in notice and "problem report" in notice
    assert window.isVisible()
    monkeypatch.undo()
    clock.advance(TYPING_PAUSE + 0.1)
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04", "and the evening goes on: the next N works"

    log_text = trail.log_file.read_text(encoding="utf-8")
    assert "command next" in log_text
    assert "uncaught RuntimeError on the UI thread" in log_text and "the next step broke" in log_text
    assert "Traceback (most recent call last)" in log_text

    said: list[tuple[str, str]] = []
    target = save_and_say(lambda text, level: said.append((text, level)), trail.folder.parent / "report")
    assert target is not None and target.suffix == ".zip" and said[-1][1] == "info"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert {"versions.txt", "fishbowl.log", "crash.log"} <= set(names)
        versions = archive.read("versions.txt").decode()
        logged = archive.read("fishbowl.log").decode()
        everything = "\n".join(archive.read(n).decode() for n in names)
    assert "Fishbowl Desktop:" in versions and "PySide6:" in versions and "Qt:" in versions
    assert "RuntimeError: the next step broke" in logged
    assert str(Path.home()) not in everything or str(Path.home()) in ("/", "")
    for name in _names(demo):
        assert name not in everything, f"a name in the report: {name}"


@pytest.mark.qt_no_exception_capture
def test_a_thread_that_raises_is_logged_and_said_on_the_ui_thread(
    window: ConsoleWindow, trail: Trail, qtbot: QtBot
) -> None:
    def work() -> None:
        raise ValueError("a worker failed")

    worker = threading.Thread(target=work, name="pdf-check")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "ValueError" in window.message_bar.text())
    assert "thread pdf-check" in window.message_bar.text()
    assert "a worker failed" in trail.log_file.read_text(encoding="utf-8")


def test_the_log_holds_ids_and_commands_never_names(
    window: ConsoleWindow, trail: Trail, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    window.circle.setFocus()
    for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_B, Qt.Key.Key_B, Qt.Key.Key_N):
        clock.advance(TYPING_PAUSE + 0.1)
        qtbot.keyClick(window.circle, key)
    assert trail.handler is not None
    trail.handler.flush()
    text = trail.log_file.read_text(encoding="utf-8")
    assert text.count("command next") == 2 and "command toggle_timer" in text and "command blank" in text
    for name in _names(demo):
        assert name not in text


def test_the_log_rotates_and_stays_small(tmp_path: Path) -> None:
    handler = SmallRotatingLog(tmp_path / "fishbowl.log", max_bytes=2_000, backups=2)
    logger = logging.getLogger("fishbowl.test-rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(500):
            logger.warning("line %d of a long evening", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["fishbowl.log", "fishbowl.log.1", "fishbowl.log.2"]
    assert all((tmp_path / f).stat().st_size < 2_200 for f in files)
    assert "line 499" in (tmp_path / "fishbowl.log").read_text()


SEGFAULT = """
import ctypes, sys
from pathlib import Path
from fishbowl_desktop.trail import start_trail
start_trail(Path(sys.argv[1]))
ctypes.string_at(0)  # a fatal signal where no Python code runs any more
"""


@pytest.mark.skipif(sys.platform == "win32", reason="a segfault on purpose: POSIX")
def test_a_fatal_signal_leaves_every_threads_stack_in_crash_log(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SEGFAULT, str(tmp_path)], capture_output=True, timeout=60)
    assert done.returncode != 0
    crash = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash and "line 6" in crash


def test_a_data_folder_that_cannot_hold_logs_leaves_the_trail_off(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("a file where the data folder should be")
    assert start_trail(blocker) is None
    assert trail_module.current_trail() is None
    assert sys.excepthook is sys.__excepthook__ or sys.excepthook.__module__ != "fishbowl_desktop.trail"
    json.dumps({})  # nothing else to undo
    os.stat(tmp_path)
