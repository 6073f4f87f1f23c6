"""File menu of the console: New, Open…, Save As…, Open recent. The dialogs are opened with `open()` and
answer through signals; the switching itself is done by `controller.session_files.SessionFiles`."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QWidget

from .message_bar import MessageBar

if TYPE_CHECKING:
    from ..controller.session_files import SessionFiles


class SessionFileMenu:
    """Mixed into the console window, which provides these attributes. Texts use the window's translation
    context explicitly: `tr()` here would not be found by lupdate."""

    files: SessionFiles | None
    message_bar: MessageBar
    recent_menu: QMenu
    save_label: QLabel

    if TYPE_CHECKING:  # provided by the window; a real definition here would shadow it

        def _refresh_save_label(self) -> None:
            pass

    # ------------------------------------------------------------------ files
    def new_session(self) -> None:
        if self.files is not None:
            self._report(self.files.new_session())

    def open_session(self) -> None:
        if self.files is None:
            return
        dialog = QFileDialog(
            self._as_widget(),
            QCoreApplication.translate("ConsoleWindow", "Open session"),
            str(self.files.sessions_dir),
            QCoreApplication.translate("ConsoleWindow", "Fishbowl sessions (*.fishbowl.json *.json)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda p: self.open_path(Path(p)))
        dialog.open()

    def open_path(self, path: Path) -> None:
        if self.files is not None:
            self._report(self.files.open_path(path))

    def save_as(self) -> None:
        if self.files is None:
            return
        dialog = QFileDialog(
            self._as_widget(),
            QCoreApplication.translate("ConsoleWindow", "Save session as"),
            str(self.files.sessions_dir),
            QCoreApplication.translate("ConsoleWindow", "Fishbowl sessions (*.fishbowl.json)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("fishbowl.json")
        dialog.fileSelected.connect(lambda p: self._report(self.files.save_as(Path(p))) if self.files else None)
        dialog.open()

    def _report(self, problem: str | None) -> None:
        if problem:
            self.message_bar.show_message(problem, "error")
        self._refresh_save_label()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.files.recent() if self.files is not None else []
        for path in paths:
            self.recent_menu.addAction(path.name, partial(self.open_path, path))
        if not paths:
            self.recent_menu.addAction(QCoreApplication.translate("ConsoleWindow", "(none yet)")).setEnabled(False)

    def _as_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
