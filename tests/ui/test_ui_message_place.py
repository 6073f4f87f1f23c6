"""Issue 21, point 11: the empty ~45 px band under the menu bar. The message strip holds its place only while
the evening runs (from the first turn until the session is ended), so nothing moves mid-evening; before and
after the evening it takes no space when it has nothing to say. Driven by real keys and clicks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console
from helpers.hands import click


def splitter_top(window: ConsoleWindow) -> int:
    return window.splitter.mapTo(window, QPoint(0, 0)).y()


def clickable_places(window: ConsoleWindow) -> dict[int, QRect]:
    places = {}
    for w in window.findChildren(QAbstractButton):
        if w.isVisibleTo(window) and not window.message_bar.isAncestorOf(w):
            places[id(w)] = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
    places[id(window.circle)] = QRect(window.circle.mapTo(window, QPoint(0, 0)), window.circle.size())
    return places


def refuse_a_name(window: ConsoleWindow, qtbot: QtBot) -> None:
    """A message through the hands: a name that is already waiting, typed and entered."""
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.queue_panel.entry, "Ahmad Al-Sayed")
    qtbot.keyClick(window.queue_panel.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ahmad Al-Sayed" in window.message_bar.text())


def close_message(window: ConsoleWindow, qtbot: QtBot) -> None:
    close = next(b for b in window.message_bar.findChildren(QPushButton) if b.text() == "✕")
    if QApplication.activePopupWidget() is not None:  # the name's suggestions: a first click closes them
        click(close)
    click(close)
    qtbot.waitUntil(lambda: window.message_bar.isHidden())


def settle(qtbot: QtBot) -> None:
    qtbot.wait(20)


def test_the_band_is_there_only_while_the_evening_runs(ctl: SessionController, qtbot: QtBot) -> None:
    assert ctl.session.turn is None  # before the evening: the panel seated, nobody has the floor yet
    window = open_console(ctl, qtbot)
    bar_height = window.message_bar.height()
    settle(qtbot)
    top = splitter_top(window)
    assert top < bar_height, f"an empty band of {top} px sits under the menu bar before the evening"

    refuse_a_name(window, qtbot)  # before the evening a message takes its room...
    qtbot.waitUntil(lambda: splitter_top(window) >= bar_height)
    close_message(window, qtbot)  # ...and gives it back
    qtbot.waitUntil(lambda: splitter_top(window) == top)

    # the first turn: a double-click on a seat gives the floor, and from now on the strip holds its place
    circle = window.circle
    seat = next(i for i, s in enumerate(ctl.session.seats) if s.occupant is not None)
    click(circle, circle.seat_rect(seat).center().toPoint(), double=True)
    qtbot.waitUntil(lambda: ctl.session.turn is not None)
    qtbot.waitUntil(lambda: splitter_top(window) >= bar_height)
    settle(qtbot)
    places = clickable_places(window)
    refuse_a_name(window, qtbot)
    settle(qtbot)
    assert clickable_places(window) == places, "a message moved the console mid-evening"
    close_message(window, qtbot)
    settle(qtbot)
    assert clickable_places(window) == places, "a message going moved the console mid-evening"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # end the turn: between turns
    qtbot.waitUntil(lambda: ctl.session.turn is None)
    settle(qtbot)
    assert clickable_places(window) == places, "ending a turn gave the band up mid-evening"
    refuse_a_name(window, qtbot)
    settle(qtbot)
    assert clickable_places(window) == places

    # after the evening: the session is ended (another one opened), and the band goes with it
    close_message(window, qtbot)
    after = demo_session(FakeClock())
    after.end_turn()
    ctl.replace_session(after)
    qtbot.waitUntil(lambda: splitter_top(window) == top)


def test_a_session_recovered_mid_turn_holds_the_place_from_the_start(ctl: SessionController, qtbot: QtBot) -> None:
    seated = next(s.occupant for s in ctl.session.seats if s.occupant is not None)
    ctl.session.start_turn(seated)  # the file a crash left: a speaker on the floor
    window = open_console(ctl, qtbot)
    settle(qtbot)
    assert splitter_top(window) >= window.message_bar.height()


def test_showing_the_projector_begins_the_evening_before_the_first_turn(ctl: SessionController, qtbot: QtBot) -> None:
    """F5 is a key: the band appears then, not under the mouse right after the first double-click on a seat."""
    assert ctl.session.turn is None
    window = open_console(ctl, qtbot)
    settle(qtbot)
    assert splitter_top(window) < window.message_bar.height()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.projector.is_visible())
    qtbot.waitUntil(lambda: splitter_top(window) >= window.message_bar.height())
    places = clickable_places(window)
    circle = window.circle
    seat = next(i for i, s in enumerate(ctl.session.seats) if s.occupant is not None)
    click(circle, circle.seat_rect(seat).center().toPoint(), double=True)
    qtbot.waitUntil(lambda: ctl.session.turn is not None)
    settle(qtbot)
    assert clickable_places(window) == places, "the first turn moved the console after all"
    qtbot.keyClick(window, Qt.Key.Key_F5)  # hidden again: the evening goes on, the band stays
    qtbot.waitUntil(lambda: not window.projector.is_visible())
    settle(qtbot)
    assert clickable_places(window) == places
    window.projector.hide_projector()
