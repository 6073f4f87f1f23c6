"""The projector's stage controls in the console: each is an intent; the widgets only mirror the session."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.stage_panel import StagePanel


def test_message_topic_blank_and_countdown_reach_the_session(demo: Session, clock: FakeClock, qtbot) -> None:  # type: ignore[no-untyped-def]
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
    assert demo.stage.countdown_to == clock.now() + timedelta(minutes=10)
    assert not panel.minutes.isEnabled()
    qtbot.mouseClick(panel.countdown, Qt.MouseButton.LeftButton)
    assert demo.stage.countdown_to is None


def test_stage_is_live_not_undoable(demo: Session, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)
    panel.message.setText("Pause bis 20 Uhr")
    qtbot.keyClick(panel.message, Qt.Key.Key_Return)
    assert ctl.undo_stack.count() == 0


def test_topics_follow_event_edits(demo: Session, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctl = SessionController(demo)
    panel = StagePanel(ctl)
    qtbot.addWidget(panel)
    ctl.set_event(demo.event.with_changes(guiding_questions=("Nur eine Frage?",), agenda=()))
    assert [panel.topic.itemText(i) for i in range(panel.topic.count())][1:] == ["Nur eine Frage?"]
    # The demo showed question 1 (index 0); it still exists, so it stays selected.
    assert panel.topic.currentIndex() == 1
