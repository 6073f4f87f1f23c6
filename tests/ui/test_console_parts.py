"""The console window is composed, not mixed: its file menu, preferences, menus and save status are objects
it owns, and restarting the program is the app's job (the window only asks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.startup.window import restart_command
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.ui.shell.console_menus import ConsoleMenus
from fishbowl_desktop.ui.shell.console_preferences import ConsolePreferences
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.file_menu import SessionFileMenu
from fishbowl_desktop.ui.shell.save_status import SaveStatus


@pytest.fixture
def console(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> Console:
    workspace = Workspace(tmp_path / "home")
    c = build_console(plan_start(workspace, demo=True, clock=clock), workspace, AppSettings())
    qtbot.addWidget(c.window)
    c.window.show()
    qtbot.waitExposed(c.window)
    return c


def test_the_window_owns_its_parts_instead_of_inheriting_them(console: Console) -> None:
    w = console.window
    assert ConsoleWindow.__bases__ == (QMainWindow,)
    for part, kind in (
        (w.file_menu, SessionFileMenu),
        (w.preferences, ConsolePreferences),
        (w.menus, ConsoleMenus),
        (w.save_status, SaveStatus),
    ):
        assert isinstance(part, kind) and part.parent() is w
    assert w.save_label is w.save_status.label
    assert w.file_menu.files is console.files and w.preferences.files is console.files


def test_restart_now_is_done_by_the_app_on_the_same_session(
    console: Console,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[tuple[str, list[str]]] = []

    class FakeProcess:
        @staticmethod
        def startDetached(program: str, args: list[str]) -> bool:
            started.append((program, args))
            return True

    from PySide6 import QtCore

    monkeypatch.setattr(QtCore, "QProcess", FakeProcess)  # startup/window.py imports it when it restarts
    w = console.window
    w.menus.language_actions["de"].trigger()
    assert w.message_bar.action.isVisible() and "Restart" in w.message_bar.action.text()
    with qtbot.waitSignal(w.closed):
        w.message_bar.action.click()
    assert started == [restart_command(console.autosaver.path)]
    assert not w.isVisible() and not console.autosaver.dirty  # closed normally: the session was saved first
