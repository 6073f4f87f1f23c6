"""The console window the room's tests hang a room on (the API, the request list, the control box)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import Session
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


@pytest.fixture
def window(demo: Session, qtbot: QtBot) -> ConsoleWindow:
    ctl = SessionController(demo)
    w = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(w)
    w.show()
    return w
