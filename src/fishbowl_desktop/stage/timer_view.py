"""What a timer display shows right now, as plain data: the one reading of the clock that the console's timer
panel, the projector and the phones share.

A pure function of the session (and its injected clock), so the projector's content, the phones' state and the
coming API can be built and tested without Qt; `controller.ticker` only decides *when* to look.
"""

from __future__ import annotations

from fishbowl_desktop.model import Session, TimerPhase, format_seconds
from fishbowl_desktop.stage.discussion_view import discussion_minute
from fishbowl_desktop.value_class import value_class


@value_class
class TimerView:
    """What a timer display shows right now."""

    text: str
    phase: TimerPhase | None
    """None when nobody has the floor."""
    remaining: float
    allotted: float
    running: bool
    speaker_id: str | None
    countdown: str | None
    """Before the start: the time left until `stage.countdown_to`, as m:ss, or None."""
    discussion_minute: int = -1
    """Whole minutes the discussion has run (-1: not begun): its minute texts change with it (issue 28)."""


def timer_view(session: Session) -> TimerView:
    """The session's timer as shown now: the speaker's time left, or the free-chair time while nobody speaks."""
    now = session.clock.monotonic()
    countdown = None
    target = session.stage.countdown_to
    if target is not None:
        left = (target - session.clock.now()).total_seconds()
        countdown = format_seconds(max(0.0, left))
    minute = discussion_minute(session)
    turn = session.turn
    if turn is None:
        allotted = session.settings.free_chair_seconds
        return TimerView(format_seconds(allotted), None, allotted, allotted, False, None, countdown, minute)
    timer = turn.timer
    remaining = timer.remaining(now)
    return TimerView(
        format_seconds(remaining),
        timer.phase(now),
        remaining,
        timer.allotted,
        timer.is_running,
        turn.participant_id,
        countdown,
        minute,
    )


def shown_part(view: TimerView) -> tuple[object, ...]:
    """Everything on screen; `remaining` moves continuously and only counts through `text`."""
    return (view.text, view.phase, view.allotted, view.running, view.speaker_id, view.countdown, view.discussion_minute)
