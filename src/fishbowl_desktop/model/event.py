"""What the evening is: title, time, place, questions and agenda, as printed on the handout."""

from __future__ import annotations

from dataclasses import field, replace
from datetime import date, time
from typing import TypedDict, Unpack

from fishbowl_desktop.model.characters import check_text
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.value_class import value_class

LANGUAGES = ("de", "en")
HALL_LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru", "fa")
"""What the phones and the projector's few labels speak (stage/texts.py, assets/room/i18n/); the documents
speak LANGUAGES only."""
ORGANISER_KINDS = ("association", "public_body")
"""Who runs the evening, which decides the legal basis the privacy notice names: a private association proves
attendance to its funder under a legitimate interest (Art. 6(1)(f) GDPR), a public body performs a task in
the public interest (Art. 6(1)(e))."""
PHOTO_POLICIES = ("none", "opt_in", "notice")
"""No photos; an opt-in tick column on the sign-in sheet; or photos are taken and objectors tell the moderator.
The sheet and the handout both follow this one setting (issue 25, point 5)."""
MAX_AGE_GROUPS = 6
FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a session's dates may fall in: far from datetime's own edges (1 and 9999), where converting an
offset or adding a duration overflows. The event dialog offers no others, and the loader refuses others."""


@value_class
class AgendaItem:
    """One point of the evening's agenda, with its planned minutes."""

    title: str
    minutes: int = 0

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise FishbowlError("An agenda item needs a title.")
        check_text(self.title)
        if not 0 <= self.minutes <= 24 * 60:
            raise FishbowlError("Agenda item “{title}”: planned minutes must be between 0 and 1440.", title=self.title)


@value_class
class Event:
    """The evening itself: title, date, times, venue and agenda."""

    title: str = "Fishbowl"
    date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue_name: str = ""
    venue_address: str = ""
    organiser: str = ""
    description: str = ""
    guiding_questions: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = field(default_factory=tuple)
    language: str = "de"
    report_notes: str = ""
    """The moderator's notes on the evening, for the organisers: printed in the report only."""
    programme: str = ""
    """The project or funding programme the evening belongs to (e.g. a "Demokratie leben!" partnership)."""
    funding_reference: str = ""
    """The grant's reference number (Förderkennzeichen), printed on the sign-in sheet and the report."""
    privacy_notice: str = ""
    """The DSGVO Art. 13 notice printed under the sign-in sheet; empty means the program's default."""
    organiser_address: str = ""
    """The controller's postal address, for the privacy notice (Art. 13(1)(a) GDPR)."""
    organiser_email: str = ""
    """The controller's e-mail address, for the privacy notice."""
    data_protection_officer: str = ""
    """The data-protection officer's contact, where the organiser has one (Art. 13(1)(b) GDPR)."""
    organiser_kind: str = "association"
    """One of ORGANISER_KINDS."""
    photo_policy: str = "none"
    """One of PHOTO_POLICIES."""
    funding_note: str = ""
    """The funder's line (“Gefördert durch … im Rahmen des Bundesprogramms …”), on the handout and the sheet."""
    age_groups: tuple[str, ...] = ()
    """The age ranges the sign-in sheet offers to tick (“unter 27”, “27–64”, “65+”), when a programme asks."""
    second_language: str = ""
    """The projector shows its few labels in this hall language too ("Als Nächstes · Next"); "" for none."""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise FishbowlError("The event needs a title.")
        if self.language not in LANGUAGES:
            raise FishbowlError(
                "Language must be one of {choices}, not “{language}”.",
                choices=", ".join(LANGUAGES),
                language=self.language,
            )
        if self.date is not None and not FIRST_YEAR <= self.date.year <= LAST_YEAR:
            raise FishbowlError(
                "The date must lie between the years {first} and {last}.", first=FIRST_YEAR, last=LAST_YEAR
            )
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise FishbowlError("The event must end after it starts.")
        if self.organiser_kind not in ORGANISER_KINDS:
            raise FishbowlError(
                "The organiser must be one of {choices}, not “{kind}”.",
                choices=", ".join(ORGANISER_KINDS),
                kind=self.organiser_kind,
            )
        if self.second_language and self.second_language not in HALL_LANGUAGES:
            raise FishbowlError(
                "The projector's second language must be one of {choices}, not “{language}”.",
                choices=", ".join(HALL_LANGUAGES),
                language=self.second_language,
            )
        if self.photo_policy not in PHOTO_POLICIES:
            raise FishbowlError(
                "Photos must be one of {choices}, not “{policy}”.",
                choices=", ".join(PHOTO_POLICIES),
                policy=self.photo_policy,
            )
        if len(self.age_groups) > MAX_AGE_GROUPS or any(not g.strip() or len(g) > 20 for g in self.age_groups):
            raise FishbowlError("Age groups: at most {n}, each 1 to 20 characters (like “27–64”).", n=MAX_AGE_GROUPS)
        if any(not q.strip() for q in self.guiding_questions):
            raise FishbowlError("A guiding question cannot be empty.")
        for line in (
            self.title,
            self.venue_name,
            self.organiser,
            self.language,
            self.organiser_email,
            self.data_protection_officer,
            self.funding_note,
            *self.age_groups,
            *self.guiding_questions,
        ):
            check_text(line)
        for text in (self.venue_address, self.description, self.report_notes, self.organiser_address):
            check_text(text, multiline=True)

    def with_changes(self, **changes: Unpack[EventChanges]) -> Event:
        return replace(self, **changes)


class EventChanges(TypedDict, total=False):
    """The fields `Event.with_changes` takes, so mypy checks every name and type (tests/model keep it in step)."""

    title: str
    date: date | None
    start_time: time | None
    end_time: time | None
    venue_name: str
    venue_address: str
    organiser: str
    description: str
    guiding_questions: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    language: str
    report_notes: str
    programme: str
    funding_reference: str
    privacy_notice: str
    organiser_address: str
    organiser_email: str
    data_protection_officer: str
    organiser_kind: str
    photo_policy: str
    funding_note: str
    age_groups: tuple[str, ...]
    second_language: str


def topic_count(event: Event) -> int:
    """How many topics the projector can show: the guiding questions, then the agenda items."""
    return len(event.guiding_questions) + len(event.agenda)
