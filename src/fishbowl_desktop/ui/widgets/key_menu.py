"""A menu opened by a key (Ctrl+P) starts on its first item, every time.

Opened beside a resting mouse, Qt's menu took the mouse-move event that a window shown under the cursor
receives and cleared or moved its highlight by where the pointer happened to be, so Up and Down started from a
different item from one press to the next (issue 21, point 10). Until the mouse really moves, such moves are
left out; after that the mouse works as always.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu


class _UntilTheMouseMoves(QObject):
    def __init__(self, menu: QMenu) -> None:
        super().__init__(menu)
        self._menu = menu
        self._at = QCursor.pos()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._menu:
            if event.type() == QEvent.Type.MouseMove and QCursor.pos() == self._at:
                return True  # the pointer has not moved: not a choice of the moderator's
            if event.type() in (QEvent.Type.MouseMove, QEvent.Type.Hide):
                self._menu.removeEventFilter(self)
                self.deleteLater()
        return False


def popup_from_key(menu: QMenu, at: QPoint) -> None:
    menu.popup(at)
    first = next((a for a in menu.actions() if a.isEnabled() and a.isVisible() and not a.isSeparator()), None)
    if first is None:
        return
    menu.setActiveAction(first)
    menu.installEventFilter(_UntilTheMouseMoves(menu))
