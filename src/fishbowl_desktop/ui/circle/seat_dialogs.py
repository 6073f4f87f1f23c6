"""The two small questions the circle asks: who sits down on this seat, and who leaves to keep a chair free.

Both are opened with `open()` and answer through a signal, never `exec()`, so the console's event loop (Qt's
own) keeps running the timer and the room's signals while the moderator chooses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.model import FishbowlFormat, Role, SeatKind, Session
from fishbowl_desktop.ui.widgets.person_data import PARTICIPANT_ID_ROLE
from fishbowl_desktop.ui.widgets.sheet import style_dialog


def seat_candidates(session: Session, seat_index: int) -> list[tuple[str, str]]:
    """(participant id, label) of everyone who may sit here: the queue first, in its order, then the rest."""
    seat = session.seats[seat_index]
    panel_closed = session.settings.format is FishbowlFormat.EXPERTS_STAY and seat.kind is SeatKind.PANEL
    by_id = session.participants_by_id()
    ordered = [e.participant_id for e in session.queue]
    ordered += [p.id for p in session.participants if p.id not in set(ordered)]
    result = []
    for pid in ordered:
        person = by_id[pid]
        if session.seat_of(pid) is not None or (panel_closed and person.role is Role.AUDIENCE):
            continue
        label = person.name
        if person.organisation:
            label += f" – {person.organisation}"
        result.append((pid, label))
    return result


class _ChoiceDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None):
        super().__init__(parent)
        style_dialog(self)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(420, 380)

    def add_choice(self, label: str, value: object) -> None:
        item = QListWidgetItem(label)
        item.setData(PARTICIPANT_ID_ROLE, value)
        self.list.addItem(item)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def current_value(self) -> object:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(PARTICIPANT_ID_ROLE)


def panelist_candidates(session: Session, seat_index: int) -> list[tuple[str, str]]:
    """(participant id, label) of the audience who could sit on this panel seat once made panelists: offered
    when nobody may sit there as things are (a list imported without a role column holds only audience)."""
    seat = session.seats[seat_index]
    if session.settings.format is not FishbowlFormat.EXPERTS_STAY or seat.kind is not SeatKind.PANEL:
        return []
    return [
        (p.id, f"{p.name} – {p.organisation}" if p.organisation else p.name)
        for p in session.participants
        if p.role is Role.AUDIENCE and session.seat_of(p.id) is None
    ]


class SeatPicker(_ChoiceDialog):
    """Seat…: pick someone for an empty seat; typing filters the list. When nobody may sit on a panel seat
    (only audience on the list), it says why and offers to make the one picked a panelist."""

    chosen = Signal(str)
    promoted = Signal(str)
    """Picked from the audience for a panel seat: make them a panelist, then seat them."""

    def __init__(self, session: Session, seat_index: int, parent: QWidget | None = None):
        super().__init__(
            self.tr("Seat {n}").format(n=seat_index + 1),
            self.tr("Who sits down on seat {n}? People waiting for the free chair come first.").format(
                n=seat_index + 1
            ),
            parent,
        )
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter"))
        self.filter.textChanged.connect(self._filter)
        self.layout().insertWidget(1, self.filter)  # type: ignore[union-attr]
        candidates = seat_candidates(session, seat_index)
        for pid, label in candidates:
            self.add_choice(label, pid)
        promotable = [] if candidates else panelist_candidates(session, seat_index)
        if promotable:
            self.prompt.setText(
                self.tr(
                    "Nobody on the list is a panelist yet, and in this format only panelists sit on panel seats "
                    "(a list imported without a role column holds only audience). Pick someone to make them a "
                    "panelist and seat them on seat {n}."
                ).format(n=seat_index + 1)
            )
            for pid, label in promotable:
                self.add_choice(self.tr("{person} – becomes a panelist").format(person=label), ("promote", pid))
        elif not candidates:
            self.prompt.setText(self.tr("Nobody is left who may sit on seat {n}.").format(n=seat_index + 1))
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        key = text.casefold()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hide = key not in item.text().casefold()
            item.setHidden(hide)
            if not hide and first is None:
                first = i
        if first is not None:
            self.list.setCurrentRow(first)

    def accept(self) -> None:
        value = self.current_value()
        super().accept()
        if isinstance(value, str):
            self.chosen.emit(value)
        elif isinstance(value, tuple) and value[0] == "promote":
            self.promoted.emit(value[1])


class WhoLeavesDialog(_ChoiceDialog):
    """Open format: the last empty chair is being taken, so someone in the circle makes room."""

    chosen = Signal(int)

    def __init__(self, session: Session, newcomer: str, parent: QWidget | None = None):
        name = session.participant(newcomer).name
        super().__init__(
            self.tr("Keep one chair free"),
            self.tr("{name} takes the last empty chair. Who leaves the circle?").format(name=name),
            parent,
        )
        for i, seat in enumerate(session.seats):
            if seat.occupant is None or seat.occupant == newcomer:
                continue
            person = session.participant(seat.occupant)
            if person.role is Role.MODERATOR:
                continue
            self.add_choice(self.tr("{name} (seat {n})").format(name=person.name, n=i + 1), i)

    def accept(self) -> None:
        value = self.current_value()
        super().accept()
        if isinstance(value, int):
            self.chosen.emit(value)
