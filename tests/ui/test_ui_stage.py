"""The projector's stage controls in the console: each is an intent; the widgets only mirror the session."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.projector.stage_panel import StagePanel


def test_message_topic_blank_and_countdown_reach_the_session(demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)

    qtbot.keyClicks(panel.message, "Bitte zum Schluss kommen")
    assert demo.stage.message == ""  # only Enter shows it to the room
    qtbot.keyClick(panel.message, Qt.Key.Key_Return)
    assert demo.stage.message == "Bitte zum Schluss kommen"
    panel.message.clear()
    assert demo.stage.message == ""

    assert panel.topic.count() == 1 + len(demo.topics())
    panel.topic.setCurrentIndex(3)
    panel.topic.activated.emit(3)
    assert demo.stage.topic_index == 2
    panel.topic.activated.emit(0)
    assert demo.stage.topic_index is None

    qtbot.mouseClick(panel.blank, Qt.MouseButton.LeftButton)
    assert demo.stage.blank and panel.blank.isChecked()
    ctl.toggle_blank()  # the B key elsewhere: the button follows the session
    assert not panel.blank.isChecked()

    panel.minutes.setValue(10)
    qtbot.mouseClick(panel.countdown, Qt.MouseButton.LeftButton)
    assert demo.stage.countdown_to is None  # the demo evening has begun: it asks first (issue 21, point 7)
    panel.question.accept()
    assert demo.stage.countdown_to == clock.now() + timedelta(minutes=10)
    assert not panel.minutes.isEnabled()
    qtbot.mouseClick(panel.countdown, Qt.MouseButton.LeftButton)
    assert demo.stage.countdown_to is None


def test_stage_is_live_not_undoable(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)
    panel.message.setText("Pause bis 20 Uhr")
    qtbot.keyClick(panel.message, Qt.Key.Key_Return)
    assert ctl.undo_stack.count() == 0


def test_topics_follow_event_edits(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)
    ctl.set_event(demo.event.with_changes(guiding_questions=("Nur eine Frage?",), agenda=()))
    assert [panel.topic.itemText(i) for i in range(panel.topic.count())][1:] == ["Nur eine Frage?"]
    # The demo showed question 1 (index 0); it still exists, so it stays selected.
    assert panel.topic.currentIndex() == 1


def test_the_message_field_empties_when_the_turn_ends_unless_pinned(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)
    panel.show()
    ctl.start_turn("aud-01")
    panel.activateWindow()
    panel.message.setFocus()
    qtbot.waitUntil(panel.message.hasFocus)
    qtbot.keyClicks(panel.message, "Bitte zum Schluss kommen")
    qtbot.keyClick(panel.message, Qt.Key.Key_Return)
    assert demo.stage.message == "Bitte zum Schluss kommen"
    ctl.next_free_chair()  # the field still has the focus: it must not keep the old text for Enter
    assert demo.stage.message == "" and panel.message.text() == ""

    qtbot.keyClicks(panel.message, "Bitte ins Mikrofon")
    qtbot.keyClick(panel.message, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.pin, Qt.MouseButton.LeftButton)
    assert demo.stage.message_pinned and panel.pin.isChecked()
    ctl.next_free_chair()
    assert demo.stage.message == "Bitte ins Mikrofon" and panel.message.text() == "Bitte ins Mikrofon"
    panel.message.clear()  # the pin belongs to that message: the next one starts unpinned
    assert demo.stage.message == "" and not demo.stage.message_pinned and not panel.pin.isChecked()


def test_a_draft_in_the_field_survives_a_turn_change(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)
    panel.show()
    ctl.start_turn("aud-01")
    panel.activateWindow()
    panel.message.setFocus()
    qtbot.waitUntil(panel.message.hasFocus)
    qtbot.keyClicks(panel.message, "Noch eine Min")
    ctl.next_free_chair()
    assert panel.message.text() == "Noch eine Min"  # typing, not yet shown: kept
