"""Ctrl+Q, File → Quit or the window's close button while a speaker's time runs or the beamer shows the
projector: asked once, since quitting stops the clock in front of the hall and leaves it the desktop. The same
for Ctrl+N, Ctrl+O and Open recent (another session would replace the evening on the beamer; Ctrl+N is one
finger away from N, the Next key).

Quitting and switching are otherwise immediate (the session is saved either way); a close that the program
itself makes (a restart, the tests) is never asked about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import format_seconds
from fishbowl_desktop.ui.projector.manager import ProjectorManager
from fishbowl_desktop.ui.projector.screen_policy import ProjectorState
from fishbowl_desktop.ui.widgets.sheet import style_dialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class QuitQuestion(QObject):
    def __init__(
        self,
        window: QWidget,
        controller: SessionController,
        projector: ProjectorManager,
        quit_now: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._projector = projector
        self._quit_now = quit_now
        self.box: QMessageBox | None = None
        """The open question, if any (tests answer it)."""

    def reason(self, switching: bool = False) -> str:
        """What quitting (or opening another session) now would do in front of the hall; "" when nothing (then
        it happens without asking)."""
        parts = []
        session = self._controller.session
        turn = session.turn
        if turn is not None and turn.timer.is_running and session.has_participant(turn.participant_id):
            remaining = turn.timer.remaining(session.clock.monotonic())
            name = session.participant(turn.participant_id).name
            time = format_seconds(remaining).lstrip("+")  # the clock's digits; the words say which way
            parts.append(
                self.tr("{name} is speaking ({time} left): the clock stops.").format(name=name, time=time)
                if remaining > 0
                else self.tr("{name} is speaking ({time} over time): the clock stops.").format(name=name, time=time)
            )
        if self._projector.state() is ProjectorState.ON_SCREEN:
            parts.append(
                self.tr("The projector is on: the hall sees the other session.")
                if switching
                else self.tr("The projector is on: the hall sees the desktop.")
            )
        return " ".join(parts)

    def ask_or_switch(self, switch: Callable[[], object]) -> None:
        """New, Open or Open recent: at once, or asked first when the hall would notice (Cancel the default)."""
        if self.box is not None:
            self.box.raise_()
            return
        reason = self.reason(switching=True)
        if not reason:
            switch()
            return
        self._ask(
            self.tr("Another session"),
            self.tr("{reason} Close this session and open another anyway? It is saved.").format(reason=reason),
            self.tr("Open another"),
            switch,
        )

    def ask_or_quit(self) -> None:
        """Quit, or ask first when the hall would notice; a second Ctrl+Q while asked does nothing more."""
        if self.box is not None:
            self.box.raise_()
            return
        reason = self.reason()
        if not reason:
            self._quit_now()
            return
        self._ask(
            self.tr("Quit"),
            self.tr("{reason} Quit anyway? The session is saved.").format(reason=reason),
            self.tr("Quit"),
            self._quit_now,
        )

    def _ask(self, title: str, text: str, button: str, then: Callable[[], object]) -> None:
        from PySide6.QtWidgets import QMessageBox  # built when asked, not on the way to the first frame (issue 29)

        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self._window)
        style_dialog(box)
        go = box.addButton(button, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a reflexive Enter keeps the evening going
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        go.clicked.connect(then)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _closed(self) -> None:
        self.box = None
