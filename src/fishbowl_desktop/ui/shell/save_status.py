"""The status bar's line about the session file: where the evening is saved and when, or why it is not.

Its texts keep the console window's translation context (they were written there first; the German follows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from fishbowl_desktop.storage.files import saved_time, time_of_day

if TYPE_CHECKING:
    from fishbowl_desktop.controller import Autosaver
    from fishbowl_desktop.controller.session_files import SessionFiles
    from fishbowl_desktop.ui.shell.message_bar import MessageBar


class SaveStatus(QObject):
    """Follows the autosaver; a failed save also goes up in the message bar, and the next good save takes it
    down again (left up, "Not saved … retrying" would claim the evening is still unsaved)."""

    def __init__(
        self,
        autosaver: Autosaver | None,
        files: SessionFiles | None,
        message_bar: MessageBar,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._autosaver = autosaver
        self._files = files
        self._message_bar = message_bar
        self.label = QLabel()
        self._warning: str | None = None
        self.owner_gone = False
        """The window that owned the read-only file is gone (ui.shell.owner_watch)."""
        if autosaver is not None:
            autosaver.saved.connect(self._saved)
            autosaver.saveFailed.connect(self._save_failed)
        self.refresh()

    def refresh(self) -> None:
        label, saver = self.label, self._autosaver
        read_only = self._files.read_only_of if self._files is not None else None
        if read_only is not None and (saver is None or saver.path is None):
            text = (
                QCoreApplication.translate("ConsoleWindow", "Read-only: {file} (the other window has closed)")
                if self.owner_gone
                else QCoreApplication.translate("ConsoleWindow", "Read-only: {file} (open in another window)")
            )
            label.setText(text.format(file=read_only.name))
            label.setToolTip(str(read_only))
            return
        if saver is None or saver.path is None:
            label.setText(QCoreApplication.translate("ConsoleWindow", "Not saved to a file"))
            return
        label.setStyleSheet("")
        label.setToolTip(str(saver.path))
        when = time_of_day(saver.last_saved_at) if saver.last_saved_at is not None else saved_time(saver.path)
        if when is None:
            label.setText(QCoreApplication.translate("ConsoleWindow", "Saving to {file}").format(file=saver.path.name))
        else:
            label.setText(
                QCoreApplication.translate("ConsoleWindow", "Saved to {file} at {time}").format(
                    file=saver.path.name, time=when
                )
            )

    def _saved(self, _path: str) -> None:
        self.refresh()
        if self._warning is not None:
            self._message_bar.withdraw(self._warning)
        self._warning = None

    def _save_failed(self, message: str) -> None:
        self.label.setStyleSheet("color: #B03A00; font-weight: bold;")
        self.label.setText(message)
        if self._warning is not None and self._warning != message:
            self._message_bar.withdraw(self._warning)  # the reason changed: one problem, said once
        self._message_bar.show_message(message, "error", lasting=True)
        self._warning = message
