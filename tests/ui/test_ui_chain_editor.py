"""The chain editor on the real console, with real keys (issue 28, point 1): the moderator reaches it with a key,
picks and sorts the rules without the mouse, takes a preset, and after it closes Space, N and Enter are the
evening's keys again (issue 21's lesson). Every queue row says why it stands there, in English and German."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, OrderingRule, Role, RuleChain, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.chain import FAIR_FLOOR
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.queue.queue_model import REASON_ROLE
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
from fishbowl_desktop.ui.widgets.chain_editor import ChainEditor
from helpers.console import no_pdf, open_console
from helpers.hands import click, key_target

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def press(qtbot: QtBot, clock: FakeClock, key: Qt.Key, mods: Qt.KeyboardModifier = NO) -> None:
    clock.advance(TYPING_PAUSE + 0.7)  # a deliberate press, well apart from the last one
    qtbot.keyClick(key_target(), key, mods)


def open_editor(window: ConsoleWindow, qtbot: QtBot, clock: FakeClock) -> ChainEditor:
    press(qtbot, clock, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    editor = window.queue_panel.chain_editor
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def chain_rows(editor: ChainEditor) -> list[str]:
    return [editor.chain.item(i).text() for i in range(editor.chain.count())]


def closed(window: ConsoleWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.queue_panel.chain_editor is None)
    if QApplication.activeWindow() is not window:  # the window manager gives the console the keyboard back
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_chain_is_built_and_sorted_with_keys_alone_and_undone_in_one_step(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    ctl.start_turn("pan-1")
    assert demo.turn is not None and demo.turn.timer.is_running
    queue_before = demo.queue.as_tuple()
    editor = open_editor(window, qtbot, clock)
    assert editor.chain.hasFocus() and editor.chain.count() == 0  # first come: no rule yet
    press(qtbot, clock, Qt.Key.Key_Tab)
    assert editor.unused.hasFocus()
    press(qtbot, clock, Qt.Key.Key_End)  # "Least speaking time so far"
    press(qtbot, clock, Qt.Key.Key_Return)  # Enter adds it (and is not the dialog's OK)
    assert editor.isVisible()
    press(qtbot, clock, Qt.Key.Key_Home)  # "New voices first"
    press(qtbot, clock, Qt.Key.Key_Insert)
    assert chain_rows(editor) == ["1. Least speaking time so far", "2. New voices first"]
    press(qtbot, clock, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.chain.hasFocus() and editor.chain.currentRow() == 1
    press(qtbot, clock, Qt.Key.Key_Up, CTRL)  # new voices before least time
    assert chain_rows(editor) == ["1. New voices first", "2. Least speaking time so far"]
    assert editor.preset.currentData() == ""  # no preset is this chain
    press(qtbot, clock, Qt.Key.Key_Return)  # in the chain, Enter is OK
    closed(window, qtbot)
    chain = RuleChain.of(OrderingRule.NEW_VOICES_FIRST, OrderingRule.LEAST_SPEAKING_TIME)
    assert demo.settings.ordering == chain
    assert window.queue_panel.ordering.currentText() == "Your own order"
    assert window.queue_panel.ordering.toolTip().endswith("New voices first → Least speaking time so far → Arrival")

    assert window.circle.hasFocus()  # the keys are the evening's again
    press(qtbot, clock, Qt.Key.Key_Space)
    assert not demo.turn.timer.is_running  # Space paused the speaker
    press(qtbot, clock, Qt.Key.Key_Z, CTRL)  # one undo step: the old rule and the old order
    assert demo.settings.ordering == RuleChain() and demo.queue.as_tuple() == queue_before
    assert window.queue_panel.ordering.currentData() == "first_come"
    press(qtbot, clock, Qt.Key.Key_N)
    assert demo.seats[4].occupant == queue_before[0].participant_id  # N was Next


def test_a_preset_taken_by_keys_and_a_rule_taken_out_with_delete(
    window: ConsoleWindow, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    editor = open_editor(window, qtbot, clock)
    press(qtbot, clock, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # the preset's mnemonic
    assert editor.preset.hasFocus()
    while editor.preset.currentData() != "fair_floor":
        press(qtbot, clock, Qt.Key.Key_Down)
    assert editor.chosen() == FAIR_FLOOR
    assert chain_rows(editor)[0] == "1. Other group than the person leaving the free chair"
    press(qtbot, clock, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # to the chain
    assert editor.chain.hasFocus()
    press(qtbot, clock, Qt.Key.Key_Home)
    press(qtbot, clock, Qt.Key.Key_Delete)  # "other group" taken out
    assert editor.chosen() == RuleChain.of(OrderingRule.NEW_VOICES_FIRST, OrderingRule.LEAST_SPEAKING_TIME)
    assert editor.unused.count() == 3
    press(qtbot, clock, Qt.Key.Key_Escape)  # Cancel: nothing changes
    closed(window, qtbot)
    assert demo.settings.ordering == RuleChain()
    assert window.circle.hasFocus()


def test_space_after_the_rules_button_was_clicked_and_the_editor_closed_pauses_the_speaker(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    """A clicked button keeps the keyboard on most desktops: Space would open the editor again."""
    ctl.start_turn("pan-1")
    click(window.queue_panel.edit_chain)
    editor = window.queue_panel.chain_editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    press(qtbot, clock, Qt.Key.Key_Escape)
    closed(window, qtbot)
    press(qtbot, clock, Qt.Key.Key_Space)
    assert window.queue_panel.chain_editor is None
    assert demo.turn is not None and not demo.turn.timer.is_running
    press(qtbot, clock, Qt.Key.Key_Return)  # Enter on the circle's seat gives the floor, opens nothing
    assert window.queue_panel.chain_editor is None


REASONS = {
    "en": [
        "moved by hand",
        "other group than the last speaker · new voice",
        "same group as the last speaker · spoke 1:35 so far",
    ],
    "de": [
        "von Hand verschoben",
        "andere Gruppe als zuletzt · neue Stimme",
        "dieselbe Gruppe wie zuletzt · sprach bisher 1:35",
    ],
}


def test_every_row_says_why_it_stands_there_whole_at_1366_by_768(
    ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot, language: str
) -> None:
    first, second, third = (e.participant_id for e in demo.queue)  # offen, FLINTA*, offen; FLINTA* left last
    when = clock.now() - timedelta(minutes=20)
    demo.log.append(SpeechRecord(third, 4, SeatKind.FREE, when, 95, 120, Role.AUDIENCE, demo.participant(third).group))
    ctl.set_ordering(RuleChain.of(OrderingRule.OTHER_GROUP, OrderingRule.LEAST_SPEAKING_TIME))
    window = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    ctl.move_in_queue(1, 0)  # the second moved to the head by hand
    panel = window.queue_panel
    model, view = panel.model, panel.view
    assert [model.participant_id(r) for r in range(3)] == [second, first, third]
    assert [model.data(model.index(r, model.NAME), REASON_ROLE) for r in range(3)] == REASONS[language]
    delegate = view.itemDelegateForColumn(model.NAME)
    assert delegate is not None
    option = QStyleOptionViewItem()
    option.initFrom(view)
    qtbot.waitUntil(lambda: view.rowHeight(2) > view.fontMetrics().height() * 2)  # a second line at least
    for row in range(3):  # each reason fits its cell: wrapped onto more lines where needed, never cut
        assert view.rowHeight(row) >= delegate.sizeHint(option, model.index(row, model.NAME)).height()
    assert view.horizontalScrollBar().maximum() == 0  # and the table stays as wide as its panel


def test_the_event_settings_choose_a_chain_applied_with_the_rest_in_one_step(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    dialog = window.edit_event()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    change = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Choose and sort…")
    tab = change.parentWidget()
    assert tab is not None
    dialog.tabs.setCurrentWidget(tab)
    change.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, clock, Qt.Key.Key_Space)  # the focused button opens the chain editor
    editor = dialog.findChild(ChainEditor)
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    press(qtbot, clock, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    while editor.preset.currentData() != "least_speaking_time":
        press(qtbot, clock, Qt.Key.Key_Down)
    press(qtbot, clock, Qt.Key.Key_Return)  # OK: the dialog keeps it; nothing applied yet
    qtbot.waitUntil(lambda: dialog.chain_text.text() == "Least speaking time first")
    assert demo.settings.ordering == RuleChain()
    assert dialog.chain_text.text() == "Least speaking time first"
    dialog.accept()
    assert demo.settings.ordering == RuleChain.of(OrderingRule.LEAST_SPEAKING_TIME)
    ctl.undo_stack.undo()  # the event dialog's one step, the chain with it
    assert demo.settings.ordering == RuleChain()
