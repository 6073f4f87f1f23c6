"""The typed change helpers stay in step with their dataclasses: a field added to `AppSettings`, `Participant`,
`Event` or `Stage` must be added to its `…Changes` TypedDict too, or `with_changes(new_field=…)` is a mypy error
where it should be fine (and a field removed from the dataclass would still be offered)."""

from __future__ import annotations

from dataclasses import fields
from typing import get_args

import pytest

from fishbowl_desktop.model import PARTS, Event, Part, Participant, Stage
from fishbowl_desktop.model.event import EventChanges
from fishbowl_desktop.model.participants import ParticipantChanges, ParticipantDetails
from fishbowl_desktop.model.state import StageChanges
from fishbowl_desktop.settings import AppSettings, AppSettingsChanges


@pytest.mark.parametrize(
    ("cls", "changes"),
    [
        (AppSettings, AppSettingsChanges),
        (Participant, ParticipantChanges),
        (Event, EventChanges),
        (Stage, StageChanges),
    ],
)
def test_every_field_of_the_dataclass_is_a_typed_change(cls: type, changes: type) -> None:
    assert set(changes.__annotations__) == {f.name for f in fields(cls)}, (
        f"{changes.__name__} must list exactly the fields of {cls.__name__}"
    )


def test_make_participant_takes_every_detail_but_id_name_and_role() -> None:
    assert set(ParticipantDetails.__annotations__) == {f.name for f in fields(Participant)} - {"id", "name", "role"}


def test_with_changes_still_changes_and_checks() -> None:
    person = Participant(id="p1", name="Şule Öztürk")
    assert person.with_changes(organisation="Verein").organisation == "Verein"
    assert AppSettings().with_changes(projector_next_count=5).projector_next_count == 5


def test_the_parts_are_the_literal_in_announcement_order() -> None:
    assert get_args(Part) == PARTS
    assert PARTS[0] == "event" and PARTS[-1] == "stage"
