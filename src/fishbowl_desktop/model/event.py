"""What the evening is: title, time, place, questions and agenda, as printed on the handout."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import TypedDict, Unpack

from fishbowl_desktop.model.characters import check_text
from fishbowl_desktop.model.errors import FishbowlError

LANGUAGES = ("de", "en")
FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a session's dates may fall in: far from datetime's own edges (1 and 9999), where converting an
offset or adding a duration overflows. The event dialog offers no others, and the loader refuses others."""


@dataclass(frozen=True)
class AgendaItem:
    title: str
    minutes: int = 0

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise FishbowlError("An agenda item needs a title.")
        check_text(self.title)
        if not 0 <= self.minutes <= 24 * 60:
            raise FishbowlError("Agenda item “{title}”: planned minutes must be between 0 and 1440.", title=self.title)


@dataclass(frozen=True)
class Event:
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
        if any(not q.strip() for q in self.guiding_questions):
            raise FishbowlError("A guiding question cannot be empty.")
        for line in (self.title, self.venue_name, self.organiser, self.language, *self.guiding_questions):
            check_text(line)
        for text in (self.venue_address, self.description, self.report_notes):
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


def topic_count(event: Event) -> int:
    """How many topics the projector can show: the guiding questions, then the agenda items."""
    return len(event.guiding_questions) + len(event.agenda)
