"""A session shown read-only because another window owned it: when that window goes away (quit, or crashed
without removing its lock), this console notices and offers to open the file here, instead of saying "open
in another window" for the rest of the evening about a window that no longer exists.

The check is the lock itself (`SessionFiles.holder`: QLockFile knows a dead process's lock is stale), every
few seconds while a file is shown read-only; nothing runs otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

CHECK_EVERY_MS = 3000
"""Soon enough that the moderator who just restarted the other window sees it; cheap (one lock file read)."""


class OwnerWatch(QObject):
    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__(window)
        self._window = window
        self._said: Path | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        files = window.files
        if files is not None:
            files.readOnlyChanged.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        """Check every few seconds while a file is shown read-only, and not at all otherwise: an idle console on
        battery woke for this every 3 s all evening, with nothing to check."""
        files = self._window.files
        if files is not None and files.read_only_of is not None:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            self.check()  # no longer read-only: what the status bar said about the owner no longer applies

    def check(self) -> None:
        files = self._window.files
        path = files.read_only_of if files is not None else None
        status = self._window.save_status
        if path is None or files is None:
            self._said = None
            if status.owner_gone:
                status.owner_gone = False
                status.refresh()
            return
        if files.holder(path) is not None or self._said == path:
            return
        self._said = path
        status.owner_gone = True
        status.refresh()
        self._window.message_bar.show_message(
            self.tr(
                "The window that had {file} open has closed or stopped. Open it here to go on with it "
                "(as last saved there)."
            ).format(file=path.name),
            "info",
            self.tr("Open it here"),
            lambda: self._window.file_menu.open_path(path),
        )
