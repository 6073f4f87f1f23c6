"""Issue 22's request flood on the console's UI thread (room_stall_under_request_flood_ms): what a phone's request
costs the console, counted, not timed.

Before the evening the message strip takes no space (issue 21, point 11). A phone's request put "A phone asks for
the free chair" on it, so the first request from a stranger pushed the whole console down by the strip's height:
every panel laid out and painted again (the seats, the participant list, the projector preview), about 30 ms on a
busy laptop while the phones flood, the benchmark's whole stall. With the room on, the strip holds its place as
during the evening: the phones can speak at any moment, and nothing under the moderator's hand moves for them.
And each further batch of requests said the same sentence again, which styled the strip anew each time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from room.test_room_requests import ASKS, ask


class Counter(QObject):
    """Counts one kind of event on the widgets it watches."""

    def __init__(self, kind: QEvent.Type, *watched: QWidget):
        super().__init__()
        self.kind = kind
        self.count = 0
        for w in watched:
            w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


@pytest.fixture
def menu(room: Room, window: ConsoleWindow, qtbot: QtBot) -> Iterator[RoomMenu]:
    m = RoomMenu(window, room)
    qtbot.waitExposed(window)
    yield m


def splitter_top(window: ConsoleWindow) -> int:
    return window.splitter.mapTo(window, QPoint(0, 0)).y()


def test_a_phones_request_before_the_evening_moves_no_panel(
    room: Room, menu: RoomMenu, window: ConsoleWindow, qtbot: QtBot
) -> None:
    assert window.controller.session.turn is None and not window.message_place.evening_runs
    top = splitter_top(window)
    moved = Counter(QEvent.Type.Move, window.splitter, window.circle)
    resized = Counter(QEvent.Type.Resize, window.splitter, window.circle)
    ask(room, ["Ada"])
    qtbot.waitUntil(lambda: window.message_bar.text() == ASKS, timeout=5000)
    qtbot.wait(20)  # the layout requests the strip posted
    assert splitter_top(window) == top
    assert (moved.count, resized.count) == (0, 0), "a stranger's request laid the console out anew"


def test_the_room_switched_off_gives_the_place_back_before_the_evening(
    room: Room, menu: RoomMenu, window: ConsoleWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: splitter_top(window) >= window.message_bar.height())
    room.stop()
    qtbot.waitUntil(lambda: splitter_top(window) < window.message_bar.height())


def test_the_same_request_sentence_again_styles_the_strip_no_more(
    room: Room, menu: RoomMenu, window: ConsoleWindow, qtbot: QtBot
) -> None:
    """A flood comes in batches: each batch with a new request says the sentence again; the strip showing it
    already is not styled, polished and laid out again (it only stays longer before it fades)."""
    bar = window.message_bar
    ask(room, ["Ada"])
    qtbot.waitUntil(lambda: bar.text() == ASKS, timeout=5000)
    styled = Counter(QEvent.Type.StyleChange, bar, bar.label, bar.action)
    ask(room, ["Chen", "Dana"], first=1)
    qtbot.waitUntil(lambda: len(room.pending) == 3, timeout=5000)
    assert bar.text() == ASKS
    assert styled.count == 0
