"""Forgetting personal data after the event: who spoke stays countable, but no longer nameable.

People become "Person 1", "Person 2" … (or "Teilnehmer*in 1" … for a German session); their family and
given names, residence, language of contribution, organisation, bio and private notes are emptied and their
consent to be listed is withdrawn. Roles and group labels stay, so the statistics per role and per group and
the report keep their meaning. Ids are renumbered too, because a session file written by another tool may use a name or
an e-mail as the id. The projector message is cleared: moderators often greet someone by name there.
In the event's own texts (report notes, description, questions, agenda, title) every name of a person on
the list becomes that person's number (free_text.py); `preview` shows those texts as they will read, before forgetting.
"""

from __future__ import annotations

from dataclasses import replace

from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.free_text import event_without_names, kept_texts, name_replacer
from fishbowl_desktop.model.state import SessionSnapshot

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
        replace(
            p,
            id=new_id[p.id],
            name=anonymous_name(n, language),
            organisation="",
            bio="",
            notes="",
            consent_to_list=False,
            family_name="",
            given_names="",
            residence="",
            language="",
        )
        for n, p in enumerate(snap.participants, start=1)
    )
    seats = tuple(replace(s, occupant=new_id[s.occupant]) if s.occupant is not None else s for s in snap.seats)
    queue = tuple(replace(e, participant_id=new_id[e.participant_id]) for e in snap.queue)
    # A log entry of someone removed from the list earlier keeps a number of its own: never their old id.
    gone: dict[str, str] = {}
    for record in snap.log:
        if record.participant_id not in new_id and record.participant_id not in gone:
            gone[record.participant_id] = f"former-{len(gone) + 1}"
    for request in snap.requests:
        pid = request.participant_id
        if pid and pid not in new_id and pid not in gone:
            gone[pid] = f"former-{len(gone) + 1}"
    log = tuple(replace(r, participant_id=new_id.get(r.participant_id) or gone[r.participant_id]) for r in snap.log)
    requests = tuple(
        replace(r, participant_id=new_id.get(r.participant_id) or gone[r.participant_id]) if r.participant_id else r
        for r in snap.requests
    )
    turn = replace(snap.turn, participant_id=new_id[snap.turn.participant_id]) if snap.turn is not None else None
    scrub = name_replacer(zip(snap.participants, (p.name for p in people), strict=True), language)
    return replace(
        snap,
        event=event_without_names(snap.event, scrub),
        participants=people,
        seats=seats,
        queue=queue,
        log=log,
        requests=requests,
        turn=turn,
        stage=replace(snap.stage, message=""),
    )


def preview(snap: SessionSnapshot, language: str) -> list[tuple[str, str]]:
    """The event's free texts as forgetting will leave them: (field, text), see free_text.kept_texts."""
    people = [(p, anonymous_name(n, language)) for n, p in enumerate(snap.participants, start=1)]
    return kept_texts(event_without_names(snap.event, name_replacer(people, language)))
