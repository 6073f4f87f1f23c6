"""OSC's settings in the room window's desk box (issue 27, point 2): typed and clicked as a technician would, checked
with a clear message, kept in room.json with the room's links and never in the session file."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room.links import read_links
from fishbowl_desktop.room.osc_settings import OscSettings, parse_allowed, read_osc
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.osc_box import OscBox
from fishbowl_desktop.ui.room.room_window import RoomWindow
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.ports import free_udp_port


@pytest.fixture
def room(window: ConsoleWindow, tmp_path: Path) -> Iterator[Room]:
    r = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    r.osc.host = "127.0.0.1"
    yield r
    r.osc.shut_down()
    r.stop()  # the room window switches the phones' room on


@pytest.fixture
def box(room: Room, qtbot: QtBot) -> OscBox:
    dialog = RoomWindow(room)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.desk.osc.isVisible()  # folded away while OSC and ontime are off
    qtbot.mouseClick(dialog.desk.more, Qt.MouseButton.LeftButton)
    assert dialog.desk.osc.isVisible()
    return dialog.desk.osc


def type_into(qtbot: QtBot, field: object, text: str) -> None:
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

    assert isinstance(field, QLineEdit | QAbstractSpinBox)
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # editingFinished, as leaving the field does


def tick(qtbot: QtBot, box: OscBox) -> None:
    """A click on the check box's square, where a technician clicks."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box.on, Qt.MouseButton.LeftButton, pos=QPoint(8, box.on.height() // 2))


def test_off_by_default_and_switched_on_in_the_desk_box(qtbot: QtBot, room: Room, box: OscBox) -> None:
    assert not room.osc.running and not box.on.isChecked() and box.status.text() == "OSC is off."
    type_into(qtbot, box.port, str(free_udp_port()))
    type_into(qtbot, box.target, "127.0.0.1")
    type_into(qtbot, box.allowed, "127.0.0.1, 192.168.1.0/24")
    assert not room.osc.running  # the fields alone switch nothing on
    tick(qtbot, box)
    assert room.osc.running and room.osc.port == box.port.value()
    assert room.links.osc == OscSettings(True, box.port.value(), "127.0.0.1", 9001, ("127.0.0.1", "192.168.1.0/24"))
    assert f"Listening on UDP port {box.port.value()}" in box.status.text()
    tick(qtbot, box)
    stored = read_links(room._folder)[0]
    assert not room.osc.running and stored is not None and stored.osc.on is False


def test_a_bad_address_is_said_and_changes_nothing(qtbot: QtBot, room: Room, box: OscBox) -> None:
    type_into(qtbot, box.target, "192.168.1.300")
    assert "192.168.1.300" in box.problem.text() and "IPv4" in box.problem.text()
    assert room.links.osc.target == "" and box.target.text() == "192.168.1.300"  # the typing stays to be fixed
    type_into(qtbot, box.target, "desk.local")
    assert "desk.local" in box.problem.text()
    type_into(qtbot, box.target, "192.168.1.30")
    assert box.problem.text() == "" and room.links.osc.target == "192.168.1.30"
    type_into(qtbot, box.allowed, "192.168.1.20, jemand")
    assert "jemand" in box.problem.text() and room.links.osc.allowed == ()


def test_a_port_in_use_is_said_and_osc_stays_off(qtbot: QtBot, room: Room, box: OscBox) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as other:
        other.bind(("127.0.0.1", 0))  # another program holds the port
        taken = int(other.getsockname()[1])
        type_into(qtbot, box.port, str(taken))
        tick(qtbot, box)
        assert not room.osc.running and not box.on.isChecked()
        assert f"UDP port {taken} is in use by another program" in box.problem.text()
        assert room.links.osc.on is False


def test_kept_in_room_json_and_never_in_the_session_file(
    qtbot: QtBot, room: Room, window: ConsoleWindow, tmp_path: Path
) -> None:
    wanted = OscSettings(True, free_udp_port(), "127.0.0.1", 9100, ("127.0.0.1",))
    assert room.set_osc(wanted) is None
    stored = json.loads((tmp_path / "room.json").read_text("utf-8"))
    assert stored["osc"] == wanted.to_json()
    again = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    assert again.links.osc == wanted and not again.osc.running  # it is the room menu that switches it on again
    from fishbowl_desktop.storage import session_to_dict

    text = json.dumps(session_to_dict(window.controller.session))
    assert "9100" not in text and "127.0.0.1" not in text and '"osc"' not in text


def test_a_damaged_osc_entry_switches_osc_off_and_keeps_the_printed_links(tmp_path: Path, room: Room) -> None:
    links = room.links
    data = json.loads((tmp_path / "room.json").read_text("utf-8"))
    data["osc"] = {"on": True, "port": 80, "target": "x", "allowed": "everyone"}
    (tmp_path / "room.json").write_text(json.dumps(data), "utf-8")
    stored, refusal = read_links(tmp_path)
    assert refusal is None and stored is not None
    assert stored.audience == links.audience and stored.osc == OscSettings()


def test_the_checks() -> None:
    assert parse_allowed("192.168.1.20; 10.0.0.0/8\n192.168.1.20") == (("192.168.1.20", "10.0.0.0/8"), None)
    assert parse_allowed("192.168.1.20, nope") == (("192.168.1.20",), "nope")
    assert read_osc(None) == OscSettings() and read_osc("on") is None
    assert read_osc({"on": "true"}) is None  # "true" is no bool
    osc = OscSettings(allowed=("192.168.1.0/24",))
    assert osc.allows("192.168.1.77") and not osc.allows("192.168.2.1") and not osc.allows("nonsense")
