"""The moderator's hands for UI tests: keys go where a real keyboard sends them (the open popup's focus widget,
else the focus widget), and any character can be typed, Greek and Cyrillic too (QTest's own `keyClicks` aborts
on characters outside Latin-1)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def key_target(fallback: QWidget | None = None) -> QWidget:
    """Where the keyboard's next key goes, as on a real desk: the open popup's focus, else the focus widget."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    focus = QApplication.focusWidget()
    if focus is None:
        assert fallback is not None, "no widget has the keyboard"
        return fallback
    return focus


def key_for(ch: str) -> Qt.Key:
    """The key code a keyboard layout gives a character: its upper case code point (as xkb does), or Space."""
    if ch == " ":
        return Qt.Key.Key_Space
    try:
        return Qt.Key(ord(ch.upper()[0]))
    except ValueError:
        return Qt.Key.Key_unknown


def type_char(widget: QWidget, ch: str) -> None:
    """One key press and release typing `ch`, with the ShortcutOverride a real key sends first."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key_for(ch), ch, Qt.KeyboardModifier.NoModifier)


def click(widget: QWidget, pos: QPoint | None = None, double: bool = False) -> None:
    """A mouse click as the window system delivers it: to the top-level window at that point, so that an open
    popup sees it first (QTest's widget overloads hand it straight to the widget, past any popup)."""
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None, f"{top!r} is not shown"
    at = widget.mapTo(top, pos if pos is not None else widget.rect().center())
    if double:
        QTest.mouseDClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    else:
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
