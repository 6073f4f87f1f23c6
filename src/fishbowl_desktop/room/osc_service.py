"""OSC as the console knows it: switches the OSC thread on and off with the room window's settings, hands it the
hall's state after every change, and runs the commands it receives on the Qt thread, exactly as their keys run them.

Independent of the phones' server: a lighting desk that only wants the time needs no web server listening. The
settings live with the room's links (room.json, `Room.set_osc`); this object owns only the running thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.coalesce import TurnCoalescer
from fishbowl_desktop.room.desk_command import run_for_desk
from fishbowl_desktop.room.osc_settings import OscSettings
from fishbowl_desktop.room.state import room_state, same_apart_from_timing
from fishbowl_desktop.settings import AppSettings

if TYPE_CHECKING:
    from fishbowl_desktop.room.osc_server import OscServer

_log = logging.getLogger("fishbowl.osc")


class OscDesk(QObject):
    runningChanged = Signal(bool)
    statsChanged = Signal(dict)
    _commandArrived = Signal(str, str, dict)
    _statsArrived = Signal(dict)

    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        settings: Callable[[], AppSettings],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._controller = controller
        self._ticker = ticker
        self._settings = settings
        self._server: OscServer | None = None
        self._running_with = OscSettings()
        self._last: dict[str, Any] | None = None
        self.stats: dict[str, Any] = {}
        self.host = "0.0.0.0"
        """Where it listens: every interface (the desk is on the venue's network); tests use 127.0.0.1."""
        self._commandArrived.connect(self._on_command, Qt.ConnectionType.QueuedConnection)
        self._statsArrived.connect(self._on_stats, Qt.ConnectionType.QueuedConnection)
        self._publisher = TurnCoalescer(self.publish, self)
        controller.sessionChanged.connect(lambda _part: self._publisher.request())
        controller.sessionReplaced.connect(self._publisher.request)
        ticker.displayChanged.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._server is not None

    def _tick(self) -> None:
        """A new second: only a running OSC thread has a desk to tell (`publish` decides whether it must)."""
        if self._server is not None:
            self._publisher.request()

    @property
    def port(self) -> int:
        return self._server.port if self._server is not None else self._running_with.port

    def apply(self, settings: OscSettings) -> OSError | None:
        """Start, stop, restart on a new port, or retarget: whatever the new settings need. The error when the port
        cannot be used (OSC then stays off)."""
        if not settings.on:
            self.shut_down()
            self._running_with = settings
            return None
        if self._server is not None and settings.port == self._running_with.port:
            self._running_with = settings
            self._server.set_settings(settings)
            self.publish(force=True)
            return None
        self.shut_down()
        from fishbowl_desktop.room.asyncio_without_ssl import import_asyncio_without_ssl

        import_asyncio_without_ssl()  # the first asyncio of the process: the desk's OSC needs no TLS
        from fishbowl_desktop.room.osc_server import OscServer  # python-osc is loaded only when OSC is used

        server = OscServer(settings, self._commandArrived.emit, self._statsArrived.emit)
        try:
            server.start(self.host)
        except OSError as exc:
            _log.warning("OSC could not listen on port %d: %s", settings.port, exc)
            return exc
        _log.info("OSC on, port %d, target %s:%d", server.port, settings.target or "-", settings.target_port)
        self._server, self._running_with = server, settings
        self.stats = {}
        self.publish(force=True)
        self.runningChanged.emit(True)
        return None

    def shut_down(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.stop()
        _log.info("OSC off")
        self.runningChanged.emit(False)

    def publish(self, force: bool = False) -> None:
        if self._server is None:
            return
        session = self._controller.session
        anchor = time.monotonic()
        view = self._ticker.view()
        state = room_state(session, view, self._settings(), session.clock.monotonic() * 1000.0)
        turn = session.turn
        if state.get("mode") == "blank" and turn is not None:
            # the beamer is dark, but the desk's clock is not: the time and phase go on (no name: off air)
            state.update(
                rem=round(view.remaining, 3), run=view.running, warn=turn.timer.warning, started=turn.timer.started
            )
        if not force and same_apart_from_timing(self._last, state):
            return  # the OSC thread counts the seconds itself from the last anchor
        self._last = state
        self._server.publish(state, anchor)

    def _on_command(self, sender: str, name: str, values: dict[str, object]) -> None:
        if self._server is None:
            return  # arrived after switching off
        _log.info("OSC command from %s: %s", sender, name)
        ok, why = run_for_desk(self._controller, name, values)
        if not ok:
            self._server.refused(name, why)
        self.publish()

    def _on_stats(self, stats: dict[str, Any]) -> None:
        self.stats = stats
        self.statsChanged.emit(dict(stats))
