"""File menu of the console: New, Open…, Save As…, Open recent. The dialogs are opened with `open()` and
answer through signals; the switching itself is done by `controller.session_files.SessionFiles`."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QWidget

from fishbowl_desktop.controller.session_files import guarded
from fishbowl_desktop.controller.session_owner import SessionHolder, ask_to_bring_up
from fishbowl_desktop.ui.shell.message_bar import MessageBar
from fishbowl_desktop.ui.shell.owner_question import OwnerChoice, OwnerQuestion

if TYPE_CHECKING:
    from fishbowl_desktop.controller.session_files import SessionFiles


class SessionFileMenu:
    """Mixed into the console window, which provides these attributes. Texts use the window's translation
    context explicitly: `tr()` here would not be found by lupdate."""

    files: SessionFiles | None
    message_bar: MessageBar
    recent_menu: QMenu
    save_label: QLabel
    owner_question: OwnerQuestion | None = None
    """The open "this file is open in another window" question, if any."""

    if TYPE_CHECKING:  # provided by the window; a real definition here would shadow it

        def _refresh_save_label(self) -> None:
            pass

    # ------------------------------------------------------------------ files
    def new_session(self) -> None:
        if self.files is not None:
            self._report(guarded(self.files.new_session))

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
        if self.files is None:
            return
        files = self.files
        holder = files.holder(path)
        if holder is not None:
            self._ask_owner(path, holder)
            return
        self._report(guarded(lambda: files.open_path(path)))

    def _ask_owner(self, path: Path, holder: SessionHolder) -> None:
        """Another window has the file: ask (without blocking the loop) how to go on."""
        question = OwnerQuestion(path, holder, self._as_widget())
        self.owner_question = question

        def answer() -> None:
            self.owner_question = None
            choice = question.choice()
            question.deleteLater()
            files = self.files
            if files is None or choice is OwnerChoice.CANCEL:
                return
            if choice is OwnerChoice.BRING_UP:
                if not ask_to_bring_up(holder):
                    self.message_bar.show_message(QCoreApplication.translate(
                        "ConsoleWindow", "The other window did not answer (process {pid} on {host}). Open a copy or "
                        "open the file read-only instead.").format(pid=holder.pid, host=holder.host), "warning")
                return
            if choice is OwnerChoice.COPY:
                self._report(guarded(lambda: files.open_copy(path)))
            else:
                self._report(guarded(lambda: files.open_read_only(path)))

        question.finished.connect(lambda _result: answer())
        question.open()

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
        dialog.fileSelected.connect(lambda p: self.save_to(Path(p)))
        dialog.open()

    def save_to(self, path: Path) -> None:
        if self.files is not None:
            files = self.files
            self._report(guarded(lambda: files.save_as(path)))

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
