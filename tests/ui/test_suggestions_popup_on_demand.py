"""The queue's name suggestions make their popup when they first suggest, not while the console is built
(issue 29, the first frame's work): the filter that lets a click beside the open popup land asked for the popup
at every event of the field, and Qt makes one (a list view, its delegate and selection) when there is none."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from helpers.console import open_console


def _popups(completer: QObject) -> list[QAbstractItemView]:
    """The popups `completer` made: windows of their own, showing its completions."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QAbstractItemView) and w.model() is not None and w.model().parent() is completer
    ]


def test_the_console_shows_without_a_suggestion_popup_and_makes_it_when_a_name_is_typed(
    ctl: SessionController, qtbot: QtBot
) -> None:
    window = open_console(ctl, qtbot)
    entry = window.queue_panel.entry
    completer = entry.completer()
    assert completer is not None
    assert _popups(completer) == [], "a suggestion popup was made while the console was built and shown"
    entry.setFocus()
    qtbot.keyClicks(entry, "Jon")  # Dr. Jonas Brückner is on the list
    qtbot.waitUntil(lambda: any(popup.isVisible() for popup in _popups(completer)))
