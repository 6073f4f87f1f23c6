"""What the phones may see: the projector's content, plus the timer's anchor so a phone can count by itself.

Built from `projector_content`, so every privacy rule of the projector (consent, "Gast"/"Guest", first
names only, notes never shown) holds on the phones too; nothing else about people is added.

Each phone speaks its own language (room.js), whatever the event's: so beside the projector's words in the
event's language the state carries what they are made of — keys of the hall's texts (`count_key`, `role`),
the warning's seconds, and names with None for a guest — and the phone words them itself.
"""

from __future__ import annotations

from typing import Any

from fishbowl_desktop.model import Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import Mode, hall_name, hall_organisation, projector_content, role_key
from fishbowl_desktop.stage.texts import text, warning_text
from fishbowl_desktop.stage.timer_view import TimerView

TIMING_KEYS = ("at", "rem", "left")
"""Fields that move with the clock; the rest changes only when something happened."""


def room_state(session: Session, view: TimerView, settings: AppSettings, now_ms: float) -> dict[str, Any]:
    content = projector_content(session, view, settings)
    lang = content.language
    state: dict[str, Any] = {
        "mode": content.mode.value,
        "lang": lang,
        "title": content.title,
        "at": round(now_ms, 1),
        "queue": len(session.queue),
    }
    if session.settings.ordering.uses_groups:  # a phone asking to speak may name a group for the group rules
        state["groups"] = sorted({p.group for p in session.participants if p.group.strip()})
    if content.mode is Mode.BLANK:
        return state
    waiting = session.next_in_queue(max(0, settings.projector_next_count))
    first_only = settings.projector_first_names_only
    state.update(
        topic=content.topic,
        message=content.message,
        next=content.next_text,
        next_names=[hall_name(p, first_only) for p in waiting],
    )
    if content.mode is Mode.COUNTDOWN:
        target = session.stage.countdown_to
        left = max(0.0, (target - session.clock.now()).total_seconds()) if target is not None else 0.0
        state.update(
            label=content.countdown_label,
            left=left,
            done=content.countdown_text == "",
            done_label=text(lang, "countdown_done"),
            count_key="countdown_resume" if len(session.log) else "countdown",
        )
        return state
    if content.mode is Mode.TIMER and session.turn is not None:
        timer = session.turn.timer
        person = session.participant(session.turn.participant_id)
        state.update(
            rem=round(view.remaining, 3),
            run=view.running,
            allot=view.allotted,
            warn=timer.warning,
            started=timer.started,
            speaker=content.speaker_name,
            detail=content.speaker_detail,
            guest=hall_name(person, first_only) is None,
            role=role_key(session, person, session.turn.seat_index),
            org=hall_organisation(person),
            flash=settings.projector_flash_overtime,
            warn_text=warning_text(lang, timer.warning),
            up_text=text(lang, "time_up"),
            pause_text=text(lang, "paused"),
        )
    return state


def same_apart_from_timing(a: dict[str, Any] | None, b: dict[str, Any]) -> bool:
    if a is None:
        return False
    return {k: v for k, v in a.items() if k not in TIMING_KEYS} == {k: v for k, v in b.items() if k not in TIMING_KEYS}
