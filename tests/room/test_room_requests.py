"""The audience's requests in the room window, with real phones (aiohttp on 127.0.0.1) and real clicks (issue 22):
the selection stays on the person selected while others arrive, "Decline all" and "Pause requests", and
"straight into the queue" with its rate limit and visible count."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

import fishbowl_desktop.room.audience_requests as audience_requests
from fishbowl_desktop.model import Session
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.room.room_window import RoomWindow
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


@pytest.fixture
def dialog(room: Room, window: ConsoleWindow, qtbot: QtBot) -> Iterator[RoomWindow]:
    d = RoomWindow(room, window)
    d.show()
    qtbot.waitExposed(d)
    yield d
    d.close()


def phone(n: int) -> str:
    return f"requestPhone{n:08d}"


def ask(room: Room, names: list[str], first: int = 0) -> list[dict[str, Any]]:
    """Each name from its own phone: connect, ask, hang up; returns what each phone heard after asking."""

    async def one(i: int, name: str) -> dict[str, Any]:
        base = f"http://127.0.0.1:{room.port}"
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(f"{base}/{room.links.audience}/ws?phone={phone(first + i)}", origin=base)
            await ws.receive_str()
            await ws.send_json({"t": "request", "name": name, "consent": True})
            reply: dict[str, Any] = {}
            try:
                while not reply:
                    data = json.loads(await ws.receive_str(timeout=2))
                    if data["t"] == "error" or (data["t"] == "mine" and data["m"]["st"] != "none"):
                        reply = data  # not the state, nor "the room does not know you" from before asking
            except TimeoutError:
                pass
            await ws.close()
            return reply

    async def main() -> list[dict[str, Any]]:
        return [await one(i, name) for i, name in enumerate(names)]

    return asyncio.run(main())


def click_row(qtbot: QtBot, requests: QListWidget, row: int) -> None:
    rect = requests.visualItemRect(requests.item(row))
    qtbot.mouseClick(requests.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def names_in(requests: QListWidget) -> list[str]:
    return [requests.item(i).text() for i in range(requests.count())]


def test_the_selection_stays_on_the_person_selected_while_requests_arrive(
    room: Room, dialog: RoomWindow, demo: Session, qtbot: QtBot
) -> None:
    ask(room, ["Ada", "Bülent", "Chen"])
    qtbot.waitUntil(lambda: dialog.requests.count() == 3, timeout=5000)
    click_row(qtbot, dialog.requests, 1)
    assert dialog.requests.currentItem().text() == "Bülent"
    ask(room, ["Dana", "Emeka"], first=3)
    qtbot.waitUntil(lambda: dialog.requests.count() == 5, timeout=5000)
    assert dialog.requests.currentItem().text() == "Bülent", "the selection jumped while requests arrived"
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    queued = demo.participant(demo.queue[-1].participant_id)
    assert queued.name == "Bülent", "Accept took someone else"
    assert names_in(dialog.requests) == ["Ada", "Chen", "Dana", "Emeka"]


def test_decline_all_clears_the_list_in_one_click_and_each_phone_is_told(
    room: Room, dialog: RoomWindow, qtbot: QtBot
) -> None:
    ask(room, ["Ada", "Bülent", "Chen", "Dana"])
    qtbot.waitUntil(lambda: dialog.requests.count() == 4, timeout=5000)
    changes: list[None] = []
    room.requestsChanged.connect(lambda: changes.append(None))
    qtbot.mouseClick(dialog.decline_all_button, Qt.MouseButton.LeftButton)
    assert room.pending == [] and dialog.requests.count() == 0
    assert len(changes) == 1, "one step: one change of the list"
    assert not dialog.decline_all_button.isEnabled() and not dialog.accept_button.isEnabled()
    assert all(room.status_of(phone(i)) == {"st": "declined"} for i in range(4))


def test_paused_requests_are_refused_at_once_and_the_list_keeps_what_it_has(
    room: Room, dialog: RoomWindow, qtbot: QtBot
) -> None:
    ask(room, ["Ada"])
    qtbot.waitUntil(lambda: dialog.requests.count() == 1, timeout=5000)
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    assert room.paused and dialog.pause_button.isChecked()
    assert ask(room, ["Bülent"], first=1) == [{"t": "error", "e": "paused"}]
    qtbot.wait(300)  # a batch's time: nothing may arrive
    assert names_in(dialog.requests) == ["Ada"]
    qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    assert not room.paused
    ask(room, ["Chen"], first=2)
    qtbot.waitUntil(lambda: dialog.requests.count() == 2, timeout=5000)


def test_straight_into_the_queue_is_rate_limited_with_a_visible_count(
    room: Room, dialog: RoomWindow, demo: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audience_requests, "DIRECT_PER_MINUTE", 2)
    qtbot.mouseClick(dialog.directly, Qt.MouseButton.LeftButton)
    assert room.links.accept_directly
    before = len(demo.queue)
    ask(room, ["Ada", "Bülent", "Chen", "Dana"])
    qtbot.waitUntil(lambda: len(demo.queue) + len(room.pending) == before + 4, timeout=5000)
    assert len(demo.queue) == before + 2, "more than the rate went straight into the queue"
    assert names_in(dialog.requests) == ["Chen", "Dana"], "the rest wait for the moderator's yes"
    assert room.direct_count == 2
    assert dialog.direct_count.text().startswith("2 ")


def test_german_calls_the_queue_warteliste_everywhere() -> None:
    """The console says "Warteliste"; the room window and the phones said "Warteschlange" (issue 22, point 9)."""
    from importlib.resources import files

    assets = files("fishbowl_desktop") / "assets"
    phone_page = (assets / "room" / "i18n" / "de.json").read_text(encoding="utf-8")  # the phones' German words
    translations = (assets / "translations" / "fishbowl_de.ts").read_text(encoding="utf-8")
    assert "Warteschlange" not in phone_page and "Warteschlange" not in translations
    assert "Warteliste" in phone_page


def test_declined_requests_reach_the_evenings_log_for_the_equity_report_and_undo_keeps_them(
    room: Room, dialog: RoomWindow, window: ConsoleWindow, demo: Session, qtbot: QtBot
) -> None:
    """Issue 28: "requests declined per group" needs the declines in the session, not only in the room's ledger."""
    from fishbowl_desktop.model import RequestOutcome

    before = len(demo.requests)
    ask(room, ["Ada", "Bülent", "Chen"])
    qtbot.waitUntil(lambda: dialog.requests.count() == 3, timeout=5000)
    click_row(qtbot, dialog.requests, 0)
    qtbot.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.decline_all_button, Qt.MouseButton.LeftButton)
    new = demo.requests.as_tuple()[before:]
    assert [r.outcome for r in new] == [RequestOutcome.DECLINED] * 3
    assert all(r.participant_id == "" and r.group == "" for r in new)
    window.controller.undo_stack.undo()  # whatever the last undo step was, the phones were told no
    assert demo.requests.as_tuple()[-3:] == new


ASKS = "A phone asks for the free chair: accept or decline it under Room."


@pytest.fixture
def menu(room: Room, window: ConsoleWindow, qtbot: QtBot) -> Iterator[RoomMenu]:
    """The console's Room menu on the running room: it says on the strip that a phone asks."""
    m = RoomMenu(window, room)
    yield m
    if m._dialog is not None:
        m._dialog.close()


def withdraw(room: Room, n: int) -> None:
    """Phone `n` takes its request back, as its page does."""

    async def main() -> None:
        base = f"http://127.0.0.1:{room.port}"
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(f"{base}/{room.links.audience}/ws?phone={phone(n)}", origin=base)
            await ws.receive_str()
            await ws.send_json({"t": "withdraw"})
            await ws.close()

    asyncio.run(main())


@pytest.mark.parametrize("answer", ["accept", "decline", "withdraw"])
def test_the_phone_asks_message_goes_as_soon_as_no_request_waits(
    room: Room, menu: RoomMenu, window: ConsoleWindow, qtbot: QtBot, answer: str
) -> None:
    bar = window.message_bar
    ask(room, ["Ada", "Chen"])
    qtbot.waitUntil(lambda: len(room.pending) == 2, timeout=5000)
    assert bar.text() == ASKS
    dialog = menu.show_window()
    qtbot.waitExposed(dialog)
    click_row(qtbot, dialog.requests, 0)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert bar.text() == ASKS, "Chen still waits"
    if answer == "withdraw":
        withdraw(room, 1)
        qtbot.waitUntil(lambda: not room.pending, timeout=5000)
    else:
        click_row(qtbot, dialog.requests, 0)
        button = dialog.accept_button if answer == "accept" else dialog.decline_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not room.pending
    assert bar.text() != ASKS, "no phone asks any more"
