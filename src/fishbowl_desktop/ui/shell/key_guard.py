"""Single-key shortcuts (Space, N, B, +, −) that can never fire by accident in front of a full hall.

Qt asks the focus widget first with a ShortcutOverride event; accepting it means "this key is mine", and the
shortcut does not fire. `KeyGuard` accepts it for every plain key while someone types:

- a text field (line edit, text edit, spin box, editable combo box) has the focus, in any window;
- any popup is open: a completer's suggestions, a menu, a combo box's list; or the menu bar has the keyboard
  (after Alt), where letters are the menus' mnemonics;
- a focused button gets Space (it presses the button, as everywhere else on the desktop). A closed drop-down
  never takes Space, N or Enter: they stay the evening's keys (the moderator reaches it with Tab, opens it with
  Alt+Down or F4, and changes it with the arrow keys).

And it refuses the keys that change the evening at once — Next, Start/Pause, Blank — when they arrive within
`TYPING_PAUSE` seconds of another plain key or as auto-repeat: one burst of typing that lands outside a text
field ("Jonas", the "nn" in "Großmann") can fire at most nothing. A refused key is eaten, not passed on (a
letter in the queue table would jump the selection), and the status bar says why.

Keys with Ctrl/Alt/Meta and the remote's PageUp/PageDown/F5 are not plain keys and always reach the shortcuts.
Return or Enter on a focused button of the console presses it (Qt does that only inside dialogs). Ctrl+Z and
Ctrl+Shift+Z in a line edit undo the field's own typing first and, once it has none, the session's last step.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMenuBar,
    QWidget,
)

from fishbowl_desktop.ui.shell.shortcuts import SHORTCUTS
from fishbowl_desktop.ui.widgets.text_input import is_text_input

TYPING_PAUSE = 0.4
"""Seconds of quiet a guarded single key needs before it acts. Fast typists leave 50–150 ms between letters;
a moderator pressing N or Space on purpose has not typed anything for longer than this."""

GUARDED_COMMANDS = ("next", "toggle_timer", "blank")
"""What one stray key must never do twice: call the next speaker, start or stop the clock, blank the beamer."""

_IGNORED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_FOCUS_MOVES = frozenset(
    (
        QEvent.Type.FocusIn,
        QEvent.Type.FocusOut,
        QEvent.Type.Hide,
        QEvent.Type.Show,
        QEvent.Type.ChildAdded,
        QEvent.Type.WindowActivate,
        QEvent.Type.WindowDeactivate,
    )
)
"""Events after which the keys may go elsewhere without the focus changing: a popup opened (its first one sends
FocusOut with PopupFocusReason to the focus widget) or closed (Hide, then FocusIn to the focus widget), a window
of the console was made (ChildAdded) or shown."""


def guarded_keys() -> dict[int, str]:
    """Qt key code → command, for the single-key (no modifier) shortcuts of GUARDED_COMMANDS."""
    keys: dict[int, str] = {}
    for spec in SHORTCUTS:
        if spec.command not in GUARDED_COMMANDS:
            continue
        for text in spec.keys:
            combo = QKeySequence(text)[0]  # type: ignore[index]
            if combo.keyboardModifiers() == Qt.KeyboardModifier.NoModifier and (len(text) == 1 or text == "Space"):
                keys[int(combo.key().value)] = spec.command
    return keys


def history_keys(command: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The table's keys for undo/redo plus the platform's own, which a line edit claims for itself."""
    keys = [QKeySequence(k) for spec in SHORTCUTS if spec.command == command for k in spec.keys]
    return keys + [k for k in QKeySequence.keyBindings(standard) if k not in keys]


def is_plain_key(event: QKeyEvent) -> bool:
    """A key that types a character: no Ctrl/Alt/Meta (Shift is part of typing)."""
    mods = event.modifiers() & ~_IGNORED_MODIFIERS
    text = event.text()
    return mods == Qt.KeyboardModifier.NoModifier and bool(text) and text.isprintable()


class KeyGuard(QObject):
    refused = Signal(str)
    """The command a guarded key would have run (a SHORTCUTS command name)."""

    def __init__(self, window: QWidget, now: Callable[[], float], *, on_guard: bool = True):
        """`on_guard=False`: not yet; `take_up()` starts guarding (the start does that right after the first
        frame, see there)."""
        super().__init__(window)
        self._window = window
        self._now = now
        self._guarded = guarded_keys()
        self._undo_keys = history_keys("undo", QKeySequence.StandardKey.Undo)
        self._redo_keys = history_keys("redo", QKeySequence.StandardKey.Redo)
        self._last_plain_key: float | None = None
        self._swallow: int | None = None
        self._on_guard = False
        self._whole_app = False
        """A popup is open: every object's events are filtered until it closes."""
        self._followed: list[object] = []
        """The windows (QWindow) whose focusObjectChanged it follows."""
        self._watched: list[QWidget] = []
        """While no popup is open: the object the next key goes to (the focus widget, else the active window), and
        the focus widget of each of the console's windows (or the console), where keys go the moment that window
        is active again."""
        if on_guard:
            self.take_up()

    def take_up(self) -> None:
        """Guard from now on. The start calls it right after the console's first frame (no key can reach the
        console before it, and there is nothing to watch yet).

        Key events go to one object: the open popup's focus widget (or the popup), else the focus widget of the
        active window (or the window). The guard filters only that object and the focus widgets of the console's other
        windows, and moves with the focus
        (`QApplication.focusChanged`, the focus window, a popup taking the keys). While a popup is open (a menu,
        its submenus, a drop-down's list, a completer) it filters the whole application, as before: popups are
        short-lived and pass keys among themselves without telling anyone. An application-wide Python filter all
        evening saw every event of every object (timer ticks, repaints of both windows: a Python call for each,
        and a PySide6 wrapper with its class family's enum types for each object it met)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication) or self._on_guard:
            return
        self._on_guard = True
        app.focusChanged.connect(self._follow_focus)
        app.focusWindowChanged.connect(self._follow_focus_object)
        self._rewatch()

    @Slot(QWidget, QWidget)
    def _follow_focus(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """The focus moved: filter where keys go now. (Slots, not plain methods: PySide6 then drops the connection
        with the guard; a plain bound method outlived it and was called on a freed object.)"""
        self._rewatch()

    @Slot(QObject)
    def _follow_focus_object(self, _focus: QObject | None) -> None:
        """The focus window changed, or a window's focus widget (`focusObjectChanged`)."""
        self._rewatch()

    def _rewatch(self) -> None:
        """Filter the object the next key goes to (the whole application while a popup is open)."""
        app = QApplication.instance()
        if app is None or not shiboken6.isValid(self._window):
            return  # the console is being closed (its widgets let go of the focus on the way)
        popup_open = QApplication.activePopupWidget() is not None
        if popup_open != self._whole_app:
            self._whole_app = popup_open
            app.removeEventFilter(self)
            if popup_open:
                app.installEventFilter(self)
        targets: list[QWidget | None] = []
        if not popup_open:
            targets.append(_focus_widget() or QApplication.activeWindow())
            for top in QApplication.topLevelWidgets():
                if self._mine(top):  # its Show and ChildAdded (a new dialog) say when to look again
                    targets.append(top)
                    if top.isVisible():
                        targets.append(top.focusWidget())
                        self._follow_window(top)
        watched = [t for i, t in enumerate(targets) if t is not None and t not in targets[:i]]
        for old in self._watched:
            if old not in watched and shiboken6.isValid(old):
                old.removeEventFilter(self)
        for new in watched:
            if new not in self._watched:
                new.installEventFilter(self)
        self._watched = watched

    def _follow_window(self, top: QWidget) -> None:
        """A window's focus widget changes while another window is active too (a dialog over the console):
        its `focusObjectChanged` says so."""
        handle = top.windowHandle()
        if handle is not None and handle not in self._followed:
            self._followed.append(handle)
            handle.focusObjectChanged.connect(self._follow_focus_object)
            handle.destroyed.connect(lambda: self._followed.remove(handle) if handle in self._followed else None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _FOCUS_MOVES:
            self._rewatch()  # now: a test (or a fast hand) types into a popup right after it opened
            QTimer.singleShot(0, self, self._rewatch)  # and once Qt has finished opening or closing it
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        if not shiboken6.isValid(obj):
            return False  # a wrapper PySide gave up (a drop-down's list under X11): the key is that list's
        try:
            if not _first_receiver(obj):
                return False  # the same event again, propagating to a parent
            if not self._mine(obj):
                return False  # another console's window (tests open many; an app could too)
        except RuntimeError:
            # Under X11 a drop-down's list reaches the filter as a wrapper that passes isValid() but whose calls
            # say "already deleted" (PySide6 6.11): the key is for the open popup, judged as the popup's own.
            popup = QApplication.activePopupWidget()
            if popup is None or not shiboken6.isValid(popup) or not self._mine(popup):
                return False
            obj = popup
        if kind == QEvent.Type.ShortcutOverride:
            if self._session_history_key(event):
                return True  # the line edit does not see it, so it cannot claim it: the session's undo runs
            self._shortcut_override(event)
            return False
        return self._key_press(obj, event)

    def _mine(self, obj: QObject) -> bool:
        """The console itself, a dialog, menu or popup that belongs to it, or a window that hands its keys on to
        it (the projector window's `keys` relay): what is typed there is typed for the console."""
        widget = obj if isinstance(obj, QWidget) else None
        if widget is not None and widget.window() is QApplication.activePopupWidget() and widget.parentWidget() is None:
            widget = _focus_widget()  # a completer's popup has no parent: it types for the field
        if widget is not None and getattr(getattr(widget.window(), "keys", None), "console", None) is self._window:
            return True
        while widget is not None:  # not isAncestorOf(): that stops at window borders
            if widget is self._window:
                return True
            widget = widget.parentWidget()
        return False

    def _session_history_key(self, event: QKeyEvent) -> bool:
        focus = _focus_widget()
        if not isinstance(focus, QLineEdit) or focus.window() is not self._window:
            return False
        pressed = QKeySequence(event.keyCombination())
        if pressed in self._undo_keys:
            return not focus.isUndoAvailable()
        if pressed in self._redo_keys:
            return not focus.isRedoAvailable()
        return False

    def _shortcut_override(self, event: QKeyEvent) -> None:
        if not is_plain_key(event):
            return
        now = self._now()
        burst = event.isAutoRepeat() or (
            self._last_plain_key is not None and 0 <= now - self._last_plain_key < TYPING_PAUSE
        )
        self._last_plain_key = now
        focus = _focus_widget()
        if QApplication.activePopupWidget() is not None or is_text_input(focus) or isinstance(focus, QMenuBar):
            event.accept()  # typing: the key is the field's (or the popup's, or a menu mnemonic after Alt)
            return
        key = event.key()
        if key == Qt.Key.Key_Space and isinstance(focus, QAbstractButton):
            event.accept()  # Space presses the focused button
            return
        command = self._guarded.get(int(key))
        if command is not None and burst:
            event.accept()
            self._swallow = int(key)
            self.refused.emit(command)

    def _key_press(self, obj: QObject, event: QKeyEvent) -> bool:
        if self._swallow is not None:
            swallow, self._swallow = self._swallow, None
            if int(event.key()) == swallow:
                return True
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(obj, QAbstractButton)
            and obj.window() is self._window
            and obj.isEnabled()
            and event.modifiers() & ~_IGNORED_MODIFIERS == Qt.KeyboardModifier.NoModifier
        ):
            obj.click()
            return True
        return False


def _focus_widget() -> QWidget | None:
    """The focus widget, or None where PySide's wrapper for it is already gone."""
    focus = QApplication.focusWidget()
    return focus if focus is not None and shiboken6.isValid(focus) else None


def _first_receiver(obj: QObject) -> bool:
    """Key events go to the focus widget of their window (or the window itself) and then up to the parents;
    the guard looks at each event once."""
    if not isinstance(obj, QWidget):
        return False
    window = obj.window()
    return (window.focusWidget() or window) is obj
