"""Issue 22, point 5: a phone never shows a status that is no longer true — across a restart or a kill of the
app, after a decline, and when the same person asks twice. Real server on 127.0.0.1, a real aiohttp client as
the phone, the real console's Room."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import build_console
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room import gate, request_limits
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, save_session
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.phone import audience_phone, mine_of
from helpers.ports import free_port

PHONE = "phone-restart-abcdefgh"


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    w = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(w)
    return w


@pytest.fixture
def rooms(window: ConsoleWindow, tmp_path: Path) -> Iterator[list[Room]]:
    made: list[Room] = []
    yield made
    for r in made:
        r.stop()


def new_room(window: ConsoleWindow, folder: Path, rooms: list[Room]) -> Room:
    r = Room(window.controller, window.ticker, lambda: window.settings, folder, window)
    rooms.append(r)
    return r


def start(room: Room, port: int | None = None) -> None:
    room.set_port(port or free_port())
    room.start("127.0.0.1")


def kill(room: Room) -> None:
    """The app is killed: the server's socket goes away, nothing of the Room's orderly stop runs."""
    server = room._server
    assert server is not None
    server.stop()
    room._server = None


def test_a_queued_phone_keeps_its_place_and_its_withdraw_after_a_kill(
    window: ConsoleWindow, demo: Session, rooms: list[Room], tmp_path: Path, qtbot: QtBot
) -> None:
    room = new_room(window, tmp_path, rooms)
    start(room)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=1))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    assert room.accept(PHONE)
    person = next(p for p in demo.participants if p.name == "Ada Lovelace")
    position = demo.queue_position(person.id)
    assert position is not None
    port = room.port
    qtbot.waitUntil(lambda: room.phones_saved(), timeout=5000)
    kill(room)

    again = new_room(window, tmp_path, rooms)
    start(again, port)
    assert mine_of(again, PHONE) == {"st": "queued", "pos": position + 1}
    asyncio.run(audience_phone(again, PHONE, [{"t": "withdraw"}]))
    qtbot.waitUntil(lambda: demo.queue_position(person.id) is None, timeout=5000)
    assert mine_of(again, PHONE) == {"st": "none"}


def test_a_pending_request_comes_back_to_the_console_after_a_kill(
    window: ConsoleWindow, demo: Session, rooms: list[Room], tmp_path: Path, qtbot: QtBot
) -> None:
    room = new_room(window, tmp_path, rooms)
    start(room)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Grace Hopper", "consent": True}], read=1))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    qtbot.waitUntil(lambda: room.phones_saved(), timeout=5000)
    kill(room)

    again = new_room(window, tmp_path, rooms)
    assert [(r.phone_id, r.name, r.consent) for r in again.pending] == [(PHONE, "Grace Hopper", True)]
    start(again)
    assert mine_of(again, PHONE) == {"st": "pending"}
    assert again.accept(PHONE)
    assert any(p.name == "Grace Hopper" for p in demo.participants)


def test_an_accepted_phone_asking_again_after_a_restart_is_not_queued_twice(
    window: ConsoleWindow, demo: Session, rooms: list[Room], tmp_path: Path, qtbot: QtBot
) -> None:
    room = new_room(window, tmp_path, rooms)
    room.set_accept_directly(True)
    start(room)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=1))
    qtbot.waitUntil(lambda: any(p.name == "Ada Lovelace" for p in demo.participants), timeout=5000)
    room.stop()
    queued = len(demo.queue)

    again = new_room(window, tmp_path, rooms)
    start(again)
    got = asyncio.run(audience_phone(again, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=2))
    assert got[1]["m"]["st"] == "queued"
    qtbot.wait(200)
    assert len(demo.queue) == queued
    assert sum(p.name == "Ada Lovelace" for p in demo.participants) == 1


def test_a_phone_whose_entry_is_gone_is_told_so(
    window: ConsoleWindow, ctl: SessionController, demo: Session, rooms: list[Room], tmp_path: Path, qtbot: QtBot
) -> None:
    room = new_room(window, tmp_path, rooms)
    start(room)
    assert mine_of(room, PHONE + "x") == {"st": "none"}, "a phone the room does not know hears so at once"
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=1))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    assert room.accept(PHONE)
    person = next(p for p in demo.participants if p.name == "Ada Lovelace")
    assert ctl.dequeue(person.id)  # the moderator takes her off the queue before she spoke
    qtbot.waitUntil(lambda: not room.publish_pending)  # the phones hear it when the event-loop turn ends
    assert mine_of(room, PHONE) == {"st": "gone"}


def test_a_declined_phone_may_ask_again(
    window: ConsoleWindow, rooms: list[Room], tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(request_limits, "PHONE_INTERVAL_S", 0.0)
    room = new_room(window, tmp_path, rooms)
    start(room)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=1))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    room.decline(PHONE)
    room.stop()
    again = new_room(window, tmp_path, rooms)
    start(again)
    assert mine_of(again, PHONE) == {"st": "declined"}, "the decline survives a restart too"
    asyncio.run(audience_phone(again, PHONE, [{"t": "request", "name": "Ada Lovelace"}]))
    qtbot.waitUntil(lambda: len(again.pending) == 1, timeout=5000)
    assert mine_of(again, PHONE) == {"st": "pending"}


def test_an_accepted_request_takes_the_phones_earlier_person_and_the_list_folded(
    window: ConsoleWindow,
    demo: Session,
    rooms: list[Room],
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(request_limits, "PHONE_INTERVAL_S", 0.0)
    room = new_room(window, tmp_path, rooms)
    start(room)
    people = len(demo.participants)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "Ada Lovelace"}], read=1))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    assert room.accept(PHONE)
    ada = next(p for p in demo.participants if p.name == "Ada Lovelace")
    asyncio.run(audience_phone(room, PHONE, [{"t": "withdraw"}]))
    qtbot.waitUntil(lambda: demo.queue_position(ada.id) is None, timeout=5000)
    asyncio.run(audience_phone(room, PHONE, [{"t": "request", "name": "  ada   LOVELACE "}]))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    assert room.accept(PHONE)
    assert demo.queue_position(ada.id) is not None, "the same phone, the same name (folded): the same person"
    assert len(demo.participants) == people + 1

    jurgen = next(p for p in demo.participants if p.name == "Jürgen Möller")
    assert demo.queue_position(jurgen.id) is None
    asyncio.run(audience_phone(room, PHONE + "2", [{"t": "request", "name": "jurgen moller"}]))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    assert room.accept(PHONE + "2")
    assert demo.queue_position(jurgen.id) is not None, "a name on the list (folded) is that person"
    assert len(demo.participants) == people + 1
    assert mine_of(room, PHONE + "2")["st"] == "queued"


def test_the_room_comes_back_on_after_a_restart_if_it_was_on(
    window: ConsoleWindow, ctl: SessionController, tmp_path: Path, qtbot: QtBot
) -> None:
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    start(room)
    port = room.port
    room.shut_down()  # the app quits (or is killed) with the room on
    assert not room.running

    second = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(second)
    again = Room(second.controller, second.ticker, lambda: second.settings, tmp_path, second)
    again.start = lambda host="0.0.0.0": Room.start(again, "127.0.0.1")  # type: ignore[method-assign]
    RoomMenu(second, again)
    try:
        qtbot.waitUntil(lambda: again.running, timeout=5000)
        assert again.port == port, "printed QR codes keep working"
        again.stop()  # the moderator switches it off: it stays off next time
    finally:
        again.stop()
    third = Room(second.controller, second.ticker, lambda: second.settings, tmp_path, second)
    RoomMenu(second, third)
    qtbot.wait(50)  # the start's turn has come and gone
    assert not third.running


def test_a_hall_of_queued_and_pending_phones_finds_its_true_state_after_a_kill(
    window: ConsoleWindow,
    demo: Session,
    rooms: list[Room],
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """30 phones: 10 accepted into the queue, 20 waiting for the moderator; the app is killed and started again;
    every phone that connects again is told exactly its own state in its first messages."""
    monkeypatch.setattr(request_limits, "PER_ADDRESS", 100)  # a hall's phones have 30 addresses; here all are
    monkeypatch.setattr(gate, "AUDIENCE_PER_ADDRESS", 100)  # 127.0.0.1 (the per-address caps have their own tests)
    room = new_room(window, tmp_path, rooms)
    start(room)
    phones = [f"{PHONE}-{n:02d}" for n in range(30)]

    async def ask_all() -> None:
        await asyncio.gather(
            *(
                audience_phone(room, p, [{"t": "request", "name": f"Gast Nummer {n}"}], read=1)
                for n, p in enumerate(phones)
            )
        )

    asyncio.run(ask_all())
    qtbot.waitUntil(lambda: len(room.pending) == 30, timeout=10000)
    for p in phones[:10]:
        assert room.accept(p)
    before = {p: room.status_of(p) for p in phones}
    assert sum(s == {"st": "pending"} for s in before.values()) == 20
    qtbot.waitUntil(room.phones_saved, timeout=5000)
    port = room.port
    kill(room)

    again = new_room(window, tmp_path, rooms)
    start(again, port)

    async def reconnect_all() -> list[list[Any]]:
        return list(await asyncio.gather(*(audience_phone(again, p) for p in phones)))

    after = {p: got[1]["m"] for p, got in zip(phones, asyncio.run(reconnect_all()), strict=True)}
    assert after == before
    assert len(again.pending) == 20


def test_the_room_on_again_does_not_push_away_why_the_clock_is_paused_after_a_crash(
    window: ConsoleWindow, ctl: SessionController, tmp_path: Path, qtbot: QtBot
) -> None:
    """The start said on the strip that the app crashed and the turn is paused (`startup.plan`); the room, on
    before the crash, comes back a moment later: its good news goes to the status bar, the warning stays."""
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    start(room)
    room.shut_down()  # killed with the room on

    second = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    crash = (
        "Fishbowl Desktop did not close properly last time. Ada had the floor: their turn is paused after 0:08 of "
        "speaking, 1:53 left on the clock (saved at 17:00:00). Press Space to let them go on."
    )
    second.show_notice(crash, "warning")  # as the start does, before the event loop runs
    again = Room(second.controller, second.ticker, lambda: second.settings, tmp_path, second)
    again.start = lambda host="0.0.0.0": Room.start(again, "127.0.0.1")  # type: ignore[method-assign]
    RoomMenu(second, again)
    try:
        qtbot.waitUntil(lambda: again.running, timeout=5000)
        qtbot.wait(10)  # the resume's notice has been said
        assert second.message_bar.text() == crash and second.message_bar.level == "warning"
        assert "The room is on again" in second.statusBar().currentMessage()
    finally:
        again.stop()


def test_a_real_start_after_a_crash_with_the_room_on_keeps_the_paused_turn_on_the_strip(
    window: ConsoleWindow, tmp_path: Path, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole start (startup.plan, app.build_console): killed with someone speaking and the room on."""
    workspace = Workspace(tmp_path / "home")
    workspace.ensure()
    before = Room(window.controller, window.ticker, lambda: window.settings, workspace.base_dir, window)
    start(before)
    before.shut_down()  # killed with the room on
    evening = demo_session(clock)
    evening.start_turn("aud-01")  # the free chair: 2:00
    clock.advance(8)
    path = workspace.sessions_dir / "Abend.fishbowl.json"
    save_session(evening, path)
    workspace.mark_running(path)  # ... and the process dies without mark_clean_exit
    loopback = Room.start
    monkeypatch.setattr(Room, "start", lambda self, host="0.0.0.0": loopback(self, "127.0.0.1"))
    plan = plan_start(workspace, clock=clock, settings=AppSettings())
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    menu = console.window.room_menu
    assert menu is not None
    try:
        qtbot.waitUntil(lambda: menu.room.running, timeout=5000)
        qtbot.wait(10)
        bar = console.window.message_bar
        assert "did not close properly" in bar.text() and "paused after 0:08" in bar.text(), bar.text()
        assert "The room is on again" in console.window.statusBar().currentMessage()
    finally:
        menu.room.stop()
