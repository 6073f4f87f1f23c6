"""Escape on an open drop-down (issue 29, found by hand on X11): the key guard filtered the drop-down's list
while Qt closed it, and PySide6 raised "Internal C++ object (QListView) already deleted" from the guard, so the
message bar told the moderator "Something inside Fishbowl Desktop went wrong" for a plain Escape. The test opens
the console's drop-downs with a real click and closes them with a real Escape, then Space must still be the
evening's key."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
from helpers.console import no_pdf, open_console
from helpers.hands import click, key_target


@pytest.mark.parametrize("which", ["ordering", "topic"])
def test_escape_on_an_open_drop_down_closes_it_quietly_and_space_stays_the_evenings(
    ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot, which: str
) -> None:
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    ctl.start_turn("pan-1")
    combo: QComboBox = window.queue_panel.ordering if which == "ordering" else window.stage_panel.topic
    for _ in range(3):  # the first time and again: each close must be quiet
        click(combo)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        qtbot.wait(QApplication.doubleClickInterval() + 50)
        clock.advance(TYPING_PAUSE + 0.7)
        popup = QApplication.activePopupWidget()
        assert popup is not None and popup.windowHandle() is not None
        QTest.keyClick(popup.windowHandle(), Qt.Key.Key_Escape)  # to the popup's window, as X11 delivers it
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        qtbot.wait(50)  # the guard's deferred look after the popup closed
    running = demo.turn is not None and demo.turn.timer.is_running
    clock.advance(TYPING_PAUSE + 0.7)
    qtbot.keyClick(key_target(), Qt.Key.Key_Space)
    assert QApplication.activePopupWidget() is None
    assert demo.turn is not None and demo.turn.timer.is_running is not running  # Space paused the speaker


def _xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def test_escape_from_the_x_server_on_an_open_drop_down_is_quiet(
    ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    if QGuiApplication.platformName() != "xcb" or shutil.which("xdotool") is None:
        pytest.skip("needs Qt on X11 (QT_QPA_PLATFORM=xcb with a DISPLAY) and xdotool: the keys come from the X server")
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    combo = window.queue_panel.ordering
    at = combo.mapToGlobal(combo.rect().center())
    _xdotool("mousemove", str(at.x()), str(at.y()), "click", "1")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
    qtbot.wait(300)
    ctl.start_turn("pan-1")
    _xdotool("key", "space")  # in the open list: the list's key, not Start/Pause
    qtbot.wait(200)
    assert demo.turn is not None and demo.turn.timer.is_running
    if QApplication.activePopupWidget() is not None:
        _xdotool("key", "Escape")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5000)
    qtbot.wait(100)
