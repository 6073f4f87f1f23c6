"""A calm, non-modal strip above the console for things the moderator should read but not be stopped by:
a refused action, a recovered session, a finished or failed PDF. No dialog pops up in front of the room.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

LEVELS = {
    "info": ("#E8F4FB", "#0072B2", "#0B2A3D"),
    "warning": ("#FFF4DC", "#E69F00", "#3D2A00"),
    "error": ("#FBE9E2", "#D55E00", "#4A1600"),
}
HIDE_AFTER_MS = {"info": 12000, "warning": 20000}
"""Errors stay until closed or replaced; the rest fades so the strip does not become wallpaper."""


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.level = "info"
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.hide()
        self._callback: Callable[[], object] | None = None
        self.action.clicked.connect(self._run_action)
        close = QPushButton("✕")
        close.setFlat(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip(self.tr("Close this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(close)
        self._auto_hide = QTimer(self)
        self._auto_hide.setSingleShot(True)
        self._auto_hide.timeout.connect(self.hide)
        self.hide()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def show_message(self, text: str, level: str = "info", action_text: str = "",
                     action: Callable[[], object] | None = None) -> None:
        """Info and warnings fade after a while; errors stay until closed or replaced."""
        self.level = level
        background, border, foreground = LEVELS.get(level, LEVELS["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
            f" #messageBar QLabel {{ color: {foreground}; }}"
        )
        self.label.setText(text)
        self._callback = action
        self.action.setText(action_text)
        self.action.setVisible(bool(action_text and action))
        self.show()
        if level in HIDE_AFTER_MS:
            self._auto_hide.start(HIDE_AFTER_MS[level])
        else:
            self._auto_hide.stop()

    def _run_action(self) -> None:
        if self._callback is not None:
            self._callback()
        self.hide()
