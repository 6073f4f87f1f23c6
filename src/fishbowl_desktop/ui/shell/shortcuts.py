"""Every keyboard shortcut in one table: the window's actions, the menus and the Help dialog read it.

A presenter remote sends PageDown / PageUp / B / F5, so those work wherever the focus is. Single keys
(Space, N, B, +, −) must never steal a letter from someone typing a name: `key_guard.KeyGuard` hands them to the
text field or popup that has the focus, and refuses Next/Space/B within a burst of typing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

CONTEXT = "Shortcuts"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for extraction; it is translated when shown (`translated`)."""
    return text


@dataclass(frozen=True)
class Shortcut:
    command: str
    """What the window does; "" for keys a panel handles itself (listed for the Help dialog only)."""
    keys: tuple[str, ...]
    """Portable QKeySequence texts; the first one is shown in menus."""
    description: str
    """English source text, translated in the "Shortcuts" context."""
    area: str
    """Where it applies, for grouping in the Help dialog: one of AREAS."""


AREAS = {
    "timer": QT_TRANSLATE_NOOP("Shortcuts", "Speaker timer"),
    "queue": QT_TRANSLATE_NOOP("Shortcuts", "Free-chair queue"),
    "circle": QT_TRANSLATE_NOOP("Shortcuts", "Inner circle (when it has the focus)"),
    "projector": QT_TRANSLATE_NOOP("Shortcuts", "Projector"),
    "session": QT_TRANSLATE_NOOP("Shortcuts", "Session and editing"),
}

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("toggle_timer", ("Space",), QT_TRANSLATE_NOOP("Shortcuts", "Start or pause the speaker's time"), "timer"),
    Shortcut("add_time", ("+", "=", "Ctrl++"), QT_TRANSLATE_NOOP("Shortcuts", "Give 30 seconds more"), "timer"),
    Shortcut("take_time", ("-", "Ctrl+-"), QT_TRANSLATE_NOOP("Shortcuts", "Take 30 seconds away"), "timer"),
    Shortcut(
        "end_turn",
        ("Ctrl+T",),
        QT_TRANSLATE_NOOP("Shortcuts", "End the turn (it is logged; the speaker stays seated)"),
        "timer",
    ),
    Shortcut(
        "reset_timer",
        ("Ctrl+R",),
        QT_TRANSLATE_NOOP("Shortcuts", "Reset: the full time again, paused (time spoken stays in the log)"),
        "timer",
    ),
    Shortcut(
        "next", ("N", "PgDown"), QT_TRANSLATE_NOOP("Shortcuts", "Next on the free chair (one out, one in)"), "queue"
    ),
    Shortcut(
        "queue_entry",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Shortcuts", "Type a name for the queue (Esc leaves the field)"),
        "queue",
    ),
    Shortcut(
        "", ("Ctrl+Up", "Ctrl+Down"), QT_TRANSLATE_NOOP("Shortcuts", "Move the selected person up or down"), "queue"
    ),
    Shortcut("", ("Del",), QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected person from the queue"), "queue"),
    Shortcut(
        "",
        ("Return",),
        QT_TRANSLATE_NOOP("Shortcuts", "In the name field: add that person to the queue (new names too)"),
        "queue",
    ),
    Shortcut(
        "focus_circle",
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP("Shortcuts", "Back to the inner circle (also Esc in the queue)"),
        "circle",
    ),
    Shortcut("", ("Left", "Right"), QT_TRANSLATE_NOOP("Shortcuts", "Pick the previous or next seat"), "circle"),
    Shortcut(
        "",
        ("Return",),
        QT_TRANSLATE_NOOP("Shortcuts", "Give the floor to the person on the seat (empty seat: Seat…)"),
        "circle",
    ),
    Shortcut("", ("Ins",), QT_TRANSLATE_NOOP("Shortcuts", "Seat…: choose who sits on this seat"), "circle"),
    Shortcut(
        "", ("Del",), QT_TRANSLATE_NOOP("Shortcuts", "Empty the seat (the person returns to the audience)"), "circle"
    ),
    Shortcut(
        "show_projector", ("F5",), QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the projector window"), "projector"
    ),
    Shortcut("blank", ("B",), QT_TRANSLATE_NOOP("Shortcuts", "Blank the projector (press again to show)"), "projector"),
    Shortcut("undo", ("Ctrl+Z", "PgUp"), QT_TRANSLATE_NOOP("Shortcuts", "Undo (a remote's back button)"), "session"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("Shortcuts", "Redo"), "session"),
    Shortcut("search", ("Ctrl+F",), QT_TRANSLATE_NOOP("Shortcuts", "Search the participant list"), "session"),
    Shortcut("new", ("Ctrl+N",), QT_TRANSLATE_NOOP("Shortcuts", "New session"), "session"),
    Shortcut("open", ("Ctrl+O",), QT_TRANSLATE_NOOP("Shortcuts", "Open a session file"), "session"),
    Shortcut(
        "save_as", ("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("Shortcuts", "Save the session under another name"), "session"
    ),
    Shortcut(
        "export_pdf",
        ("Ctrl+P",),
        QT_TRANSLATE_NOOP("Shortcuts", "Export a PDF (handout, attendees, report)"),
        "session",
    ),
    Shortcut(
        "edit_event",
        ("Ctrl+,",),
        QT_TRANSLATE_NOOP("Shortcuts", "Event and fishbowl settings (title, questions, circle, times)"),
        "session",
    ),
    Shortcut(
        "preferences", ("Ctrl+Shift+,",), QT_TRANSLATE_NOOP("Shortcuts", "Preferences of this program"), "session"
    ),
    Shortcut("help", ("F1",), QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"), "session"),
    Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit (the session is saved)"), "session"),
)


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def shortcut_for(command: str) -> Shortcut:
    return next(s for s in SHORTCUTS if s.command == command)


_log = logging.getLogger("fishbowl.intents")


def _logged(command: str, handler: Callable[[], object]) -> None:
    """Every window command in the trail (its name only: the log holds no names of people)."""
    _log.info("command %s", command)
    handler()


def install_shortcuts(window: QWidget, handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """One QAction per window command, active anywhere in the window; menus reuse these actions."""
    actions: dict[str, QAction] = {}
    for spec in SHORTCUTS:
        if not spec.command or spec.command not in handlers:
            continue
        action = QAction(translated(spec.description), window)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        handler = handlers[spec.command]
        action.triggered.connect(lambda _checked=False, h=handler, c=spec.command: _logged(c, h))
        window.addAction(action)
        actions[spec.command] = action
    return actions
