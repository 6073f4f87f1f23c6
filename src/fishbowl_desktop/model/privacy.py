"""Forgetting personal data after the event: who spoke stays countable, but no longer nameable.

People become "Person 1", "Person 2" … (or "Teilnehmer*in 1" … for a German session); their family and
given names, residence, organisation, bio and private notes are emptied and their consent to be listed is
withdrawn. Roles and group labels stay, so the statistics per role and per group and the report keep
their meaning. Ids are renumbered too, because a session file written by another tool may use a name or
an e-mail as the id. The projector message is cleared: moderators often greet someone by name there.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import FishbowlError
from .state import SessionSnapshot

PLACEHOLDER = {"de": "Teilnehmer*in {n}", "en": "Person {n}"}


def anonymous_name(n: int, language: str) -> str:
    return PLACEHOLDER.get(language, PLACEHOLDER["en"]).format(n=n)


def anonymised(snap: SessionSnapshot, language: str) -> SessionSnapshot:
    """The same evening without personal data. Refused while a speaker's time runs: it is for after the
    event, and a slip of the hand during it must not wipe the list."""
    if snap.turn is not None and snap.turn.timer.is_running:
        raise FishbowlError("A speaker's time is running. Forget personal data after the event: pause it first.")
    if not snap.participants:
        raise FishbowlError("There is no personal data to forget: the participant list is empty.")
    new_id = {p.id: f"person-{n}" for n, p in enumerate(snap.participants, start=1)}
    people = tuple(
        replace(p, id=new_id[p.id], name=anonymous_name(n, language), organisation="", bio="", notes="",
                consent_to_list=False, family_name="", given_names="", residence="")
        for n, p in enumerate(snap.participants, start=1)
    )
    seats = tuple(replace(s, occupant=new_id[s.occupant]) if s.occupant is not None else s for s in snap.seats)
    queue = tuple(replace(e, participant_id=new_id[e.participant_id]) for e in snap.queue)
    # A log entry of someone removed from the list earlier keeps a number of its own: never their old id.
    gone: dict[str, str] = {}
    for record in snap.log:
        if record.participant_id not in new_id and record.participant_id not in gone:
            gone[record.participant_id] = f"former-{len(gone) + 1}"
    log = tuple(replace(r, participant_id=new_id.get(r.participant_id) or gone[r.participant_id]) for r in snap.log)
    turn = replace(snap.turn, participant_id=new_id[snap.turn.participant_id]) if snap.turn is not None else None
    return replace(snap, participants=people, seats=seats, queue=queue, log=log, turn=turn,
                   stage=replace(snap.stage, message=""))
