"""Issue 21, point 10: the smaller ones found with real hands, each through the keys or clicks a moderator uses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console
from ui.test_ui_small_ones import language  # noqa: F401  (the fixture: English and German)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def _press(qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.activeModalWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, mods)


def _question(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    return box


# ---------------------------------------------------------------------- Del on the speaker's seat
def test_delete_on_the_speakers_seat_asks_and_the_undo_names_the_free_chair(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    guest = demo.seats[4].occupant
    assert guest is not None and demo.seats[4].is_free_chair
    ctl.start_turn(guest)
    clock.advance(42)
    circle = window.circle
    circle.setFocus()
    circle.select(4)
    _press(qtbot, Qt.Key.Key_Delete)
    box = _question(qtbot)
    assert demo.participant(guest).name in box.text() and "0:42" in box.text()
    assert demo.seats[4].occupant == guest and demo.turn is not None  # nothing happened yet
    _press(qtbot, Qt.Key.Key_Return)  # Enter on a reflex keeps the speaker
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert demo.seats[4].occupant == guest and demo.turn is not None and demo.turn.timer.is_running
    assert circle.hasFocus()
    _press(qtbot, Qt.Key.Key_Delete)
    box = _question(qtbot)
    empty = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(empty, LEFT)
    qtbot.waitUntil(lambda: demo.seats[4].occupant is None)
    assert demo.turn is None and demo.log[-1].participant_id == guest  # the turn is logged
    assert ctl.undo_stack.undoText() == f"{demo.participant(guest).name} leaves the free chair"


def test_delete_on_a_seat_whose_occupant_is_not_speaking_empties_it_at_once(
    window: ConsoleWindow, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    ctl.start_turn("pan-1")
    seat = demo.seat_of("pan-2")
    assert seat is not None
    window.circle.setFocus()
    window.circle.select(seat)
    _press(qtbot, Qt.Key.Key_Delete)
    assert demo.seats[seat].occupant is None and QApplication.activeModalWidget() is None
    assert ctl.undo_stack.undoText() == f"{demo.participant('pan-2').name} leaves seat {seat + 1}"
    assert demo.turn is not None and demo.turn.participant_id == "pan-1"


# ---------------------------------------------------------------------- the English placeholder
def test_the_message_placeholder_speaks_the_interfaces_language(
    language: str,  # noqa: F811
    window: ConsoleWindow,
) -> None:
    placeholder = window.stage_panel.message.placeholderText()
    if language == "en":
        assert "Bitte" not in placeholder and "Please come to an end" in placeholder
    else:
        assert "Bitte zum Schluss kommen" in placeholder


# ---------------------------------------------------------------------- Ctrl+Q in the middle of a turn
def test_ctrl_q_during_a_running_turn_asks_once(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    ctl.start_turn("aud-01")
    clock.advance(30)
    window.circle.setFocus()
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = _question(qtbot)
    assert demo.participant("aud-01").name in box.text() and "1:30" in box.text()
    assert window.isVisible()
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.isVisible() and demo.turn is not None and demo.turn.timer.is_running
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = _question(qtbot)
    quit_button = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(quit_button, LEFT)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_ctrl_q_with_nobody_speaking_quits_at_once(window: ConsoleWindow, qtbot: QtBot) -> None:
    window.circle.setFocus()
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert QApplication.activeModalWidget() is None


# ---------------------------------------------------------------------- Ctrl+P
def test_ctrl_p_highlights_the_first_item_every_time_wherever_the_mouse_rests(
    window: ConsoleWindow, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor

    menu = window.menus.export_menu
    first = next(a for a in menu.actions() if a.isEnabled() and not a.isSeparator())
    window.circle.setFocus()
    for spot in (QPoint(40, 40), window.rect().center(), QPoint(window.width() - 60, window.height() - 60), None):
        if spot is not None:
            QCursor.setPos(window.mapToGlobal(spot))
        _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(menu.isVisible)
        qtbot.wait(30)  # whatever the mouse under the opened menu does, it has done it
        assert menu.activeAction() is first, (spot, menu.activeAction() and menu.activeAction().text())
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not menu.isVisible())
    # the mouse still works once it really moves
    _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(menu.isVisible)
    second = menu.actions()[1]
    spot = menu.actionGeometry(second).center()
    QCursor.setPos(menu.mapToGlobal(spot))
    qtbot.mouseMove(menu, spot)
    qtbot.waitUntil(lambda: menu.activeAction() is second)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
