"""Forgetting personal data: the open session anonymised, saved at once, and the older copies that still hold the
names deleted (its backups and the leftovers of interrupted saves).

If that save fails, the names are gone from the console but not yet from the disk: the first autosave of that file
that succeeds finishes the job. `SessionFiles` owns one of these and tells it when the file is renamed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.atomic_file import remove_durably, temporaries_of
from fishbowl_desktop.controller.autosave import Autosaver, one_line_reason
from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.storage import BACKUP_COUNT, SessionFileError, backup_path, save_session


def remove_backups(path: Path) -> list[Path]:
    """Delete NAME.bak1..N and the leftovers of interrupted saves of one session; returns what is still
    there (could not be deleted)."""
    left = []
    for candidate in [backup_path(path, n) for n in range(1, BACKUP_COUNT + 2)] + temporaries_of(path):
        try:
            remove_durably(candidate)
        except OSError:
            left.append(candidate)
    return left


class Forgetting:
    def __init__(self, controller: SessionController, autosaver: Autosaver, language: str):
        self._controller = controller
        self._autosaver = autosaver
        self._language = language
        self.purge_after_save: Path | None = None
        """A file whose backups still hold the names because the anonymous save failed."""
        autosaver.saved.connect(self._purge_pending_backups)

    def forget_personal_data(self) -> str | None:
        """Anonymise the open session, save it at once and delete its backups (they hold the names).

        The file is written without rotating backups first: a rotation would copy the named version into
        NAME.bak1. Returns a problem to show, or None. A refusal by the model changes nothing."""
        problems: list[str] = []
        self._controller.errorRaised.connect(problems.append)
        try:
            ok = self._controller.forget_personal_data()
        finally:
            self._controller.errorRaised.disconnect(problems.append)
        if not ok:
            return problems[0] if problems else None
        path = self._autosaver.path
        if path is None:
            return None
        try:
            save_session(self._controller.session, path, backup=False)
        except Exception as exc:
            reason = exc.message(self._language) if isinstance(exc, SessionFileError) else one_line_reason(exc)
            self.purge_after_save = path
            return QCoreApplication.translate(
                "App",
                "The names are gone from the console but the file is not saved yet: {reason}. The older "
                "versions of the file still hold them; they are deleted once it is saved.",
            ).format(reason=reason)
        self._autosaver.flush()  # in step with the file; the only backup it may rotate is the anonymous one
        left = remove_backups(path)
        if left:
            return QCoreApplication.translate(
                "App", "Saved without personal data, but these older copies could not be deleted: {files}"
            ).format(files=", ".join(p.name for p in left))
        return None

    def file_moved(self, old: Path, new: Path) -> None:
        """The session file was renamed (with its backups): a pending purge follows it."""
        if self.purge_after_save == old:
            self.purge_after_save = new

    def _purge_pending_backups(self, saved: str) -> None:
        """Finish a forgetting whose save failed: the first successful autosave of that file removes its backups."""
        if self.purge_after_save is not None and Path(saved) == self.purge_after_save:
            self.purge_after_save = None
            remove_backups(Path(saved))
