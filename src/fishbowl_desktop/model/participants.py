"""Who is in the room: panelists, the moderator and the audience."""

from __future__ import annotations

import enum
import os
from dataclasses import replace
from typing import TypedDict, Unpack

from fishbowl_desktop.model.characters import check_text
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.value_class import value_class

MAX_NAME = 300
MAX_LANGUAGE = 40
"""A language's name or a short note ("Arabisch (syrisch)", "DGS"): a line beside a name, not a text."""


class Role(enum.Enum):
    MODERATOR = "moderator"
    PANELIST = "panelist"
    AUDIENCE = "audience"


def new_participant_id() -> str:
    """Twelve hex digits, six random bytes: what `uuid.uuid4().hex[:12]` gave (its version bits come later),
    without importing uuid and platform (~3 ms before the first frame, issue 29)."""
    return os.urandom(6).hex()


@value_class
class Participant:
    """One person on the evening's list."""

    id: str
    name: str
    role: Role = Role.AUDIENCE
    organisation: str = ""
    bio: str = ""
    group: str = ""
    """Label for a balanced ("quotierte") speaker list; empty means no group."""
    consent_to_list: bool = False
    """Agreed to appear by name on printed lists and the projector."""
    notes: str = ""
    """Private moderator notes: never printed, never projected."""
    family_name: str = ""
    """The family name as the person gives it, when known (CSV import, the person dialog): the sign-in
    sheet files people under it (DIN 5007). Empty when only one name was entered."""
    given_names: str = ""
    """The given name(s), when known; with `family_name` it makes the sheet's two name columns."""
    residence: str = ""
    """Place of residence or postcode, for programmes that must show where participants come from."""
    language: str = ""
    """The language the person speaks in ("Türkçe", "DGS"), as the moderator writes it: shown to the
    interpreters (their read-only link) and beside "Next" on the console, so they can prepare. Empty: not given."""

    def __post_init__(self) -> None:
        if not self.id or not self.id.strip():
            raise FishbowlError("A participant needs an id.")
        if not self.name.strip():
            raise FishbowlError("A participant needs a name.")
        if len(self.name) > MAX_NAME:
            raise FishbowlError("A name may have at most {n} characters.", n=MAX_NAME)
        if len(self.organisation) > MAX_NAME:
            raise FishbowlError("An organisation may have at most {n} characters.", n=MAX_NAME)
        for line in (
            self.id,
            self.name,
            self.organisation,
            self.group,
            self.family_name,
            self.given_names,
            self.residence,
            self.language,
        ):
            check_text(line)
        check_text(self.bio, multiline=True)
        check_text(self.notes, multiline=True)
        for part in (self.family_name, self.given_names, self.residence):
            if len(part) > MAX_NAME:
                raise FishbowlError("A name may have at most {n} characters.", n=MAX_NAME)
        if len(self.language) > MAX_LANGUAGE:
            raise FishbowlError("A language may have at most {n} characters.", n=MAX_LANGUAGE)
        if not isinstance(self.role, Role):
            raise FishbowlError("Unknown role “{role}”.", role=str(self.role))

    @property
    def first_name(self) -> str:
        if self.given_names.strip():
            return self.given_names.split()[0]
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def surname(self) -> str:
        """The family name when it was given; otherwise the name's last word (a guess that is wrong for
        "Nguyễn Thị Hương", which is why the person dialog and the import ask for it)."""
        if self.family_name.strip():
            return self.family_name.strip()
        parts = self.name.split()
        return parts[-1] if parts else self.name

    @property
    def name_parts(self) -> tuple[str, str]:
        """(family name, given names) for the sheet's two columns; the whole name as family name when
        it was never split, so nothing is guessed on paper."""
        if self.family_name.strip() or self.given_names.strip():
            return self.family_name.strip(), self.given_names.strip()
        return self.name, ""

    def with_changes(self, **changes: Unpack[ParticipantChanges]) -> Participant:
        return replace(self, **changes)


class ParticipantDetails(TypedDict, total=False):
    """Everything about a person but id, name and role: what `make_participant` takes besides those."""

    organisation: str
    bio: str
    group: str
    consent_to_list: bool
    notes: str
    family_name: str
    given_names: str
    residence: str
    language: str


class ParticipantChanges(ParticipantDetails, total=False):
    """The fields `Participant.with_changes` takes, so mypy checks every name and type (tests/model keep it in
    step with the dataclass)."""

    id: str
    name: str
    role: Role


def make_participant(name: str, role: Role = Role.AUDIENCE, **fields: Unpack[ParticipantDetails]) -> Participant:
    """A participant with a fresh id; the name is trimmed."""
    return Participant(id=new_participant_id(), name=name.strip(), role=role, **fields)
