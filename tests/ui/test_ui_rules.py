"""The rules in the real console: End turn and Reset by key and menu, one way of writing a duration in every
view, the queue's waits on a clock that cannot jump back, a group given in quick entry."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.documents.text import duration
from fishbowl_desktop.model import FakeClock, OrderingRule, RuleChain, Session, SpeechRecord, make_participant
from fishbowl_desktop.spreadsheets import speech_log_to_csv
from fishbowl_desktop.ui.people.participant_model import ParticipantTableModel
from fishbowl_desktop.ui.queue.queue_model import QueueModel
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot)


def test_end_turn_and_reset_have_keys_and_menu_entries(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    speaker_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Speaker")
    assert isinstance(speaker_menu, QMenu)
    texts = [a.text().replace("&", "") for a in speaker_menu.actions() if not a.isSeparator()]
    assert "End turn" in texts and "Reset the time" in texts
    assert window.commands["end_turn"].shortcut().toString() == "Ctrl+T"
    assert window.commands["reset_timer"].shortcut().toString() == "Ctrl+R"

    window.controller.start_turn("pan-2")
    clock.advance(27)
    window.circle.setFocus()
    qtbot.keyClick(window.circle, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert demo.turn is not None and not demo.turn.timer.is_running
    assert window.timer_panel.time.text() == "3:00"
    qtbot.keyClick(window.circle, Qt.Key.Key_Space)
    clock.advance(6.1)
    before = len(demo.log)
    qtbot.keyClick(window.circle, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert demo.turn is None and len(demo.log) == before + 1
    assert demo.log[len(demo.log) - 1].duration == pytest.approx(33.1)


def test_end_turn_key_works_from_the_queue_name_field(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    window.controller.start_turn("pan-2")
    clock.advance(10)
    entry = window.queue_panel.entry
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert entry.hasFocus()
    qtbot.keyClicks(entry, "Kat")
    qtbot.keyClick(entry, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert demo.turn is None and entry.text() == "Kat"


def test_the_same_duration_reads_the_same_in_every_view(
    ctl: SessionController, demo: Session, clock: FakeClock
) -> None:
    """15.7 s was 0:15 in the participant list, 0:16 in the queue and the PDF."""
    for i in range(len(demo.log) - 1, -1, -1):
        demo.log.pop(i)
    demo.log.append(SpeechRecord("aud-04", 4, demo.seats[4].kind, clock.now(), 15.7, 120.0))
    people = ParticipantTableModel(ctl)
    row = [p.id for p in demo.participants].index("aud-04")
    in_list = people.data(people.index(row, ParticipantTableModel.SPEAKING_TIME))
    queue = QueueModel(ctl)
    qrow = demo.queue_position("aud-04")
    assert qrow is not None
    in_queue = queue.data(queue.index(qrow, QueueModel.SPOKEN))
    rows = list(csv.reader(io.StringIO(speech_log_to_csv(demo, "en").lstrip("\ufeff")), delimiter=";"))
    assert in_list == "0:16"
    assert in_queue == "1× · 0:16"
    assert duration(15.7) == "0:16"
    assert rows[1][6] == "0:00:16" and rows[1][9] == "16"  # after the date and the clock time


def test_queue_waits_do_not_collapse_when_the_wall_clock_jumps_back(
    ctl: SessionController, demo: Session, clock: FakeClock
) -> None:
    queue = QueueModel(ctl)
    clock.advance(60)
    first = queue.data(queue.index(0, QueueModel.WAITING))
    clock.jump_wall_clock(-3600)
    clock.advance(60)  # the waiting column shows whole minutes
    after = queue.data(queue.index(0, QueueModel.WAITING))
    assert first != "< 1 min" and after != "< 1 min"
    assert int(after.split()[0]) == int(first.split()[0]) + 1, (first, after)
    ctl.add_and_enqueue(make_participant("Neu"))
    assert demo.queue[len(demo.queue) - 1].participant_id != demo.queue[0].participant_id
    assert [e.serial for e in demo.queue] == sorted(e.serial for e in demo.queue)


def test_quick_entry_can_give_a_group(window: ConsoleWindow, demo: Session, qtbot: QtBot) -> None:
    window.controller.set_ordering(RuleChain.of(OrderingRule.ALTERNATE_GROUPS))
    entry = window.queue_panel.entry
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(entry, "Sule Yildiz / Frauen")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    person = next(p for p in demo.participants if p.name == "Sule Yildiz")
    assert person.group == "Frauen" and demo.queue_position(person.id) is not None
    assert entry.text() == ""
    # A known name with a group: the person is queued and their group set, in one undo step.
    known = next(
        p
        for p in demo.participants
        if demo.seat_of(p.id) is None and demo.queue_position(p.id) is None and p.group != "Maenner"
    )
    qtbot.keyClicks(entry, f"{known.name} / Maenner")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert demo.participant(known.id).group == "Maenner" and demo.queue_position(known.id) is not None
    window.controller.undo_stack.undo()
    assert demo.participant(known.id).group == known.group and demo.queue_position(known.id) is None


def test_the_event_dialog_sets_the_safe_places(ctl: SessionController, demo: Session, qtbot: QtBot) -> None:
    from fishbowl_desktop.ui.event.event_dialog import EventDialog

    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    assert dialog.safe_positions.value() == 1
    dialog.safe_positions.setValue(3)
    dialog.accept()
    assert demo.settings.safe_positions == 3
    ctl.undo_stack.undo()
    assert demo.settings.safe_positions == 1
