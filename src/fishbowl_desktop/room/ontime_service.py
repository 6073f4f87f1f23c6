"""The ontime bridge as the console knows it: after every change of the session, the turn as ontime should show it
(`ontime_bridge.TurnSnapshot`), and the requests that bring ontime there, handed to the link's thread.

Independent of the phones' server, like OSC. A failed request is said in the room window and ontime is set up
afresh with the next change (what was queued behind it is dropped: it would be stale).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.coalesce import TurnCoalescer
from fishbowl_desktop.model import Session
from fishbowl_desktop.room.ontime_bridge import NOBODY, OntimeLink, OntimeSettings, TurnSnapshot, requests_between
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import public_name

_log = logging.getLogger("fishbowl.ontime")
RETRY_MS = 5000
"""After a failure, ontime is set up afresh this long after (or with the next change, if that comes first)."""


def snapshot(session: Session, settings: AppSettings) -> TurnSnapshot:
    turn = session.turn
    if turn is None or not session.has_participant(turn.participant_id):
        return NOBODY
    person = session.participant(turn.participant_id)
    timer = turn.timer
    return TurnSnapshot(
        key=f"{turn.participant_id}:{len(session.log)}",
        title=public_name(person, session.event.language, settings.projector_first_names_only),
        allotted=round(timer.allotted),
        remaining=round(timer.remaining(session.clock.monotonic())),
        running=timer.is_running,
        fresh=not timer.started,
    )


class OntimeDesk(QObject):
    statusChanged = Signal()
    _result = Signal(bool, str)

    def __init__(
        self, controller: SessionController, settings: Callable[[], AppSettings], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self._link: OntimeLink | None = None
        self._event_id = ""
        self._sent = NOBODY
        self.sent = 0
        self.problem = ""
        """The last failure ("" once a request went through again)."""
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.publish)
        self._result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self._publisher = TurnCoalescer(self.publish, self)
        controller.sessionChanged.connect(lambda _part: self._publisher.request())
        controller.sessionReplaced.connect(self._publisher.request)

    @property
    def running(self) -> bool:
        return self._link is not None

    def apply(self, settings: OntimeSettings) -> None:
        self.shut_down()
        if not settings.on or not settings.event_id:
            return
        self._link = OntimeLink(settings.url, self._result.emit)
        self._event_id = settings.event_id
        self._sent, self.sent, self.problem = NOBODY, 0, ""
        _log.info("ontime bridge on: %s, entry %s", settings.url, settings.event_id)
        self.publish()
        self.statusChanged.emit()

    def shut_down(self) -> None:
        self._retry.stop()
        link, self._link = self._link, None
        if link is not None:
            link.close()
            _log.info("ontime bridge off")
            self.statusChanged.emit()

    def publish(self) -> None:
        if self._link is None:
            return
        now = snapshot(self._controller.session, self._settings())
        paths = requests_between(self._sent, now, self._event_id)
        self._sent = now
        if paths:
            self._link.send(paths)

    def _on_result(self, ok: bool, detail: str) -> None:
        if self._link is None:
            return
        if ok:
            self.sent += 1
            self.problem = ""
        else:
            _log.warning("ontime: %s", detail)
            self.problem = detail
            self._sent = NOBODY  # set up afresh with the next change, or after a while
            self._retry.start()
        self.statusChanged.emit()
