"""The discussion's clock as the hall and the console read it (issue 28, point 2): one reading of the session,
and the hall's line in the audience's language ("noch 42 Min. Diskussion").

Minutes, not seconds: the plan is in minutes, the hall needs no second hand, and the displays wake once a minute
for it (`controller.ticker`), not every second.
"""

from __future__ import annotations

from fishbowl_desktop.model import Session
from fishbowl_desktop.model.discussion import DiscussionReading, minutes_left, read_discussion, whole_minutes
from fishbowl_desktop.stage.texts import text


def discussion_reading(session: Session) -> DiscussionReading:
    settings = session.settings
    return read_discussion(
        session.stage.discussion,
        session.clock.monotonic(),
        session.event,
        settings.discussion_minutes,
        session.stage.topic_index,
        len(session.queue),
        settings.free_chair_seconds,
    )


def discussion_minute(session: Session) -> int:
    """Whole minutes run, or -1 before the discussion began: what the displays' minute texts change with."""
    clock = session.stage.discussion
    return whole_minutes(clock.elapsed(session.clock.monotonic())) if clock.started else -1


def hall_clock_key(reading: DiscussionReading) -> tuple[str, int] | None:
    """The hall's line as a text key and its minutes, for a phone that speaks its own language."""
    left = reading.remaining
    if not reading.started or left is None:
        return None
    if left >= 0:
        return "discussion_left", minutes_left(left)
    return "discussion_over", max(1, whole_minutes(-left))


def hall_clock_text(reading: DiscussionReading, language: str) -> str:
    """The line the projector and the phones show when the event asks for it: the time left, or how far over;
    nothing before the discussion began or without a plan."""
    left = reading.remaining
    if not reading.started or left is None:
        return ""
    if left >= 0:
        return text(language, "discussion_left", n=minutes_left(left))
    return text(language, "discussion_over", n=max(1, whole_minutes(-left)))
