"""The free texts of an evening, and the names in them.

Forgetting personal data empties what belongs to one person (bio, notes), but the event's own texts —
the report notes, the description, the guiding questions and agenda items, even the title — are where a
moderator types names too ("Ahmad Al-Sayed und Ольга Кузнецова haben …"). They are kept, because they are
the evening's record, and every name of a person on the list in them is replaced by that person's number.

What cannot be recognised is a name typed differently from the list (a nickname, another spelling, a
name of someone who is not on the list): the confirmation therefore shows every kept text, as it will
read afterwards, before anything is forgotten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from fishbowl_desktop.model.event import AgendaItem, Event
from fishbowl_desktop.model.participants import Participant

MIN_PART = 3
"""Shorter parts of a name ("Al", "Li") are too likely to be part of other words to be replaced alone."""
PARTICLES = {"von", "van", "der", "den", "del", "della", "bin", "ibn", "binti", "und", "and", "the", "die", "das"}
"""Parts of names that are ordinary words on their own: never replaced alone."""
UNKNOWN = {"de": "Teilnehmer*in", "en": "a participant"}
"""For a part shared by several people ("Müller"): which of them is meant cannot be told."""

FREE_TEXT_FIELDS = ("report_notes", "title", "description", "guiding_questions", "agenda")
"""The event's texts that forgetting keeps, with names replaced (venue, address and organiser are places and
organisations, not people, and are left as they are)."""


def name_replacer(people: Iterable[tuple[Participant, str]], language: str) -> Callable[[str], str]:
    """A function that replaces, in a text, every name of `people` by the placeholder paired with it.

    Whole names match regardless of case; a single part of a name (a first name, a surname) matches only
    as written on the list, capitalised, so "Weiß" the surname is replaced but "ich weiß" is not."""
    whole: dict[str, str] = {}
    parts: dict[str, str | None] = {}
    for person, placeholder in people:
        name = " ".join(person.name.split())
        core = " ".join(part for part in name.split() if not part.endswith("."))  # without "Prof. Dr."
        for variant in (name, core):
            if variant:
                whole[variant.casefold()] = placeholder
        for part in name.split():
            if len(part) < MIN_PART or part.endswith(".") or part.casefold() in PARTICLES:
                continue
            parts[part] = placeholder if parts.get(part, placeholder) == placeholder else None
    if not whole:
        return lambda text: text
    unknown = UNKNOWN.get(language, UNKNOWN["en"])

    def pattern(names: Iterable[str]) -> str:
        alternatives = sorted(names, key=len, reverse=True)  # the longest name wins: "Jonas Brückner" over "Jonas"
        return "|".join(r"\s+".join(re.escape(word) for word in n.split()) for n in alternatives)

    whole_re = re.compile(rf"(?<!\w)(?:{pattern(whole)})(?!\w)", re.IGNORECASE)
    part_re = re.compile(rf"(?<!\w)(?:{pattern(parts)})(?!\w)") if parts else None
    given = sorted({p for p in parts.values() if p is not None}, key=len, reverse=True)
    twice_re = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, given))})(?:\s+\1)+(?!\w)") if given else None

    def placeholder_of(found: str) -> str:
        key = " ".join(found.split()).casefold()
        if key in whole:
            return whole[key]
        # The regex' case-insensitive match is wider than casefold ("YILMAZ" matched "Yılmaz"): ask it.
        for name, placeholder in sorted(whole.items(), key=lambda item: -len(item[0])):
            if re.fullmatch(pattern([name]), found, re.IGNORECASE):
                return placeholder
        return unknown

    def replace_names(text: str) -> str:
        text = whole_re.sub(lambda m: placeholder_of(m.group()), text)
        if part_re is not None and twice_re is not None:
            text = part_re.sub(lambda m: parts.get(m.group()) or unknown, text)
            text = twice_re.sub(r"\1", text)  # "Şule Öztürk" in other words: one person, named once
        return text

    return replace_names


def event_without_names(event: Event, replace_names: Callable[[str], str]) -> Event:
    """The event with every name in its free texts replaced (a text never turns blank: names become words)."""
    return replace(
        event,
        title=replace_names(event.title),
        description=replace_names(event.description),
        guiding_questions=tuple(replace_names(q) for q in event.guiding_questions),
        agenda=tuple(AgendaItem(replace_names(a.title), a.minutes) for a in event.agenda),
        report_notes=replace_names(event.report_notes),
    )


def kept_texts(event: Event) -> list[tuple[str, str]]:
    """(field, text) for every non-empty free text of the event, in FREE_TEXT_FIELDS order: what the
    confirmation shows before forgetting. `field` is a key of FREE_TEXT_FIELDS; questions and agenda items
    come one per entry."""
    found: list[tuple[str, str]] = []
    if event.report_notes.strip():  # first: where names are typed most, and what the report prints
        found.append(("report_notes", event.report_notes))
    found.append(("title", event.title))
    if event.description.strip():
        found.append(("description", event.description))
    found.extend(("guiding_questions", q) for q in event.guiding_questions)
    found.extend(("agenda", a.title) for a in event.agenda)
    return found
