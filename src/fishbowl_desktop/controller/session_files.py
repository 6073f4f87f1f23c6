"""The file side of the console: New, Open, Save As, the sample evening, and forgetting personal data.

The window asks the questions (dialogs, confirmations); this does the switching and the disk work and
returns a problem to show, or None. Texts use the "App" translation context they were first written in.
Forgetting personal data (forgetting.py) and naming the file after its event (session_rename.py) are jobs of
their own; this keeps their bookkeeping (which file is open, its lock, autosave's path).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from fishbowl_desktop.atomic_file import remove_durably, rename_durably
from fishbowl_desktop.controller.autosave import Autosaver
from fishbowl_desktop.controller.file_problems import (
    folder_reason,
    good_copy_offer,
    held_by_other,
    load_or_report,
    read_only_medium,
    running_marker_problem,
)
from fishbowl_desktop.controller.forgetting import Forgetting, remove_backups
from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.controller.session_owner import SessionHolder, SessionLock, holder_of
from fishbowl_desktop.controller.session_rename import move_with_backups, rename_offer
from fishbowl_desktop.controller.settings_store import SettingsStore, settings_store
from fishbowl_desktop.model import Clock, Event, Session
from fishbowl_desktop.model.event import LANGUAGES
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.storage import (
    SessionFileError,
    Workspace,
    save_session,
)
from fishbowl_desktop.storage.files import time_of_day
from fishbowl_desktop.storage.good_copy import GoodCopy, free_aside_path
from fishbowl_desktop.storage.workspace import (
    is_untitled_session,
)


def _joined(*texts: str | None) -> str | None:
    present = [t for t in texts if t]
    return " ".join(present) if present else None


def new_session(clock: Clock, settings: AppSettings | None, language: str = "de") -> Session:
    """An empty evening with the turn rules from the settings (the built-in ones if there are none), whose
    projector and paper speak the interface's language: an English console made German evenings."""
    event = Event(language=language) if language in LANGUAGES else Event()
    return Session(clock, event=event, settings=(settings or AppSettings()).turn_settings())


class SessionFiles(QObject):
    readOnlyChanged = Signal()
    """`read_only_of` changed: a file is now shown read-only, or no longer (ui.shell.owner_watch follows it)."""

    def __init__(
        self,
        workspace: Workspace,
        controller: SessionController,
        autosaver: Autosaver,
        clock: Clock | None = None,
        language: str = "en",
        parent: QObject | None = None,
        settings: SettingsStore | None = None,
    ):
        super().__init__(parent or controller)
        self.workspace = workspace
        self._controller = controller
        self._autosaver = autosaver
        self._clock = clock or controller.clock
        self._language = language
        self.store = settings_store(settings, self)
        """The app settings new sessions take their turn rules from, read when a session is made."""
        self.forgetting = Forgetting(controller, autosaver, language)
        self.lock = SessionLock()
        """This copy's claim on its session file: one owner per file (see session_owner)."""
        self._read_only_of: Path | None = None
        self._read_only_edited = False
        """Something was changed in the read-only view: it is kept in memory only."""
        self._read_only_warned = False
        """Leaving was refused once since the last change; the next attempt lets the changes go."""
        controller.sessionChanged.connect(self._note_change)

    @property
    def read_only_of(self) -> Path | None:
        """The file shown read-only because another window has it open; None while this copy owns its file."""
        return self._read_only_of

    @read_only_of.setter
    def read_only_of(self, path: Path | None) -> None:
        if path != self._read_only_of:
            self._read_only_of = path
            self.readOnlyChanged.emit()

    @property
    def settings(self) -> AppSettings:
        return self.store.settings

    def use_sessions_folder(self, folder: str) -> OSError | None:
        """New sessions go to `folder` ("" for the default) from now on, or the reason they cannot."""
        return self.workspace.use_sessions_dir(folder or None)

    @property
    def sessions_dir(self) -> Path:
        return self.workspace.sessions_dir

    @property
    def path(self) -> Path | None:
        return self._autosaver.path

    def recent(self) -> list[Path]:
        return self.workspace.recent()

    def _note_change(self, _part: str) -> None:
        if self.read_only_of is not None:
            self._read_only_edited = True
            self._read_only_warned = False

    def _refusal_to_leave(self) -> str | None:
        """Why the session on screen may not be replaced now, or None.

        An evening that cannot be saved (disk full, folder read-only) stays open. Changes made in a read-only
        view are saved nowhere: the first New or Open says so and the view stays (Save As… keeps them);
        choosing again with nothing changed since lets them go, as closing does."""
        if self.read_only_of is not None and self._read_only_edited and not self._read_only_warned:
            self._read_only_warned = True
            return QCoreApplication.translate(
                "App",
                "The changes made here are not saved: {file} is open read-only. Save As… keeps them in a file of "
                "their own; choose the same again to leave them.",
            ).format(file=self.read_only_of.name)
        if not self._autosaver.flush() and self._autosaver.path is not None:
            return self._autosaver.last_error
        return None

    def _switch(self, session: Session, path: Path, save: bool, take_over: bool = False) -> str | None:
        """Returns a problem if the switch was refused: an evening that cannot be saved (disk full,
        folder read-only) stays open, or its unsaved changes would be gone with it. A switch that happened
        may still return a warning (the crash marker could not be written): the session is open either way."""
        refused = self._refusal_to_leave()
        if refused is not None:
            return refused
        holder = self.lock.take(path, take_over=take_over)
        if holder is not None and holder.read_only_medium and not save:  # shown, never saved: Save As… keeps it
            self._controller.replace_session(session)
            self.become_read_only(path, read_only_medium(path))
            return read_only_medium(path)
        if holder is not None:  # it was opened elsewhere since the question was asked
            return held_by_other(path, holder)
        self._controller.replace_session(session)
        self.lock.keep_only(path)
        self.read_only_of = None
        self._read_only_edited = self._read_only_warned = False
        if save:
            self._autosaver.set_path(path)
        else:
            self._autosaver.moved_to(path)
            self._autosaver.flush()  # no-op: replace_session leaves it clean; the file already holds this content
        return self.note_running(path)

    def note_running(self, path: Path) -> str | None:
        """Tell the workspace which file this copy works on (crash marker, Open recent); a data folder that
        cannot be written only weakens crash recovery, so it is a warning, never an exception."""
        try:
            self.workspace.mark_running(path)
        except OSError as exc:
            return running_marker_problem(exc)
        return None

    def _fresh_path(self, title: str = "") -> tuple[Path | None, str | None]:
        """A new file name in the sessions folder. If the chosen folder cannot be used any more (a USB stick
        pulled), new sessions go to the default folder and the text says so; (None, why) if neither works."""
        workspace = self.workspace
        try:
            return workspace.new_session_path(title, when=self._clock.now()), None
        except OSError as exc:
            failed, problem = workspace.sessions_dir, exc
        if failed != workspace.default_sessions_dir and workspace.use_sessions_dir(None) is None:
            try:
                path = workspace.new_session_path(title, when=self._clock.now())
            except OSError as exc:
                problem = exc
            else:
                return path, QCoreApplication.translate(
                    "App",
                    "The sessions folder {folder} cannot be used ({reason}); new sessions are saved in "
                    "{fallback} for now.",
                ).format(folder=failed, reason=folder_reason(problem), fallback=workspace.sessions_dir)
        return None, QCoreApplication.translate(
            "App",
            "The new session was not created: the sessions folder {folder} cannot be used ({reason}). "
            "The open session is unchanged.",
        ).format(folder=failed, reason=folder_reason(problem))

    def new_session(self) -> str | None:
        """Returns a problem to show, or None."""
        path, notice = self._fresh_path()
        if path is None:
            return notice
        empty = self.path if self.is_untouched() else None
        refused = self._switch(new_session(self._clock, self.settings, self._language), path, save=True)
        self._drop_empty(empty)
        return _joined(notice, refused or self._autosaver.last_error)

    def _drop_empty(self, empty: Path | None) -> None:
        """The untouched empty session that was open before (the one made at the first start) is removed
        rather than left behind as an empty "Fishbowl" in the folder and in Open recent."""
        if empty is None or empty == self.path or not is_untitled_session(empty):
            return
        try:
            remove_durably(empty)
            remove_backups(empty)
            self.workspace.remove_recent(empty)
        except OSError:
            pass  # an empty session left behind is harmless

    def is_untouched(self) -> bool:
        """The open session is still exactly as New made it: nothing typed, nothing to keep."""
        session = self._controller.session
        return (
            self._controller.undo_stack.count() == 0
            and not len(session.participants)
            and not len(session.log)
            and session.event in (Event(), Event(language=self._language))
            and session.turn is None
        )

    def open_demo(self) -> str | None:
        """The sample evening, saved as a new file in the sessions folder (never over an earlier sample).

        From the first-run welcome the open session is the empty one made at start; its file is removed
        rather than left behind as an empty "Fishbowl" in Open recent."""
        from fishbowl_desktop.model.demo import demo_session

        empty = self.path if self.is_untouched() else None
        session = demo_session(self._clock)
        path, notice = self._fresh_path(session.event.title)
        if path is None:
            return notice
        refused = self._switch(session, path, save=True)
        if refused and self.path != path:
            return _joined(notice, refused)
        self._drop_empty(empty)
        return _joined(notice, refused or self._autosaver.last_error)

    def good_copy_offer(self, path: Path) -> tuple[GoodCopy, str, str] | None:
        """When `path` is damaged and a whole copy of it exists: that copy, what to say and the button's text."""
        return good_copy_offer(path, self._clock, self._language)

    def restore_good_copy(self, copy: GoodCopy) -> tuple[str, str]:
        """Put the evening back after a power cut damaged its file (the start-up's offer): the damaged file is set
        aside as NAME.damaged, the good copy (a backup, or an unfinished save that is complete) is saved under
        the session's own name, and the console switches to it. An untouched empty session opened meanwhile is
        removed. Returns what to tell the moderator, and how loud."""
        problems: list[tuple[str, str]] = []
        session = load_or_report(copy.copy, self._clock, self._language, problems)
        if session is None:
            return problems[0]
        empty = self.path if self.is_untouched() else None
        aside = None
        if os.path.lexists(copy.damaged):
            aside = free_aside_path(copy.damaged)
            try:
                rename_durably(copy.damaged, aside)
            except OSError as exc:
                return QCoreApplication.translate("App", "The copy was not restored: {reason}").format(
                    reason=exc.strerror or exc
                ), "error"
        refused = self._switch(session, copy.damaged, save=True)
        if self.path != copy.damaged:
            return refused or "", "error"
        if empty is not None and empty != copy.damaged:
            try:
                remove_durably(empty)
                remove_backups(empty)
                self.workspace.remove_recent(empty)
            except OSError:
                pass  # an empty session left behind is harmless
        problem = refused or self._autosaver.last_error
        if problem:
            return problem, "error"
        done = QCoreApplication.translate("App", "The evening is back in {file}, as saved at {time}.").format(
            file=copy.damaged.name, time=time_of_day(copy.saved)
        )
        if aside is not None:
            done += " " + QCoreApplication.translate("App", "The damaged file is kept as {aside}.").format(
                aside=aside.name
            )
        return done, "info"

    def open_path(self, path: Path, take_over: bool = False) -> str | None:
        """Open `path`; `take_over`: its lock names another computer and the moderator said that copy is gone."""
        if self.path is not None and path.absolute() == self.path.absolute():
            return None
        problems: list[tuple[str, str]] = []
        session = load_or_report(path, self._clock, self._language, problems)
        if session is None:
            return problems[0][0]
        return self._switch(session, path, save=False, take_over=take_over)

    def save_as(self, path: Path) -> str | None:
        had_it = self.lock.holds(path)
        holder = self.lock.take(path)
        if holder is not None:
            return held_by_other(path, holder)
        try:
            save_session(self._controller.session, path)
        except (SessionFileError, OSError) as exc:
            if not had_it:
                self.lock.release(path)
            if isinstance(exc, SessionFileError):
                return QCoreApplication.translate("App", "Not saved: {what}").format(what=exc.message(self._language))
            return QCoreApplication.translate("App", "Not saved to {file}: {reason}").format(
                file=path.name, reason=exc.strerror or exc
            )
        self.lock.keep_only(path)
        self.read_only_of = None
        self._autosaver.saved_as(path)
        return self.note_running(path)

    # ------------------------------------------------------------------ a file another window has open
    def holder(self, path: Path) -> SessionHolder | None:
        """Who else has `path` open (None if nobody, or this copy itself)."""
        if self.lock.holds(path):
            return None
        return holder_of(path)

    def open_read_only(self, path: Path) -> str | None:
        """Show a session another window owns without ever writing it: autosave stops, Save As… keeps changes."""
        problems: list[tuple[str, str]] = []
        session = load_or_report(path, self._clock, self._language, problems)
        if session is None:
            return problems[0][0]
        refused = self._refusal_to_leave()
        if refused is not None:
            return refused
        self._controller.replace_session(session)
        self.become_read_only(path)
        return None

    def become_read_only(self, path: Path, reason: str | None = None) -> None:
        """Show `path` without ever writing it; `reason` is what closing says (default: another window owns it)."""
        self.lock.keep_only(None)
        self.read_only_of = path
        self._read_only_edited = self._read_only_warned = False
        self._autosaver.detach(
            reason
            or QCoreApplication.translate(
                "App",
                "{file} is open read-only (another window owns it): changes here are not saved. Use Save As… "
                "to keep them in a file of their own.",
            ).format(file=path.name)
        )

    def open_copy(self, path: Path) -> str | None:
        """A copy of a session another window owns, as a new file in the sessions folder, owned by this copy."""
        problems: list[tuple[str, str]] = []
        session = load_or_report(path, self._clock, self._language, problems)
        if session is None:
            return problems[0][0]
        copy, notice = self._fresh_path(session.event.title)
        if copy is None:
            return notice
        refused = self._switch(session, copy, save=True)
        return _joined(notice, refused or self._autosaver.last_error)

    def forget_personal_data(self) -> str | None:
        """Anonymise the open session, save it at once and delete its backups (controller/forgetting.py)."""
        return self.forgetting.forget_personal_data()

    # ------------------------------------------------------------------ naming the file after its event
    def rename_offer(self) -> Path | None:
        """The name the open file would get from its event (controller/session_rename.py); None while the file
        is shown read-only, has a name of its own, or the event gives the same one."""
        if self.read_only_of is not None:
            return None
        return rename_offer(self.path, self._controller.session.event, self._clock)

    def rename_to_event(self) -> str | None:
        """Give the open file (and its backups and lock) the name of its event; returns a problem, or None.

        Saved first, so the file moved is the evening on screen. Backups move before the file, and whatever
        moved goes back if a later step fails: the old name stays in place and in use."""
        old = self.path
        target = self.rename_offer()
        if old is None or target is None:
            return None
        if not self._autosaver.flush():
            return QCoreApplication.translate("App", "The file was not renamed: {reason}").format(
                reason=self._autosaver.last_error or ""
            )
        holder = self.lock.take(target)
        if holder is not None:
            return held_by_other(target, holder)
        failed = move_with_backups(old, target, self.workspace)
        if failed is not None:
            self.lock.release(target)
            return QCoreApplication.translate(
                "App", "The file was not renamed to {new}: {reason}. It is still saved as {old}."
            ).format(new=target.name, reason=failed.strerror or failed, old=old.name)
        self._autosaver.moved_to(target)
        self.forgetting.file_moved(old, target)
        self.lock.keep_only(target)
        problem = self.note_running(target)
        try:
            self.workspace.remove_recent(old)
        except OSError:
            pass  # Open recent drops a file that is gone by itself
        return problem
