"""The message strip (ui/shell/message_bar.py): a problem that lasts (the evening or the phones are not saved)
stays said until its owner takes it back or the moderator closes it; news shown meanwhile is read first, then the
problem is back. A one-off message, once replaced, does not come back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.ui.shell import message_bar
from fishbowl_desktop.ui.shell.message_bar import MessageBar

WAIT_MS = 10_000
NOT_SAVED = "Not saved: the disk is full. Everything is kept in memory."


@pytest.fixture
def bar(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MessageBar:
    monkeypatch.setitem(message_bar.HIDE_AFTER_MS, "info", 100)
    monkeypatch.setitem(message_bar.HIDE_AFTER_MS, "warning", 100)
    strip = MessageBar()
    qtbot.addWidget(strip)
    strip.resize(900, 60)
    strip.show()
    return strip


def close(bar: MessageBar, qtbot: QtBot) -> None:
    (button,) = [b for b in bar.findChildren(type(bar.action)) if b.text() == "✕"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_news_is_read_first_then_the_lasting_problem_is_back(bar: MessageBar, qtbot: QtBot) -> None:
    retried: list[bool] = []
    bar.show_message(NOT_SAVED, "error", "Try again now", lambda: retried.append(True), lasting=True)
    bar.show_message("Saved the handout.", "info")
    assert bar.text() == "Saved the handout."
    qtbot.waitUntil(lambda: bar.text() == NOT_SAVED, timeout=WAIT_MS)
    assert bar.level == "error" and bar.action.isVisible()
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert retried == [True] and bar.text() == NOT_SAVED  # tried, still not solved: still said


def test_closing_the_news_brings_the_problem_back(bar: MessageBar, qtbot: QtBot) -> None:
    bar.show_message(NOT_SAVED, "error", lasting=True)
    bar.show_message("A new screen is connected.", "info")
    close(bar, qtbot)
    assert bar.text() == NOT_SAVED


def test_the_moderator_closes_the_problem_and_it_stays_closed(bar: MessageBar, qtbot: QtBot) -> None:
    bar.show_message(NOT_SAVED, "error", lasting=True)
    close(bar, qtbot)
    assert bar.text() == ""
    bar.show_message("Saved the handout.", "info")
    qtbot.waitUntil(lambda: bar.isHidden(), timeout=WAIT_MS)
    assert bar.text() == ""


def test_its_owner_takes_it_back_while_news_shows(bar: MessageBar, qtbot: QtBot) -> None:
    bar.show_message(NOT_SAVED, "error", lasting=True)
    bar.show_message("Saved the handout.", "info")
    bar.withdraw(NOT_SAVED)
    assert bar.text() == "Saved the handout."  # the news stays
    qtbot.waitUntil(lambda: bar.isHidden(), timeout=WAIT_MS)
    assert bar.text() == ""


def test_said_again_it_does_not_push_the_news_away(bar: MessageBar, qtbot: QtBot) -> None:
    """The autosave says its problem again at every retry (5 s): an offer on the strip must stay to be clicked."""
    bar.show_message(NOT_SAVED, "error", lasting=True)
    bar.show_message("A new screen is connected. Show the projector there?", "info", "Move projector", lambda: None)
    bar.show_message(NOT_SAVED, "error", lasting=True)
    assert bar.text().startswith("A new screen") and bar.action.text() == "Move projector"
    qtbot.waitUntil(lambda: bar.text() == NOT_SAVED, timeout=WAIT_MS)


def test_a_one_off_message_once_replaced_does_not_come_back(bar: MessageBar, qtbot: QtBot) -> None:
    bar.show_message("The PDF could not be written: the folder is gone.", "error")
    bar.show_message("Saved the handout.", "info")
    qtbot.waitUntil(lambda: bar.isHidden(), timeout=WAIT_MS)
    assert bar.text() == ""


def test_withdraw_takes_down_only_the_message_named(bar: MessageBar) -> None:
    bar.show_message("Saved the handout.", "info")
    bar.withdraw("something else")
    assert bar.text() == "Saved the handout."
    bar.withdraw("Saved the handout.")
    assert bar.text() == ""
