"""The console's preferences, first-run welcome, chime and "forget personal data", owned by the window.

Kept apart from console_window.py so that file stays about the evening itself. Texts use the window's
translation context explicitly: `tr()` here would not be found by lupdate under this class's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.controller.file_problems import folder_reason, guarded
from fishbowl_desktop.model.privacy import preview
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.timer.chime import Chime, chime_file

if TYPE_CHECKING:
    from fishbowl_desktop.controller import Autosaver, SessionController
    from fishbowl_desktop.controller.session_files import SessionFiles
    from fishbowl_desktop.controller.settings_store import SettingsStore
    from fishbowl_desktop.ui.shell.message_bar import MessageBar
    from fishbowl_desktop.ui.shell.privacy_dialog import ForgetDataDialog
    from fishbowl_desktop.ui.shell.settings_dialog import SettingsDialog
    from fishbowl_desktop.ui.shell.welcome import WelcomePanel


class ConsolePreferences(QObject):
    """Owned by the console window, which hands it what it works with. Texts use the window's translation
    context explicitly: `tr()` here would not be found by lupdate under this class's name."""

    restartRequested = Signal()
    """The moderator chose "Restart now" after a language change; the app restarts (it knows how)."""

    def __init__(
        self,
        window: QWidget,
        controller: SessionController,
        store: SettingsStore,
        files: SessionFiles | None,
        autosaver: Autosaver | None,
        message_bar: MessageBar,
        welcome: Callable[[], WelcomePanel],
        chime: Chime,
        refreshed: Callable[[], None],
        edit_event: Callable[[], object],
    ):
        super().__init__(window)
        self._window = window
        self.controller = controller
        self.store = store
        self.files = files
        self.autosaver = autosaver
        self.message_bar = message_bar
        self._welcome = welcome
        """The first-run welcome, built when first asked for (the window's `welcome`)."""
        self.chime = chime
        self._refreshed = refreshed
        """Called after the session file may have changed: the save status follows."""
        self._edit_event = edit_event
        self._chime_warned = False

    # ------------------------------------------------------------------ first run
    def welcome_new(self) -> None:
        self._welcome().hide()
        self._edit_event()  # the new session is open already; naming the evening is the first step

    def welcome_sample(self) -> None:
        problem = guarded(self.files.open_demo) if self.files is not None else None
        self._refreshed()
        if problem:
            self.message_bar.show_message(problem, "error")
            return
        welcome = self._welcome()
        welcome.show_tour()
        welcome.show()

    # ------------------------------------------------------------------ preferences
    def open_preferences(self) -> SettingsDialog:
        default = self.files.workspace.default_sessions_dir if self.files is not None else None
        from fishbowl_desktop.ui.shell.settings_dialog import (
            SettingsDialog,  # on first use: not part of the first frame
        )

        dialog = SettingsDialog(self.store.settings, default or _fallback_folder(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply_settings)
        dialog.open()
        return dialog

    def apply_settings(self, new: AppSettings) -> None:
        """Everything that can change at once does; the language is remembered for the next start."""
        old = self.store.settings
        # the dialog does not edit the projector's screen or window, which may have been remembered while it
        # was open
        new = new.with_changes(
            projector_screen_name=old.projector_screen_name,
            projector_screen_geometry=old.projector_screen_geometry,
            projector_window_geometry=old.projector_window_geometry,
        )
        if new == old:
            return
        if self.files is not None and new.sessions_folder != old.sessions_folder:
            problem = self.files.use_sessions_folder(new.sessions_folder)
            if problem is not None:  # checked in the dialog; the folder went away since
                text = QCoreApplication.translate("ConsoleWindow", "New sessions cannot be saved in {folder}: {reason}")
                self.message_bar.show_message(
                    text.format(folder=new.sessions_folder, reason=folder_reason(problem)), "error"
                )
                new = new.with_changes(sessions_folder=old.sessions_folder)
        self.store.set_settings(new)  # the projector, its scene, the chime, the menus and the files follow
        warning = ""
        if new.chime and not old.chime and not self.chime.player.available() and not self._chime_warned:
            self._chime_warned = True
            if chime_file().is_file():
                warning = QCoreApplication.translate(
                    "ConsoleWindow",
                    "No sound player was found on this computer, so the chime stays silent; the "
                    "timer's colours still change at the warning and at zero.",
                )
            else:
                warning = QCoreApplication.translate(
                    "ConsoleWindow",
                    "The chime's sound file is missing from this installation, so the chime stays "
                    "silent; the timer's colours still change at the warning and at zero.",
                )
        if new.language != old.language:
            self._offer_restart(warning)
        elif warning:
            self.message_bar.show_message(warning, "warning")

    # ------------------------------------------------------------------ language (View → Language)
    def choose_language(self, code: str) -> None:
        """Remembered at once, applied at the next start; a restart is offered (the session is saved first)."""
        if self.store.change(language=code):
            self._offer_restart()

    def _offer_restart(self, before: str = "") -> None:
        text = QCoreApplication.translate("ConsoleWindow", "The new language applies from the next start.")
        restart = QCoreApplication.translate("ConsoleWindow", "Restart now")
        self.message_bar.show_message(
            f"{before} {text}" if before else text, "info", restart, self.restartRequested.emit
        )

    # ------------------------------------------------------------------ privacy
    def confirm_forget_personal_data(self) -> ForgetDataDialog | None:
        session = self.controller.session
        if not len(session.participants):
            self.message_bar.show_message(
                QCoreApplication.translate(
                    "ConsoleWindow", "There is no personal data to forget: the participant list is empty."
                ),
                "info",
            )
            return None
        path = self.autosaver.path if self.autosaver is not None else None
        from fishbowl_desktop.ui.shell.privacy_dialog import ForgetDataDialog  # on first use

        kept = preview(session.snapshot(), session.event.language)
        dialog = ForgetDataDialog(len(session.participants), path.name if path else "", self._window, kept=kept)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.forget_personal_data)
        dialog.open()
        return dialog

    def forget_personal_data(self) -> None:
        if self.files is not None:
            problem = guarded(self.files.forget_personal_data)
            ok = problem is None
        else:
            ok = self.controller.forget_personal_data()
            problem = None
        self._refreshed()
        if problem:
            self.message_bar.show_message(problem, "error")
        elif ok:
            self.message_bar.show_message(
                QCoreApplication.translate(
                    "ConsoleWindow",
                    "Personal data forgotten: the session now lists people by number only, and its "
                    "older versions are deleted. The speech log and the statistics are kept.",
                ),
                "info",
            )


def _fallback_folder() -> Path:
    from fishbowl_desktop.storage.workspace import default_base_dir

    return default_base_dir() / "sessions"
