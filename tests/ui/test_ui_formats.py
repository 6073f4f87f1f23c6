"""Closed, open and tap-out on the real console, through real key events (issue 28, point 3): the Format menu's
keys switch, its check marks follow (also an Undo), Next says plainly that a closed fishbowl lets nobody in,
and in tap-out N asks whom the next person replaces, answered with the seat's number."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, FishbowlFormat, Opening, Session
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
from helpers.console import no_pdf, open_console

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def quiet(session: Session) -> None:
    """The moderator's hands rest a moment: N right after another key is taken for typing (key_guard)."""
    clock = session.clock
    assert isinstance(clock, FakeClock)
    clock.advance(TYPING_PAUSE + 0.1)


def occupants(session: Session) -> list[str | None]:
    return [s.occupant for s in session.seats]


def opening(session: Session) -> Opening:
    """Read afresh each time (mypy narrows a repeated attribute read as if keys could not change it)."""
    return session.settings.opening


def checked(window: ConsoleWindow) -> list[str]:
    return [n for n in ("close_fishbowl", "open_fishbowl", "tap_out_fishbowl") if window.commands[n].isChecked()]


def test_closed_then_opened_by_keys_with_undo(window: ConsoleWindow, demo: Session, qtbot: QtBot) -> None:
    assert checked(window) == ["open_fishbowl"]
    seats, queue, log = occupants(demo), demo.queue.as_tuple(), demo.log.as_tuple()

    qtbot.keyClick(window.circle, Qt.Key.Key_C, CTRL_SHIFT)
    assert opening(demo) is Opening.CLOSED
    assert checked(window) == ["close_fishbowl"]
    assert window.queue_panel.next.text() == "Closed: nobody comes in"
    assert not window.queue_panel.next.isEnabled() and not window.timer_panel.next.isEnabled()

    quiet(demo)
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    assert "closed" in window.message_bar.text()
    assert occupants(demo) == seats and demo.queue.as_tuple() == queue and demo.log.as_tuple() == log

    qtbot.keyClick(window.circle, Qt.Key.Key_O, CTRL_SHIFT)
    assert opening(demo) is Opening.FREE_CHAIR and checked(window) == ["open_fishbowl"]
    quiet(demo)
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04"
    assert demo.log.as_tuple()[: len(log)] == log

    qtbot.keyClick(window.circle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the Next
    qtbot.keyClick(window.circle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the opening
    assert opening(demo) is Opening.CLOSED and checked(window) == ["close_fishbowl"]
    assert occupants(demo) == seats and demo.queue.as_tuple() == queue


def _tap_out_menu(qtbot: QtBot) -> QMenu:
    def shown() -> bool:
        popup = QApplication.activePopupWidget()
        return isinstance(popup, QMenu) and popup.objectName() == "tapOutMenu"

    qtbot.waitUntil(shown)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    return popup


def test_tap_out_asks_whom_and_the_seat_number_answers(window: ConsoleWindow, demo: Session, qtbot: QtBot) -> None:
    """Experts stay (the demo's rule): only the guest on the free chair (seat 5) may be tapped out."""
    qtbot.keyClick(window.circle, Qt.Key.Key_T, CTRL_SHIFT)
    assert opening(demo) is Opening.TAP_OUT and checked(window) == ["tap_out_fishbowl"]
    assert window.queue_panel.next.text() == "Tap-out: Ahmad Al-Sayed replaces…"

    quiet(demo)
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    menu = _tap_out_menu(qtbot)
    entries = [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert entries == ["&5  " + demo.participant("aud-01").name]
    assert "Whom does" in menu.actions()[0].text()
    qtbot.keyClick(menu, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: demo.seats[4].occupant == "aud-04")
    assert demo.seat_of("aud-01") is None
    assert demo.turn is not None and demo.turn.participant_id == "aud-04"


def test_tap_out_of_a_panelist_in_the_open_rule_and_undo(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    ctl.set_settings(replace(demo.settings, format=FishbowlFormat.OPEN))
    qtbot.keyClick(window.circle, Qt.Key.Key_T, CTRL_SHIFT)
    before = occupants(demo)
    ctl.start_turn("pan-2")
    clock.advance(42)
    logged = len(demo.log)

    window.timer_panel.next.click()  # the button asks the same question as the key
    menu = _tap_out_menu(qtbot)
    qtbot.keyClick(menu, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: demo.seats[1].occupant == "aud-04")
    assert len(demo.log) == logged + 1 and demo.log[-1].participant_id == "pan-2" and demo.log[-1].duration == 42
    assert "aud-04 replaces" not in window.controller.undo_stack.undoText()
    assert window.controller.undo_stack.undoText().endswith("replaces " + demo.participant("pan-2").name)

    qtbot.keyClick(window.circle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert occupants(demo) == before and demo.queue[0].participant_id == "aud-04"


def test_escape_leaves_the_tap_out_question_and_nothing_changes(
    window: ConsoleWindow, demo: Session, qtbot: QtBot
) -> None:
    qtbot.keyClick(window.circle, Qt.Key.Key_T, CTRL_SHIFT)
    before = demo.snapshot()
    quiet(demo)
    qtbot.keyClick(window.circle, Qt.Key.Key_PageDown)  # the presenter remote's Next
    menu = _tap_out_menu(qtbot)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert demo.snapshot() == before


def test_the_format_menu_lists_the_three_and_help_names_their_keys(window: ConsoleWindow) -> None:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    fmt = menus["F&ormat"]
    assert isinstance(fmt, QMenu)
    texts = [a.text() for a in fmt.actions()]
    assert texts == [
        "&Closed: the audience listens",
        "&Open: a free chair for the audience",
        "&Tap-out: a newcomer replaces a speaker",
    ]
    dialog = window.show_shortcuts()
    try:
        assert any("Closed fishbowl" in second for _first, second in dialog.rows())
        keys = [first for first, second in dialog.rows() if second.startswith("Closed fishbowl")]
        assert keys and "C" in keys[0] and "Shift" in keys[0]
    finally:
        dialog.close()
