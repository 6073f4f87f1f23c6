"""The console's one message about its own files that were refused at start and set aside: the words are in
ui/widgets/set_aside.py (the room's menu says them too); this joins them to what the start already said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.support_file import Refusal
from fishbowl_desktop.ui.widgets.set_aside import show_details, summary

if TYPE_CHECKING:
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


def say_set_aside(window: ConsoleWindow, refusals: list[Refusal], folder: str) -> None:
    """One message on the console's strip (joined to what the start said already, e.g. the crash notice),
    with "Details…" for the whole story. It is a warning: it fades after a while, the details stay."""
    if not refusals:
        return
    bar = window.message_bar
    current = bar.text()
    text = f"{current} {summary(refusals)}" if current else summary(refusals)
    level = bar.level if current and bar.level == "error" else "warning"
    bar.show_message(
        text, level, QCoreApplication.translate("SetAside", "Details…"), lambda: show_details(window, refusals, folder)
    )
