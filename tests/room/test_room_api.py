"""The AV desk's HTTP API (issue 27, point 1), a real HTTP client against the real server on 127.0.0.1, with the
console's event loop running while the client waits (the command runs on the console's thread, as a key's does)."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.commands import api_commands, command
from fishbowl_desktop.model.clock import FakeClock
from fishbowl_desktop.room.api_doc import openapi
from fishbowl_desktop.room.links import RoomLinks, read_links
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

DOC = Path(__file__).parents[2] / "docs" / "api" / "openapi.json"


async def _request(url: str, method: str, token: str | None, body: bytes | None) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    async with aiohttp.ClientSession() as c, c.request(method, url, data=body, headers=headers) as r:
        text = await r.text()
        try:
            return r.status, json.loads(text)
        except ValueError:
            return r.status, text


def call(qtbot: QtBot, room: Room, method: str, path: str, token: str | None = "", body: Any = None) -> tuple[int, Any]:
    """One request from another thread while the console's loop runs (a desk on the network)."""
    token = room.links.api if token == "" else token
    raw = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    url = f"http://127.0.0.1:{room.port}{path}"
    with ThreadPoolExecutor(1) as pool:  # its thread ends with the call (tests/conftest.py checks every test)
        future = pool.submit(asyncio.run, _request(url, method, token, raw))
        qtbot.waitUntil(future.done, timeout=20000)
        return future.result()


def test_nothing_without_the_desks_token(qtbot: QtBot, room: Room) -> None:
    for token in (None, "wrong-token-wrong-token", room.links.control, room.links.timer):
        status, answer = call(qtbot, room, "GET", "/api/state", token)
        assert status == 401 and answer["error"] == "unauthorized"
        status, _ = call(qtbot, room, "POST", "/api/commands/next", token)
        assert status == 401
    status, _ = call(qtbot, room, "GET", f"/{room.links.api}", None)  # the desk's token opens no page
    assert status == 403


def test_the_state_is_what_the_phones_get_with_the_same_privacy(qtbot: QtBot, room: Room) -> None:
    status, state = call(qtbot, room, "GET", "/api/state")
    assert status == 200 and "mode" in state
    text = json.dumps(state, ensure_ascii=False)
    hidden = [p.name for p in room._controller.session.participants if not p.consent_to_list]
    assert hidden and not any(name in text for name in hidden)


def test_a_command_does_exactly_what_its_key_does(qtbot: QtBot, room: Room, window: ConsoleWindow) -> None:
    ctl = window.controller
    status, answer = call(qtbot, room, "POST", "/api/commands/toggle_timer")
    assert status == 409 and answer["detail"]  # nobody has the floor yet: the moderator's words for it
    ctl.start_turn("aud-01")
    running = ctl.session.turn is not None and ctl.session.turn.timer.is_running
    status, answer = call(qtbot, room, "POST", "/api/commands/toggle_timer")
    assert status == 200 and answer["ok"] is True and answer["command"] == "toggle_timer"
    assert ctl.session.turn is not None and ctl.session.turn.timer.is_running != running
    status, _ = call(qtbot, room, "POST", "/api/commands/message", body={"text": "Bitte zum Schluss kommen"})
    assert status == 200 and ctl.session.stage.message == "Bitte zum Schluss kommen"
    steps, logged = ctl.undo_stack.count(), len(ctl.session.log.as_tuple())
    status, _ = call(qtbot, room, "POST", "/api/commands/end_turn")
    assert status == 200 and ctl.session.turn is None
    by_desk = (ctl.undo_stack.count() - steps, ctl.undo_stack.undoText(), len(ctl.session.log.as_tuple()) - logged)
    ctl.undo_stack.undo()
    command("end_turn").run(ctl)  # the same through the table, as Ctrl+T runs it
    by_key = (ctl.undo_stack.count() - steps, ctl.undo_stack.undoText(), len(ctl.session.log.as_tuple()) - logged)
    assert by_desk == by_key == (1, "End the turn", 1)


def test_refusals_are_plain_json(qtbot: QtBot, room: Room, window: ConsoleWindow) -> None:
    status, answer = call(qtbot, room, "POST", "/api/commands/quit")  # a window command: never the desk's
    assert status == 404 and "next" in answer["detail"]
    status, answer = call(qtbot, room, "POST", "/api/commands/message", body=b"{not json")
    assert status == 400 and answer["error"] == "bad_json"
    status, answer = call(qtbot, room, "POST", "/api/commands/message", body={"text": "x" * 201})
    assert status == 400 and answer["error"] == "bad_value"
    status, answer = call(qtbot, room, "POST", "/api/commands/toggle_timer")  # nobody has the floor
    assert status == 409 and answer["error"] == "refused"
    status, answer = call(qtbot, room, "GET", "/api/nothing/here")
    assert status == 404


def test_a_looping_desk_is_told_to_slow_down_and_the_console_stays_responsive(qtbot: QtBot, room: Room) -> None:
    async def flood(url: str, token: str) -> list[int]:
        async with aiohttp.ClientSession() as c:

            async def one() -> int:
                async with c.post(url, json={"text": "x"}, headers={"Authorization": f"Bearer {token}"}) as r:
                    return r.status

            return list(await asyncio.gather(*(one() for _ in range(60))))

    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(asyncio.run, flood(f"http://127.0.0.1:{room.port}/api/commands/message", room.links.api))
        qtbot.waitUntil(future.done, timeout=30000)
        statuses = future.result()
    assert 429 in statuses and statuses.count(200) <= 40
    assert call(qtbot, room, "GET", "/api/state")[0] == 200


def test_the_description_is_served_and_shipped_and_names_every_desk_command(qtbot: QtBot, room: Room) -> None:
    status, served = call(qtbot, room, "GET", "/api/openapi.json")
    assert status == 200 and served == openapi()
    assert json.loads(DOC.read_text("utf-8")) == openapi(), "docs/api/openapi.json is stale: run scripts/api_doc.py"
    assert {f"/api/commands/{c.name}" for c in api_commands()} <= set(served["paths"])


def test_the_desks_token_is_kept_and_renewed_on_its_own(tmp_path: Path, window: ConsoleWindow) -> None:
    old = {
        k: v for k, v in RoomLinks().__dict__.items() if k not in ("api", "osc", "ontime")
    }  # a room.json from before the API
    (tmp_path / "room.json").write_text(json.dumps(old), encoding="utf-8")
    first = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    token = first.links.api
    assert token and read_links(tmp_path)[0] == first.links  # made once and kept
    assert first.links.timer == old["timer"]  # the printed links stay
    renewed = first.links.with_new_api_token()
    assert renewed.api != token and renewed.control == first.links.control


def test_the_room_window_shows_the_token_on_a_click_and_renews_it_alone(qtbot: QtBot, room: Room) -> None:
    from PySide6.QtCore import Qt

    from fishbowl_desktop.ui.room.room_window import RoomWindow

    window = RoomWindow(room)
    qtbot.addWidget(window)
    window.show()
    desk = window.desk
    old = room.links.api
    assert old not in desk.token.text() and f":{room.port}/api/state" in desk.address.text()
    qtbot.mouseClick(desk.show_token, Qt.MouseButton.LeftButton)
    assert desk.token.text() == old
    control = room.links.control
    qtbot.mouseClick(desk.renew, Qt.MouseButton.LeftButton)
    assert room.links.api != old and desk.token.text() == room.links.api and room.links.control == control
    qtbot.waitUntil(lambda: call(qtbot, room, "GET", "/api/state", old)[0] == 401, timeout=10000)
    assert call(qtbot, room, "GET", "/api/state")[0] == 200


def test_the_lower_thirds_link_is_made_once_kept_and_renewed_on_its_own(tmp_path: Path, window: ConsoleWindow) -> None:
    before = {
        k: v for k, v in RoomLinks().__dict__.items() if k not in ("lower", "osc", "ontime")
    }  # a room.json from before
    (tmp_path / "room.json").write_text(json.dumps(before), encoding="utf-8")
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    lower = room.links.lower
    assert lower and read_links(tmp_path)[0] == room.links and room.links.api == before["api"]
    room.new_lower_link()
    assert room.links.lower != lower and room.links.audience == before["audience"] and room.links.api == before["api"]
    assert read_links(tmp_path)[0] == room.links


def test_the_time_left_is_the_time_at_the_answer_while_the_timer_runs(
    qtbot: QtBot, room: Room, window: ConsoleWindow, clock: FakeClock
) -> None:
    """Only a change other than the digits is published; a desk that polls must still read the time left now
    (the Companion module shows it on a key), and the phase as the console's timer panel has it."""
    ctl = window.controller
    ctl.start_turn("aud-01")  # the time starts with the turn
    # the turn reaches the API with the room's next publish (once per event-loop turn): wait for it, not a time
    qtbot.waitUntil(lambda: "run" in call(qtbot, room, "GET", "/api/state")[1], timeout=10_000)
    _, state = call(qtbot, room, "GET", "/api/state")
    turn = ctl.session.turn
    assert turn is not None and turn.timer.is_running and state["run"] is True and state["phase"] == "running"
    allotted = state["allot"]
    clock.advance(allotted - turn.timer.warning + 1)  # into the warning, with nothing else changed
    _, state = call(qtbot, room, "GET", "/api/state")
    assert state["rem"] == pytest.approx(turn.timer.remaining(clock.monotonic()), abs=0.01)
    assert state["phase"] == turn.timer.phase(clock.monotonic()).value == "warning"
    clock.advance(turn.timer.warning + 5)
    _, state = call(qtbot, room, "GET", "/api/state")
    assert state["rem"] == pytest.approx(-6, abs=0.01) and state["phase"] == "overtime"
    _, answer = call(qtbot, room, "POST", "/api/commands/toggle_timer")  # paused: the time stands
    assert answer["state"]["run"] is False and answer["state"]["rem"] == pytest.approx(-6, abs=0.01)
    clock.advance(30)
    _, state = call(qtbot, room, "GET", "/api/state")
    assert state["rem"] == pytest.approx(-6, abs=0.01) and state["phase"] == "overtime"


def test_the_state_counts_the_queue_without_naming_anyone(qtbot: QtBot, room: Room, window: ConsoleWindow) -> None:
    ctl = window.controller
    _, state = call(qtbot, room, "GET", "/api/state")
    assert state["queue"] == len(ctl.session.queue) > 0
    assert call(qtbot, room, "POST", "/api/commands/next")[0] == 200
    _, state = call(qtbot, room, "GET", "/api/state")
    assert state["queue"] == len(ctl.session.queue)
    assert call(qtbot, room, "POST", "/api/commands/blank")[0] == 200
    _, state = call(qtbot, room, "GET", "/api/state")
    assert state["mode"] == "blank" and state["queue"] == len(ctl.session.queue)
