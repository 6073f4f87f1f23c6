"""Issue 22's leftover: a failed write of room-phones.json was not shown to the moderator. It is now said on the
message strip (where the room's other troubles are), nothing is lost (the requests stay in the list and in
memory), it is tried again by itself and on "Try again now", and the message goes when a write works. A real
server on 127.0.0.1, a real aiohttp client as the phone, the real console with its Room menu."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room import audience_requests
from fishbowl_desktop.room.phones import PHONES_FILE, load_ledger
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.phone import audience_phone
from helpers.ports import free_port

PHONE = "phone-savefail-abcdefg"
WAIT_MS = 20_000
"""Generous: after some other modules' tests the event loop here is slow to take a phone's request in."""


@pytest.fixture
def menu(window: ConsoleWindow, tmp_path: Path) -> Iterator[RoomMenu]:
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    room.set_port(free_port())
    m = RoomMenu(window, room)
    room.start("127.0.0.1")
    yield m
    room.stop()


def test_a_failed_write_is_said_loses_nothing_and_is_tried_again(
    menu: RoomMenu, window: ConsoleWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    room = menu.room
    (tmp_path / PHONES_FILE).mkdir()  # the file cannot be written (a directory stands in its way)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Grace Hopper"}], read=1))
    qtbot.waitUntil(lambda: "could not be saved" in window.message_bar.text(), timeout=WAIT_MS)
    assert window.message_bar.level == "error"  # stays until it is solved or closed
    assert [r.name for r in room.pending] == ["Grace Hopper"]  # nothing lost
    assert "not saved" in menu.indicator.text()
    assert not room.phones_saved()

    (tmp_path / PHONES_FILE).rmdir()  # the disk is writable again; the moderator need not wait for the retry
    qtbot.mouseClick(window.message_bar.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.phones_saved(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "saved again" in window.message_bar.text(), timeout=WAIT_MS)
    assert [r.name for r in load_ledger(tmp_path).pending] == ["Grace Hopper"]
    assert "not saved" not in menu.indicator.text()


def test_it_is_tried_again_by_itself(menu: RoomMenu, window: ConsoleWindow, tmp_path: Path, qtbot: QtBot) -> None:
    room = menu.room
    room._phones_retry.setInterval(300)  # the test's patience, not the five seconds of an evening
    blocker = tmp_path / PHONES_FILE
    blocker.mkdir()
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=1))
    qtbot.waitUntil(lambda: "could not be saved" in window.message_bar.text(), timeout=WAIT_MS)
    shutil.rmtree(blocker)
    qtbot.waitUntil(lambda: room.phones_saved(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "could not be saved" not in window.message_bar.text(), timeout=WAIT_MS)
    assert [r.name for r in load_ledger(tmp_path).pending] == ["Ada Lovelace"]
    assert audience_requests.PHONES_RETRY_MS == 5000


def test_the_problem_stays_said_while_it_lasts(
    menu: RoomMenu, window: ConsoleWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Try again now" on a disk that is still broken, and a later notice on the strip: the strip took the
    problem down for good both times while the phones were still not saved."""
    from fishbowl_desktop.ui.shell import message_bar

    monkeypatch.setitem(message_bar.HIDE_AFTER_MS, "info", 200)  # a notice fades quickly here
    room = menu.room
    (tmp_path / PHONES_FILE).mkdir()
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Grace Hopper"}], read=1))
    qtbot.waitUntil(lambda: "could not be saved" in window.message_bar.text(), timeout=WAIT_MS)

    qtbot.mouseClick(window.message_bar.action, Qt.MouseButton.LeftButton)  # still broken
    qtbot.waitUntil(lambda: room._phones_retry.isActive(), timeout=WAIT_MS)  # the retry has failed again
    assert "could not be saved" in window.message_bar.text()

    window.show_notice("A phone asks for the free chair: accept or decline it under Room.")
    assert "free chair" in window.message_bar.text()  # the news is read first ...
    qtbot.waitUntil(lambda: "could not be saved" in window.message_bar.text(), timeout=WAIT_MS)  # ... then back
    assert window.message_bar.level == "error" and window.message_bar.action.isVisible()
