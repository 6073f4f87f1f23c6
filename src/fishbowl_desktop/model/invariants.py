"""The rules the parts of a session must keep with each other, as one pure check of a snapshot.

The session runs it on construction (a file just loaded, an undo stack restored); the tests and the
reliability simulations run it after every step. Kept apart from the aggregate so the rules read as a list
and can be checked against any snapshot, also one that was never a live session.
"""

from __future__ import annotations

from fishbowl_desktop.model.circle import MAX_SEATS
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.event import topic_count
from fishbowl_desktop.model.state import SessionSnapshot


def check_snapshot(snap: SessionSnapshot) -> None:
    """Raise FishbowlError if the parts contradict each other: one id per person, one seat per person,
    one place in the queue per person, nobody both seated and waiting, the speaker in the seat the turn
    names, the projector's topic one that exists."""
    ids = [p.id for p in snap.participants]
    if len(set(ids)) != len(ids):
        raise FishbowlError("Two participants share one id.")
    known = set(ids)
    seated = [s.occupant for s in snap.seats if s.occupant is not None]
    if len(set(seated)) != len(seated):
        raise FishbowlError("Someone sits on two seats at once.")
    if not set(seated) <= known:
        raise FishbowlError("A seat is taken by someone who is not on the participant list.")
    if not 1 <= len(snap.seats) <= MAX_SEATS:
        raise FishbowlError("The circle needs between 1 and {n} seats.", n=MAX_SEATS)
    queued = [e.participant_id for e in snap.queue]
    if len(set(queued)) != len(queued):
        raise FishbowlError("Someone waits twice in the free-chair queue.")
    if not set(queued) <= known:
        raise FishbowlError("Someone in the queue is not on the participant list.")
    if set(queued) & set(seated):
        raise FishbowlError("Someone is both seated and waiting for the free chair.")
    if snap.turn is not None:
        t = snap.turn
        if not 0 <= t.seat_index < len(snap.seats) or snap.seats[t.seat_index].occupant != t.participant_id:
            raise FishbowlError("The current speaker is not in the seat the turn names.")
    if snap.stage.topic_index is not None and not 0 <= snap.stage.topic_index < topic_count(snap.event):
        raise FishbowlError("The projector shows a question that does not exist.")
