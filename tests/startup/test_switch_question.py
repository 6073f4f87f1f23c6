"""Found by hand on X11 (issue 21, the evening once more): Ctrl+N in the middle of a turn — one finger away from
N, the Next key — replaced the evening at once: the speaker's clock gone, the beamer showing an empty
"Fishbowl". New, Open and Open recent now ask first while a speaker's time runs or the projector is on, as Quit
does (Cancel the default); otherwise they switch at once. Real keys and clicks on the real console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.storage import Workspace
from helpers.hands import click
from startup.test_first_run import start


def the_sample_evening(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> Console:
    _plan, console = start(workspace, clock, qtbot)
    window = console.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)  # "Got it"
    return console


def test_ctrl_n_during_a_turn_asks_and_cancel_keeps_the_evening(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    console = the_sample_evening(workspace, clock, qtbot)
    window, ctl = console.window, console.controller
    circle = window.circle
    seat = next(i for i, s in enumerate(ctl.session.seats) if s.occupant is not None)
    click(circle, circle.seat_rect(seat).center().toPoint(), double=True)  # the floor, and the clock runs
    qtbot.waitUntil(lambda: ctl.session.turn is not None and ctl.session.turn.timer.is_running)
    evening = ctl.session
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    box = window.quit_question.box
    assert box is not None and box.isVisible(), "Ctrl+N replaced the evening without a word"
    assert ctl.session is evening and ctl.session.turn is not None and ctl.session.turn.timer.is_running
    assert "speaking" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # a reflexive Enter: Cancel is the default
    qtbot.waitUntil(lambda: window.quit_question.box is None)
    assert ctl.session is evening and ctl.session.turn is not None

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    box = window.quit_question.box
    assert box is not None
    go = next(b for b in box.findChildren(QPushButton) if b.text() == "Open another")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctl.session is not evening)
    assert ctl.session.turn is None and len(ctl.session.participants) == 0


def test_without_a_turn_or_the_projector_new_switches_at_once(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    console = the_sample_evening(workspace, clock, qtbot)
    evening = console.controller.session
    assert evening.turn is None
    qtbot.keyClick(console.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert console.window.quit_question.box is None
    assert console.controller.session is not evening
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
