"""The optional soft chime at the warning and at zero (off by default).

It only ever accompanies the timer's colours, which change anyway: HDMI audio is often muted and a
moderator may have switched the sound off. PySide6-Essentials has no QtMultimedia, so the shipped WAV is
handed to the system's own player without waiting for it: `winsound` on Windows, `afplay` on macOS,
`paplay` or `aplay` on Linux.

When to ring is decided from what the ticker shows, per turn: a threshold rings when the running time is
seen crossing it, once per turn. A turn that appears already past a threshold (undo, opening a file, a
reset turn seen again) is taken as it is, silently; pausing and resuming never ring again.
"""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import TimerPhase
from fishbowl_desktop.resources import resources_dir


def chime_file() -> Path:
    return resources_dir() / "sounds" / "chime.wav"


class ChimePlayer(Protocol):
    def available(self) -> bool: ...

    def play(self) -> None: ...


def player_command(platform: str = sys.platform, which: object = shutil.which) -> list[str] | None:
    """The program that plays a WAV here without a window, or None; Windows uses winsound instead."""
    assert callable(which)
    if platform == "darwin":
        found = which("afplay")
        return [str(found)] if found else None
    for name, extra in (("paplay", []), ("aplay", ["-q"])):
        found = which(name)
        if found:
            return [str(found), *extra]
    return None


class SystemChimePlayer:
    """Plays the chime without blocking: the player runs detached and the UI never waits for it."""

    def __init__(self, sound: Path | None = None) -> None:
        self.sound = sound or chime_file()
        self._command = None if sys.platform == "win32" else player_command()

    def available(self) -> bool:
        if not self.sound.is_file():
            return False
        return sys.platform == "win32" or self._command is not None

    def play(self) -> None:
        if not self.available():
            return
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(str(self.sound), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT)
            return
        assert self._command is not None
        from PySide6.QtCore import QProcess  # here, not at start: its Python type and 8 enum types (issue 29)

        QProcess.startDetached(self._command[0], [*self._command[1:], str(self.sound)])


TurnKey = tuple[str, datetime]


class Chime(QObject):
    """Rings at the warning threshold and at zero of the running turn, once each, when enabled."""

    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        player: ChimePlayer | None = None,
        enabled: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent or ticker)
        self._controller = controller
        self._ticker = ticker
        self.player: ChimePlayer = player or SystemChimePlayer()
        self.enabled = enabled
        self.rung = 0
        """How often it has rung since the app started."""
        self._turn: TurnKey | None = None
        self._phase: TimerPhase | None = None
        self._passed: set[TimerPhase] = set()
        ticker.displayChanged.connect(self.observe)
        self.observe()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def observe(self) -> None:
        view = self._ticker.shown  # the tick's one reading, not a second one of the session's clock (issue 29)
        turn = self._controller.session.turn
        key = (turn.participant_id, turn.started_at) if turn is not None and turn.timer.started else None
        phase = view.phase
        if key != self._turn:  # a new turn, or one brought back: take it as it is
            self._turn, self._phase = key, phase
            self._passed = _passed_by(phase)
            return
        if phase == self._phase:
            return
        self._phase = phase
        crossed = _passed_by(phase) - self._passed
        self._passed |= crossed
        if crossed and view.running:
            self._ring()

    def _ring(self) -> None:
        if self.enabled:
            self.rung += 1
            self.player.play()


def _passed_by(phase: TimerPhase | None) -> set[TimerPhase]:
    if phase is TimerPhase.OVERTIME:
        return {TimerPhase.WARNING, TimerPhase.OVERTIME}
    if phase is TimerPhase.WARNING:
        return {TimerPhase.WARNING}
    return set()
