"""Issue 21, point 10: the smaller ones found with real hands, each through the keys or clicks a moderator uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def _press(qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.activeModalWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, mods)


def _question(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    return box


# ---------------------------------------------------------------------- Del on the speaker's seat
def test_delete_on_the_speakers_seat_asks_and_the_undo_names_the_free_chair(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    guest = demo.seats[4].occupant
    assert guest is not None and demo.seats[4].is_free_chair
    ctl.start_turn(guest)
    clock.advance(42)
    circle = window.circle
    circle.setFocus()
    circle.select(4)
    _press(qtbot, Qt.Key.Key_Delete)
    box = _question(qtbot)
    assert demo.participant(guest).name in box.text() and "0:42" in box.text()
    assert demo.seats[4].occupant == guest and demo.turn is not None  # nothing happened yet
    _press(qtbot, Qt.Key.Key_Return)  # Enter on a reflex keeps the speaker
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert demo.seats[4].occupant == guest and demo.turn is not None and demo.turn.timer.is_running
    assert circle.hasFocus()
    _press(qtbot, Qt.Key.Key_Delete)
    box = _question(qtbot)
    empty = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(empty, LEFT)
    qtbot.waitUntil(lambda: demo.seats[4].occupant is None)
    assert demo.turn is None and demo.log[-1].participant_id == guest  # the turn is logged
    assert ctl.undo_stack.undoText() == f"{demo.participant(guest).name} leaves the free chair"


def test_delete_on_a_seat_whose_occupant_is_not_speaking_empties_it_at_once(
    window: ConsoleWindow, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    ctl.start_turn("pan-1")
    seat = demo.seat_of("pan-2")
    assert seat is not None
    window.circle.setFocus()
    window.circle.select(seat)
    _press(qtbot, Qt.Key.Key_Delete)
    assert demo.seats[seat].occupant is None and QApplication.activeModalWidget() is None
    assert ctl.undo_stack.undoText() == f"{demo.participant('pan-2').name} leaves seat {seat + 1}"
    assert demo.turn is not None and demo.turn.participant_id == "pan-1"


# ---------------------------------------------------------------------- the English placeholder
def test_the_message_placeholder_speaks_the_interfaces_language(
    language: str,
    window: ConsoleWindow,
) -> None:
    placeholder = window.stage_panel.message.placeholderText()
    if language == "en":
        assert "Bitte" not in placeholder and "Please come to an end" in placeholder
    else:
        assert "Bitte zum Schluss kommen" in placeholder


# ---------------------------------------------------------------------- Ctrl+Q in the middle of a turn
def test_ctrl_q_during_a_running_turn_asks_once(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    ctl.start_turn("aud-01")
    clock.advance(30)
    window.circle.setFocus()
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = _question(qtbot)
    assert demo.participant("aud-01").name in box.text() and "1:30" in box.text()
    assert window.isVisible()
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.isVisible() and demo.turn is not None and demo.turn.timer.is_running
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = _question(qtbot)
    quit_button = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(quit_button, LEFT)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_ctrl_q_with_nobody_speaking_quits_at_once(window: ConsoleWindow, qtbot: QtBot) -> None:
    window.circle.setFocus()
    _press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert QApplication.activeModalWidget() is None


# ---------------------------------------------------------------------- Ctrl+P
def test_ctrl_p_highlights_the_first_item_every_time_wherever_the_mouse_rests(
    window: ConsoleWindow, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor

    menu = window.menus.export_menu
    first = next(a for a in menu.actions() if a.isEnabled() and not a.isSeparator())
    window.circle.setFocus()
    for spot in (QPoint(40, 40), window.rect().center(), QPoint(window.width() - 60, window.height() - 60), None):
        if spot is not None:
            QCursor.setPos(window.mapToGlobal(spot))
        _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(menu.isVisible)
        qtbot.wait(30)  # whatever the mouse under the opened menu does, it has done it
        assert menu.activeAction() is first, (spot, menu.activeAction() and menu.activeAction().text())
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not menu.isVisible())
    # the mouse still works once it really moves
    _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(menu.isVisible)
    second = menu.actions()[1]
    spot = menu.actionGeometry(second).center()
    QCursor.setPos(menu.mapToGlobal(spot))
    qtbot.mouseMove(menu, spot)
    qtbot.waitUntil(lambda: menu.activeAction() is second)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


# ---------------------------------------------------------------------- statistics: one rule with the report
def test_the_consoles_statistics_leave_out_the_accidental_turns_the_report_leaves_out(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot, tmp_path: Path
) -> None:
    from fishbowl_desktop.documents import PrintOptions, export_pdf
    from fishbowl_desktop.model import format_duration
    from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
    from helpers.pdf_text import pdf_text

    window.tabs.setCurrentWidget(window.stats_panel)
    panel = window.stats_panel
    qtbot.waitUntil(panel.isVisible)
    before = panel.total.text()
    window.circle.setFocus()
    window.circle.select(demo.seat_of("pan-2"))
    clock.advance(TYPING_PAUSE + 0.1)
    _press(qtbot, Qt.Key.Key_Return)  # a seat taken by mistake …
    assert demo.turn is not None and demo.turn.participant_id == "pan-2"
    if not demo.turn.timer.is_running:
        clock.advance(TYPING_PAUSE + 0.1)
        _press(qtbot, Qt.Key.Key_Space)
    clock.advance(2)
    _press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # … and ended two seconds later
    assert demo.turn is None and demo.log[-1].duration == 2
    panel.refresh()
    assert panel.total.text() == before  # the two seconds are not in the console's total
    assert panel.left_out.isVisible() and "1 accidental" in panel.left_out.text()
    out = tmp_path / "report.pdf"
    export_pdf(demo, "report", out, options=PrintOptions())
    counted = sum(r.duration for r in demo.log if r.duration >= PrintOptions().short_turn_seconds)
    assert format_duration(counted) in panel.total.text()
    assert format_duration(counted) in pdf_text(out)  # the report's total is the console's


# ---------------------------------------------------------------------- Help names keys as the keyboard does
def test_help_names_the_keys_as_the_keyboard_prints_them(
    language: str,
    window: ConsoleWindow,
    qtbot: QtBot,
) -> None:
    window.circle.setFocus()
    _press(qtbot, Qt.Key.Key_F1)
    dialog = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ShortcutsDialog" and w.isVisible()
    )
    keys = " ".join(first for first, _ in dialog.rows())  # type: ignore[attr-defined]
    for qt_word in ("Return", "PgDown", "PgUp", "Bild abwärts", "Bild aufwärts", "Eingabe"):
        assert qt_word not in keys, qt_word
    expected = ("Enter", "Page ↓", "Page ↑", "Space", "Ctrl+Z", "Del")
    if language == "de":
        expected = ("Enter", "Bild ↓", "Bild ↑", "Leertaste", "Strg+Z", "Entf")
    for word in expected:
        assert word in keys, word
    dialog.close()


# ---------------------------------------------------------------------- the refused key's note fits
def test_the_note_for_a_refused_key_fits_the_status_bar_at_1366(
    language: str,
    window: ConsoleWindow,
    demo: Session,
    clock: FakeClock,
    qtbot: QtBot,
) -> None:
    from PySide6.QtGui import QFontMetrics

    from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE

    window.queue_panel.view.setFocus()
    clock.advance(TYPING_PAUSE + 1)
    for ch in "Jonas Großmann Bergbau":  # letters that missed the field: N, B and Space are refused
        qtbot.keyClicks(QApplication.focusWidget(), ch)
        clock.advance(0.08)
    bar = window.statusBar()
    note = bar.currentMessage()
    assert note
    from PySide6.QtCore import QCoreApplication

    saved = QCoreApplication.translate("ConsoleWindow", "Saved to {file} at {time}").format(
        file="2026-12-06 Neue Hannoveraner innen – was braucht eine weltoffene Stadt.fishbowl.json", time="20:14:07"
    )  # what the save label says on the evening, beside the note
    room = bar.width() - QFontMetrics(window.save_label.font()).horizontalAdvance(saved) - 30
    assert QFontMetrics(bar.font()).horizontalAdvance(note) <= room, (note, room)


# ---------------------------------------------------------------------- a list without a role column
def test_seat_on_a_panel_seat_says_why_nobody_may_sit_and_offers_to_make_a_panelist(
    clock: FakeClock, qtbot: QtBot
) -> None:
    from fishbowl_desktop.model import Role, make_participant
    from fishbowl_desktop.model.demo import DEMO_EVENT
    from fishbowl_desktop.ui.circle.seat_dialogs import SeatPicker
    from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE

    people = [make_participant(n) for n in ("Şule Öztürk", "Jonas Brückner", "Ольга Кузнецова")]  # all audience
    session = Session(clock, event=DEMO_EVENT, participants=people)
    ctl = SessionController(session)
    window = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    assert not session.seats[0].is_free_chair
    window.circle.setFocus()
    window.circle.select(0)
    clock.advance(TYPING_PAUSE + 0.1)
    _press(qtbot, Qt.Key.Key_Insert)
    picker = window.circle.active_dialog
    assert isinstance(picker, SeatPicker) and picker.isVisible()
    assert "role column" in picker.prompt.text() and "panelist" in picker.prompt.text()
    assert picker.list.count() == 3 and "becomes a panelist" in picker.list.item(0).text()
    qtbot.keyClicks(picker.filter, "zt")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.seats[0].occupant is not None)
    sule = next(p for p in session.participants if p.name == "Şule Öztürk")
    assert session.seats[0].occupant == sule.id and session.participant(sule.id).role is Role.PANELIST
    assert ctl.undo_stack.undoText() == "Şule Öztürk joins the panel on seat 1"
    ctl.undo_stack.undo()  # one step: back to the audience, the seat empty
    assert session.seats[0].occupant is None and session.participant(sule.id).role is Role.AUDIENCE


# ---------------------------------------------------------------------- two banners on the first start
def test_with_the_welcome_and_a_message_every_seat_is_whole_at_1366_by_768(
    language: str,
    window: ConsoleWindow,
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import QPoint, QRect

    window.welcome.show()
    window.message_bar.show_message(
        "Fishbowl Desktop keeps its sessions in a folder that other users can read: /home/moderator. "
        "Choose a folder of your own under Edit → Preferences.",
        "warning",
    )
    qtbot.wait(50)
    central = window.centralWidget()
    assert central is not None
    assert central.minimumSizeHint().height() <= central.height()  # the layout fits: nothing is squeezed off
    circle = window.circle
    inside = QRect(0, 0, circle.width(), circle.height())
    for i in range(len(circle.session.seats)):
        assert inside.contains(circle.seat_rect(i).toAlignedRect()), (i, circle.seat_rect(i), inside)
    bottom = circle.mapTo(window, QPoint(0, circle.height())).y()
    buttons_top = min(
        b.mapTo(window, QPoint(0, 0)).y()
        for b in window.findChildren(type(window.stage_panel.countdown))
        if b.isVisible()
        and b.mapTo(window, QPoint(0, 0)).y() > circle.mapTo(window, QPoint(0, 0)).y()
        and b.mapTo(window, QPoint(0, 0)).x() < circle.width()
    )
    assert bottom <= buttons_top


# ---------------------------------------------------------------------- the queue in alternating-groups mode
def test_in_alternating_groups_mode_the_queue_shows_the_names_whole_at_1366(
    language: str,
    window: ConsoleWindow,
    ctl: SessionController,
    demo: Session,
    qtbot: QtBot,
) -> None:
    from PySide6.QtGui import QFontMetrics

    from fishbowl_desktop.model import OrderingRule, RuleChain
    from fishbowl_desktop.ui.queue.queue_model import QueueModel

    ctl.set_ordering(RuleChain.of(OrderingRule.ALTERNATE_GROUPS))
    qtbot.wait(20)
    view = window.queue_panel.view
    assert not view.isColumnHidden(QueueModel.GROUP)
    room = view.columnWidth(QueueModel.NAME) - 8  # the delegate's margins
    metrics = QFontMetrics(view.font())
    for row in range(window.queue_panel.model.rowCount()):
        name = window.queue_panel.model.index(row, QueueModel.NAME).data()
        assert metrics.horizontalAdvance(name) <= room, (name, room)
    # and the participants' list beside it, which gave up the room, keeps the sample's names whole too
    people = window.participants_panel.view
    names = [p.name for p in demo.participants]
    widest = max(QFontMetrics(people.font()).horizontalAdvance(n) for n in names)
    assert widest <= people.columnWidth(0) - 8, (widest, people.columnWidth(0))  # the delegate's margins
