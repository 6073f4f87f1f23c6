"""Keys named as the keyboard says them, not as Qt does: "Enter" for Return, "Bild ↓" for "Bild abwärts",
"Strg" and "Entf" on a German keyboard (issue 21, point 11). Help and the status bar's notes use these words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from fishbowl_desktop.commands import QT_TRANSLATE_NOOP

CONTEXT = "KeyLegends"
LEGENDS = {
    "Return": QT_TRANSLATE_NOOP("KeyLegends", "Enter"),
    "Enter": QT_TRANSLATE_NOOP("KeyLegends", "Enter"),
    "PgDown": QT_TRANSLATE_NOOP("KeyLegends", "Page ↓"),
    "PgUp": QT_TRANSLATE_NOOP("KeyLegends", "Page ↑"),
    "Del": QT_TRANSLATE_NOOP("KeyLegends", "Del"),
    "Ins": QT_TRANSLATE_NOOP("KeyLegends", "Ins"),
    "Space": QT_TRANSLATE_NOOP("KeyLegends", "Space"),
    "Backspace": QT_TRANSLATE_NOOP("KeyLegends", "Backspace"),
    "Ctrl": QT_TRANSLATE_NOOP("KeyLegends", "Ctrl"),
    "Shift": QT_TRANSLATE_NOOP("KeyLegends", "Shift"),
    "Alt": "Alt",
    "Esc": "Esc",
    "Tab": "Tab",
    "Up": "↑",
    "Down": "↓",
    "Left": "←",
    "Right": "→",
}


def key_legend(key: str) -> str:
    """One key sequence ("Ctrl+Shift+Z", "PgDown", "+") as printed on the keys, joined with "+"."""
    portable = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) or key
    # the + key itself, alone or with modifiers ("Ctrl++"), is a key and not a joint
    parts = [p for p in portable[:-1].split("+") if p] + ["+"] if portable.endswith("+") else portable.split("+")
    return "+".join(QCoreApplication.translate(CONTEXT, LEGENDS[p]) if p in LEGENDS else p for p in parts)


def keys_legend(keys: tuple[str, ...]) -> str:
    return "  /  ".join(key_legend(k) for k in keys)
