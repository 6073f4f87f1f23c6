"""Who may appear on paper, and under which name.

Only people who agreed to be listed (`consent_to_list`) are ever printed by name; everyone else is
counted but shown as an anonymous guest. Every document goes through these helpers, so the rule lives
in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from fishbowl_desktop.documents.text import Words, surname_order_key
from fishbowl_desktop.model import Participant, Role


def listed(participants: Iterable[Participant]) -> list[Participant]:
    return [p for p in participants if p.consent_to_list]


def listed_by_surname(participants: Iterable[Participant]) -> list[Participant]:
    return sorted(listed(participants), key=surname_order_key)


def panel(participants: Iterable[Participant]) -> tuple[list[Participant], list[Participant]]:
    """The listed panelists and the listed moderators, in the order the organisers entered them."""
    people = listed(participants)
    return [p for p in people if p.role is Role.PANELIST], [p for p in people if p.role is Role.MODERATOR]


def printed_name(by_id: Mapping[str, Participant], participant_id: str, words: Words) -> tuple[str, bool]:
    """The name to print and whether it is a real name (True) or a placeholder of ours (False)."""
    person = by_id.get(participant_id)
    if person is None:
        return words("unknown"), False
    if not person.consent_to_list:
        return words("guest"), False
    return person.name, True
