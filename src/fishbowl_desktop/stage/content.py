"""What the projector shows right now, derived on demand from the model and the ticker's view.

Nothing here is state of its own: `projector_content` is a pure function of the session, the ticker's
`TimerView` and the app settings, and the result is only compared with the last one to decide whether a
repaint is needed.

Privacy: a person who did not consent to be listed is shown as "Gast"/"Guest" — not even a first name,
because for many names (Vietnamese, Hungarian, "Surname, Given") the first word *is* the family name, so
"first name only" cannot be guaranteed to hide the surname. Organisations are shown only with consent too,
and private notes never leave the model. The "first names only" setting applies to everyone projected, the
speaker as well as the waiting list.
"""

from __future__ import annotations

import enum
import math
from dataclasses import replace

from fishbowl_desktop.model import Participant, Role, Session, TimerPhase
from fishbowl_desktop.model.circle import Opening, SeatKind
from fishbowl_desktop.model.roles import role_word
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.discussion_view import discussion_reading, hall_clock_text
from fishbowl_desktop.stage.texts import labelled, labelled_warning, text
from fishbowl_desktop.stage.timer_view import TimerView
from fishbowl_desktop.value_class import value_class


class Mode(enum.Enum):
    TIMER = "timer"
    """Someone has the floor: the big digits."""
    COUNTDOWN = "countdown"
    """Before the start: "Wir beginnen in 4:59"."""
    IDLE = "idle"
    """Between turns: title, question and who is next."""
    BLANK = "blank"
    """Only the event title, dimmed; or nothing at all (`black`)."""


class Badge(enum.Enum):
    NONE = "none"
    WARNING = "warning"
    OVERTIME = "overtime"
    PAUSED = "paused"


@value_class
class ProjectorContent:
    """What the projector shows right now, in the audience's language."""

    mode: Mode
    language: str
    title: str
    topic: str = ""
    message: str = ""
    timer_text: str = ""
    phase: TimerPhase | None = None
    fraction: float = 1.0
    """Shown seconds left over allotted, for the bar; stepped by whole seconds so it changes with the digits."""
    badge: Badge = Badge.NONE
    badge_text: str = ""
    frame_on: bool = False
    """The solid vermilion frame of overtime; off on every other second when flashing."""
    speaker_name: str = ""
    speaker_detail: str = ""
    next_text: str = ""
    countdown_label: str = ""
    countdown_text: str = ""
    black: bool = False
    """Blank as pure black, without the title (the venue wants the beamer dark)."""
    clock_text: str = ""
    """The discussion's time left ("noch 42 Min. Diskussion"), when the event shows it to the hall (issue 28)."""
    format_text: str = ""
    """Which format is on (closed, open, tap-out; issue 28), in the hall's words: a line of its own between turns,
    and in place of (closed) or before (tap-out) who is next while someone speaks."""
    armed_countdown: str = ""
    """A countdown is set but not shown (a turn has the floor, or the screen is blank): its m:ss, for the
    console's preview only, so the moderator sees what comes up when the turn ends. Never drawn in the hall."""


_TITLE_WORDS = {"prof", "dr", "mag", "dipl", "ing", "herr", "frau", "mr", "mrs", "ms"}


def given_name(name: str) -> str:
    """The first word that is not an academic title or salutation ("Prof. Dr. Şule Öztürk" → "Şule");
    "Öztürk, Şule" → "Şule"."""
    if "," in name:
        after = name.split(",", 1)[1].split()
        if after:
            name = " ".join(after)
    words = name.split()
    for word in words:
        if word.rstrip(".").casefold() not in _TITLE_WORDS and not word.endswith("."):
            return word
    return words[-1] if words else name


def hall_name(person: Participant, first_names_only: bool) -> str | None:
    """The name as the hall may see it, or None for a guest (each phone says "Guest" in its own language)."""
    if not person.consent_to_list:
        return None
    return given_name(person.name) if first_names_only else person.name


def public_name(person: Participant, language: str, first_names_only: bool) -> str:
    """The name as the hall may see it."""
    name = hall_name(person, first_names_only)
    return text(language, "guest") if name is None else name


def _isolated(s: str) -> str:
    """Wrap in Unicode first-strong isolates so a right-to-left name in a list cannot reorder its neighbours."""
    return "\u2068" + s + "\u2069"


def role_key(session: Session, person: Participant, seat_index: int) -> str:
    """What the speaker is there as, as a key of the hall's texts: "free_chair" or "role_<role>"."""
    on_free_chair = 0 <= seat_index < len(session.seats) and session.seats[seat_index].kind is SeatKind.FREE
    return "free_chair" if person.role is Role.AUDIENCE and on_free_chair else f"role_{person.role.value}"


def hall_organisation(person: Participant) -> str:
    """The organisation the hall may see: only with consent."""
    return person.organisation.strip() if person.consent_to_list else ""


def _speaker_detail(session: Session, person: Participant, seat_index: int, language: str) -> str:
    key = role_key(session, person, seat_index)
    role = text(language, key) if key == "free_chair" else role_word(person.role, language)
    organisation = hall_organisation(person)
    return f"{role} · {_isolated(organisation)}" if organisation else role


def projector_content(session: Session, view: TimerView, settings: AppSettings) -> ProjectorContent:
    event = session.event
    lang = event.language
    second = event.second_language  # the labels also in this language ("Als Nächstes · Next"), when chosen
    stage = session.stage
    armed = view.countdown if stage.countdown_to is not None and view.countdown is not None else ""
    if stage.blank:
        if settings.projector_black_blank:
            return ProjectorContent(Mode.BLANK, lang, "", black=True, armed_countdown=armed)
        return ProjectorContent(Mode.BLANK, lang, event.title, armed_countdown=armed)
    topics = session.topics()
    topic = topics[stage.topic_index] if stage.topic_index is not None and stage.topic_index < len(topics) else ""
    opening = session.settings.opening
    # closed, nobody comes in: who waits for the opening is not "next"
    waiting = [] if opening is Opening.CLOSED else session.next_in_queue(max(0, settings.projector_next_count))
    names = [public_name(p, lang, settings.projector_first_names_only) for p in waiting]
    next_text = f"{labelled(lang, second, 'next')} " + " · ".join(_isolated(n) for n in names) if names else ""
    idle = ProjectorContent(
        Mode.IDLE,
        language=lang,
        title=event.title,
        topic=topic,
        message=stage.message.strip(),
        next_text=next_text,
        format_text=text(lang, f"format_{opening.value}"),
        clock_text=hall_clock_text(discussion_reading(session), lang) if session.settings.show_discussion_clock else "",
    )
    turn = session.turn
    if stage.countdown_to is not None and view.countdown is not None and (turn is None or not turn.timer.started):
        done = view.countdown == "0:00"
        # after the first turn a countdown is for a break: "We continue in", not "We begin in"
        key = "countdown_resume" if len(session.log) else "countdown"
        label = labelled(lang, second, f"{key}_done" if done else key)
        return replace(idle, mode=Mode.COUNTDOWN, countdown_label=label, countdown_text="" if done else view.countdown)
    idle = replace(idle, armed_countdown=armed)
    if turn is None or view.phase is None or not session.has_participant(turn.participant_id):
        return idle
    person = session.participant(turn.participant_id)
    phase = view.phase
    badge, badge_text, frame_on = Badge.NONE, "", False
    if phase is TimerPhase.OVERTIME:
        over_second = math.floor(max(0.0, -view.remaining) + 1e-9)
        frame_on = not settings.projector_flash_overtime or over_second % 2 == 0 or not view.running
    if not view.running and turn.timer.started:
        # paused wins over "time is up": the red digits and the solid frame still say it is overtime
        badge, badge_text = Badge.PAUSED, labelled(lang, second, "paused")
    elif phase is TimerPhase.OVERTIME:
        badge, badge_text = Badge.OVERTIME, labelled(lang, second, "time_up")
    elif phase is TimerPhase.WARNING:
        badge, badge_text = Badge.WARNING, labelled_warning(lang, second, turn.timer.warning)
    shown = max(0, math.ceil(view.remaining - 1e-9))
    fraction = min(1.0, shown / view.allotted) if view.allotted > 0 else 0.0
    return replace(
        idle,
        mode=Mode.TIMER,
        timer_text=view.text,
        phase=phase,
        fraction=fraction,
        badge=badge,
        badge_text=badge_text,
        frame_on=frame_on,
        speaker_name=public_name(person, lang, settings.projector_first_names_only),
        speaker_detail=_speaker_detail(session, person, turn.seat_index, lang),
    )
