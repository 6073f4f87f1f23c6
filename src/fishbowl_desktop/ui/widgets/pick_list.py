"""A drop-down on the console that never keeps the moderator's keys.

After a pick with the mouse, a plain QComboBox holds the keyboard: Space opened its list again (the speaker's
clock ran on), N picked "New voices first" in it and Enter switched the rule in front of the hall. A `PickList`
takes no focus from a click (Tab still reaches it), and says when its list closes, so the console can hand the
keyboard back to the circle, where Space, N and B work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget


class PickList(QComboBox):
    listClosed = Signal()
    """The list closed (a pick, Esc or a click elsewhere); `hasFocus()` tells whether the keyboard was here."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def hidePopup(self) -> None:
        super().hidePopup()
        self.listClosed.emit()
