"""Every keyboard shortcut in one table: the window's actions, the menus and the Help dialog read it.

The commands and their default keys are declared once, in `fishbowl_desktop.commands` (which the room reads
too); this adds the keys a panel handles itself (listed for Help only) and binds the commands to the window.
A presenter remote sends PageDown / PageUp / B / F5, so those work wherever the focus is. Single keys
(Space, N, B, +, −) must never steal a letter from someone typing a name: `key_guard.KeyGuard` hands them to the
text field or popup that has the focus, and refuses Next/Space/B within a burst of typing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from fishbowl_desktop import commands
from fishbowl_desktop.commands import AREAS as AREAS
from fishbowl_desktop.commands import CONTEXT as CONTEXT
from fishbowl_desktop.commands import QT_TRANSLATE_NOOP, Intents
from fishbowl_desktop.value_class import value_class


@value_class
class Shortcut:
    """One keyboard shortcut: the command it gives, its keys and what Help says about it."""

    command: str
    """What the window does; "" for keys a panel handles itself (listed for the Help dialog only)."""
    keys: tuple[str, ...]
    """Portable QKeySequence texts; the first one is shown in menus."""
    description: str
    """English source text, translated in the "Shortcuts" context."""
    area: str
    """Where it applies, for grouping in the Help dialog: one of AREAS."""


PANEL_KEYS: tuple[Shortcut, ...] = (
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
)
"""Keys a panel handles itself while it has the focus: listed in Help, bound by the panel."""


def all_shortcuts() -> tuple[Shortcut, ...]:
    """Per area, the commands with keys (in the command table's order), then the panels' own keys."""
    rows: list[Shortcut] = []
    for area in AREAS:
        rows.extend(
            Shortcut(c.name, c.keys, c.description, c.area)
            for c in commands.all_commands()
            if c.keys and c.area == area
        )
        rows.extend(s for s in PANEL_KEYS if s.area == area)
    return tuple(rows)


SHORTCUTS: tuple[Shortcut, ...] = all_shortcuts()
"""The table as the program starts (`all_shortcuts()` also sees a command registered later)."""


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def shortcut_for(command: str) -> Shortcut:
    return next(s for s in all_shortcuts() if s.command == command)


_log = logging.getLogger("fishbowl.intents")


def _logged(command: str, handler: Callable[[], object]) -> None:
    """Every window command in the trail (its name only: the log holds no names of people)."""
    _log.info("command %s", command)
    handler()


def install_shortcuts(
    window: QWidget, intents: Intents, handlers: dict[str, Callable[[], object]]
) -> dict[str, QAction]:
    """One QAction per command of the table, active anywhere in the window; menus reuse these actions. A command
    with an intent runs it on `intents`; one without (open a file, show Help) runs the window's handler for it.
    A handler given for a command with an intent takes its place (the window adds a check of its own)."""
    actions: dict[str, QAction] = {}
    for command in commands.all_commands():
        handler = handlers.get(command.name)
        if handler is None and command.intent is not None and not command.parameters:  # a key carries no values
            handler = lambda c=command: c.run(intents)
        if handler is None:
            continue
        action = QAction(translated(command.description), window)
        action.setShortcuts([QKeySequence(k) for k in command.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, h=handler, c=command.name: _logged(c, h))
        window.addAction(action)
        actions[command.name] = action
    return actions
