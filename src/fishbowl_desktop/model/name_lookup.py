"""Who a name typed into the queue's field means: the moderator types what they heard ("Ayse Demir" on a
German keyboard for Ayşe Demir, or just "Ольга"), and a new person must never be made up for someone already
on the list. Matching uses the participant search's folding (`folding.fold`: case and accents)."""

from __future__ import annotations

from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.model.participants import Participant
from fishbowl_desktop.model.session import Session
from fishbowl_desktop.value_class import value_class


@value_class
class Meant:
    """Exactly one of: the one person meant, several who could be meant (ask), a new name; all empty for
    an empty field."""

    person: str | None = None
    candidates: tuple[str, ...] = ()
    new_name: str | None = None


def _spaced(text: str) -> str:
    return " ".join(text.split())


def who_is_meant(session: Session, text: str) -> Meant:
    """The name as typed (spaces tidied), then the same name without case and accents, then a first name
    alone that only one person has. Namesakes of one spelling are one answer: the one neither seated nor
    waiting (the other is already there)."""
    name = _spaced(text)
    if not name:
        return Meant()
    people = session.participants

    def one_of(matches: list[Participant]) -> Meant:
        spellings = {_spaced(p.name) for p in matches}
        if len(spellings) > 1:
            return Meant(candidates=tuple(p.id for p in matches))
        free = [p for p in matches if session.seat_of(p.id) is None and session.queue_position(p.id) is None]
        return Meant(person=(free or matches)[0].id)

    key = name.casefold()
    exact = [p for p in people if _spaced(p.name).casefold() == key]
    if exact:
        return one_of(exact)
    folded = fold(name)
    same = [p for p in people if fold(_spaced(p.name)) == folded]
    if same:
        return one_of(same)
    if len(name.split()) == 1:
        firsts = [
            p for p in people if folded in {fold(p.first_name), fold(p.name.split()[0] if p.name.split() else "")}
        ]
        if len(firsts) == 1:
            return Meant(person=firsts[0].id)
        if firsts:
            return Meant(candidates=tuple(p.id for p in firsts))
    return Meant(new_name=name)
