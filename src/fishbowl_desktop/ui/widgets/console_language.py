"""The language the console speaks, for what is written differently per language but is no sentence to
translate (a percentage, a script's name): the language of the catalogue Qt has installed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def console_language() -> str:
    """ "de" with the German catalogue installed, else "en"."""
    return QCoreApplication.translate("ConsoleLanguage", "en")  # the German catalogue says "de"
