"""File menu of the console: New, Open…, Save As…, Open recent. The dialogs are opened with `open()` and
answer through signals; the switching itself is done by `controller.session_files.SessionFiles`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QWidget

from fishbowl_desktop.controller.file_problems import guarded
from fishbowl_desktop.controller.session_owner import OwnerChoice, SessionHolder, ask_to_bring_up
from fishbowl_desktop.storage.good_copy import GoodCopy
from fishbowl_desktop.ui.shell.message_bar import MessageBar
from fishbowl_desktop.ui.widgets.sheet import style_file_dialog

if TYPE_CHECKING:
    from fishbowl_desktop.controller.session_files import SessionFiles
    from fishbowl_desktop.ui.shell.owner_question import OwnerQuestion


class SessionFileMenu(QObject):
    """The File menu's session commands, owned by the console window. Texts keep the window's translation
    context (they were written there first; the German follows)."""

    def __init__(
        self,
        window: QWidget,
        files: SessionFiles | None,
        message_bar: MessageBar,
        refreshed: Callable[[], None],
        leave: Callable[[Callable[[], object]], object] = lambda switch: switch(),
    ):
        super().__init__(window)
        self._leave = leave
        """Runs a switch to another session, asking first while the hall would notice (`QuitQuestion`)."""
        self._window = window
        self.files = files
        self._message_bar = message_bar
        self._refreshed = refreshed
        """Called after every attempt: the save status names the file now behind the session."""
        self.recent_menu = QMenu(QCoreApplication.translate("ConsoleWindow", "Open &recent"), window)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.owner_question: OwnerQuestion | None = None
        """The open "this file is open in another window" question, if any."""
        self._problem_shown: str | None = None
        """What the last refused attempt said, while it may still be on the message bar."""

    # ------------------------------------------------------------------ files
    def new_session(self) -> None:
        files = self.files
        if files is not None:
            self._leave(lambda: self._report(guarded(files.new_session)))

    def open_session(self) -> None:
        if self.files is not None:
            self._leave(self._choose_session)

    def _choose_session(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # built when asked, not on the way to the first frame (issue 29)

        if self.files is None:
            return
        dialog = QFileDialog(
            self._window,
            QCoreApplication.translate("ConsoleWindow", "Open session"),
            str(self.files.sessions_dir),
            QCoreApplication.translate("ConsoleWindow", "Fishbowl sessions (*.fishbowl.json *.json)"),
        )
        style_file_dialog(dialog)
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
        problem = guarded(lambda: files.open_path(path))
        offer = files.good_copy_offer(path) if problem else None
        if offer is not None:  # damaged by a power cut, but a backup of it is whole: one click brings it back
            copy, text, button = offer
            self.offer_good_copy(copy, text, button)
            return
        self._report(problem)

    def offer_good_copy(self, copy: GoodCopy, text: str, button: str) -> None:
        """Say that a session was damaged and that a whole copy of it exists, with a button that restores it."""
        self._message_bar.show_message(text, "error", button, lambda: self.restore_good_copy(copy))
        self._problem_shown = text

    def restore_good_copy(self, copy: GoodCopy) -> None:
        if self.files is not None:
            self._message_bar.show_message(*self.files.restore_good_copy(copy))
            self._problem_shown = None
            self._refreshed()

    def _ask_owner(self, path: Path, holder: SessionHolder) -> None:
        """Another window has the file: ask (without blocking the loop) how to go on."""
        from fishbowl_desktop.ui.shell.owner_question import OwnerQuestion  # a message box: built only when asked

        question = OwnerQuestion(path, holder, self._window)
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
                    self._message_bar.show_message(
                        QCoreApplication.translate(
                            "ConsoleWindow",
                            "The other window did not answer (process {pid} on {host}). Open a copy or "
                            "open the file read-only instead.",
                        ).format(pid=holder.pid, host=holder.host),
                        "warning",
                    )
                return
            if choice is OwnerChoice.TAKE_OVER:
                self._report(guarded(lambda: files.open_path(path, take_over=True)))
            elif choice is OwnerChoice.COPY:
                self._report(guarded(lambda: files.open_copy(path)))
            else:
                self._report(guarded(lambda: files.open_read_only(path)))

        question.finished.connect(lambda _result: answer())
        question.open()

    def save_as(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # built when asked, not on the way to the first frame (issue 29)

        if self.files is None:
            return
        dialog = QFileDialog(
            self._window,
            QCoreApplication.translate("ConsoleWindow", "Save session as"),
            str(self.files.sessions_dir),
            QCoreApplication.translate("ConsoleWindow", "Fishbowl sessions (*.fishbowl.json)"),
        )
        style_file_dialog(dialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("fishbowl.json")
        dialog.fileSelected.connect(lambda p: self.save_to(Path(p)))
        dialog.open()

    def save_to(self, path: Path) -> None:
        if self.files is not None:
            files = self.files
            self._report(guarded(lambda: files.save_as(path)))

    def _report(self, problem: str | None) -> None:
        """A refusal stays on the message bar until closed; the next attempt that works takes it away (it
        spoke of the session that is no longer open)."""
        if problem:
            self._message_bar.show_message(problem, "error")
        elif self._problem_shown is not None:
            self._message_bar.withdraw(self._problem_shown)
        self._problem_shown = problem or None
        self._refreshed()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.files.recent() if self.files is not None else []
        for path in paths:
            self.recent_menu.addAction(path.name, partial(self._leave, partial(self.open_path, path)))
        if not paths:
            self.recent_menu.addAction(QCoreApplication.translate("ConsoleWindow", "(none yet)")).setEnabled(False)
