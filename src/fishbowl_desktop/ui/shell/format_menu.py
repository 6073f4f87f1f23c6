"""The Format menu's three choices (closed, open, tap-out; issue 28) kept checked as the session says, and the
tap-out question: whom does the next person replace?

The choices are commands of the table (`commands.py`: keys, Help, the desk's API); this module only keeps their
check marks true (an undo, a phone or the desk may switch the format too) and asks the tap-out question, a
menu opened at the circle with the seats as numbered entries, so 1–9 or the arrows and Enter pick a seat.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Opening
from fishbowl_desktop.model.opening import tap_out_choices
from fishbowl_desktop.ui.widgets.key_menu import popup_from_key

FORMAT_COMMANDS = {
    "close_fishbowl": Opening.CLOSED,
    "open_fishbowl": Opening.FREE_CHAIR,
    "tap_out_fishbowl": Opening.TAP_OUT,
}


class FormatMenu(QObject):
    def __init__(
        self, window: QWidget, controller: SessionController, commands: dict[str, QAction], circle: QWidget
    ) -> None:
        super().__init__(window)
        self._controller = controller
        self._circle = circle
        self._actions = {name: commands[name] for name in FORMAT_COMMANDS if name in commands}
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        texts = {
            "close_fishbowl": self.tr("&Closed: the audience listens"),
            "open_fishbowl": self.tr("&Open: a free chair for the audience"),
            "tap_out_fishbowl": self.tr("&Tap-out: a newcomer replaces a speaker"),
        }
        for name, action in self._actions.items():
            action.setText(texts[name])
            action.setCheckable(True)
            self._group.addAction(action)
        if "tap_out" in commands:
            commands["tap_out"].setText(self.tr("Tap &out: whom does the next person replace?"))
        self.pick_menu: QMenu | None = None
        """The open tap-out question (tests answer it)."""
        controller.settingsChanged.connect(self._sync)
        controller.sessionReplaced.connect(self._sync)
        controller.tapOutWanted.connect(self.ask_whom)
        self._sync()

    def _sync(self) -> None:
        opening = self._controller.session.settings.opening
        for name, action in self._actions.items():
            if action.isChecked() != (FORMAT_COMMANDS[name] is opening):
                action.setChecked(FORMAT_COMMANDS[name] is opening)

    def ask_whom(self) -> None:
        """The tap-out question, at the circle: one entry per seat the next person may take."""
        session = self._controller.session
        upcoming = session.next_in_queue(1)
        if session.settings.opening is not Opening.TAP_OUT or not upcoming:
            self._controller.next_by_hand()  # says why nothing happens (closed, nobody waiting)
            return
        newcomer = upcoming[0]
        people = session.participants_by_id()
        seats = session.seats.as_tuple()
        menu = QMenu(self._circle)
        menu.setObjectName("tapOutMenu")
        title = menu.addAction(self.tr("Whom does {name} replace?").format(name=newcomer.name))
        title.setEnabled(False)
        menu.addSeparator()
        for i in tap_out_choices(seats, newcomer, people, session.settings.format):
            occupant = seats[i].occupant
            who = people[occupant].name if occupant is not None and occupant in people else self.tr("empty seat")
            prefix = f"&{i + 1}" if i < 9 else str(i + 1)
            action = menu.addAction(self.tr("{n}  {who}").format(n=prefix, who=who.replace("&", "&&")))
            action.setData(i)
            action.triggered.connect(lambda _checked=False, seat=i: self._controller.tap_out(seat))
        if len(menu.actions()) == 2:
            menu.addAction(self.tr("No seat {name} may take").format(name=newcomer.name)).setEnabled(False)
        menu.aboutToHide.connect(menu.deleteLater)
        self.pick_menu = menu
        centre = self._circle.rect().center()
        popup_from_key(menu, self._circle.mapToGlobal(centre - QPoint(menu.sizeHint().width() // 2, 0)))
