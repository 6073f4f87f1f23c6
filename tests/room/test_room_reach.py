"""The room says plainly when no phone reaches it: a firewall that blocks the port, or a guest Wi-Fi that keeps
devices apart, cannot be seen from the laptop's side (its own address never passes its firewall), so the console
says so when the room has been on a while and no phone has ever connected, and takes it back when one does."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from pytestqt.qtbot import QtBot
from test_room_console import base, start

from fishbowl_desktop.room.reach import ReachWatch
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


async def _hold(room: Room, seconds: float) -> None:
    async with aiohttp.ClientSession() as c:
        ws = await c.ws_connect(f"{base(room)}/{room.links.timer}/ws?phone=phone-reach-abcdefgh", origin=base(room))
        await ws.receive_str()
        await asyncio.sleep(seconds)
        await ws.close()


@pytest.fixture
def menu(window: ConsoleWindow, tmp_path: Path) -> Iterator[RoomMenu]:
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    m = RoomMenu(window, room)
    m.reach = ReachWatch(room, after_ms=300)  # minutes in the hall, a moment here
    m.reach.unreachedChanged.connect(m._reach_changed)
    yield m
    room.stop()


def test_no_phone_in_a_while_is_said_with_what_to_check(menu: RoomMenu, qtbot: QtBot) -> None:
    start(menu.room)
    with qtbot.waitSignal(menu.reach.unreachedChanged, timeout=10_000) as said:
        pass
    assert said.args == [True]
    text = menu.window.message_bar.text()
    assert "No phone has reached the room" in text and "firewall" in text and str(menu.room.port) in text
    assert "no phone yet" in menu.indicator.text()


def test_a_phone_that_connects_takes_it_back_and_none_is_said_after(menu: RoomMenu, qtbot: QtBot) -> None:
    start(menu.room)
    with qtbot.waitSignal(menu.reach.unreachedChanged, timeout=10_000):
        pass
    phone = threading.Thread(target=lambda: asyncio.run(_hold(menu.room, 3.0)))
    with qtbot.waitSignal(menu.reach.unreachedChanged, timeout=10_000) as taken_back:
        phone.start()  # a phone on the timer page, staying, while the console's loop runs
    phone.join()
    assert taken_back.args == [False]
    assert "no phone yet" not in menu.indicator.text()
    menu.room.stop()
    start(menu.room)  # reached before on this laptop and network: no warning again after a restart of the room
    qtbot.wait(900)
    assert not menu.reach.unreached


def test_a_room_switched_off_in_time_says_nothing(menu: RoomMenu, qtbot: QtBot) -> None:
    start(menu.room)
    menu.room.stop()
    qtbot.wait(900)
    assert not menu.reach.unreached
    assert "No phone has reached" not in menu.window.message_bar.text()
