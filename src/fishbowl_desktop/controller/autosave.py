"""Saves the session at most one second after any change, and at once on quit.

A failed save (folder read-only, disk full) is announced and retried; the session stays in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..model import Session
from .session_controller import SessionController

DEBOUNCE_MS = 1000
RETRY_MS = 5000

SaveFunction = Callable[[Session, Path], None]


def _default_save(session: Session, path: Path) -> None:
    from ..storage import save_session

    save_session(session, path)


class Autosaver(QObject):
    saved = Signal(str)
    """The path, after a successful save."""
    saveFailed = Signal(str)
    """A message for the status bar; the session is still in memory and will be saved when possible."""

    def __init__(
        self,
        controller: SessionController,
        path: Path | None = None,
        save: SaveFunction = _default_save,
        parent: QObject | None = None,
    ):
        super().__init__(parent or controller)
        self._controller = controller
        self._save = save
        self.path = path
        self.last_saved_at: datetime | None = None
        self.last_error: str | None = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        controller.sessionChanged.connect(self._on_change)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_path(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            self._dirty = True
            self.flush()

    def detach(self, reason: str) -> None:
        """Stop saving (a session opened read-only): the content on screen is what the file holds now; later
        changes are kept in memory only, and `reason` is what closing the window says about them."""
        self._timer.stop()
        self.path = None
        self._dirty = False
        self.last_error = reason

    def mark_changed(self) -> None:
        """Something not yet on disk: save within a second (and keep retrying if that fails)."""
        self._on_change("")

    def _on_change(self, _part: str) -> None:
        self._dirty = True
        if not self._timer.isActive():  # a steady stream of changes still saves every second
            self._timer.start(DEBOUNCE_MS)

    def flush(self) -> bool:
        """Save now if anything changed; True when the file on disk is up to date."""
        self._timer.stop()
        if not self._dirty:
            return True
        if self.path is None:
            return False
        try:
            self._save(self._controller.session, self.path)
        except OSError as exc:
            self.last_error = self.tr("Not saved: {reason}. The session is kept in memory; retrying.").format(
                reason=exc.strerror or str(exc)
            )
            self.saveFailed.emit(self.last_error)
            self._timer.start(RETRY_MS)
            return False
        self._dirty = False
        self.last_error = None
        self.last_saved_at = self._controller.session.clock.now()
        self.saved.emit(str(self.path))
        return True
