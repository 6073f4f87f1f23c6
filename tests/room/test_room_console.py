"""The room wired to the real console: phone actions are the keyboard's controller intents, requests land in
the console, and the phones see what the projector shows (privacy included). Server on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.session_controller import NEXT_PAUSE
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_links import link_url, qr_png
from fishbowl_desktop.ui.room.room_menu import RoomMenu
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.ports import free_port

PHONE = "phone-console-abcdefgh"


@pytest.fixture
def room(window: ConsoleWindow, tmp_path: Path) -> Iterator[Room]:
    r = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    yield r
    r.stop()


def start(room: Room) -> None:
    room.set_port(free_port())
    room.start("127.0.0.1")


def base(room: Room) -> str:
    return f"http://127.0.0.1:{room.port}"


async def _session(
    room: Room, kind: str, messages: list[dict[str, Any]], pin: bool = False, phone: str = PHONE, read: int = 1
) -> list[dict[str, Any]]:
    url = f"{base(room)}/{room.links.token(kind)}/ws?phone={phone}"
    got = []
    async with aiohttp.ClientSession() as c:
        ws = await c.ws_connect(url, origin=base(room))
        if pin:
            await ws.send_json({"t": "pin", "pin": room.links.pin})  # the first message, never the URL
        for _ in range(read):
            got.append(json.loads(await ws.receive_str()))
        for m in messages:
            await ws.send_json(m)
        await asyncio.sleep(0.05)
        await ws.close()
    return got


def test_room_is_off_by_default_and_aiohttp_not_loaded(window: ConsoleWindow, tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from fishbowl_desktop.ui.shell import console_window; "
        "from fishbowl_desktop.ui.room import room_menu; print('aiohttp' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    menu = RoomMenu(window, Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window))
    assert not menu.room.running and not menu.switch_action.isChecked() and menu.indicator.isHidden()


def test_control_phone_uses_the_keyboards_intents(
    window: ConsoleWindow, ctl: SessionController, room: Room, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    start(room)
    ctl.next_free_chair()
    assert demo.turn is not None
    allotted = demo.turn.timer.allotted
    asyncio.run(_session(room, "control", [{"t": "do", "a": "toggle"}], pin=True))
    qtbot.waitUntil(lambda: demo.turn is not None and demo.turn.timer.is_running, timeout=3000)
    asyncio.run(
        _session(
            room, "control", [{"t": "do", "a": "add"}, {"t": "do", "a": "add"}, {"t": "do", "a": "take"}], pin=True
        )
    )
    qtbot.waitUntil(lambda: demo.turn is not None and demo.turn.timer.allotted == allotted + 30, timeout=3000)
    asyncio.run(
        _session(
            room,
            "control",
            [{"t": "do", "a": "blank"}, {"t": "do", "a": "message", "text": "  Bitte <b>leise</b> "}],
            pin=True,
        )
    )
    qtbot.waitUntil(lambda: demo.stage.blank and demo.stage.message == "Bitte <b>leise</b>", timeout=3000)
    speaker = demo.turn.participant_id
    clock.advance(NEXT_PAUSE)  # a second Next within a second is a double tap, refused like a remote's bounce
    asyncio.run(_session(room, "control", [{"t": "do", "a": "next"}], pin=True))
    qtbot.waitUntil(lambda: demo.turn is not None and demo.turn.participant_id != speaker, timeout=3000)
    assert window.commands["blank"].isChecked(), "the console's own Blank action follows the phone"
    assert ctl.undo_stack.canUndo(), "Next from a phone is undoable like N on the keyboard"


def test_audience_request_accepted_into_the_queue_and_the_phone_sees_its_place(
    window: ConsoleWindow, ctl: SessionController, room: Room, demo: Session, qtbot: QtBot
) -> None:
    start(room)
    queued_before = len(demo.queue)
    hostile = "<img src=x onerror=alert(1)>"
    asyncio.run(_session(room, "audience", [{"t": "request", "name": hostile, "consent": True}]))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=3000)
    assert len(demo.queue) == queued_before, "waits for the moderator's yes"
    assert room.status_of(PHONE) == {"st": "pending"}
    menu = RoomMenu(window, room)
    assert "requests: 1" in menu.indicator.text()
    rw = menu.show_window()
    assert rw.requests.count() == 1 and rw.requests.item(0).text() == hostile
    rw.accept_button.click()
    assert len(demo.queue) == queued_before + 1
    person = demo.participant(demo.queue[-1].participant_id)
    assert person.name == hostile and person.consent_to_list
    position = demo.queue_position(person.id)
    assert position is not None
    assert room.status_of(PHONE) == {"st": "queued", "pos": position + 1}
    got = asyncio.run(_session(room, "audience", [], read=2))
    assert got[1] == {"t": "mine", "m": room.status_of(PHONE)}
    asyncio.run(_session(room, "audience", [{"t": "withdraw"}]))
    qtbot.waitUntil(lambda: demo.queue_position(person.id) is None, timeout=3000)
    rw.close()


def test_declined_and_directly_queued(window: ConsoleWindow, room: Room, demo: Session, qtbot: QtBot) -> None:
    start(room)
    asyncio.run(_session(room, "audience", [{"t": "request", "name": "Ada"}], phone=PHONE + "1"))
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=3000)
    room.decline(PHONE + "1")
    assert room.status_of(PHONE + "1") == {"st": "declined"} and not room.pending
    room.set_accept_directly(True)
    n = len(demo.queue)
    asyncio.run(_session(room, "audience", [{"t": "request", "name": "Grace"}], phone=PHONE + "2"))
    qtbot.waitUntil(lambda: len(demo.queue) == n + 1, timeout=3000)
    assert not room.pending
    status = room.status_of(PHONE + "2")
    assert status is not None and status["st"] == "queued"


def test_phones_see_what_the_projector_shows_and_no_more(
    window: ConsoleWindow, ctl: SessionController, room: Room, demo: Session, qtbot: QtBot
) -> None:
    start(room)
    hidden = next(p for p in demo.participants if not p.consent_to_list and demo.seat_of(p.id) is None)
    if demo.queue_position(hidden.id) is not None:
        assert ctl.dequeue(hidden.id)
    free = demo.free_chair_indices()[0]
    if demo.seats[free].occupant is not None:
        assert ctl.unseat(free)
    assert ctl.seat(hidden.id, free) and ctl.start_turn(hidden.id)
    qtbot.waitUntil(lambda: not room.publish_pending)  # sent when the event-loop turn ends, as the projector's
    state = asyncio.run(_session(room, "timer", []))[0]["s"]
    text = json.dumps(state, ensure_ascii=False)
    assert state["mode"] == "timer" and state["speaker"] in ("Gast", "Guest")
    assert hidden.name not in text
    for p in demo.participants:
        if p.notes:
            assert p.notes not in text


def test_menu_switches_the_room_on_with_indicator_and_new_links(
    window: ConsoleWindow, room: Room, qtbot: QtBot
) -> None:
    room.set_port(free_port())
    menu = RoomMenu(window, room)
    room_start = room.start
    room.start = lambda host="0.0.0.0": room_start("127.0.0.1")  # type: ignore[method-assign]  # tests stay on loopback
    menu.switch_action.trigger()
    assert room.running and not menu.indicator.isHidden()
    assert f"port {room.port}" in menu.indicator.text()
    old = room.links.timer
    rw = menu.show_window()
    assert rw.pin.text() == room.links.pin and rw.pin.textFormat() == Qt.TextFormat.PlainText
    rw.new_links.click()
    assert room.links.timer != old and rw.pin.text() == room.links.pin
    menu.switch_action.trigger()
    assert not room.running and menu.indicator.isHidden()
    rw.close()


def test_qr_codes_decode_to_the_links(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (zbar-tools) is not installed")
    url = link_url("192.168.43.1", 8765, "AbC-dEf_123456789012")
    png = tmp_path / "qr.png"
    png.write_bytes(qr_png(url))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == url
    assert link_url("fe80::1", 8765, "t") == "http://[fe80::1]:8765/t"


def test_one_intent_sends_the_phones_one_state(
    window: ConsoleWindow, ctl: SessionController, room: Room, clock: FakeClock, qtbot: QtBot
) -> None:
    """Next announces several parts (log, seats, queue, turn); the hall must get one update, not four."""
    start(room)
    server = room._server
    assert server is not None
    sent: list[object] = []
    real = server.publish

    def publish(
        state: dict[str, Any],
        mine: dict[str, dict[str, Any]],
        open_requests: set[str],
        seen: int = 0,
        interpreters: dict[str, Any] | None = None,
    ) -> None:
        sent.append((state, mine, open_requests))
        real(state, mine, open_requests, seen, interpreters)

    def settled() -> bool:
        return not room.publish_pending

    server.publish = publish  # type: ignore[method-assign]
    computed = room.computations
    assert ctl.next_free_chair()
    qtbot.waitUntil(settled)
    assert len(sent) == 1
    assert room.computations == computed + 1, "the phones' state is computed once per intent, as the projector's"
    clock.advance(5)
    window.ticker.poll()  # a new second: the phones count by themselves, nothing is sent
    qtbot.waitUntil(settled)
    assert len(sent) == 1
    assert ctl.toggle_timer()
    qtbot.waitUntil(lambda: len(sent) == 2)
    qtbot.waitUntil(settled)
    assert len(sent) == 2


def test_audience_qr_code_on_the_projector_by_key(
    window: ConsoleWindow, room: Room, qtbot: QtBot, tmp_path: Path
) -> None:
    """Ctrl+Shift+A on the console shows the audience link's QR code on the projector and its preview;
    both decode (zbarimg) to the audience link; again hides it."""
    import shutil
    import subprocess

    room.set_port(free_port())
    menu = RoomMenu(window, room)
    room_start = room.start
    room.start = lambda host="0.0.0.0": room_start("127.0.0.1")  # type: ignore[method-assign]  # tests stay on loopback
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert room.running and room.qr_on_projector and menu.qr_action.isChecked()
    assert menu._qr is not None
    preview_card, projector_card = menu._qr.cards
    assert preview_card.isVisible() or preview_card.isVisibleTo(window.preview_widget)
    expected = link_url(room.address, room.port, room.links.audience)
    assert projector_card.url == expected
    window.projector.show_projector()
    window.projector.window().resize(1920, 1080)
    view = window.projector.window().view
    qtbot.waitUntil(lambda: view.width() == 1920 and projector_card.isVisible(), timeout=3000)
    projector_card.refresh()
    assert view.rect().contains(projector_card.geometry())
    if shutil.which("zbarimg") is not None:
        png = tmp_path / "projector.png"
        assert view.grab().save(str(png))
        out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=False)
        assert out.stdout.strip() == expected
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not room.qr_on_projector and not projector_card.isVisibleTo(view)
    window.projector.hide_projector()
