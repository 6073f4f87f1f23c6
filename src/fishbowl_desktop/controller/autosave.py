"""Saves the session at most one second after any change, every second while a speaker's time runs,
and at once on quit.

A running timer changes the session without any intent: its spoken time grows by itself. So while it
runs the file is rewritten once per DEBOUNCE_MS as well (a kill -9 loses at most that much of the turn),
and the last save on quit always writes it, so a clean quit loses nothing.

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


def one_line_reason(exc: BaseException) -> str:
    """Why a save failed, in one line: the disk's own words for an OSError, else the error's kind and text
    (a bug or a value the file cannot hold must be reported, not swallowed or raised into a Qt slot)."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
        self._running = QTimer(self)
        """While a speaker's time runs: rewrite the file once per DEBOUNCE_MS (its elapsed time)."""
        self._running.timeout.connect(self._save_running_turn)
        controller.sessionChanged.connect(self._on_change)
        controller.turnChanged.connect(self._follow_turn)
        controller.sessionReplaced.connect(self._follow_turn)
        self._follow_turn()

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

    def _turn_running(self) -> bool:
        turn = self._controller.session.turn
        return turn is not None and turn.timer.is_running

    def _follow_turn(self) -> None:
        if not self._turn_running():
            self._running.stop()
        elif not self._running.isActive():
            self._running.start(DEBOUNCE_MS)

    def _save_running_turn(self) -> None:
        if not self._turn_running():
            self._running.stop()
            return
        if self._timer.isActive() and self.last_error is not None:
            return  # a failed save is being retried on its own schedule
        self._dirty = True
        self.flush()

    def flush_final(self) -> bool:
        """The last save, on quit: a running turn's spoken time is written even if nothing else changed,
        so the next start restores it exactly. True when the file on disk is up to date."""
        if self._turn_running():
            self._dirty = True
        return self.flush()

    def flush(self) -> bool:
        """Save now if anything changed; True when the file on disk is up to date."""
        self._timer.stop()
        if not self._dirty:
            return True
        if self.path is None:
            return False
        try:
            self._save(self._controller.session, self.path)
        except Exception as exc:  # noqa: BLE001 - whatever stops a save, the moderator must hear of it
            self.last_error = self.tr("Not saved: {reason}. The session is kept in memory; retrying.").format(
                reason=one_line_reason(exc)
            )
            self.saveFailed.emit(self.last_error)
            self._timer.start(RETRY_MS)
            return False
        self._dirty = False
        self.last_error = None
        self.last_saved_at = self._controller.session.clock.now()
        self.saved.emit(str(self.path))
        return True
