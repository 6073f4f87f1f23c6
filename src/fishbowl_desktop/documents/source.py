"""A frozen copy of what the documents print, taken on the caller's thread.

The export itself may then run in a worker thread while the moderator keeps changing the live session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fishbowl_desktop.model import Event, Participant, Session, SessionSnapshot, SpeechRecord, TurnSettings


@dataclass(frozen=True)
class DocumentSource:
    event: Event
    participants: tuple[Participant, ...]
    records: tuple[SpeechRecord, ...]
    """The speech log, plus the turn still running (if any) as its last record."""
    running: bool
    settings: TurnSettings
    created: datetime | None


def document_source(session: Session | SessionSnapshot | DocumentSource) -> DocumentSource:
    if isinstance(session, DocumentSource):  # already frozen (the PDF worker process receives one)
        return session
    if isinstance(session, SessionSnapshot):
        return DocumentSource(session.event, session.participants, session.log, False, session.settings, None)
    running = session.running_record()
    records = session.log.as_tuple() + ((running,) if running is not None else ())
    return DocumentSource(
        session.event,
        session.participants.as_tuple(),
        records,
        running is not None,
        session.settings,
        session.clock.now(),
    )
