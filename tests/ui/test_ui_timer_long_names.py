"""Issue 21, point 8: nothing the moderator clicks moves when the speaker changes. A long name widened the timer's
column, so a click on the old "+30 s" spot took 30 s away; the name was cut at both ends. Now the name is elided
at its end, shown whole in the tooltip (and on the projector), and the buttons keep their place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session, make_participant
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console
from ui.test_ui_small_ones import clickable_places

LONG = "Prof. Dr. Aleksandra Katarzyna Wiśniewska-Oberholzer-Nguyễn Thị Minh Khai"


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot, language: str) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)


def test_a_long_name_moves_no_button_and_plus_stays_plus(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    guest = make_participant(LONG, consent_to_list=True)
    assert ctl.add_participant(guest) and ctl.enqueue(guest.id)
    ctl.move_in_queue(len(demo.queue) - 1, 0)
    ctl.start_turn("aud-01")
    window.circle.setFocus()
    qtbot.wait(20)
    before = clickable_places(window)
    plus_at = window.timer_panel.plus.mapTo(window, window.timer_panel.plus.rect().center())
    clock.advance(5)
    _press(qtbot, Qt.Key.Key_N)  # the long-named guest takes the free chair and the floor
    assert demo.turn is not None and demo.turn.participant_id == guest.id
    qtbot.wait(20)
    assert clickable_places(window) == before
    allotted = demo.turn.timer.allotted
    target = window.childAt(plus_at)
    assert target is window.timer_panel.plus
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert demo.turn.timer.allotted == allotted + 30  # the old "+30 s" spot still gives time
    clock.advance(2)
    _press(qtbot, Qt.Key.Key_Space)  # pause: "Start" and "Pause" take the same room
    qtbot.wait(20)
    assert clickable_places(window) == before
    speaker = window.timer_panel.speaker
    shown = speaker.shown_text()
    assert shown != LONG and shown.endswith("…") and LONG.startswith(shown[:-1])  # cut at its end only
    assert speaker.toolTip() == LONG
    content = window.projector.scene.content()
    assert content.speaker_name == LONG  # the hall sees it whole (the projector fits it, see test_ui_projector)


def test_a_short_name_has_no_ellipsis_and_no_tooltip_to_hide(
    window: ConsoleWindow, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    ctl.start_turn("aud-01")
    speaker = window.timer_panel.speaker
    name = demo.participant("aud-01").name
    assert speaker.shown_text() == name and speaker.text() == name
    assert speaker.toolTip() == ""
