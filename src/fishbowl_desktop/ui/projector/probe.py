"""A debug hook for end-to-end tests on a real window system: with FISHBOWL_DESKTOP_PROBE=/some/file.json
the running app writes, five times a second, where its projector is, what the timer does and which window
has the keyboard. Tests read the file from outside (tests/ui/test_x11_projector.py); nothing reads it back.

Written atomically (temp file + os.replace), so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.ui.projector.manager import ProjectorManager

ENV = "FISHBOWL_DESKTOP_PROBE"
INTERVAL_MS = 200


def _rect(widget: QWidget) -> list[int]:
    g = widget.geometry()
    return [g.x(), g.y(), g.width(), g.height()]


class ProjectorProbe(QObject):
    def __init__(
        self,
        path: Path,
        console: QWidget,
        projector: ProjectorManager,
        controller: SessionController,
        ticker: TimerTicker,
    ):
        super().__init__(console)
        self._path = path
        self._console, self._projector, self._controller, self._ticker = console, projector, controller, ticker
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.write)
        self._timer.start()

    def snapshot(self) -> dict[str, Any]:
        manager = self._projector
        window = manager.window_if_made()
        active = QApplication.activeWindow()
        session = self._controller.session
        turn = session.turn
        view = self._ticker.view()
        return {
            "console": {"window_id": int(self._console.winId()), "geometry": _rect(self._console)},
            "projector": {
                "state": manager.state().value,
                "visible": manager.is_visible(),
                "window_id": int(window.winId()) if window is not None else None,
                "geometry": _rect(window) if window is not None else None,
                "screen": window.screen().name() if window is not None and window.isVisible() else None,
                "fullscreen": bool(window is not None and window.isFullScreen()),
                "notice": manager.preview_widget().notice(),  # type: ignore[attr-defined]
            },
            "screens": [s.name() for s in manager.screens()],
            "active_window": (
                "console"
                if active is self._console
                else "projector"
                if active is not None and active is window
                else None
                if active is None
                else active.objectName() or "other"
            ),
            "timer": {
                "speaker": turn.participant_id if turn is not None else None,
                "running": bool(turn is not None and turn.timer.is_running),
                "text": view.text,
                "remaining": view.remaining,
            },
            "stage": {"blank": session.stage.blank, "message": session.stage.message},
        }

    def write(self) -> None:
        tmp = self._path.with_name(self._path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(self.snapshot()), encoding="utf-8")
            os.replace(tmp, self._path)
        except OSError:
            pass  # a debug aid must never disturb the evening


def install_probe(
    console: QWidget, projector: ProjectorManager, controller: SessionController, ticker: TimerTicker
) -> ProjectorProbe | None:
    """Only when the environment asks for it; otherwise nothing runs."""
    target = os.environ.get(ENV)
    if not target:
        return None
    return ProjectorProbe(Path(target), console, projector, controller, ticker)
