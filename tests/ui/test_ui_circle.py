"""The inner circle: seating and unseating by drag and drop and by keyboard, the floor, the open format."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FishbowlFormat, Session
from fishbowl_desktop.ui import PARTICIPANT_MIME
from fishbowl_desktop.ui.circle.circle_view import CircleView, seat_mime
from fishbowl_desktop.ui.circle.seat_dialogs import SeatPicker, WhoLeavesDialog, seat_candidates


@pytest.fixture
def view(ctl: SessionController, qtbot: QtBot) -> CircleView:
    v = CircleView(ctl)
    qtbot.addWidget(v)
    v.resize(440, 320)
    v.show()
    qtbot.waitExposed(v)
    return v


def drop(view: CircleView, mime: QMimeData, seat: int) -> QDropEvent:
    event = QDropEvent(
        QPointF(view.seat_rect(seat).center()),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    return event


def person(pid: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(PARTICIPANT_MIME, QByteArray(pid.encode()))
    return mime


def test_cards_never_overlap_and_stay_inside(ctl: SessionController, view: CircleView, qtbot: QtBot) -> None:
    for panel, free, size in ((4, 1, (440, 320)), (6, 2, (440, 320)), (10, 2, (460, 380)), (4, 1, (330, 240))):
        ctl.undo_stack.clear()
        ctl.session.restore(replace(ctl.session.snapshot(), turn=None))
        for i in range(len(ctl.session.seats)):
            ctl.session.unseat(i)
        ctl.configure_circle(panel, free)
        view.resize(*size)
        rects = [view.seat_rect(i) for i in range(panel + free)]
        for k, a in enumerate(rects):
            assert view.rect().toRectF().contains(a), (panel, free, k)
            assert not any(a.intersects(b) for b in rects[k + 1 :]), (panel, free, k)
        view.grab()  # paints without error


def test_drop_from_the_queue_seats_on_an_empty_free_chair(
    view: CircleView, ctl: SessionController, demo: Session
) -> None:
    ctl.unseat(4)
    event = drop(view, person("aud-04"), 4)
    assert event.isAccepted()
    assert demo.seats[4].occupant == "aud-04"
    assert demo.queue_position("aud-04") is None
    ctl.undo_stack.undo()
    assert demo.seats[4].occupant is None and demo.queue_position("aud-04") == 0


def test_drop_on_a_taken_free_chair_swaps_and_panel_seat_refuses_audience(
    view: CircleView, ctl: SessionController, demo: Session
) -> None:
    drop(view, person("aud-03"), 4)
    assert demo.seats[4].occupant == "aud-03"
    errors: list[str] = []
    ctl.errorRaised.connect(errors.append)
    ctl.unseat(0)
    drop(view, person("aud-12"), 0)
    assert demo.seats[0].occupant is None
    assert errors and "only the free chair" in errors[0]


def test_drag_out_of_the_circle_unseats(view: CircleView, demo: Session) -> None:
    mime = seat_mime("aud-01", 4)
    assert bytes(mime.data(PARTICIPANT_MIME).data()) == b"aud-01"
    view.finish_seat_drag(4, "aud-01", Qt.DropAction.IgnoreAction, view)  # let go over the circle: stays
    assert demo.seats[4].occupant == "aud-01"
    view.finish_seat_drag(4, "aud-01", Qt.DropAction.IgnoreAction, None)  # let go outside: leaves
    assert demo.seats[4].occupant is None


def test_keyboard_select_give_floor_unseat_and_seat_picker(
    view: CircleView, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    view.setFocus()
    view.select(3)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected == 4
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert demo.turn is not None and demo.turn.participant_id == "aud-01"
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the speaker's seat: it asks first (issue 21, point 10)
    box = view.active_dialog
    assert isinstance(box, QMessageBox) and demo.seats[4].occupant == "aud-01"
    empty = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    empty.click()
    assert demo.seats[4].occupant is None
    assert demo.turn is None and demo.log[len(demo.log) - 1].participant_id == "aud-01"
    qtbot.keyClick(view, Qt.Key.Key_Return)  # empty seat: Seat… opens, non-modal to the loop
    picker = view.active_dialog
    assert isinstance(picker, SeatPicker) and picker.isVisible()
    assert picker.current_value() == "aud-04"  # the queue comes first
    qtbot.keyClicks(picker.filter, "emre")
    assert picker.current_value() == "aud-10"
    picker.accept()
    assert demo.seats[4].occupant == "aud-10"
    assert view.active_dialog is None


def test_double_click_gives_the_floor(view: CircleView, demo: Session, qtbot: QtBot) -> None:
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.seat_rect(2).center().toPoint())
    assert demo.turn is not None and demo.turn.participant_id == "pan-3"


def test_seat_candidates_respect_the_format(demo: Session) -> None:
    demo.unseat(0)
    assert all(demo.participant(pid).role.value != "audience" for pid, _ in seat_candidates(demo, 0))
    demo.set_settings(replace(demo.settings, format=FishbowlFormat.OPEN))
    ids = [pid for pid, _ in seat_candidates(demo, 0)]
    assert ids[:3] == ["aud-04", "aud-03", "aud-12"] and "aud-10" in ids and "pan-2" not in ids


def test_open_format_asks_who_leaves_for_the_last_empty_chair(
    view: CircleView, ctl: SessionController, demo: Session
) -> None:
    ctl.set_settings(replace(demo.settings, format=FishbowlFormat.OPEN))
    ctl.unseat(4)
    count = ctl.undo_stack.count()
    drop(view, person("aud-04"), 4)
    dialog = view.active_dialog
    assert isinstance(dialog, WhoLeavesDialog)
    assert demo.seats[4].occupant is None  # nothing happens until the moderator answers
    dialog.list.setCurrentRow(1)  # the second seated person: Dr. Jonas Brückner on seat 2
    dialog.accept()
    assert demo.seats[4].occupant == "aud-04" and demo.seats[1].occupant is None
    assert ctl.undo_stack.count() == count + 1
    ctl.undo_stack.undo()
    assert demo.seats[1].occupant == "pan-2" and demo.seats[4].occupant is None


def test_open_format_cancel_changes_nothing(view: CircleView, ctl: SessionController, demo: Session) -> None:
    ctl.set_settings(replace(demo.settings, format=FishbowlFormat.OPEN))
    ctl.unseat(4)
    before = demo.snapshot()
    drop(view, person("aud-04"), 4)
    assert isinstance(view.active_dialog, WhoLeavesDialog)
    view.active_dialog.reject()
    assert demo.snapshot() == before


def test_seat_picker_on_the_taken_free_chair_swaps_the_guest(view: CircleView, demo: Session, qtbot: QtBot) -> None:
    view.setFocus()
    view.select(4)
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    picker = view.active_dialog
    assert isinstance(picker, SeatPicker)
    picker.accept()  # the first in the queue
    assert demo.seats[4].occupant == "aud-04" and demo.queue_position("aud-04") is None
