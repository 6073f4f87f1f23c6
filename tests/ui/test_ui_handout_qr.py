"""File → Export PDF → Handout with the room's links: the print options offer the audience QR code, and the
ticked box puts the room's audience link on page 1 (through the real exporter and the PDF worker)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room.links import LINKS_FILE
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.paper.print_options_dialog import PrintOptionsDialog
from fishbowl_desktop.ui.room import room_links
from fishbowl_desktop.ui.room.room_handout import offer_on_handout, printable_audience_link
from fishbowl_desktop.ui.room.room_links import link_url
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


@pytest.fixture
def room(window: ConsoleWindow, tmp_path: Path) -> Iterator[Room]:
    r = Room(window.controller, window.ticker, lambda: window.settings, tmp_path / "data", window)
    yield r
    r.stop()


def _text(path: Path) -> str:
    return "".join((PdfReader(path).pages[0].extract_text() or "").split())


def _export(window: ConsoleWindow, qtbot: QtBot, out: Path, tick: bool | None) -> PrintOptionsDialog | None:
    exporter = window.exporter
    asked = exporter.ask("handout", window)
    dialog = asked if isinstance(asked, PrintOptionsDialog) else None
    if dialog is not None:
        if tick:
            dialog.audience_qr.setFocus()
            qtbot.keyClick(dialog.audience_qr, Qt.Key.Key_Space)  # the moderator ticks it
        assert dialog.audience_qr.isChecked() is bool(tick)
        shown = dialog.audience_qr if dialog.audience_qr.isVisibleTo(dialog) else dialog.logo.choose
        qtbot.keyClick(shown, Qt.Key.Key_Return)  # Enter continues
    files = exporter.dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    with qtbot.waitSignal(exporter.finished, timeout=20000) as done:
        files.fileSelected.emit(str(out))
    files.reject()
    assert done.args[0].ok, done.args[0].error
    return dialog


def test_ticked_audience_qr_puts_the_rooms_link_on_the_handout(
    window: ConsoleWindow, room: Room, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(room_links, "laptop_addresses", lambda: ["192.168.178.24"])
    offer_on_handout(window.exporter, lambda: room)
    assert printable_audience_link(room) == ""  # no room.json yet: the options have no QR box (only the logo)
    plain = _export(window, qtbot, tmp_path / "plain.pdf", None)
    assert plain is not None and not plain.audience_qr.isVisibleTo(plain)
    assert "http://" not in _text(tmp_path / "plain.pdf")

    _ = room.links  # the room's links are made (as when the room window opens) and stored in room.json
    assert (tmp_path / "data" / LINKS_FILE).is_file()
    link = link_url("192.168.178.24", room.port, room.links.audience)
    dialog = _export(window, qtbot, tmp_path / "unticked.pdf", False)
    assert dialog is not None and link in " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "http://" not in _text(tmp_path / "unticked.pdf")

    _export(window, qtbot, tmp_path / "ticked.pdf", True)
    assert link in _text(tmp_path / "ticked.pdf")
    assert "freienStuhlbitten" in _text(tmp_path / "ticked.pdf")  # the demo evening is in German
    assert window.exporter.options is not None and window.exporter.options.audience_link == link
    # Offered ticked again next time.
    again = window.exporter.ask("handout", window)
    assert isinstance(again, PrintOptionsDialog) and again.audience_qr.isChecked()
    again.reject()


def test_while_the_room_is_on_the_live_link_is_printed_never_loopback(
    window: ConsoleWindow, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    room.set_port(port)
    room.start("127.0.0.1")
    room.set_address("10.42.0.1")  # the address the moderator picked in the room window
    assert printable_audience_link(room) == f"http://10.42.0.1:{port}/{room.links.audience}"
    room.set_address("127.0.0.1")  # no phone reaches the loopback address: the laptop's network one instead
    monkeypatch.setattr(room_links, "laptop_addresses", lambda: ["192.168.178.24", "127.0.0.1"])
    assert printable_audience_link(room) == f"http://192.168.178.24:{port}/{room.links.audience}"
    monkeypatch.setattr(room_links, "laptop_addresses", lambda: ["127.0.0.1"])  # no network at all
    assert printable_audience_link(room) == ""
