"""Issue 21, points 10 and 11: the notice of a recovered turn says what its numbers are (time spoken, time left on
the clock, which the console shows) and goes with that turn: after Next it asked for Space for the wrong speaker."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, save_session
from fishbowl_desktop.storage.turn_record import record_path, turn_record, write_turn_record
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE


@pytest.fixture
def console(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> Console:
    evening = demo_session(clock)
    evening.start_turn("aud-01")  # the free chair: 2:00
    clock.advance(85)
    path = tmp_path / "Abend.fishbowl.json"
    save_session(evening, path)
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, file=path, clock=clock, settings=AppSettings())
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.resize(1366, 768)
    console.window.show()
    qtbot.waitExposed(console.window)
    console.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window)
    console.window.circle.setFocus()
    return console


def _press(qtbot: QtBot, key: Qt.Key, clock: FakeClock) -> None:
    clock.advance(TYPING_PAUSE + 0.1)  # a deliberate press, not a burst of typing (ui/shell/key_guard.py)
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)


def test_the_notice_names_the_spoken_time_and_the_time_left_as_the_clock_shows_it(console: Console) -> None:
    text = console.window.message_bar.text()
    assert "paused after 1:25 of speaking, 0:35 left on the clock" in text, text
    assert console.window.timer_panel.time.text() == "0:35"


def test_next_takes_the_notice_away_with_the_turn(console: Console, clock: FakeClock, qtbot: QtBot) -> None:
    bar = console.window.message_bar
    assert "Press Space" in bar.text()
    clock.advance(2)
    _press(qtbot, Qt.Key.Key_B, clock)  # the screen blanked: the same turn, still paused, the notice stays
    assert "Press Space" in bar.text()
    _press(qtbot, Qt.Key.Key_B, clock)
    _press(qtbot, Qt.Key.Key_N, clock)
    session = console.controller.session
    assert session.turn is not None and session.turn.participant_id != "aud-01"
    assert bar.text() == ""


def test_space_lets_them_go_on_and_the_notice_has_done_its_job(
    console: Console, clock: FakeClock, qtbot: QtBot
) -> None:
    _press(qtbot, Qt.Key.Key_Space, clock)
    session = console.controller.session
    assert session.turn is not None and session.turn.timer.is_running
    assert console.window.message_bar.text() == ""


def test_saved_at_is_when_the_restored_time_was_saved_the_turn_record_when_it_is_newer(
    tmp_path: Path, clock: FakeClock, qtbot: QtBot
) -> None:
    """The running turn's record (written once a second beside the file) gave the clock its time: the notice's
    "saved at" is the record's time, not the older session file's."""
    evening = demo_session(clock)
    evening.start_turn("aud-01")  # the free chair: 2:00
    clock.advance(8)
    path = tmp_path / "Abend.fishbowl.json"
    save_session(evening, path)
    clock.advance(99)  # the whole file is rewritten only every 30 s; the record every second
    record = turn_record(evening)
    assert record is not None
    write_turn_record(path, record)
    file_time = datetime(2026, 12, 6, 16, 54, 0).timestamp()
    record_time = datetime(2026, 12, 6, 16, 54, 19).timestamp()
    os.utime(path, (file_time, file_time))
    os.utime(record_path(path), (record_time, record_time))
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, file=path, clock=clock, settings=AppSettings())
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    text = console.window.message_bar.text()
    assert "paused after 1:47 of speaking, 0:13 left on the clock (saved at 16:54:19)" in text, text
    console.window.show()
    qtbot.waitExposed(console.window)
    console.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window)
    console.window.circle.setFocus()
    _press(qtbot, Qt.Key.Key_Space, clock)  # the notice is still tied to its turn: it goes when they go on
    assert console.window.message_bar.text() == ""
