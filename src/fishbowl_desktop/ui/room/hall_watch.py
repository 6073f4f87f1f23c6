"""Whether the hall can see a window of the console: the room window's secrets (the control link and PIN, the
AV desk's token) are shown only on a click, hidden again whenever the window opens, and never while the window
sits on a screen the projector uses. One watch for every such box, so they follow one rule.

Why: whoever has the control link and PIN, or the desk's token, runs the evening's timer and screen. On a laptop
mirrored to the beamer, whatever opens on the laptop opens in front of the hall.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

ProjectorScreens = Callable[[], list[QScreen]]
"""The screens the hall sees now: the projector's, and any screen that mirrors it."""


def _same_picture(a: QScreen, b: QScreen) -> bool:
    return a is b or a.geometry() == b.geometry()  # a cloned display reports the same geometry


class HallWatch(QObject):
    moved = Signal()
    """The window moved, was shown or changed screen: check again whether the hall sees it."""
    windowHidden = Signal()
    """The window closed: a secret shown is put away, so it is hidden again when the window opens next."""

    def __init__(self, box: QWidget, projector_screens: ProjectorScreens | None = None):
        super().__init__(box)
        self._box = box
        self._projector_screens = projector_screens or list
        self._watched: QWidget | None = None

    def attach(self) -> None:
        """Call from the box's showEvent: its window is known only once it is shown."""
        top = self._box.window()
        if top is not self._watched:
            self._watched = top
            top.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Hide:
            self.windowHidden.emit()
        elif kind in (QEvent.Type.Move, QEvent.Type.Show, QEvent.Type.ScreenChangeInternal):
            self.moved.emit()
        return False

    def hall_sees(self) -> bool:
        screen = self._box.window().screen()
        return screen is not None and any(_same_picture(screen, used) for used in self._projector_screens())
