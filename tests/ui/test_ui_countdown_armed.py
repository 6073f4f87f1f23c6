"""Issue 21, point 7: a countdown clicked by mistake in the middle of the evening must not appear on the beamer
when the turn ends without the moderator knowing. Before the first turn, Countdown starts it at once; after that
it asks (a countdown then is for a break: "We continue in"), and while a turn hides it the preview says it is
armed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import DEMO_EVENT, demo_participants
from fishbowl_desktop.stage.content import Mode
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console

LEFT = Qt.MouseButton.LeftButton


def _console(session: Session, qtbot: QtBot) -> tuple[SessionController, ConsoleWindow]:
    ctl = SessionController(session)
    return ctl, open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def _question(qtbot: QtBot) -> QMessageBox:
    def shown() -> QMessageBox | None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                return w
        return None

    qtbot.waitUntil(lambda: shown() is not None)
    box = shown()
    assert box is not None
    return box


def test_before_the_first_turn_the_countdown_starts_at_once(clock: FakeClock, qtbot: QtBot) -> None:
    session = Session(clock, event=DEMO_EVENT, participants=demo_participants())
    ctl, window = _console(session, qtbot)
    panel = window.stage_panel
    panel.minutes.setValue(5)
    qtbot.mouseClick(panel.countdown, LEFT)
    assert session.stage.countdown_to == clock.now() + timedelta(minutes=5)
    content = window.projector.scene.content()
    assert content.mode is Mode.COUNTDOWN and content.countdown_label == "Wir beginnen in"


@pytest.fixture
def evening(demo: Session, qtbot: QtBot) -> tuple[SessionController, ConsoleWindow]:
    return _console(demo, qtbot)  # the demo evening has six turns in its log


def test_mid_evening_the_countdown_asks_and_cancel_arms_nothing(
    evening: tuple[SessionController, ConsoleWindow], demo: Session, qtbot: QtBot
) -> None:
    ctl, window = evening
    ctl.start_turn("aud-01")
    qtbot.mouseClick(window.stage_panel.countdown, LEFT)
    box = _question(qtbot)
    assert "already begun" in box.text() and "when the current turn ends" in box.text()
    assert demo.stage.countdown_to is None and not window.stage_panel.countdown.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert demo.stage.countdown_to is None and not window.stage_panel.countdown.isChecked()
    ctl.end_turn()
    assert window.projector.scene.content().mode is not Mode.COUNTDOWN


def test_a_countdown_for_a_break_is_armed_shown_in_the_preview_and_says_we_continue(
    evening: tuple[SessionController, ConsoleWindow], demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    ctl, window = evening
    ctl.start_turn("aud-01")
    window.stage_panel.minutes.setValue(10)
    qtbot.mouseClick(window.stage_panel.countdown, LEFT)
    box = _question(qtbot)
    start = box.button(QMessageBox.StandardButton.Yes)
    assert start is not None
    qtbot.mouseClick(start, LEFT)
    assert demo.stage.countdown_to == clock.now() + timedelta(minutes=10)
    assert window.stage_panel.countdown.isChecked()
    scene = window.projector.scene
    assert scene.content().mode is Mode.TIMER  # the speaker keeps their clock on the beamer
    assert scene.content().armed_countdown == "10:00"  # the preview marks what comes when the turn ends
    preview = window.preview_widget
    qtbot.waitUntil(lambda: "Countdown 10:00 armed" in preview.toolTip())
    clock.advance(14)
    window.ticker.poll()
    ctl.end_turn()
    content = scene.content()
    assert content.mode is Mode.COUNTDOWN and content.countdown_text == "9:46"
    assert content.countdown_label == "Weiter geht es in" and content.armed_countdown == ""
