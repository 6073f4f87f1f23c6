"""Keys that reach the projector window go on to the console.

The projector never asks for the keyboard, but a click on it under a window manager, or a window system
that ignores "does not accept focus", can still route a key press there. The moderator's shortcuts (B, N,
Space, F5, the presenter remote's PageDown) must work all the same: the key triggers the console's action
for it, and any other key goes to the console's focused widget, exactly as if it had been typed there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.ui.widgets.text_input import is_text_input


class KeyRelay:
    def __init__(self) -> None:
        self._console: QWidget | None = None

    @property
    def console(self) -> QWidget | None:
        """Where the keys go; the console's key guard treats this window's keys as its own."""
        return self._console

    def set_console(self, console: QWidget | None) -> None:
        self._console = console

    def relay(self, event: QKeyEvent) -> bool:
        """Hand `event` to the console; False if there is no console to hand it to."""
        console = self._console
        if console is None:
            return False
        focus = console.focusWidget()
        typing = is_text_input(focus) and _plain_text(event)
        if event.type() == QEvent.Type.KeyPress and not typing:
            action = _action_for(console, event)
            if action is not None:
                action.trigger()
                return True
        target = focus if focus is not None else console
        copy = QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count()
        )
        QCoreApplication.sendEvent(target, copy)
        return True


def _plain_text(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return mods == Qt.KeyboardModifier.NoModifier and bool(event.text()) and event.text().isprintable()


def _action_for(console: QWidget, event: QKeyEvent) -> QAction | None:
    """The console's enabled action with this key (Shift ignored as a second try, as Qt's shortcut map does)."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    wanted = [QKeySequence(event.key() | mods.value)]
    if mods & Qt.KeyboardModifier.ShiftModifier:
        wanted.append(QKeySequence(event.key() | (mods & ~Qt.KeyboardModifier.ShiftModifier).value))
    for sequence in wanted:
        for action in console.actions():
            if action.isEnabled() and any(s == sequence for s in action.shortcuts()):
                return action
    return None
