"""The whole discussion's clock on the real console (issue 28, point 2), on a fake clock: always visible under
the speaker's timer, the calm queue warning in the words the moderator reads, Ctrl+Shift+D for a break, the
event dialog's plan and the projector's line when the event shows it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Opening, Participant, Session
from fishbowl_desktop.storage import load_session, save_session
from fishbowl_desktop.ui.event.event_dialog import EventDialog
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def minutes(window: ConsoleWindow, clock: FakeClock, n: float) -> None:
    clock.advance(n * 60)
    window.ticker.poll()  # what the ticker's own timer does at the minute's turn


def test_the_strip_counts_the_discussion_against_the_agenda(
    window: ConsoleWindow, demo: Session, clock: FakeClock
) -> None:
    strip = window.discussion_strip
    assert strip.isVisible() and strip.format_label.text() == "Open fishbowl"
    # the demo's agenda: 10 + 5 × 20 + 10 = 120 minutes
    assert strip.clock_label.text() == "Discussion clock: starts with the first speaker · planned 2:00 h"
    assert window.controller.start_turn("pan-1")
    minutes(window, clock, 42.5)
    assert strip.clock_label.text() == "Discussion 0:42 of 2:00 h · 1:18 h left"
    assert window.controller.set_stage(topic_index=len(demo.event.guiding_questions) + 1)  # "Wohnen": 10–30
    assert strip.clock_label.text() == "Discussion 0:42 of 2:00 h · 1:18 h left · 12 min behind plan"
    assert not strip.warning.isVisible()


def test_the_calm_warning_when_the_queue_cannot_fit(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock
) -> None:
    assert ctl.set_settings(replace(demo.settings, discussion_minutes=30, free_chair_seconds=120))
    assert ctl.start_turn("pan-1")
    assert ctl.add_participant(Participant("aud-x", "Jonas Becker"))
    assert ctl.enqueue("aud-x")  # 4 waiting
    minutes(window, clock, 24)
    strip = window.discussion_strip
    assert strip.warning.isVisible()
    assert strip.warning.text() == "4 waiting × 2:00 > 6 min left"
    assert ctl.dequeue("aud-x")
    assert not strip.warning.isVisible()  # 3 × 2:00 fits in 6 minutes
    minutes(window, clock, 7)
    assert strip.warning.text() == "3 waiting, and the discussion's time is up"
    assert strip.clock_label.text() == "Discussion 0:31 of 0:30 h · 0:01 h over"


def test_ctrl_shift_d_pauses_for_a_break_and_the_next_speaker_runs_it_again(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    assert ctl.start_turn("pan-1")
    minutes(window, clock, 10)
    assert ctl.end_turn()
    qtbot.keyClick(window.circle, Qt.Key.Key_D, CTRL_SHIFT)
    assert not demo.stage.discussion.is_running
    assert window.discussion_strip.clock_label.text().endswith("· paused")
    assert window.discussion_strip.pause.text() == "Run"
    minutes(window, clock, 15)  # the break
    assert ctl.start_turn("pan-2")
    minutes(window, clock, 1)
    assert demo.stage.discussion.elapsed(clock.monotonic()) == 11 * 60
    qtbot.keyClick(window.circle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the turn
    assert demo.stage.discussion.is_running, "undo never moves the discussion's clock"


def test_the_plan_and_the_halls_line_come_from_the_event_dialog(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    assert dialog.discussion_minutes.specialValueText() == "from the agenda (120 min)"
    dialog.discussion_minutes.setValue(90)
    dialog.show_discussion_clock.setChecked(True)
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert demo.settings.discussion_minutes == 90 and demo.settings.show_discussion_clock
    assert ctl.start_turn("pan-1")
    minutes(window, clock, 30.2)
    content = window.projector.scene.content()
    assert content.clock_text == "noch 60 Min. Diskussion"
    assert window.discussion_strip.clock_label.text() == "Discussion 0:30 of 1:30 h · 1:00 h left"
    minutes(window, clock, 0.5)
    assert window.projector.scene.content().clock_text == "noch 60 Min. Diskussion"  # 59:18 left: a started minute
    minutes(window, clock, 0.5)
    assert window.projector.scene.content().clock_text == "noch 59 Min. Diskussion"


def test_a_killed_console_comes_back_with_the_minutes_it_was_away(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, tmp_path: Path
) -> None:
    assert ctl.start_turn("pan-1")
    minutes(window, clock, 20)
    path = tmp_path / "abend.json"
    save_session(demo, path, backup=False)  # the autosaver's last full save before the kill
    restarted = FakeClock(start=clock.now() + timedelta(minutes=3))  # a new process, three minutes later
    again = load_session(path, restarted)
    assert again.stage.discussion.elapsed(restarted.monotonic()) == pytest.approx(23 * 60)
    assert again.stage.discussion.is_running


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_strip_is_whole_at_1366_by_768_in_both_languages(
    ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot, language: str
) -> None:
    """The longest line the strip shows (behind plan, paused) and the warning fit the column: nothing cut off."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from fishbowl_desktop.app import install_translations
    from fishbowl_desktop.controller import TimerTicker

    app = QApplication.instance()
    assert app is not None
    translators = install_translations(app, language) if language != "en" else []
    try:
        window = ConsoleWindow(ctl, TimerTicker(ctl), exporter=PdfExporter(lambda: ctl.session, no_pdf))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        assert ctl.set_opening(Opening.TAP_OUT)
        assert ctl.set_settings(replace(demo.settings, discussion_minutes=100))
        assert ctl.start_turn("pan-1")
        minutes(window, clock, 96)
        assert ctl.set_stage(topic_index=len(demo.event.guiding_questions) + 1)
        assert ctl.toggle_discussion_clock()
        strip = window.discussion_strip
        qtbot.waitUntil(lambda: strip.clock_label.text().endswith(("paused", "pausiert")))
        QApplication.processEvents()  # the layout's pass for the new texts
        if language == "de":
            assert strip.clock_label.text().startswith("Diskussion 1:36 von 1:40")
        assert strip.warning.isVisible()
        for label in (strip.clock_label, strip.warning, strip.format_label):
            needed = label.fontMetrics().boundingRect(
                QRect(0, 0, label.contentsRect().width(), 10_000), int(Qt.TextFlag.TextWordWrap), label.text()
            )
            assert needed.width() <= label.contentsRect().width(), f"{label.text()!r} is cut at the side"
            assert needed.height() <= label.contentsRect().height() + 1, f"{label.text()!r} is cut below"
        qtbot.waitUntil(lambda: strip.pause.width() >= strip.pause.sizeHint().width() - 2)  # laid out again
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_the_pause_button_stays_where_it_is_when_its_word_changes(
    window: ConsoleWindow, ctl: SessionController, qtbot: QtBot
) -> None:
    """Found by the hands that hunt (tests/ui/test_ui_hunt.py): "Pause" became the narrower "Run" and the button
    moved under the mouse, so a second click landed beside it."""
    from PySide6.QtWidgets import QApplication

    assert ctl.start_turn("pan-1")
    pause = window.discussion_strip.pause
    QApplication.processEvents()
    before = pause.geometry()
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert pause.text() == "Run"
    QApplication.processEvents()
    assert pause.geometry() == before
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert pause.text() == "Pause" and pause.geometry() == before
