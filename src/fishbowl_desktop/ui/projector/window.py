"""The projector's own top-level window: fullscreen and frameless on the beamer, or a normal resizable
window when the console's screen is the only one (so the moderator can still try it out).

Placement follows what works across platforms: `setScreen` before `showFullScreen`; where the window
system ignores that (some Wayland compositors), a borderless window sized to the screen is the fallback.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .screens import ScreenKey, resolve, screen_key
from .view import ProjectorScene, ProjectorView

VERIFY_MS = 400
"""How long the window system gets to honour the fullscreen request before the fallback is applied."""


class ProjectorWindow(QWidget):
    closedByUser = Signal()
    """The moderator closed the normal (single-screen) window with its title bar button."""

    def __init__(self, scene: ProjectorScene, title: str = "Fishbowl – Projektion"):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.view = ProjectorView(scene, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._target: ScreenKey | None = None
        self._fullscreen = False
        self._closing_programmatically = False
        self._verify = QTimer(self)
        self._verify.setSingleShot(True)
        self._verify.timeout.connect(self._verify_placement)

    @property
    def is_fullscreen_mode(self) -> bool:
        return self._fullscreen

    def target_key(self) -> ScreenKey | None:
        return self._target

    def target_screen(self) -> QScreen | None:
        return resolve(self._target)

    def show_on(self, screen: QScreen, fullscreen: bool) -> None:
        """Open (or move) on `screen`; fullscreen without a frame on a beamer, a normal window otherwise."""
        self._target = screen_key(screen)
        self._fullscreen = fullscreen
        flags = Qt.WindowType.Window
        if fullscreen:
            # The presenter remote's PageDown must keep reaching the console, so the beamer never takes focus.
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, fullscreen)
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)  # hides the window; shown again below
        if self.isVisible() and self.windowState() & Qt.WindowState.WindowFullScreen:
            self.showNormal()  # leave fullscreen on the old screen before moving
        self.setScreen(screen)
        if fullscreen:
            self.setCursor(Qt.CursorShape.BlankCursor)
            self.setGeometry(screen.geometry())
            # showFullScreen() without its activateWindow(): the beamer must not take the keyboard.
            state = Qt.WindowState
            self.setWindowState((self.windowState() & ~state.WindowMinimized) | state.WindowFullScreen)
            self.show()
            self._verify.start(VERIFY_MS)
        else:
            self.unsetCursor()
            area = screen.availableGeometry()
            w, h = max(480, area.width() // 2), max(270, area.width() // 2 * 9 // 16)
            self.setGeometry(QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h))
            self.showNormal()
            self.raise_()

    def _verify_placement(self) -> None:
        """Fallback for window systems that ignore the fullscreen placement: a borderless window covering it."""
        screen = resolve(self._target)
        if not self._fullscreen or screen is None or not self.isVisible():
            return
        if screen_key(self.screen()) != self._target or self.geometry() != screen.geometry():
            self.showNormal()
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.show()

    def hide_window(self) -> None:
        self._verify.stop()
        self._closing_programmatically = True
        try:
            self.hide()
        finally:
            self._closing_programmatically = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self._verify.stop()
        if not self._closing_programmatically:
            self.closedByUser.emit()
        super().closeEvent(event)
