"""Single keys on the live console, through real key events: nothing fires while someone types, in a field, a
suggestion popup, a menu or a dialog, and one burst of typing can never call Next (or Space, or B) twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.session_controller import NEXT_PAUSE
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.event.event_dialog import EventDialog
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE, guarded_keys
from fishbowl_desktop.ui.widgets.text_input import is_text_input
from helpers.console import no_pdf, open_console


def quiet(clock: FakeClock) -> None:
    """The moderator lifts the hands from the keyboard for a moment."""
    clock.advance(TYPING_PAUSE + 0.1)


def live_state(demo: Session) -> tuple[object, ...]:
    turn = demo.turn
    return (
        tuple(s.occupant for s in demo.seats),
        tuple(e.participant_id for e in demo.queue),
        len(demo.log),
        None if turn is None else (turn.participant_id, turn.timer.is_running, turn.timer.allotted),
        demo.stage.blank,
    )


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def test_the_guarded_keys_are_next_space_and_b() -> None:
    assert set(guarded_keys().values()) == {"next", "toggle_timer", "blank"}
    assert guarded_keys()[int(Qt.Key.Key_N.value)] == "next"
    assert guarded_keys()[int(Qt.Key.Key_Space.value)] == "toggle_timer"
    assert int(Qt.Key.Key_PageDown.value) not in guarded_keys()  # the remote is never held back


def test_esc_in_the_suggestions_closes_them_and_the_name_goes_on_in_the_field(
    window: ConsoleWindow, demo: Session, qtbot: QtBot
) -> None:
    """Issue 9.1 exactly: Ctrl+E, "Kat", Esc, "Jonas" fired Next; now "Jonas" lands in the field."""
    before = live_state(demo)
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    entry = window.queue_panel.entry
    qtbot.keyClicks(entry, "Kat")
    popup = entry.completer().popup()
    assert popup is not None
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible() and entry.hasFocus() and entry.text() == "Kat"
    qtbot.keyClicks(QApplication.focusWidget(), "e Jonas")
    assert entry.text() == "Kate Jonas"
    assert live_state(demo) == before
    qtbot.keyClick(entry, Qt.Key.Key_Escape)  # a second Esc leaves the field, as the Help says
    assert not entry.hasFocus() and entry.text() == ""
    assert live_state(demo) == before


def test_single_keys_stay_in_the_suggestion_popup(window: ConsoleWindow, demo: Session, qtbot: QtBot) -> None:
    before = live_state(demo)
    entry = window.queue_panel.entry
    window.queue_panel.focus_entry()
    qtbot.keyClicks(entry, "a")
    popup = entry.completer().popup()
    assert popup is not None
    assert popup.isVisible()
    for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_B, Qt.Key.Key_Plus):
        qtbot.keyClick(popup, key)
    assert entry.text() == "an b+"
    assert live_state(demo) == before


def test_one_burst_of_typing_outside_a_field_fires_nothing(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    """Letters that miss the field ("Jonas Großmann" into the queue table) must not call anyone."""
    before = live_state(demo)
    window.queue_panel.view.setFocus()
    quiet(clock)
    for ch in "Jonas Großmann":
        qtbot.keyClicks(QApplication.focusWidget(), ch)
        clock.advance(0.08)  # a typist's pace
    assert live_state(demo) == before
    assert "N" in window.statusBar().currentMessage()  # says why nothing happened


def test_next_fires_once_per_deliberate_press(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    window.circle.setFocus()
    quiet(clock)
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04"
    logged = len(demo.log)
    clock.advance(0.01)  # the "nn" of Großmann, 10 ms apart
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04" and len(demo.log) == logged
    clock.advance(NEXT_PAUSE)  # Next waits a second for a bouncing remote, too
    qtbot.keyClick(window.circle, Qt.Key.Key_N)  # pressed again on purpose
    assert demo.seats[4].occupant == "aud-03"


def test_a_held_down_key_acts_once(window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot) -> None:

    window.circle.setFocus()
    quiet(clock)
    qtbot.keyClick(window.circle, Qt.Key.Key_B)
    assert demo.stage.blank
    quiet(clock)
    QTest.sendKeyEvent(QTest.KeyAction.Press, window.circle, Qt.Key.Key_B, "b", Qt.KeyboardModifier.NoModifier)
    QTest.sendKeyEvent(QTest.KeyAction.Press, window.circle, Qt.Key.Key_B, "b", Qt.KeyboardModifier.NoModifier)
    assert not demo.stage.blank  # the first press of the second B acts: shown again
    quiet(clock)
    # auto-repeat (a key held down) never acts, however slow
    repeat = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier, "b", True)
    QApplication.sendEvent(window.circle, repeat)
    assert repeat.isAccepted()


def test_every_text_field_of_the_console_keeps_its_letters(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    """Queue entry, participant search, projector message, countdown minutes, topic: "n b" and Space typed
    slowly, each letter after a pause, so only the focus rule can hold them back."""
    fields = [
        w
        for w in window.findChildren(QWidget)
        if is_text_input(w)
        and w.isVisibleTo(window)
        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]
    names = {w.objectName() or type(w).__name__ for w in fields}
    assert window.queue_panel.entry in fields and window.participants_panel.search in fields
    assert window.stage_panel.message in fields and window.stage_panel.minutes in fields, names
    before = live_state(demo)
    for field in fields:
        field.setFocus()
        for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_B, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            quiet(clock)
            qtbot.keyClick(field, key)
        assert live_state(demo) == before, field
        if isinstance(field, QLineEdit):
            assert "n b" in field.text(), field
            field.clear()


def test_a_menu_keeps_single_keys(window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    before = live_state(demo)
    menu = window.menus.export_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_B, Qt.Key.Key_Plus):
        quiet(clock)
        qtbot.keyClick(menu, key)
    menu.hide()
    assert live_state(demo) == before


def test_typing_in_a_dialog_never_reaches_the_console(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    before = live_state(demo)
    dialog = window.edit_event()
    qtbot.waitExposed(dialog)
    dialog.title.setFocus()
    for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_B):
        quiet(clock)
        qtbot.keyClick(dialog.title, key)
    dialog.reject()
    qtbot.keyClick(window.circle, Qt.Key.Key_N)  # the very next key after the dialog closed: still typing
    assert live_state(demo) == before


def test_down_and_enter_on_a_suggestion_queues_and_empties_the_field(
    window: ConsoleWindow, demo: Session, qtbot: QtBot
) -> None:
    entry = window.queue_panel.entry
    window.queue_panel.focus_entry()
    qtbot.keyClicks(entry, "Sophie")
    popup = entry.completer().popup()
    assert popup is not None
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert [e.participant_id for e in demo.queue][-1] == "aud-11"
    qtbot.waitUntil(lambda: entry.text() == "")
    qtbot.keyClick(entry, Qt.Key.Key_Return)  # an empty Enter does nothing, and says nothing
    assert window.message_bar.text() == ""


def shrink_circle_under_the_selection(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    """Issue 9.10: select the free chair (seat 5), empty seat 3, configure the circle down to 3 + 1."""
    window.circle.setFocus()
    window.circle.select(4)
    assert ctl.unseat(2)
    assert ctl.configure_circle(3, 1)
    assert len(demo.seats) == 4


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_Right])
def test_the_circle_never_keeps_a_seat_that_is_gone(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot, key: Qt.Key
) -> None:
    shrink_circle_under_the_selection(window, ctl, demo, clock, qtbot)
    circle = window.circle
    assert circle.selected is not None and 0 <= circle.selected < len(demo.seats)
    errors: list[str] = []
    ctl.errorRaised.connect(errors.append)
    qtbot.keyClick(circle, key)  # raised inside keyPressEvent (and crashed the process under QTest) before
    assert not any("no seat" in e.casefold() for e in errors), errors
    if circle.active_dialog is not None:
        circle.active_dialog.reject()
    assert circle.selected is not None and 0 <= circle.selected < len(demo.seats)


def test_the_seat_buttons_act_on_a_seat_that_exists(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    shrink_circle_under_the_selection(window, ctl, demo, clock, qtbot)
    errors: list[str] = []
    ctl.errorRaised.connect(errors.append)
    window._seat_floor()  # "Give the floor" raised IndexError in model/observable.py
    if window.circle.active_dialog is not None:
        window.circle.active_dialog.reject()
    window._seat_pick()
    if window.circle.active_dialog is not None:
        window.circle.active_dialog.reject()
    window._seat_empty()
    assert not any("no seat" in e.casefold() for e in errors), errors


def test_a_seat_question_for_a_seat_that_is_gone_closes(
    window: ConsoleWindow, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    assert ctl.unseat(2) and ctl.unseat(3)
    window.circle.open_seat_picker(3)
    dialog = window.circle.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert ctl.configure_circle(2, 1)  # seat 4 is gone: a Seat… for it would seat someone nowhere
    assert not dialog.isVisible() and window.circle.active_dialog is None


SHRINK_AND_PRESS = """
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
app = QApplication([])
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
session = demo_session(FakeClock())
ctl = SessionController(session)
window = ConsoleWindow(ctl, TimerTicker(ctl))
window.resize(1366, 768)
window.show()
QTest.qWaitForWindowExposed(window)
window.circle.setFocus()
window.circle.select(4)
assert ctl.unseat(2) and ctl.configure_circle(3, 1)
for key in (Qt.Key.Key_Return, Qt.Key.Key_Insert, Qt.Key.Key_Delete):
    QTest.keyClick(window.circle, key)
QTest.qWait(50)
print("survived")
"""


def test_keys_on_a_vanished_seat_do_not_crash_the_process(tmp_path: Path) -> None:
    """Under a plain QTest.keyClick (no pytest-qt catching the exception) this ended in a segfault, rc 139."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import fishbowl_desktop

    src = str(Path(fishbowl_desktop.__file__).resolve().parents[1])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": src, "FISHBOWL_DESKTOP_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SHRINK_AND_PRESS], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "survived" in done.stdout


def open_agenda(window: ConsoleWindow, qtbot: QtBot) -> EventDialog:
    dialog = window.edit_event()
    qtbot.waitExposed(dialog)
    page = dialog.agenda.parentWidget()
    assert page is not None
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(page))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_enter_in_an_agenda_minutes_cell_does_not_close_the_dialog(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    """Issue 9.8: Enter in a "Minutes" cell closed the whole settings dialog; the next letters became shortcuts."""
    before = live_state(demo)
    dialog = open_agenda(window, qtbot)
    spin = dialog.agenda.cellWidget(1, 1)
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "25")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.agenda.currentRow() == 2  # Enter moved on to the next item, as in a spreadsheet
    quiet(clock)
    qtbot.keyClicks(QApplication.focusWidget(), "n")  # reaches the dialog, not Next
    assert live_state(demo) == before
    dialog.tabs.setCurrentIndex(0)
    dialog.title.setFocus()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)  # Enter in a plain field still means OK
    assert not dialog.isVisible()
    assert demo.event.agenda[1].minutes == 25


def test_enter_in_an_agenda_title_commits_it_and_keeps_the_dialog(
    window: ConsoleWindow, demo: Session, qtbot: QtBot
) -> None:
    dialog = open_agenda(window, qtbot)
    dialog.agenda.setCurrentCell(0, 0)
    cell = dialog.agenda.item(0, 0)
    assert cell is not None
    dialog.agenda.editItem(cell)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Willkommen")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert dialog.isVisible()
    cell = dialog.agenda.item(0, 0)
    assert cell is not None and cell.text() == "Willkommen"
    dialog.reject()


@pytest.mark.parametrize("which", ["event", "preferences", "participant", "seat picker", "csv import"])
def test_every_text_field_of_every_dialog_keeps_its_letters(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot, which: str
) -> None:
    """N, Space and B typed slowly (each after a pause) into every field of the console's dialogs."""
    from PySide6.QtWidgets import QDialog

    def seat_picker() -> QWidget | None:
        window.controller.unseat(3)
        window.circle.open_seat_picker(3)
        return window.circle.active_dialog

    opened = {
        "event": window.edit_event,
        "preferences": window.preferences.open_preferences,
        "participant": window.participants_panel.add_participant,
        "seat picker": seat_picker,
        "csv import": window.participants_panel.import_csv,
    }[which]()
    assert isinstance(opened, QDialog)
    dialog: QDialog = opened
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    before = live_state(demo)
    fields = [
        w
        for w in dialog.findChildren(QWidget)
        if is_text_input(w) and w.isEnabled() and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]
    assert fields, which
    for field in fields:
        field.setFocus()
        for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_B):
            quiet(clock)
            qtbot.keyClick(field, key)
        assert live_state(demo) == before, (which, field)
    dialog.reject()


def test_letters_after_alt_go_to_the_menu_bar(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    before = live_state(demo)
    bar = window.menuBar()
    bar.setFocus(Qt.FocusReason.MenuBarFocusReason)
    if not bar.hasFocus():
        pytest.skip("this platform does not let the menu bar take the keyboard")
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier, "n")
    quiet(clock)
    QApplication.sendEvent(bar, override)
    assert override.isAccepted()
    assert live_state(demo) == before


def test_a_second_console_guards_only_its_own_keys(window: ConsoleWindow, qtbot: QtBot) -> None:
    """Each console's guard has its own clock; one must never swallow the keys of another."""
    from fishbowl_desktop.model.demo import demo_session

    other_clock = FakeClock()
    other = demo_session(other_clock)
    other_ctl = SessionController(other)
    second = ConsoleWindow(
        other_ctl, TimerTicker(other_ctl), exporter=PdfExporter(lambda: other_ctl.session, lambda *a, **k: 1)
    )
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    second.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second)
    second.circle.setFocus()
    quiet(other_clock)
    qtbot.keyClick(second.circle, Qt.Key.Key_N)
    other_clock.advance(NEXT_PAUSE)  # the first console's clock stands still: its guard would call this a burst
    qtbot.keyClick(second.circle, Qt.Key.Key_N)
    assert other.seats[4].occupant == "aud-03"
