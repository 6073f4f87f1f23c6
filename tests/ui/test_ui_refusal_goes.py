"""Issue 21 (left after point 3): the message bar's "… is already waiting" outlived the next name. It goes
when the moderator types the next name, or enters it; real keys into the real console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console


def refuse_ahmad(window: ConsoleWindow, qtbot: QtBot) -> str:
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.queue_panel.entry, "Ahmad Al-Sayed")
    qtbot.keyClick(window.queue_panel.entry, Qt.Key.Key_Return)
    text = window.message_bar.text()
    assert "Ahmad Al-Sayed" in text and window.statusBar().currentMessage() == text
    return text


def test_the_refusal_goes_when_the_next_name_is_typed(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    refuse_ahmad(window, qtbot)
    entry = window.queue_panel.entry
    assert entry.hasFocus() and entry.selectedText() == "Ahmad Al-Sayed"
    qtbot.keyClicks(entry, "F")  # the next name replaces the refused one...
    assert entry.text() == "F"
    assert window.message_bar.text() == "", "the refusal of the last name is still up"  # ...and its refusal goes
    assert "Ahmad" not in window.statusBar().currentMessage()


def test_the_refusal_goes_when_the_next_name_is_entered(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    refuse_ahmad(window, qtbot)
    entry = window.queue_panel.entry
    entry.setText("Frieda Neumann")  # pasted: no key typed, only Enter
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert any(p.name == "Frieda Neumann" for p in ctl.session.next_in_queue(len(ctl.session.queue)))
    assert window.message_bar.text() == ""
    assert "Frieda Neumann" in window.statusBar().currentMessage()


def test_a_name_refused_again_says_so_again(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    text = refuse_ahmad(window, qtbot)
    qtbot.keyClick(window.queue_panel.entry, Qt.Key.Key_Return)  # the same name once more
    assert window.message_bar.text() == text


def test_another_message_is_left_alone(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    refuse_ahmad(window, qtbot)
    window.show_notice("The room is on again, as before: the printed links keep working.")
    qtbot.keyClicks(window.queue_panel.entry, "F")
    assert window.message_bar.text().startswith("The room is on again")
