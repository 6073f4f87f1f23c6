"""Found by hand on X11 (issue 29's try-out): Ctrl+Q while the speaker was over time asked "İbrahim Çelik is
speaking (+1:57 left): the clock stops." beside a clock showing +1:57 over time. The question now says over time
when the speaker is, in the clock's own words. Real keys and clicks on the real console."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.storage import Workspace
from helpers.hands import click
from startup.test_switch_question import the_sample_evening


def test_ctrl_q_with_the_speaker_over_time_says_over_time_not_left(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    console = the_sample_evening(workspace, clock, qtbot)
    window, ctl = console.window, console.controller
    circle = window.circle
    seat = next(i for i, s in enumerate(ctl.session.seats) if s.occupant is not None)
    click(circle, circle.seat_rect(seat).center().toPoint(), double=True)  # the floor, and the clock runs
    qtbot.waitUntil(lambda: ctl.session.turn is not None and ctl.session.turn.timer.is_running)
    turn = ctl.session.turn
    assert turn is not None
    clock.advance(turn.timer.allotted + 75)

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = window.quit_question.box
    assert box is not None and box.isVisible()
    assert "1:15 over time" in box.text(), box.text()
    assert "left" not in box.text(), box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Cancel is the default: the evening goes on
    qtbot.waitUntil(lambda: window.quit_question.box is None)
