"""Whatever a person typed is shown as text: a name like "<b>Zeynep</b>" never turns into markup on the console."""

from __future__ import annotations

from PySide6.QtGui import Qt  # QtGui's Qt namespace also has mightBeRichText
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import Session, make_participant
from fishbowl_desktop.ui.shell.message_bar import MessageBar
from fishbowl_desktop.ui.timer.timer_panel import TimerPanel

HOSTILE = "<b>Zeynep</b> <img src=x onerror=alert(1)>"


def _shows_literally(label: QLabel) -> bool:
    return label.textFormat() is Qt.TextFormat.PlainText or not Qt.mightBeRichText(label.text())


def test_the_message_bar_shows_a_typed_name_as_text(qtbot: QtBot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message(HOSTILE, "error")
    assert "<b>Zeynep</b>" in bar.label.text() and _shows_literally(bar.label)


def test_the_timer_panel_shows_the_speakers_name_as_text(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    person = make_participant(HOSTILE)
    ctl.add_participant(person)
    chair = demo.free_chair_indices()[0]
    assert ctl.unseat(chair) and ctl.seat(person.id, chair) and ctl.start_turn(person.id)
    panel = TimerPanel(ctl, TimerTicker(ctl))
    qtbot.addWidget(panel)
    panel.refresh()
    labels = [label for label in panel.findChildren(QLabel) if "Zeynep" in label.text()]
    assert labels and all(_shows_literally(label) for label in labels)
