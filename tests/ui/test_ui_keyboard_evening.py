"""Issue 9.7: every action of the evening without a mouse, through real key events on the real console, and
the keyboard gaps that were found on the way (Space and Return on a focused button, Tab out of the queue,
back to the circle, Ctrl+Z in the name field, Undo saying what it undoes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.circle.seat_dialogs import SeatPicker
from fishbowl_desktop.ui.event.event_dialog import EventDialog
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.paper.print_options_dialog import PrintOptionsDialog
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
from helpers.console import no_pdf, open_console

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


class Keys:
    """The moderator's hands: keys go to whatever has the focus, as on a real keyboard; a pause before each
    single key, as a person makes between two deliberate presses."""

    def __init__(self, window: ConsoleWindow, clock: FakeClock, qtbot: QtBot) -> None:
        self.window, self.clock, self.qtbot = window, clock, qtbot

    def target(self) -> QWidget:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return popup
        focus = QApplication.focusWidget()
        return focus if focus is not None else self.window

    def press(self, key: Qt.Key, mods: Qt.KeyboardModifier = NO) -> None:
        self.clock.advance(TYPING_PAUSE + 0.1)
        self.qtbot.keyClick(self.target(), key, mods)

    def type(self, text: str) -> None:
        self.clock.advance(TYPING_PAUSE + 0.1)
        for ch in text:
            self.qtbot.keyClicks(self.target(), ch)
            self.clock.advance(0.08)

    def back_in_the_console(self) -> None:
        """A dialog closed: the window manager gives the console the focus back (offscreen needs asking)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)

    def tab_to(self, widget: QWidget, limit: int = 80) -> None:
        for _ in range(limit):
            if widget.hasFocus():
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget!r}; focus stayed in {QApplication.focusWidget()!r}")


def test_a_whole_evening_by_keyboard_alone(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    keys = Keys(window, clock, qtbot)
    circle, queue, timer = window.circle, window.queue_panel, window.timer_panel
    assert circle.hasFocus() and circle.selected == 0

    # the first panelist gets the floor; the moderator starts, pauses, gives time
    keys.press(Qt.Key.Key_Return)
    assert demo.turn is not None and demo.turn.participant_id == "pan-1"
    if not demo.turn.timer.is_running:
        keys.press(Qt.Key.Key_Space)
    assert demo.turn.timer.is_running
    clock.advance(60)
    keys.press(Qt.Key.Key_Space)
    assert not demo.turn.timer.is_running
    keys.press(Qt.Key.Key_Plus)
    assert demo.turn.timer.allotted == 210
    keys.press(Qt.Key.Key_Space)

    # a newcomer raises a hand: Ctrl+E, the name, Enter: the keyboard is back in the circle (issue 21);
    # Ctrl+E and Esc lead into the queue table
    keys.press(Qt.Key.Key_E, CTRL)
    assert queue.entry.hasFocus()
    keys.type("Frieda Neumann")
    keys.press(Qt.Key.Key_Return)
    frieda = next(p.id for p in demo.participants if p.name == "Frieda Neumann")
    assert [e.participant_id for e in demo.queue][-1] == frieda and queue.entry.text() == ""
    assert circle.hasFocus()
    keys.press(Qt.Key.Key_E, CTRL)
    keys.press(Qt.Key.Key_Escape)
    assert queue.view.hasFocus()

    # in the queue table: pick the newcomer, move her up one place, then back to the circle
    keys.press(Qt.Key.Key_End, CTRL)
    keys.press(Qt.Key.Key_Up, CTRL)
    assert [e.participant_id for e in demo.queue][-2] == frieda
    keys.press(Qt.Key.Key_Escape)  # Esc in the table: back to the circle
    assert circle.hasFocus()

    # Undo says what it undoes, and Ctrl+Z undoes it
    assert window.commands["undo"].text() == "&Undo Reorder the queue"
    keys.press(Qt.Key.Key_Z, CTRL)
    assert [e.participant_id for e in demo.queue][-1] == frieda
    keys.press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert [e.participant_id for e in demo.queue][-2] == frieda

    # the panelist's turn ends: Tab to "End turn", Return
    keys.tab_to(timer.end)
    keys.press(Qt.Key.Key_Return)
    assert demo.turn is None and demo.log[-1].participant_id == "pan-1"

    # Next: one out, one in on the free chair, the clock runs
    keys.press(Qt.Key.Key_I, CTRL)
    assert circle.hasFocus()
    keys.press(Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04" and demo.turn is not None
    assert window.commands["undo"].text() == "&Undo Next: Ahmad Al-Sayed"
    clock.advance(95)

    # the guest leaves early from seat 4's panelist: empty seat 4 (Delete), then seat someone there (Insert)
    assert circle.selected == 4  # the selection followed the floor to the free chair (an Enter now keeps it there)
    keys.press(Qt.Key.Key_Left)
    assert circle.selected == 3
    keys.press(Qt.Key.Key_Delete)
    assert demo.seats[3].occupant is None
    keys.press(Qt.Key.Key_Insert)
    picker = circle.active_dialog
    assert isinstance(picker, SeatPicker)
    picker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker)
    keys.type("Mehmet")
    keys.press(Qt.Key.Key_Return)
    assert demo.seats[3].occupant == "pan-4"

    # the beamer: blank and back (B), hide and show the projector (F5)
    keys.back_in_the_console()
    assert circle.hasFocus()  # Seat… closed: the keys go on in the circle
    keys.press(Qt.Key.Key_B)
    assert demo.stage.blank
    keys.press(Qt.Key.Key_B)
    assert not demo.stage.blank
    keys.press(Qt.Key.Key_F5)
    assert window.projector.is_visible()
    keys.press(Qt.Key.Key_F5)
    assert not window.projector.is_visible()
    keys.back_in_the_console()

    # someone signs out: find her (Ctrl+F), Tab into the list, Delete, and confirm with Return
    keys.press(Qt.Key.Key_F, CTRL)
    assert window.participants_panel.search.hasFocus()
    keys.type("Emre")
    keys.tab_to(window.participants_panel.view)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Delete)
    assert window.participants_panel.confirm_button.hasFocus()
    keys.press(Qt.Key.Key_Return)
    assert not any(p.name == "Emre Kaya" for p in demo.participants)
    assert window.commands["undo"].text() == "&Undo Remove Emre Kaya"

    # the event settings: Ctrl+, a new title, Enter
    keys.press(Qt.Key.Key_Comma, CTRL)
    dialogs = [d for d in window.findChildren(EventDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.title.hasFocus() or dialog.isAncestorOf(QApplication.focusWidget())
    dialog.title.setFocus()
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("Neue Hannoveraner*innen")
    keys.press(Qt.Key.Key_Return)
    assert not dialog.isVisible() and demo.event.title == "Neue Hannoveraner*innen"

    # the report for the organisers: Ctrl+P, Down to the report, Return: the print options (Return
    # continues with the defaults), then the save dialog asks where
    keys.back_in_the_console()
    keys.press(Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(window.menus.export_menu.isVisible)
    keys.press(Qt.Key.Key_Up)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(PrintOptionsDialog)))
    options = next(d for d in window.findChildren(PrintOptionsDialog) if d.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is options)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QFileDialog)))
    save = next(d for d in window.findChildren(QFileDialog) if d.isVisible())
    assert "report" in save.windowTitle().casefold() or "Report" in save.windowTitle()
    save.reject()
    keys.back_in_the_console()

    # the last speaker's clock runs out; the moderator ends with Next (nobody waits any more after that)
    last = demo.queue[-1].participant_id
    spoke = {r.participant_id for r in demo.log}
    while demo.queue:
        keys.press(Qt.Key.Key_PageDown)  # the presenter remote
        clock.advance(30)
    assert demo.seats[4].occupant == last
    assert frieda in {r.participant_id for r in demo.log} - spoke  # her turn is in the log
    keys.press(Qt.Key.Key_PageDown)
    assert demo.seats[4].occupant is None
    keys.press(Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()


def test_space_on_a_focused_button_presses_that_button(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    keys = Keys(window, clock, qtbot)
    ctl.start_turn("pan-1")
    running = demo.turn is not None and demo.turn.timer.is_running
    keys.tab_to(window.timer_panel.plus)
    keys.press(Qt.Key.Key_Space)
    assert demo.turn is not None and demo.turn.timer.allotted == 210  # +30 s, and the clock was not touched
    assert demo.turn.timer.is_running == running


def test_tab_leaves_the_queue_table(window: ConsoleWindow, clock: FakeClock, qtbot: QtBot) -> None:
    keys = Keys(window, clock, qtbot)
    window.queue_panel.view.setFocus()
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Tab)
    assert not window.queue_panel.view.hasFocus()


def test_ctrl_z_in_the_name_field_undoes_the_queueing(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    keys = Keys(window, clock, qtbot)
    keys.press(Qt.Key.Key_E, CTRL)
    keys.type("Sophie Ngo")
    keys.press(Qt.Key.Key_Return)
    assert [e.participant_id for e in demo.queue][-1] == "aud-11"
    keys.press(Qt.Key.Key_E, CTRL)  # the keyboard went back to the circle: Ctrl+E for the field again
    keys.type("Jo")
    keys.press(Qt.Key.Key_Z, CTRL)  # first the field's own typing
    assert window.queue_panel.entry.text() == "" and demo.queue[-1].participant_id == "aud-11"
    keys.press(Qt.Key.Key_Z, CTRL)  # then the session: Sophie leaves the queue again
    assert "aud-11" not in [e.participant_id for e in demo.queue]
    keys.press(Qt.Key.Key_Z, CTRL | SHIFT)  # redo: the field's own first ("Jo" again) ...
    assert window.queue_panel.entry.text() == "Jo" and "aud-11" not in [e.participant_id for e in demo.queue]
    keys.press(Qt.Key.Key_Z, CTRL | SHIFT)  # ... then the session's
    assert [e.participant_id for e in demo.queue][-1] == "aud-11"


def test_undo_and_redo_name_their_step(window: ConsoleWindow, ctl: SessionController) -> None:
    undo, redo = window.commands["undo"], window.commands["redo"]
    assert undo.text() == "&Undo" and not undo.isEnabled()
    ctl.next_free_chair()
    assert undo.text() == "&Undo Next: Ahmad Al-Sayed"
    ctl.undo_stack.undo()
    assert redo.text() == "&Redo Next: Ahmad Al-Sayed" and undo.text() == "&Undo"
