"""A frozen copy of what the documents print, taken on the caller's thread.

The export itself may then run in a worker thread while the moderator keeps changing the live session.
"""

from __future__ import annotations

from datetime import datetime

from fishbowl_desktop.model import (
    ChairRequest,
    Event,
    Participant,
    Session,
    SessionSnapshot,
    SpeechRecord,
    TurnSettings,
)
from fishbowl_desktop.value_class import value_class


@value_class
class DocumentSource:
    """Everything a printed document shows, taken from the session at one moment."""

    event: Event
    participants: tuple[Participant, ...]
    records: tuple[SpeechRecord, ...]
    """The speech log, plus the turn still running (if any) as its last record."""
    running: bool
    settings: TurnSettings
    created: datetime | None
    requests: tuple[ChairRequest, ...] = ()
    """What became of each request for the free chair (the equity page)."""
    waiting: tuple[str, ...] = ()
    """Who is in the free-chair queue now, first in line first."""


def document_source(session: Session | SessionSnapshot | DocumentSource) -> DocumentSource:
    if isinstance(session, DocumentSource):  # already frozen (the PDF worker process receives one)
        return session
    if isinstance(session, SessionSnapshot):
        return DocumentSource(
            session.event,
            session.participants,
            session.log,
            False,
            session.settings,
            None,
            session.requests,
            tuple(e.participant_id for e in session.queue),
        )
    running = session.running_record()
    records = session.log.as_tuple() + ((running,) if running is not None else ())
    return DocumentSource(
        session.event,
        session.participants.as_tuple(),
        records,
        running is not None,
        session.settings,
        session.clock.now(),
        session.requests.as_tuple(),
        tuple(e.participant_id for e in session.queue),
    )
