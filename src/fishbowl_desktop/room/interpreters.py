"""What the interpreters' read-only link shows: who has the floor, who is next, who sits in the circle, and the
language each one speaks in (`Participant.language`), so spoken- and sign-language interpreters can prepare
before the person sits down.

Only interpreter phones get it (a message of its own, never the public state the timer and audience links
share), and the projector's privacy rules hold: a person who did not consent is a guest without a name,
"first names only" applies, organisations and notes are never sent. The language is sent for everyone: it
is what the interpreters are there for, and their link is handed to them alone.
"""

from __future__ import annotations

from typing import Any

from fishbowl_desktop.model import Participant, Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import hall_name, role_key

WAITING_SHOWN = 4
"""The next speaker and the three after: enough to prepare, short enough to read at a glance."""


def _person(person: Participant, first_only: bool, role: str) -> dict[str, Any]:
    return {"name": hall_name(person, first_only), "lang": person.language, "role": role}


def interpreter_view(session: Session, settings: AppSettings) -> dict[str, Any]:
    first_only = settings.projector_first_names_only
    turn = session.turn
    now = None
    speaker_id = turn.participant_id if turn is not None and session.has_participant(turn.participant_id) else None
    if turn is not None and speaker_id is not None:
        person = session.participant(speaker_id)
        now = _person(person, first_only, role_key(session, person, turn.seat_index))
    people = session.participants_by_id()
    circle = [
        _person(people[seat.occupant], first_only, role_key(session, people[seat.occupant], index))
        for index, seat in enumerate(session.seats)
        if seat.occupant is not None and seat.occupant != speaker_id and seat.occupant in people
    ]
    waiting = [_person(p, first_only, f"role_{p.role.value}") for p in session.next_in_queue(WAITING_SHOWN)]
    return {"now": now, "next": waiting, "circle": circle}
