"""One table of commands (fishbowl_desktop.commands): a command added there is a key, a menu entry, a line in
Help and a word the phones' control link may send, without a line anywhere else; a command taken out (or one the
link may not call) is refused by all of them alike. Real key presses on the real console, a real websocket."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop import commands
from fishbowl_desktop.commands import Command, registered
from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Session
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.room.validate import control_actions
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.help_dialog import ShortcutsDialog
from helpers.console import open_console
from room.test_room_console import _session, start

HUSH = Command(
    "hush",
    "Ask the hall for quiet",
    "projector",
    ("Ctrl+Shift+H",),
    lambda c, _v: c.show_message("Bitte Ruhe"),
    menu="speaker",
    link="hush",
    api=True,
)


@pytest.fixture
def hush() -> Iterator[Command]:
    with registered(HUSH) as command:
        yield command


def _speaker_menu(window: ConsoleWindow) -> QMenu:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() is not None and "Speaker" in a.text())
    assert isinstance(menu, QMenu)
    return menu


def _help_lines(window: ConsoleWindow) -> list[str]:
    dialog = ShortcutsDialog(window)
    table = dialog.findChild(QTableWidget)
    assert table is not None
    items = [table.item(r, 1) for r in range(table.rowCount())]
    lines = [item.text() for item in items if item is not None]
    dialog.deleteLater()
    return lines


def _room(window: ConsoleWindow, folder: Path) -> Room:
    return Room(window.controller, window.ticker, lambda: window.settings, folder, window)


def test_a_command_added_to_the_table_is_a_key_a_menu_entry_a_help_line_and_a_phone_word(
    hush: Command, demo: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    ctl = SessionController(demo)
    window = open_console(ctl, qtbot)
    assert "hush" in window.commands
    assert window.commands["hush"] in _speaker_menu(window).actions()
    assert "Ask the hall for quiet" in _help_lines(window)
    assert "hush" in control_actions() and hush in commands.api_commands()

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert demo.stage.message == "Bitte Ruhe", "the key runs the table's intent"

    ctl.show_message("")
    room = _room(window, tmp_path)
    try:
        start(room)
        asyncio.run(_session(room, "control", [{"t": "do", "a": "hush"}], pin=True))
        qtbot.waitUntil(lambda: demo.stage.message == "Bitte Ruhe", timeout=5000)
    finally:
        room.stop()


def test_a_command_out_of_the_table_is_refused_everywhere(demo: Session, qtbot: QtBot, tmp_path: Path) -> None:
    with registered(HUSH):
        pass  # in and out again: nothing of it may stay behind
    ctl = SessionController(demo)
    window = open_console(ctl, qtbot)
    assert "hush" not in window.commands
    assert all("quiet" not in a.text() for a in _speaker_menu(window).actions())
    assert "Ask the hall for quiet" not in _help_lines(window)
    assert "hush" not in control_actions()

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert demo.stage.message == ""
    assert ctl.next_free_chair()
    speaker, logged = demo.turn.participant_id if demo.turn else None, len(demo.log)
    room = _room(window, tmp_path)
    try:
        start(room)
        # end_turn is in the table but not for the control link: refused like an unknown word (a refused word
        # ends that phone's connection, so each gets one of its own)
        asyncio.run(_session(room, "control", [{"t": "do", "a": "end_turn"}], pin=True))
        asyncio.run(_session(room, "control", [{"t": "do", "a": "hush"}], pin=True))
        asyncio.run(_session(room, "control", [{"t": "do", "a": "message", "text": "danach"}], pin=True))
        qtbot.waitUntil(lambda: demo.stage.message == "danach", timeout=5000)  # the link itself still works
    finally:
        room.stop()
    assert demo.turn is not None and demo.turn.participant_id == speaker, "end_turn from a phone was refused"
    assert len(demo.log) == logged
    assert all(c.name != "hush" for c in commands.all_commands())


def test_the_control_link_words_and_the_seconds_are_the_tables() -> None:
    assert control_actions() == ("toggle", "add", "take", "next", "close", "open", "blank", "message")
    assert commands.command("end_turn").link == "", "ending a turn stays at the desk"
    assert commands.ADJUST_SECONDS == 30
    with pytest.raises(ValueError), registered(Command("next", "again", "queue")):
        pass
