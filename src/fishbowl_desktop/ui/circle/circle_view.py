"""The inner circle, drawn as a ring of seat cards: who sits where, who has the floor, which chair is free.

Mouse: drag a person onto a seat (from the queue, the participant list or another seat), drag a seated person
out of the circle to unseat them, double-click to give the floor. Keyboard: arrows pick a seat, Enter gives
the floor (or opens Seat… on an empty seat), Delete empties the seat. Where the cards sit and how they are
drawn is `SeatRing`'s job (seat_ring.py); this module is the interaction.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QSizePolicy, QWidget

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FishbowlFormat, Session
from fishbowl_desktop.model.durations import format_duration
from fishbowl_desktop.ui.circle.seat_ring import SeatRing
from fishbowl_desktop.ui.widgets.person_data import PARTICIPANT_MIME, dragged_person, person_mime
from fishbowl_desktop.ui.widgets.sheet import style_dialog


class CircleView(QWidget):
    seatActivated = Signal(int)
    """Enter or double-click on a seat (after the view has acted on it)."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.selected: int | None = None
        self._hover_drop: int | None = None
        self._press: QPoint | None = None
        self._ring = SeatRing(self, lambda: self._controller.session)
        self.active_dialog: QDialog | None = None
        """The Seat… or who-leaves question currently open (tests answer it)."""
        self._dialog_seat: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        # 180, not 230: with the first start's welcome and a message above, the German console at 768 px
        # squeezed the ring below its minimum and cut the free chair off; the cards shrink to fit instead
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Inner circle"))
        for signal in (controller.seatsChanged, controller.turnChanged, controller.participantsChanged):
            signal.connect(self.update)
        controller.seatsChanged.connect(self._seats_changed)
        controller.sessionReplaced.connect(self._session_replaced)
        self._floor: tuple[str, int] | None = None
        controller.turnChanged.connect(self._floor_changed)

    @property
    def session(self) -> Session:
        return self._controller.session

    def sizeHint(self) -> QSize:
        return QSize(440, 320)

    def _session_replaced(self) -> None:
        self.selected = None
        self._floor = None
        self._seats_changed()

    def _floor_changed(self) -> None:
        """The selection follows a new speaker's seat: an Enter right after Next (meant as "go on", or a remote's
        bounce) then keeps the floor with the new guest instead of giving it back to the seat pressed before."""
        turn = self.session.turn
        floor = (turn.participant_id, turn.seat_index) if turn is not None else None
        if floor is not None and floor != self._floor and self.selected is not None:
            self.select(floor[1])
        self._floor = floor

    def _seats_changed(self) -> None:
        """Fewer seats: the selection moves to the last seat that is left (the free chair by convention), and a
        Seat… or who-leaves question about a seat that is gone closes, so no key or button acts on nothing."""
        n = len(self.session.seats)
        if self.selected is not None and self.selected >= n:
            self.selected = n - 1 if n else None
        if self._hover_drop is not None and self._hover_drop >= n:
            self._hover_drop = None
        dialog = self.active_dialog
        if dialog is not None and self._dialog_seat is not None and self._dialog_seat >= n:
            self.active_dialog = None
            dialog.reject()
        self.update()

    def has_seat(self, index: int | None) -> bool:
        return index is not None and 0 <= index < len(self.session.seats)

    # ------------------------------------------------------------------ geometry and painting (SeatRing)
    def card_size(self) -> tuple[float, float]:
        return self._ring.card_size()

    def seat_rect(self, index: int) -> QRectF:
        return self._ring.seat_rect(index)

    def seat_at(self, pos: QPoint) -> int | None:
        return self._ring.seat_at(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        self._ring.paint(p, self.selected, self._hover_drop)
        p.end()

    # ------------------------------------------------------------------ selection and keyboard
    def select(self, index: int | None) -> None:
        n = len(self.session.seats)
        self.selected = None if index is None or n == 0 else index % n
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.selected is None and len(self.session.seats):
            self.selected = 0
        super().focusInEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self.select((self.selected if self.selected is not None else -step) + step)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.activate(self.selected)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.has_seat(self.selected):
            self.request_empty(self.selected)  # type: ignore[arg-type]
        elif key == Qt.Key.Key_Insert and self.selected is not None:
            self.open_seat_picker(self.selected)
        else:
            super().keyPressEvent(event)

    def activate(self, index: int) -> None:
        """Give the seated person the floor; on an empty seat, ask who sits down."""
        if not self.has_seat(index):
            return
        occupant = self.session.seats[index].occupant
        if occupant is None:
            self.open_seat_picker(index)
        else:
            self._controller.start_turn(occupant)
        self.seatActivated.emit(index)

    # ------------------------------------------------------------------ seating with the rules
    def request_seat(self, participant_id: str, seat_index: int) -> None:
        """Seat someone where they were dropped or picked; in the open format ask who leaves if this is
        the last empty chair."""
        session = self.session
        if not self.has_seat(seat_index):
            return
        seat = session.seats[seat_index]
        if seat.occupant == participant_id:
            return
        if seat.occupant is not None:
            self._controller.replace_occupant(seat_index, participant_id)
            return
        moving = session.seat_of(participant_id) is not None
        last_empty = session.empty_seat_indices() == [seat_index]
        if session.settings.format is FishbowlFormat.OPEN and last_empty and not moving:
            from fishbowl_desktop.ui.circle.seat_dialogs import (
                WhoLeavesDialog,  # on first use: not part of the first frame
            )

            dialog = WhoLeavesDialog(session, participant_id, self)
            dialog.chosen.connect(lambda leaving: self._controller.seat_instead(participant_id, seat_index, leaving))
            self._open(dialog, seat_index)
            return
        self._controller.seat(participant_id, seat_index)

    def request_empty(self, seat_index: int) -> None:
        """Delete, the Empty seat button, the menu: a seat is emptied at once, but the speaker's seat only after
        asking, since it ends their turn in front of the hall (one stray Delete did that without a word)."""
        if not self.has_seat(seat_index):
            return
        session = self.session
        occupant = session.seats[seat_index].occupant
        turn = session.turn
        if occupant is None or turn is None or turn.participant_id != occupant:
            self._controller.unseat(seat_index)
            return
        name = session.participant(occupant).name
        spoken = format_duration(turn.timer.spoken(session.clock.monotonic()))
        from PySide6.QtWidgets import QMessageBox  # built when asked, not on the way to the first frame (issue 29)

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Empty the seat"),
            self.tr("{name} has the floor ({spoken} spoken). Empty the seat and end the turn?").format(
                name=name, spoken=spoken
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        style_dialog(box)
        empty = box.addButton(self.tr("Empty the seat"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter on a reflex keeps the speaker
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        empty.clicked.connect(lambda: self._empty_if_still(seat_index, occupant))
        self._open(box, seat_index)

    def _empty_if_still(self, seat_index: int, occupant: str) -> None:
        """The answer applies to the person it was asked about, not to whoever sits there by now."""
        if self.has_seat(seat_index) and self.session.seats[seat_index].occupant == occupant:
            self._controller.unseat(seat_index)

    def open_seat_picker(self, seat_index: int) -> None:
        """Seat…: on an empty seat someone sits down; on a taken one they take over (where the format allows)."""
        if not self.has_seat(seat_index):
            return
        from fishbowl_desktop.ui.circle.seat_dialogs import SeatPicker  # on first use

        dialog = SeatPicker(self.session, seat_index, self)
        dialog.chosen.connect(lambda pid: self.request_seat(pid, seat_index))
        dialog.promoted.connect(lambda pid: self._controller.seat_as_panelist(pid, seat_index))
        self._open(dialog, seat_index)

    def _open(self, dialog: QDialog, seat_index: int) -> None:
        self.active_dialog = dialog
        self._dialog_seat = seat_index
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys go on where they left off: arrows, Enter

    # ------------------------------------------------------------------ mouse and drag and drop
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        index = self.seat_at(event.position().toPoint())
        self.select(index)
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.seat_at(event.position().toPoint())
        if index is not None:
            self.activate(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or self.selected is None:
            return
        distance = (event.position().toPoint() - self._press).manhattanLength()
        if distance < QApplication.startDragDistance():
            return
        seat_index = self.selected
        self._press = None
        occupant = self.session.seats[seat_index].occupant
        if occupant is None:
            return
        drag = QDrag(self)
        drag.setMimeData(seat_mime(occupant, seat_index))
        result = drag.exec(Qt.DropAction.MoveAction)
        self.finish_seat_drag(seat_index, occupant, result, drag.target())

    def finish_seat_drag(self, seat_index: int, occupant: str, result: Qt.DropAction, target: object) -> None:
        """A seated person dragged out of the circle and let go where nothing takes them: they leave."""
        left_nowhere = result == Qt.DropAction.IgnoreAction and target is None
        if left_nowhere and self.session.seats[seat_index].occupant == occupant:
            self._controller.unseat(seat_index)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PARTICIPANT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self.seat_at(event.position().toPoint())
        if index != self._hover_drop:
            self._hover_drop = index
            self.update()
        if index is not None and event.mimeData().hasFormat(PARTICIPANT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._hover_drop = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover_drop = None
        self.update()
        index = self.seat_at(event.position().toPoint())
        pid = dragged_person(event.mimeData())
        if index is None or pid is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.select(index)
        self.request_seat(pid, index)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.seat_at(event.pos())
        if index is None:
            return
        self.select(index)
        occupant = self.session.seats[index].occupant
        menu = QMenu(self)
        if occupant is not None:
            menu.addAction(self.tr("Give the floor"), lambda: self._controller.start_turn(occupant))
            menu.addAction(self.tr("Empty the seat"), lambda: self.request_empty(index))
        menu.addAction(self.tr("Seat…"), lambda: self.open_seat_picker(index))
        menu.popup(event.globalPos())


def seat_mime(participant_id: str, seat_index: int) -> QMimeData:
    return person_mime(participant_id, seat_index=seat_index)
