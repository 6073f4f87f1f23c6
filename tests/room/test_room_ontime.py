"""The ontime bridge (issue 27, point 5): the console's turn pushed to ontime over its HTTP integration API.

No ontime runs here (it is a Node program under GPL-3, talked to over the network only): a stand-in HTTP server on
127.0.0.1 records the requests, answering as ontime's API documents (`{"payload": "success"}`). What is checked is
what the console sends and when, and that a missing ontime never holds up the console.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room.ontime_bridge import NOBODY, OntimeSettings, TurnSnapshot, requests_between
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


class FakeOntime:
    """Records every GET path, as ontime's integration API would receive them."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with lock:
                    owner.paths.append(urllib.parse.unquote(self.path))
                body = json.dumps({"payload": "success"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), name="test-ontime")
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def ontime() -> Iterator[FakeOntime]:
    fake = FakeOntime()
    yield fake
    fake.close()


@pytest.fixture
def room(window: ConsoleWindow, tmp_path: Path) -> Iterator[Room]:
    r = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    yield r
    r.ontime.shut_down()


def test_what_is_sent_for_each_change() -> None:
    turn = TurnSnapshot("aud-04:6", "Ahmad Al-Sayed", 120, 120, True, False)
    assert requests_between(NOBODY, turn, "fb1") == [
        "/api/change/fb1/title/Ahmad%20Al-Sayed",
        "/api/change/fb1/duration/120",
        "/api/start/id/fb1",
    ]
    paused = TurnSnapshot("aud-04:6", "Ahmad Al-Sayed", 120, 95, False, False)
    assert requests_between(turn, paused, "fb1") == ["/api/pause"]
    more = TurnSnapshot("aud-04:6", "Ahmad Al-Sayed", 150, 125, True, False)
    assert requests_between(paused, more, "fb1") == ["/api/addtime/add/30", "/api/start"]
    less = TurnSnapshot("aud-04:6", "Ahmad Al-Sayed", 120, 80, True, False)
    assert requests_between(more, less, "fb1") == ["/api/addtime/remove/30"]
    reset = TurnSnapshot("aud-04:6", "Ahmad Al-Sayed", 120, 120, False, True)
    assert requests_between(less, reset, "fb1")[-1] == "/api/load/id/fb1"
    assert requests_between(reset, NOBODY, "fb1") == ["/api/stop"]
    assert requests_between(NOBODY, NOBODY, "fb1") == []
    slash = TurnSnapshot("x:1", "A/B ?#", 60, 30, True, False)
    assert requests_between(NOBODY, slash, "fb 1")[:2] == [
        "/api/change/fb%201/title/A%2FB%20%3F%23",  # nothing a name holds can reach another endpoint
        "/api/change/fb%201/duration/30",  # set up in the middle of a turn: the time left
    ]


def test_the_turn_follows_the_console(qtbot: QtBot, room: Room, window: ConsoleWindow, ontime: FakeOntime) -> None:
    ctl = window.controller
    assert room.set_ontime(OntimeSettings(True, ontime.url, "fishbowl")) is None
    assert ctl.next_free_chair()  # Ahmad takes the free chair, his time runs
    qtbot.waitUntil(lambda: "/api/start/id/fishbowl" in ontime.paths)
    assert ontime.paths[:3] == [
        "/api/change/fishbowl/title/Ahmad Al-Sayed",
        "/api/change/fishbowl/duration/120",
        "/api/start/id/fishbowl",
    ]
    assert ctl.toggle_timer()
    qtbot.waitUntil(lambda: ontime.paths[-1:] == ["/api/pause"])
    assert ctl.adjust_time(30)
    qtbot.waitUntil(lambda: ontime.paths[-1:] == ["/api/addtime/add/30"])
    assert ctl.end_turn()
    qtbot.waitUntil(lambda: ontime.paths[-1:] == ["/api/stop"])
    qtbot.waitUntil(lambda: room.ontime.sent == len(ontime.paths))
    assert room.ontime.problem == ""


def test_no_name_without_consent(qtbot: QtBot, room: Room, window: ConsoleWindow, ontime: FakeOntime) -> None:
    ctl = window.controller
    for pid in ("aud-04", "aud-03", "aud-12"):
        assert ctl.dequeue(pid)
    assert ctl.enqueue("aud-06")  # did not agree to be named
    assert room.set_ontime(OntimeSettings(True, ontime.url, "fishbowl")) is None
    assert ctl.next_free_chair()
    qtbot.waitUntil(lambda: "/api/start/id/fishbowl" in ontime.paths)
    name = ctl.session.participant("aud-06").name
    assert not any(name.split()[0] in p for p in ontime.paths)
    assert "/api/change/fishbowl/title/Gast" in ontime.paths or "/api/change/fishbowl/title/Guest" in ontime.paths


def test_a_missing_ontime_is_said_and_holds_nothing_up(qtbot: QtBot, room: Room, window: ConsoleWindow) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"  # nobody listens once the socket is closed
    assert room.set_ontime(OntimeSettings(True, closed, "fishbowl")) is None
    ctl = window.controller
    assert ctl.next_free_chair()
    assert ctl.toggle_timer() and ctl.toggle_timer()  # the console goes on at once
    qtbot.waitUntil(lambda: room.ontime.problem != "", timeout=10000)
    assert ctl.session.turn is not None and ctl.session.turn.timer.is_running


def test_settings_in_the_desk_box_kept_in_room_json(
    qtbot: QtBot, room: Room, ontime: FakeOntime, tmp_path: Path
) -> None:
    from fishbowl_desktop.ui.room.room_window import RoomWindow

    dialog = RoomWindow(room)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.desk.more, Qt.MouseButton.LeftButton)  # OSC and ontime: unfolded
    box = dialog.desk.ontime
    try:
        box.url.setText("ftp://ontime")
        box.url.editingFinished.emit()
        assert "ftp://ontime" in box.status.text() and room.links.ontime.url != "ftp://ontime"
        box.url.setFocus()
        box.url.selectAll()
        qtbot.keyClicks(box.url, ontime.url)
        qtbot.keyClick(box.url, Qt.Key.Key_Return)
        box.event_id.setFocus()
        qtbot.keyClicks(box.event_id, "fishbowl")
        qtbot.keyClick(box.event_id, Qt.Key.Key_Return)
        qtbot.mouseClick(box.on, Qt.MouseButton.LeftButton, pos=QPoint(8, box.on.height() // 2))
        assert room.ontime.running
        stored = json.loads((tmp_path / "room.json").read_text("utf-8"))
        assert stored["ontime"] == {"on": True, "url": ontime.url, "event_id": "fishbowl"}
        qtbot.waitUntil(lambda: box.status.text().startswith("ontime shows the turn"))
    finally:
        room.stop()  # the room window switches the phones' room on
