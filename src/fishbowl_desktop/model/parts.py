"""The parts of a session whose change is announced, as a type: mypy checks every `_changed("queue")` and every
listener against this list, so a misspelt part is an error at the desk, not a view that silently never repaints.
"""

from __future__ import annotations

from typing import Literal, get_args

Part = Literal["event", "settings", "participants", "seats", "queue", "log", "requests", "turn", "stage"]
"""What changed: the event's texts, the turn settings, the list of people, the circle, the queue, the speech log,
what became of the requests for the free chair, the running turn, the projector's stage."""

PARTS: tuple[Part, ...] = get_args(Part)
"""The parts, in the order a compound intent announces them (event first, stage last)."""
