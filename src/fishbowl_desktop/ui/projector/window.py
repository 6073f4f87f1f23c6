"""The projector's own top-level window: fullscreen and frameless on the beamer, or a small window on the
console's screen when that is the only one (so the moderator can still try it out).

Placement follows what works across platforms: `setScreen` before `showFullScreen`; where the window
system ignores that (some Wayland compositors), a borderless window sized to the screen is the fallback.

The projector never keeps the keyboard: it does not accept focus, hands activation straight back to the
console, and passes every key it receives anyway (a click on it under a window manager, a presenter remote)
to the console (`keys.KeyRelay`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMoveEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fishbowl_desktop.ui.projector.keys import KeyRelay
from fishbowl_desktop.ui.projector.screen_policy import ScreenKey
from fishbowl_desktop.ui.projector.screens import resolve, screen_key
from fishbowl_desktop.ui.projector.view import ProjectorScene, ProjectorView

VERIFY_MS = 400
"""How long the window system gets to honour the fullscreen request before the fallback is applied."""


class ProjectorWindow(QWidget):
    closedByUser = Signal()
    """The moderator closed the normal (single-screen) window with its title bar button."""
    placedByUser = Signal(QRect)
    """The single-screen window was moved or resized (by the moderator, through the window manager)."""
    activated = Signal()
    """The window system made the projector the active window anyway; the console takes the keyboard back."""

    def __init__(self, scene: ProjectorScene, title: str = "Fishbowl – Projektion"):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setObjectName("projectorWindow")
        self.view = ProjectorView(scene, self)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.keys = KeyRelay()
        self._target: ScreenKey | None = None
        self._fullscreen = False
        self._placed: QRect | None = None
        """The geometry this window last gave itself; a different one came from the moderator."""
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

    def show_on(self, screen: QScreen, fullscreen: bool, window_geometry: QRect | None = None) -> None:
        """Open (or move) on `screen`: fullscreen without a frame on a beamer; otherwise a window at
        `window_geometry` that stays on top of the console but never takes its keyboard."""
        self._target = screen_key(screen)
        self._fullscreen = fullscreen
        # The presenter remote's PageDown must keep reaching the console, so the projector never takes focus.
        flags = Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus
        if fullscreen:
            flags |= Qt.WindowType.FramelessWindowHint
        else:
            flags |= Qt.WindowType.WindowStaysOnTopHint
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)  # hides the window; shown again below
        if self.isVisible() and self.windowState() & Qt.WindowState.WindowFullScreen:
            self.showNormal()  # leave fullscreen on the old screen before moving
        self.setScreen(screen)
        state = Qt.WindowState
        if fullscreen:
            self.setCursor(Qt.CursorShape.BlankCursor)
            self._placed = None
            self.setGeometry(screen.geometry())
            # showFullScreen() without its activateWindow(): the beamer must not take the keyboard.
            self.setWindowState((self.windowState() & ~state.WindowMinimized) | state.WindowFullScreen)
            self.show()
            self._verify.start(VERIFY_MS)
        else:
            self.unsetCursor()
            geometry = window_geometry or corner_geometry(screen.availableGeometry())
            self._placed = QRect(geometry)
            self.setWindowState(self.windowState() & ~(state.WindowFullScreen | state.WindowMinimized))
            self.setGeometry(geometry)
            self.show()  # not showNormal()/raise_(): both may activate the window

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

    # ------------------------------------------------------------------ the moderator's hands
    def _user_placement(self) -> None:
        if self._fullscreen or not self.isVisible() or self._placed is None:
            return
        geometry = self.geometry()
        if geometry != self._placed:
            self._placed = QRect(geometry)
            self.placedByUser.emit(QRect(geometry))

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._user_placement()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._user_placement()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.isVisible():  # a hidden window can't have keys
            self.activated.emit()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys.relay(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self.keys.relay(event):
            super().keyReleaseEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._verify.stop()
        if not self._closing_programmatically:
            self.closedByUser.emit()
        super().closeEvent(event)


def corner_geometry(area: QRect) -> QRect:
    """A 16:9 window in the bottom-right corner of `area`, a quarter of its width (at least 320 wide)."""
    w = max(320, area.width() // 4)
    h = w * 9 // 16
    margin = 16
    return QRect(area.right() + 1 - w - margin, area.bottom() + 1 - h - margin, w, h)
