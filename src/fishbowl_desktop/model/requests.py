"""What became of each request for the free chair: the part of the evening's log the speech log cannot tell.

The speech log says who spoke; a funder who asks whether every group had its share of the floor also asks
who waited, how long, and who gave up or was turned away (issue 28, the equity report). The session settles a
request when a person leaves the queue — seated, or withdrawn — and when the moderator declines a phone's
request that never reached the queue. Group and role are kept as they were at that moment, like the speech
log's, so the figures survive later edits and forgetting names.
"""

from __future__ import annotations

import enum
from datetime import datetime

from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.participants import Role
from fishbowl_desktop.value_class import value_class


class RequestOutcome(enum.Enum):
    SEATED = "seated"
    """Left the queue for a seat in the circle (Next, or seated by hand)."""
    WITHDRAWN = "withdrawn"
    """Left the queue before their turn: withdrawn on their phone, or taken off the queue by the moderator."""
    DECLINED = "declined"
    """A phone's request the moderator said no to: it never reached the queue, and no person was made."""


@value_class
class ChairRequest:
    """One request for the free chair, granted or declined, for the evening's record."""

    participant_id: str
    """Who asked; empty for a declined phone request (the phone's name never became a person on the list)."""
    group: str
    role: Role
    settled_at: datetime
    """Wall-clock time the request was settled, for the order of events in a report."""
    waited: float
    """Seconds from joining the queue to being settled (0 for a declined phone request: the console does not
    know how long the phone waited for an answer)."""
    outcome: RequestOutcome

    def __post_init__(self) -> None:
        if self.waited < 0:
            raise FishbowlError("A wait cannot last a negative time.")
        if not isinstance(self.outcome, RequestOutcome):
            raise FishbowlError("Unknown outcome of a request.")
