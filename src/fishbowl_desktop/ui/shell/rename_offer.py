"""Offer to name the session file after its event: a new session is saved as "2026-12-01 Fishbowl.fishbowl.json"
before anyone has typed a title, and once the event has its title and date the message bar offers the
name they give ("2026-12-03 Neue Hannoveraner.fishbowl.json"). Non-blocking: nothing stops the evening, and
a declined offer is not repeated for the same name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


class RenameOffer(QObject):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__(window)
        self._window = window
        self._offered: tuple[Path, Path] | None = None
        """(file, proposed name) of the offer last shown: the same one is not offered again."""
        self._text = ""
        self._switching = False
        """A session switch is under way: its event is announced before the file behind it changes, so an offer
        worked out then would name the file being left (the first start's empty one, already removed)."""
        window.controller.eventChanged.connect(self.consider)
        window.controller.sessionReplacing.connect(self._switch_begins)

    def _switch_begins(self, _people: int) -> None:
        self._switching = True
        QTimer.singleShot(0, self._switch_done)  # once the switch, and the file with it, is done

    def _switch_done(self) -> None:
        self._switching = False
        self.consider()

    def consider(self) -> None:
        files, bar = self._window.files, self._window.message_bar
        if files is None or self._switching:
            return
        proposed = files.rename_offer()
        if proposed is None:
            if self._text:
                bar.withdraw(self._text)  # undone back to the untitled event: the offer no longer fits
            return
        assert files.path is not None
        if self._offered == (files.path, proposed) or (bar.level == "error" and bar.text()):
            return  # already offered; an error on the bar matters more than a file name
        self._offered = (files.path, proposed)
        self._text = self.tr(
            "The session file is still called {old}. Rename it after the event's title: {new}?"
        ).format(old=files.path.name, new=proposed.name)
        bar.show_message(self._text, "info", self.tr("Rename file"), self.rename)

    def rename(self) -> None:
        window, files = self._window, self._window.files
        if files is None or files.path is None:
            return
        old = files.path
        problem = files.rename_to_event()
        window.refresh_after_rename()
        if files.path != old:
            text = self.tr("The session file was renamed from {old} to {new}; its backups moved with it.").format(
                old=old.name, new=files.path.name
            )
            window.message_bar.show_message(f"{text} {problem}" if problem else text, "warning" if problem else "info")
        elif problem:
            window.message_bar.show_message(problem, "error")
