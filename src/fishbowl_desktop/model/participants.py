"""Who is in the room: panelists, the moderator and the audience."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, replace

from .characters import check_text
from .errors import FishbowlError

MAX_NAME = 300


class Role(enum.Enum):
    MODERATOR = "moderator"
    PANELIST = "panelist"
    AUDIENCE = "audience"


def new_participant_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class Participant:
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

    def __post_init__(self) -> None:
        if not self.id or not self.id.strip():
            raise FishbowlError("A participant needs an id.")
        if not self.name.strip():
            raise FishbowlError("A participant needs a name.")
        if len(self.name) > MAX_NAME:
            raise FishbowlError("A name may have at most {n} characters.", n=MAX_NAME)
        if len(self.organisation) > MAX_NAME:
            raise FishbowlError("An organisation may have at most {n} characters.", n=MAX_NAME)
        for line in (self.id, self.name, self.organisation, self.group):
            check_text(line)
        check_text(self.bio, multiline=True)
        check_text(self.notes, multiline=True)
        if not isinstance(self.role, Role):
            raise FishbowlError("Unknown role “{role}”.", role=str(self.role))

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def surname(self) -> str:
        parts = self.name.split()
        return parts[-1] if parts else self.name

    def with_changes(self, **changes: object) -> Participant:
        return replace(self, **changes)  # type: ignore[arg-type]


def make_participant(name: str, role: Role = Role.AUDIENCE, **fields: object) -> Participant:
    """A participant with a fresh id; the name is trimmed."""
    return Participant(id=new_participant_id(), name=name.strip(), role=role, **fields)  # type: ignore[arg-type]
