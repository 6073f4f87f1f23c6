"""A whole evening from the AV desk (issue 27, "done when"): the same evening driven once by the moderator's real
keys on the console and once by the desk alone — through the HTTP API with a real client, and through OSC with a
real python-osc client — must leave the same session behind: the same speech log, seats, queue, stage, and the
same undo history, step for step.

Each console has its own fake clock, advanced by the same amounts between the steps, so durations, overtime and
timestamps can be compared exactly.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from pythonosc.udp_client import SimpleUDPClient

from fishbowl_desktop.commands import command
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room.osc_settings import OscSettings
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.storage import session_to_dict
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE

PAUSE_S = TYPING_PAUSE + 0.1
"""Before every step, on every console: a deliberate press, not a burst of typing (ui/shell/key_guard.py)."""


@dataclass(frozen=True)
class Step:
    command: str
    text: str = ""
    then_s: float = 0.0
    """The evening goes on this long after the step (both consoles' clocks)."""


EVENING = (
    Step("next", then_s=50),  # Ahmad takes the free chair; his time runs
    Step("toggle_timer", then_s=5),  # paused: a question from the podium
    Step("toggle_timer", then_s=40),
    Step("add_time", then_s=20),
    Step("message", "Bitte zum Schluss kommen", then_s=30),
    Step("take_time", then_s=15),  # into overtime
    Step("message", "", then_s=2),
    Step("blank", then_s=3),
    Step("blank", then_s=1),
    Step("next", then_s=20),  # Olga
    Step("reset_timer", then_s=60),
    Step("end_turn", then_s=10),
    Step("next", then_s=90),  # Ibrahim
    Step("take_time", then_s=10),
    Step("end_turn", then_s=5),
)
KEYS: dict[str, tuple[Qt.Key, Qt.KeyboardModifier]] = {
    "next": (Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier),
    "toggle_timer": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "add_time": (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier),
    "take_time": (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier),
    "end_turn": (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier),
    "reset_timer": (Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier),
    "blank": (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier),
}


def console(qtbot: QtBot) -> ConsoleWindow:
    ctl = SessionController(demo_session(FakeClock()))
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    window.show()
    return window


Steps = list[tuple[int, str]]
"""After each step: how many undo steps the console has, and the top one's text."""


def after_step(window: ConsoleWindow, steps: Steps) -> None:
    stack = window.controller.undo_stack
    steps.append((stack.count(), stack.undoText()))


def record(window: ConsoleWindow, steps: Steps) -> tuple[dict[str, Any], Steps]:
    """The session as its file would hold it, without the moment it was written (the real clock's)."""
    data = session_to_dict(window.controller.session)
    del data["saved_at"]
    return data, steps


def by_keys(qtbot: QtBot, window: ConsoleWindow) -> Steps:
    """The moderator at the laptop: real key presses; the message typed into the stage panel's field."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.circle.setFocus()
    steps: Steps = []
    for step in EVENING:
        window.controller.session.clock.advance(PAUSE_S)  # type: ignore[attr-defined]
        if step.command == "message":
            field = window.stage_panel.message
            field.setFocus()
            field.selectAll()
            qtbot.keyClick(field, Qt.Key.Key_Backspace)
            if step.text:
                qtbot.keyClicks(field, step.text)
                qtbot.keyClick(field, Qt.Key.Key_Return)
            qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # back to the circle
        else:
            key, modifier = KEYS[step.command]
            qtbot.keyClick(window.focusWidget() or window.circle, key, modifier)
        after_step(window, steps)
        window.controller.session.clock.advance(step.then_s)  # type: ignore[attr-defined]
    return steps


def started_room(window: ConsoleWindow, folder: Path) -> Room:
    room = Room(window.controller, window.ticker, lambda: window.settings, folder, window)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        room.set_port(int(s.getsockname()[1]))
    room.start("127.0.0.1")
    return room


def by_api(qtbot: QtBot, window: ConsoleWindow, room: Room) -> Steps:
    """The desk alone, one HTTP request per step, each answered before the next (as a Stream Deck presses)."""

    async def post(url: str, token: str, body: dict[str, str]) -> int:
        async with (
            aiohttp.ClientSession() as client,
            client.post(url, json=body, headers={"Authorization": f"Bearer {token}"}) as answer,
        ):
            await answer.read()
            return answer.status

    steps: Steps = []
    for step in EVENING:
        window.controller.session.clock.advance(PAUSE_S)  # type: ignore[attr-defined]
        url = f"http://127.0.0.1:{room.port}/api/commands/{step.command}"
        body = {"text": step.text} if step.command == "message" else {}
        with ThreadPoolExecutor(1) as pool:
            future = pool.submit(asyncio.run, post(url, room.links.api, body))
            qtbot.waitUntil(future.done, timeout=20000)
        assert future.result() == 200, step
        after_step(window, steps)
        window.controller.session.clock.advance(step.then_s)  # type: ignore[attr-defined]
    return steps


def by_osc(qtbot: QtBot, window: ConsoleWindow, room: Room) -> Steps:
    """The desk alone over OSC: one message per step, the next sent once the console has taken the last."""
    client = SimpleUDPClient("127.0.0.1", room.osc.port)
    steps: Steps = []
    for n, step in enumerate(EVENING, start=1):
        window.controller.session.clock.advance(PAUSE_S)  # type: ignore[attr-defined]
        client.send_message(f"/fishbowl/{step.command}", [step.text] if step.command == "message" else [])
        qtbot.waitUntil(lambda n=n: room.osc.stats.get("taken") == n, timeout=10000)  # type: ignore[misc]
        after_step(window, steps)
        window.controller.session.clock.advance(step.then_s)  # type: ignore[attr-defined]
    return steps


@pytest.fixture
def keyed(qtbot: QtBot) -> tuple[dict[str, Any], Steps]:
    window = console(qtbot)
    return record(window, by_keys(qtbot, window))


def test_the_evening_by_keys_is_a_real_evening(keyed: tuple[dict[str, Any], Steps]) -> None:
    """What the comparison stands on: the keys really ran the evening (three turns logged, one into overtime;
    Next and End the turn are undo steps, the timer and the stage are live)."""
    session, steps = keyed
    log = session["log"][6:]  # the demo's six turns before
    assert [r["participant_id"] for r in log] == ["aud-04", "aud-03", "aud-12"]
    assert log[0]["duration"] > log[0]["allotted"] and log[0]["allotted"] == 120
    assert [count for count, _text in steps] == [1] * 9 + [2, 2, 3, 4, 4, 5]
    assert session["stage"]["message"] == "" and session["turn"] is None


@pytest.mark.parametrize("desk", ["api", "osc"])
def test_the_same_evening_from_the_desk_leaves_the_same_session(
    desk: str, qtbot: QtBot, tmp_path: Path, keyed: tuple[dict[str, Any], Steps]
) -> None:
    window = console(qtbot)
    room = started_room(window, tmp_path)
    drive: Callable[[QtBot, ConsoleWindow, Room], Steps]
    try:
        if desk == "api":
            drive = by_api
        else:
            room.osc.host = "127.0.0.1"
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.bind(("127.0.0.1", 0))
                port = int(s.getsockname()[1])
            assert room.set_osc(OscSettings(True, port, "", 9001, ("127.0.0.1",))) is None
            drive = by_osc
        session, history = record(window, drive(qtbot, window, room))
    finally:
        room.osc.shut_down()
        room.stop()
    keyed_session, keyed_history = keyed
    assert history == keyed_history
    assert session == keyed_session


def test_an_evening_is_compared_in_full(qtbot: QtBot) -> None:
    """The comparison can fail: one step left out shows in the session."""
    whole, short = console(qtbot), console(qtbot)
    whole_steps = by_keys(qtbot, whole)
    for step in EVENING[:-1]:
        short.controller.session.clock.advance(PAUSE_S)  # type: ignore[attr-defined]
        if step.command != "message":
            command(step.command).run(short.controller, {})
        else:
            short.controller.show_message(step.text)
        short.controller.session.clock.advance(step.then_s)  # type: ignore[attr-defined]
    assert record(whole, whole_steps)[0] != record(short, [])[0]
