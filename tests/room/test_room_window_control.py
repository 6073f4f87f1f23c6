"""Issue 22, point 8: the room window opens on the audience link; the control link and the PIN appear only on
the moderator's click, and never on a screen the projector uses (a laptop mirrored to the beamer)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.ports import free_port


@pytest.fixture
def menu(window: ConsoleWindow, tmp_path: Path) -> Iterator[RoomMenu]:
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    room.set_port(free_port())
    room_start = room.start
    room.start = lambda host="0.0.0.0": room_start("127.0.0.1")  # type: ignore[method-assign]  # loopback only
    m = RoomMenu(window, room)
    yield m
    room.stop()


def shown_texts(top: QWidget) -> list[str]:
    """Every text a person in front of this window (or the hall, on a mirrored beamer) can read now."""
    return [label.text() for label in top.findChildren(QLabel) if label.isVisible() and label.text()]


def secret_shown(top: QWidget, room: Room) -> bool:
    texts = " ".join(shown_texts(top))
    return room.links.pin in texts or room.links.control in texts


def test_switching_the_room_on_opens_the_window_on_the_audience_link_without_the_pin(
    menu: RoomMenu, qtbot: QtBot
) -> None:
    menu.switch_action.trigger()
    room = menu.room
    assert room.running
    rw = menu.show_window()
    qtbot.waitExposed(rw)
    assert not secret_shown(rw, room), "the hall may be looking at this screen"
    assert any(room.links.audience in t for t in shown_texts(rw))
    assert rw.qr_labels["audience"].isVisible() and not rw.qr_labels["control"].isVisible()
    assert rw.qr_labels["audience"].pixmap().width() > rw.qr_labels["timer"].pixmap().width(), "audience first"

    qtbot.mouseClick(rw.control.reveal, Qt.MouseButton.LeftButton)
    assert secret_shown(rw, room) and rw.pin.text() == room.links.pin
    assert rw.qr_labels["control"].isVisible()
    qtbot.mouseClick(rw.control.reveal, Qt.MouseButton.LeftButton)
    assert not secret_shown(rw, room)

    qtbot.mouseClick(rw.control.reveal, Qt.MouseButton.LeftButton)
    rw.close()
    rw = menu.show_window()
    qtbot.waitExposed(rw)
    assert not secret_shown(rw, room), "hidden again whenever the window opens"
    rw.close()


def test_never_on_a_screen_the_projector_uses(menu: RoomMenu, window: ConsoleWindow, qtbot: QtBot) -> None:
    menu.switch_action.trigger()
    room = menu.room
    rw = menu.show_window()
    qtbot.waitExposed(rw)
    qtbot.mouseClick(rw.control.reveal, Qt.MouseButton.LeftButton)
    assert secret_shown(rw, room)

    window.projector.show_projector()  # one screen: the projector is a window on the laptop's (mirrored) screen
    qtbot.waitUntil(lambda: window.projector.is_visible(), timeout=3000)
    qtbot.waitUntil(lambda: not secret_shown(rw, room), timeout=3000)
    assert not rw.control.reveal.isEnabled()
    assert "projector" in rw.control.why.text().lower()
    qtbot.mouseClick(rw.control.reveal, Qt.MouseButton.LeftButton)
    assert not secret_shown(rw, room)

    window.projector.hide_projector()
    qtbot.waitUntil(lambda: rw.control.reveal.isEnabled(), timeout=3000)
    assert not secret_shown(rw, room), "coming back is not a click: still hidden"
    qtbot.mouseClick(rw.control.reveal, Qt.MouseButton.LeftButton)
    assert secret_shown(rw, room)
    rw.close()


def desk_token_shown(top: QWidget, room: Room) -> bool:
    return room.links.api in " ".join(shown_texts(top))


def test_the_desks_token_follows_the_same_guard(menu: RoomMenu, window: ConsoleWindow, qtbot: QtBot) -> None:
    """Issue 22's leftover: the desk's bearer token runs the timer as the control link does, so it shows only on
    a click, is hidden again whenever the window opens, and never on a screen the projector uses."""
    menu.switch_action.trigger()
    room = menu.room
    rw = menu.show_window()
    qtbot.waitExposed(rw)
    desk = rw.desk
    assert not desk_token_shown(rw, room)
    qtbot.mouseClick(desk.show_token, Qt.MouseButton.LeftButton)
    assert desk_token_shown(rw, room)

    window.projector.show_projector()  # one screen: the hall sees this one
    qtbot.waitUntil(lambda: window.projector.is_visible(), timeout=3000)
    qtbot.waitUntil(lambda: not desk_token_shown(rw, room), timeout=3000)
    assert not desk.show_token.isEnabled() and "projector" in desk.why.text().lower() and desk.why.isVisible()
    qtbot.mouseClick(desk.show_token, Qt.MouseButton.LeftButton)
    assert not desk_token_shown(rw, room)
    old = room.links.api
    qtbot.mouseClick(desk.renew, Qt.MouseButton.LeftButton)  # a new token is made, but not shown to the hall
    assert room.links.api != old and not desk_token_shown(rw, room)

    window.projector.hide_projector()
    qtbot.waitUntil(lambda: desk.show_token.isEnabled(), timeout=3000)
    assert not desk_token_shown(rw, room), "coming back is not a click: still hidden"
    qtbot.mouseClick(desk.show_token, Qt.MouseButton.LeftButton)
    assert desk_token_shown(rw, room)
    rw.close()
    rw = menu.show_window()
    qtbot.waitExposed(rw)
    assert not desk_token_shown(rw, room), "hidden again whenever the window opens"
    rw.close()
