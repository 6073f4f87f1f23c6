"""The AV desk's OSC (issue 27, point 2): a real python-osc client sends commands to the console on 127.0.0.1, and a
real python-osc server plays the desk that receives the state. The console's event loop runs while the test waits,
as in the app (commands run on the console's thread, like a key)."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_server import BlockingOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from fishbowl_desktop.room import osc_server
from fishbowl_desktop.room.osc_settings import OscSettings
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.stage.content import projector_content
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.ports import free_udp_port


class Desk:
    """A lighting desk's OSC input: every message it gets, with its arrival time."""

    def __init__(self) -> None:
        self.got: list[tuple[str, tuple[Any, ...], float]] = []
        self._lock = threading.Lock()
        dispatcher = Dispatcher()
        dispatcher.set_default_handler(self._take)
        self.server = BlockingOSCUDPServer(("127.0.0.1", 0), dispatcher)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), name="test-osc-desk")
        self.thread.start()

    def _take(self, address: str, *args: Any) -> None:
        with self._lock:
            self.got.append((address, args, time.monotonic()))

    def values(self, address: str) -> list[tuple[Any, ...]]:
        with self._lock:
            return [args for a, args, _t in self.got if a == address]

    def last(self, address: str) -> tuple[Any, ...] | None:
        found = self.values(address)
        return found[-1] if found else None

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def desk() -> Iterator[Desk]:
    d = Desk()
    yield d
    d.close()


@pytest.fixture
def room(window: ConsoleWindow, tmp_path: Path, desk: Desk) -> Iterator[Room]:
    r = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    r.osc.host = "127.0.0.1"
    settings = OscSettings(True, free_udp_port(), "127.0.0.1", desk.port, ("127.0.0.1",))
    assert r.set_osc(settings) is None and r.osc.running
    yield r
    r.osc.shut_down()


def send(room: Room, address: str, *args: Any) -> None:
    SimpleUDPClient("127.0.0.1", room.osc.port).send_message(address, list(args) if args else [])


def test_commands_in_do_exactly_what_the_key_does(
    qtbot: QtBot, room: Room, window: ConsoleWindow, caplog: pytest.LogCaptureFixture
) -> None:
    ctl = window.controller
    ctl.start_turn("aud-01")
    running = ctl.session.turn is not None and ctl.session.turn.timer.is_running
    caplog.set_level(logging.INFO, logger="fishbowl.osc")
    send(room, "/fishbowl/toggle_timer")
    qtbot.waitUntil(lambda: ctl.session.turn is not None and ctl.session.turn.timer.is_running != running)
    assert "OSC command from 127.0.0.1: toggle_timer" in caplog.text
    send(room, "/fishbowl/message", "Bitte zum Schluss kommen")
    qtbot.waitUntil(lambda: ctl.session.stage.message == "Bitte zum Schluss kommen")

    steps, logged = ctl.undo_stack.count(), len(ctl.session.log.as_tuple())
    send(room, "/fishbowl/end_turn")
    qtbot.waitUntil(lambda: ctl.session.turn is None)
    by_desk = (ctl.undo_stack.count() - steps, ctl.undo_stack.undoText(), len(ctl.session.log.as_tuple()) - logged)
    record_by_desk = ctl.session.log.as_tuple()[-1]
    ctl.undo_stack.undo()
    assert ctl.session.turn is not None
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # the key, as the moderator presses it
    by_key = (ctl.undo_stack.count() - steps, ctl.undo_stack.undoText(), len(ctl.session.log.as_tuple()) - logged)
    assert by_desk == by_key == (1, "End the turn", 1)
    record_by_key = ctl.session.log.as_tuple()[-1]
    assert (record_by_desk.participant_id, record_by_desk.seat_index) == (
        record_by_key.participant_id,
        record_by_key.seat_index,
    )


def test_a_refused_or_unknown_command_is_told_to_the_desk(qtbot: QtBot, room: Room, desk: Desk) -> None:
    send(room, "/fishbowl/quit")  # a window command: never the desk's
    qtbot.waitUntil(lambda: ("/fishbowl/quit", "no such command for the desk") in desk.values("/fishbowl/refused"))
    send(room, "/fishbowl/message", "x" * 201)
    qtbot.waitUntil(lambda: any(v[0] == "message" for v in desk.values("/fishbowl/refused")))
    assert room._controller.session.stage.message != "x" * 201
    send(room, "/fishbowl/toggle_timer")  # nobody has the floor: the console's own words
    qtbot.waitUntil(lambda: any(v[0] == "toggle_timer" and v[1] for v in desk.values("/fishbowl/refused")))


def test_state_goes_out_each_second_and_on_every_change(
    qtbot: QtBot, room: Room, desk: Desk, window: ConsoleWindow
) -> None:
    ctl = window.controller
    session = ctl.session
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/phase") is not None)
    ctl.start_turn("aud-01")
    content = projector_content(session, window.ticker.view(), window.settings)
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/speaker") == (content.speaker_name, content.speaker_detail))
    assert desk.last("/fishbowl/state/next") == (content.next_text,)
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/phase") == ("running",))
    assert desk.last("/fishbowl/state/running") == (1,)
    turn = session.turn
    assert turn is not None
    # Almost out of time: 2.5 s left, paused; then the desk counts the seconds down into overtime in real time
    session.clock.advance(turn.timer.allotted - 2.5)  # type: ignore[attr-defined]
    ctl.toggle_timer()
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/time") == (3, "0:03"))
    assert desk.last("/fishbowl/state/running") == (0,) and desk.last("/fishbowl/state/phase") == ("warning",)
    ctl.toggle_timer()  # running again: the desk's clock starts from here
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/overtime") == (1,), timeout=10000)
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/time") == (-1, "+0:01"), timeout=10000)
    times = [args[0] for args in desk.values("/fishbowl/state/time")]
    assert times[times.index(3) :] == [3, 2, 1, 0, -1][: len(times) - times.index(3)]
    phases = [args[0] for args in desk.values("/fishbowl/state/phase")]
    assert phases[-2:] == ["warning", "overtime"]
    assert desk.values("/fishbowl/state/overtime").count((1,)) == 1  # overtime starts once

    ctl.next_free_chair()
    after = projector_content(session, window.ticker.view(), window.settings)
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/speaker") == (after.speaker_name, after.speaker_detail))
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/overtime") == (0,))


def test_no_name_goes_out_that_the_projector_would_not_show(
    qtbot: QtBot, room: Room, desk: Desk, window: ConsoleWindow
) -> None:
    ctl = window.controller
    session = ctl.session
    for pid in ("aud-04", "aud-03", "aud-12"):
        assert ctl.dequeue(pid)
    hidden = [p for p in session.participants if not p.consent_to_list]
    assert [p.id for p in hidden] == ["aud-06", "aud-10"]
    for person in hidden:
        assert ctl.enqueue(person.id)
    assert ctl.next_free_chair()  # aud-06 speaks, aud-10 is next: neither agreed to be named
    assert session.turn is not None and session.turn.participant_id == "aud-06"
    content = projector_content(session, window.ticker.view(), window.settings)
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/speaker") == (content.speaker_name, content.speaker_detail))
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/next") == (content.next_text,))
    with desk._lock:
        sent = json.dumps([args for _a, args, _t in desk.got], ensure_ascii=False)
    assert not any(person.name in sent or person.name.split()[0] in sent for person in hidden)


def test_a_sender_not_on_the_whitelist_is_ignored(qtbot: QtBot, room: Room, window: ConsoleWindow) -> None:
    ctl = window.controller
    steps = ctl.undo_stack.count()
    builder = OscMessageBuilder(address="/fishbowl/message")
    builder.add_arg("von einem Fremden")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as stranger:
        stranger.bind(("127.0.0.2", 0))  # another address on this machine: not on the list
        stranger.sendto(builder.build().dgram, ("127.0.0.1", room.osc.port))
        qtbot.waitUntil(lambda: room.osc.stats.get("ignored") == 1)
    assert room.osc.stats["last_ignored"] == "127.0.0.2"
    assert ctl.undo_stack.count() == steps and ctl.session.stage.message != "von einem Fremden"
    send(room, "/fishbowl/message", "vom Pult")  # the desk on the list still gets through
    qtbot.waitUntil(lambda: ctl.session.stage.message == "vom Pult")
    # and with an empty list nobody gets through, the desk neither
    assert room.set_osc(replace(room.links.osc, allowed=())) is None
    send(room, "/fishbowl/message", "noch einmal")
    qtbot.waitUntil(lambda: room.osc.stats.get("ignored") == 2)
    assert ctl.session.stage.message == "vom Pult"


def test_a_flood_is_refused_and_the_console_stays_responsive(qtbot: QtBot, room: Room, window: ConsoleWindow) -> None:
    ctl = window.controller
    ctl.start_turn("aud-01")
    assert ctl.session.turn is not None
    allotted = ctl.session.turn.timer.allotted
    client = SimpleUDPClient("127.0.0.1", room.osc.port)
    for _ in range(500):
        client.send_message("/fishbowl/add_time", [])
    qtbot.waitUntil(lambda: room.osc.stats.get("flood", 0) > 0)
    # the console takes keys while the flood is being refused
    running = ctl.session.turn is not None and ctl.session.turn.timer.is_running
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert ctl.session.turn is not None and ctl.session.turn.timer.is_running != running

    def every_taken_one_ran() -> bool:
        turn = ctl.session.turn
        return turn is not None and turn.timer.allotted == allotted + 30 * room.osc.stats.get("taken", -1)

    qtbot.waitUntil(every_taken_one_ran, timeout=10000)
    taken = room.osc.stats["taken"]
    assert 0 < taken < 500 and taken <= osc_server.COMMANDS_PER_SECOND * 5


def test_the_desks_clock_goes_on_while_the_beamer_is_blank(
    qtbot: QtBot, room: Room, desk: Desk, window: ConsoleWindow
) -> None:
    ctl = window.controller
    assert ctl.start_turn("aud-01")
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/running") == (1,))
    assert ctl.toggle_blank()
    qtbot.waitUntil(lambda: desk.last("/fishbowl/state/mode") == ("blank",))
    assert desk.last("/fishbowl/state/speaker") == ("", "")  # off air, like the projector and the lower third
    assert desk.last("/fishbowl/state/phase") == ("running",) and desk.last("/fishbowl/state/running") == (1,)
    seen = len(desk.values("/fishbowl/state/time"))
    qtbot.waitUntil(lambda: len(desk.values("/fishbowl/state/time")) > seen, timeout=5000)  # the seconds go on
