"""Which screen is which: finding the remembered beamer again, telling the console's screen apart, and the
"identify screens" overlay that puts a big number on every screen for three seconds.

Screens are recognised by name *and* geometry: two beamers are often both called "HDMI-1", and a name can
come back at a different position after replugging. Screens that went away are only ever referred to by
this key, never by a QScreen object, because Qt deletes the object with the screen. Nothing here keeps a
QScreen between calls either: PySide ties the Python wrapper returned by `QWidget.screen()` to that widget,
and when the widget is deleted every reference to that wrapper becomes invalid ("Internal C++ object already
deleted"), although the screen still exists. Keys are resolved to a fresh wrapper when needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.ui.projector import palette
from fishbowl_desktop.ui.projector.screen_policy import ScreenKey, remembered_among
from fishbowl_desktop.ui.projector.textfit import make_font

IDENTIFY_MS = 3000


def screen_key(screen: QScreen) -> ScreenKey:
    g = screen.geometry()
    return screen.name(), (g.x(), g.y(), g.width(), g.height())


def resolve(key: ScreenKey | None) -> QScreen | None:
    """The connected screen with this key, as a fresh wrapper, or None."""
    if key is None:
        return None
    for screen in QGuiApplication.screens():
        if screen_key(screen) == key:
            return screen
    return None


def console_screen() -> QScreen | None:
    """The moderator's screen: the primary one, where the console opens."""
    return QGuiApplication.primaryScreen()


def available_screens(gone: Iterable[ScreenKey] = ()) -> list[QScreen]:
    """The screens Qt lists, minus those announced as removed (Qt may still list them for a moment)."""
    gone_keys = set(gone)
    return [s for s in QGuiApplication.screens() if screen_key(s) not in gone_keys]


def find_remembered(name: str, geometry: tuple[int, int, int, int] | None, screens: list[QScreen]) -> QScreen | None:
    """Name and geometry first, then the name alone (moved), then the geometry alone (renamed by the driver)."""
    found = remembered_among(name, geometry, [screen_key(s) for s in screens])
    return next((s for s in screens if screen_key(s) == found), None) if found is not None else None


class IdentifyOverlay(QWidget):
    """A borderless window filling one screen with its number and name, closing itself after three seconds."""

    def __init__(self, screen: QScreen, number: int, caption: str):
        super().__init__(
            None,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.number = number
        self.caption = caption
        self.setWindowTitle(caption)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        QTimer.singleShot(IDENTIFY_MS, self.close)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.BACKGROUND)
        h = self.height()
        painter.setPen(palette.WARNING)
        painter.setFont(make_font(h * 0.5, bold=True))
        top = self.rect().adjusted(0, 0, 0, -round(h * 0.25))
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, str(self.number))
        painter.setPen(palette.TEXT)
        painter.setFont(make_font(h * 0.05))
        bottom = self.rect().adjusted(0, round(h * 0.7), 0, 0)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self.caption
        )
        painter.end()
