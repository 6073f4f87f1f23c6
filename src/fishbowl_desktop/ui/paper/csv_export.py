"""The participant list and the speech log as CSV for Excel or LibreOffice: paper, like the PDFs, under the same
privacy rules (names by consent, no private notes) unless the moderator asks for the internal version.

The participants panel shows the Export button; the console hands it this menu (`ui/people` does not know about
paper), and the confirmations and problems go to the console's message bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.paper.paper_folder import paper_folder
from fishbowl_desktop.ui.widgets.sheet import style_file_dialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog


class CsvExporter(QObject):
    statusMessage = Signal(str)
    """A short confirmation for the status bar ("Saved participants.csv")."""
    problem = Signal(str)
    """A file could not be written (the session itself did not change)."""

    def __init__(self, controller: SessionController, window: QWidget | None = None):
        super().__init__(window)
        self._controller = controller
        self._window = window
        """Where the save dialogs open."""
        self._file_dialog: QFileDialog | None = None

    def menu(self, parent: QWidget) -> QMenu:
        """The Export menu: the lists that follow consent, then the internal ones that have to be asked for."""
        menu = QMenu(parent)
        menu.addAction(self.tr("Participant list (CSV)…"), lambda: self.export_participants_csv())
        menu.addAction(self.tr("Speech log (CSV)…"), lambda: self.export_log_csv())
        menu.addSeparator()
        # The lists above follow consent and leave private notes out, like the PDFs; these are for the
        # moderator's own records and have to be asked for.
        menu.addAction(
            self.tr("Internal participant list: every name, private notes (CSV)…"),
            lambda: self.export_participants_csv(full=True),
        )
        menu.addAction(self.tr("Internal speech log: every name (CSV)…"), lambda: self.export_log_csv(full=True))
        return menu

    def export_participants_csv(self, path: Path | None = None, *, full: bool = False) -> bool:
        """Save the list for Excel; without a path, ask for one (non-blocking) and save when it is chosen.

        By default under the PDFs' privacy rules; `full` is the internal list with every name and the notes."""
        if path is None:
            self._ask_save_path(
                self.tr("Save participant list"),
                self.tr("participants-internal.csv") if full else self.tr("participants.csv"),
                lambda chosen: self.export_participants_csv(chosen, full=full),
            )
            return False
        language = self._controller.session.event.language
        from fishbowl_desktop.spreadsheets import participants_to_csv  # on first use

        return self._write(
            path, participants_to_csv(self._controller.session.participants, language=language, full=full)
        )

    def export_log_csv(self, path: Path | None = None, *, full: bool = False) -> bool:
        if path is None:
            self._ask_save_path(
                self.tr("Save speech log"),
                self.tr("speech-log-internal.csv") if full else self.tr("speech-log.csv"),
                lambda chosen: self.export_log_csv(chosen, full=full),
            )
            return False
        session = self._controller.session
        from fishbowl_desktop.spreadsheets import speech_log_to_csv

        return self._write(path, speech_log_to_csv(session, language=session.event.language, full=full))

    def _ask_save_path(self, title: str, filename: str, then: Callable[[Path], bool]) -> None:
        from PySide6.QtWidgets import QFileDialog  # built when asked, not on the way to the first frame (issue 29)

        dialog = QFileDialog(self._window, title, str(paper_folder() / filename))
        style_file_dialog(dialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setNameFilters([self.tr("CSV files (*.csv)")])
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        self._file_dialog = dialog
        dialog.open()

    def _write(self, path: Path, text: str) -> bool:
        from fishbowl_desktop.spreadsheets import write_csv

        try:
            write_csv(path, text)
        except OSError as exc:
            self.problem.emit(
                self.tr("Could not save {file}: {reason}").format(file=path.name, reason=exc.strerror or str(exc))
            )
            return False
        self.statusMessage.emit(self.tr("Saved {file}").format(file=path.name))
        return True
