"""Issue 21, point 9: undoing a Next and redoing it, by keys on the real console, keeps every second where it was
spoken. Redo gives the guest back the time their clock showed when the Next was undone (not the seconds in between),
and the previous speaker's log entry keeps the seconds they spoke after the undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console

CTRL = Qt.KeyboardModifier.ControlModifier
NO = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def _press(qtbot: QtBot, window: ConsoleWindow, key: Qt.Key, mods: Qt.KeyboardModifier = NO) -> None:
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus if focus is not None else window, key, mods)


def _spoken(demo: Session, clock: FakeClock) -> float:
    assert demo.turn is not None
    return demo.turn.timer.spoken(clock.monotonic())


def test_redo_of_next_gives_the_guest_the_time_they_had_and_the_log_keeps_every_second(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    first = demo.seats[4].occupant
    assert first == "aud-01"
    demo.start_turn(first)
    window.circle.setFocus()
    clock.advance(60)
    _press(qtbot, window, Qt.Key.Key_N)  # Next: aud-01 is logged with 60 s, aud-04 sits and speaks
    assert demo.turn is not None and demo.turn.participant_id == "aud-04"
    assert [r.duration for r in demo.log if r.participant_id == first] == [60]
    clock.advance(5)
    _press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo: aud-01 had not finished
    assert demo.turn is not None and demo.turn.participant_id == first
    assert not [r for r in demo.log if r.participant_id == first]
    assert _spoken(demo, clock) == pytest.approx(60)  # their time as it was when the Next took the floor
    clock.advance(20)  # aud-01 speaks on for 20 s
    _press(qtbot, window, Qt.Key.Key_Y, CTRL)  # redo: now aud-04's turn after all
    assert demo.turn is not None and demo.turn.participant_id == "aud-04"
    assert _spoken(demo, clock) == pytest.approx(5)  # as when undone, not 25
    assert demo.turn.timer.is_running
    logged = [r.duration for r in demo.log if r.participant_id == first]
    assert logged == [pytest.approx(80)]  # 60 before the Next and 20 after the undo
    clock.advance(10)
    assert _spoken(demo, clock) == pytest.approx(15)
    # Every second the clock ran is somewhere: 60 + 5 + 20 + 10 = 95 since aud-01 began.
    assert sum(logged) + _spoken(demo, clock) == pytest.approx(95)


def test_undo_twice_and_redo_twice_keeps_the_sum(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    demo.start_turn("aud-01")
    window.circle.setFocus()
    clock.advance(30)
    _press(qtbot, window, Qt.Key.Key_N)
    clock.advance(4)
    _press(qtbot, window, Qt.Key.Key_Z, CTRL)
    clock.advance(6)
    _press(qtbot, window, Qt.Key.Key_Y, CTRL)
    clock.advance(7)
    _press(qtbot, window, Qt.Key.Key_Z, CTRL)
    clock.advance(8)
    _press(qtbot, window, Qt.Key.Key_Y, CTRL)
    # aud-01: 30 + 6 + 8; aud-04: 4 + 7, running again from here
    assert [r.duration for r in demo.log if r.participant_id == "aud-01"] == [pytest.approx(44)]
    assert _spoken(demo, clock) == pytest.approx(11)
    # and undone once more, aud-01 comes back with the 44 s they had when the redo took the floor from them
    clock.advance(2)
    _press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert demo.turn is not None and demo.turn.participant_id == "aud-01"
    assert _spoken(demo, clock) == pytest.approx(44)
