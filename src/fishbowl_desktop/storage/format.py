"""The session file format (docs/session-format.md): a Session to plain JSON data and back.

Reading trusts nothing: a file may have been edited by hand, cut off, or written by another version.
Every value is checked for its type and range before the model sees it, and every failure names the place
in plain words, so an organiser can tell a damaged file from a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from fishbowl_desktop.model import (
    AgendaItem,
    ChairRequest,
    Clock,
    Event,
    FishbowlError,
    FishbowlFormat,
    Opening,
    OrderingRule,
    Participant,
    QueueEntry,
    RequestOutcome,
    Role,
    RuleChain,
    Seat,
    SeatKind,
    Session,
    SpeakerTimer,
    SpeechRecord,
    Stage,
    SystemClock,
    Turn,
    TurnSettings,
)
from fishbowl_desktop.model.chain import CHAIN_RULES
from fishbowl_desktop.model.discussion import DiscussionClock, restored_clock
from fishbowl_desktop.storage.errors import SessionFileError
from fishbowl_desktop.storage.fields import (
    MAX_SECONDS,
    FormatProblem,
    Obj,
    calendar_date,
    datetime_field,
    entries,
    kind_of,
    optional_datetime_field,
    sentence,
)

FORMAT_NAME = "fishbowl-desktop-session"
FORMAT_VERSION = 6


# ---------------------------------------------------------------------------------------- writing
def _iso(value: date | time | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def participant_to_dict(p: Participant) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "role": p.role.value,
        "organisation": p.organisation,
        "bio": p.bio,
        "group": p.group,
        "consent_to_list": p.consent_to_list,
        "notes": p.notes,
        "family_name": p.family_name,
        "given_names": p.given_names,
        "residence": p.residence,
        "language": p.language,
    }


def _seconds(value: float) -> float:
    """A clock left running for months would pass what reading accepts: written at the limit instead."""
    return min(value, MAX_SECONDS)


def record_to_dict(r: SpeechRecord) -> dict[str, Any]:
    return {
        "participant_id": r.participant_id,
        "seat_index": r.seat_index,
        "seat_kind": r.seat_kind.value,
        "started_at": _iso(r.started_at),
        "duration": _seconds(r.duration),
        "allotted": r.allotted,
        "role": r.role.value,
        "group": r.group,
    }


def request_to_dict(r: ChairRequest) -> dict[str, Any]:
    return {
        "participant_id": r.participant_id,
        "group": r.group,
        "role": r.role.value,
        "settled_at": _iso(r.settled_at),
        "waited": _seconds(r.waited),
        "outcome": r.outcome.value,
    }


def session_to_dict(session: Session, *, lists: bool = True) -> dict[str, Any]:
    """The session as JSON-ready data. A running timer is frozen at this moment: monotonic clock values
    mean nothing after a restart, so the turn comes back paused with the time already spoken.

    `lists=False` leaves "participants", "log" and "requests" as None, in their place, for the encoder that
    writes those long lists from its cache (storage/encode.py)."""
    ev = session.event
    s = session.settings
    turn = session.turn
    stage = session.stage
    turn_data: dict[str, Any] | None = None
    # The wall-clock anchor of a running turn: `elapsed` is the time spoken at `saved_at`, both read here,
    # together, because the monotonic clock the timer runs on means nothing after a restart.
    now = session.clock.monotonic()
    saved_at = datetime.now().astimezone().isoformat(timespec="milliseconds")
    if turn is not None:
        timer = turn.timer.frozen_at(now)
        turn_data = {
            "participant_id": turn.participant_id,
            "seat_index": turn.seat_index,
            "started_at": _iso(turn.started_at),
            "timer": {
                "allotted": timer.allotted,
                "warning": timer.warning,
                "elapsed": _seconds(timer.accumulated),
                "started": timer.started,
                "spoken_before_reset": timer.earlier,
            },
        }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "saved_at": saved_at,
        "event": {
            "title": ev.title,
            "date": _iso(ev.date),
            "start_time": _iso(ev.start_time),
            "end_time": _iso(ev.end_time),
            "venue_name": ev.venue_name,
            "venue_address": ev.venue_address,
            "organiser": ev.organiser,
            "description": ev.description,
            "guiding_questions": list(ev.guiding_questions),
            "agenda": [{"title": a.title, "minutes": a.minutes} for a in ev.agenda],
            "language": ev.language,
            "report_notes": ev.report_notes,
            "programme": ev.programme,
            "funding_reference": ev.funding_reference,
            "privacy_notice": ev.privacy_notice,
            "organiser_address": ev.organiser_address,
            "organiser_email": ev.organiser_email,
            "data_protection_officer": ev.data_protection_officer,
            "organiser_kind": ev.organiser_kind,
            "photo_policy": ev.photo_policy,
            "funding_note": ev.funding_note,
            "age_groups": list(ev.age_groups),
            "second_language": ev.second_language,
        },
        "participants": [participant_to_dict(p) for p in session.participants] if lists else None,
        "seats": [{"kind": seat.kind.value, "occupant": seat.occupant} for seat in session.seats],
        "queue": [
            {
                "participant_id": e.participant_id,
                "joined_at": _iso(e.joined_at),
                "serial": e.serial,
                "placed_by_hand": e.placed_by_hand,
            }
            for e in session.queue
        ],
        "queue_serial": session.snapshot().serial,
        "log": [record_to_dict(r) for r in session.log] if lists else None,
        "requests": [request_to_dict(r) for r in session.requests] if lists else None,
        "settings": {
            "panel_seconds": s.panel_seconds,
            "free_chair_seconds": s.free_chair_seconds,
            "warning_seconds": s.warning_seconds,
            "auto_start_next": s.auto_start_next,
            "ordering": [rule.value for rule in s.ordering.rules],
            "format": s.format.value,
            "opening": s.opening.value,
            "discussion_minutes": s.discussion_minutes,
            "show_discussion_clock": s.show_discussion_clock,
            "safe_positions": s.safe_positions,
        },
        "turn": turn_data,
        "stage": {
            "message": stage.message,
            "message_pinned": stage.message_pinned,
            "blank": stage.blank,
            "topic_index": stage.topic_index,
            "countdown_to": _iso(stage.countdown_to),
            "discussion": _discussion_to_dict(stage.discussion),
        },
    }


def _discussion_to_dict(clock: DiscussionClock) -> dict[str, Any]:
    """The discussion's clock: the time run before the current stretch and the wall-clock moment that stretch
    began, so a restarted console adds the minutes it was away (model/discussion.restored_clock). Neither changes
    while the clock runs, so an idle minute leaves the file as it was."""
    return {
        "elapsed": _seconds(clock.accumulated),
        "stretch_began": _iso(clock.stretch_began),
        "started_at": _iso(clock.started_at),
    }


# ---------------------------------------------------------------------------------------- reading
def check_header(data: object) -> int:
    """Is this our file, and can this version read it? Returns the version; raises FormatProblem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise FormatProblem("foreign", "")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatProblem("invalid", f"the format version should be a whole number from 1 up, not {kind_of(version)}")
    if version > FORMAT_VERSION:
        raise FormatProblem("newer", str(version))
    return version


def _read_event(o: Obj) -> Event:
    questions = o.items("guiding_questions", required=False)
    for i, q in enumerate(questions):
        if not isinstance(q, str):
            raise FormatProblem("invalid", f"guiding question {i + 1} should be text but is {kind_of(q)}")
        o._writable(f"guiding question {i + 1}", q)
    return Event(
        title=o.text("title"),
        date=o.parsed("date", calendar_date, "a date like 2026-12-03"),
        start_time=o.parsed("start_time", time.fromisoformat, "a time like 18:30:00"),
        end_time=o.parsed("end_time", time.fromisoformat, "a time like 20:30:00"),
        venue_name=o.text("venue_name", ""),
        venue_address=o.text("venue_address", ""),
        organiser=o.text("organiser", ""),
        description=o.text("description", ""),
        guiding_questions=tuple(str(q) for q in questions),
        agenda=tuple(
            entries(o, "agenda", "agenda item", lambda a: AgendaItem(a.text("title"), a.integer("minutes", 0)), False)
        ),
        language=o.text("language", "de"),
        report_notes=o.text("report_notes", ""),
        programme=o.text("programme", ""),
        funding_reference=o.text("funding_reference", ""),
        privacy_notice=o.text("privacy_notice", ""),
        organiser_address=o.text("organiser_address", ""),
        organiser_email=o.text("organiser_email", ""),
        data_protection_officer=o.text("data_protection_officer", ""),
        organiser_kind=o.text("organiser_kind", "association"),
        photo_policy=o.text("photo_policy", "none"),
        funding_note=o.text("funding_note", ""),
        age_groups=tuple(_age_groups(o)),
        second_language=o.text("second_language", ""),
    )


def _age_groups(o: Obj) -> list[str]:
    groups = o.items("age_groups", required=False)
    for i, group in enumerate(groups):
        if not isinstance(group, str):
            raise FormatProblem("invalid", f"age group {i + 1} should be text but is {kind_of(group)}")
        o._writable(f"age group {i + 1}", group)
    return [str(g) for g in groups]


def _read_participant(o: Obj) -> Participant:
    return Participant(
        id=o.text("id"),
        name=o.text("name"),
        role=o.choice("role", Role),
        organisation=o.text("organisation", ""),
        bio=o.text("bio", ""),
        group=o.text("group", ""),
        consent_to_list=o.flag("consent_to_list", False),
        notes=o.text("notes", ""),
        family_name=o.text("family_name", ""),
        given_names=o.text("given_names", ""),
        residence=o.text("residence", ""),
        language=o.text("language", ""),
    )


def _read_record(o: Obj) -> SpeechRecord:
    return SpeechRecord(
        participant_id=o.text("participant_id"),
        seat_index=o.integer("seat_index", minimum=0),
        seat_kind=o.choice("seat_kind", SeatKind),
        started_at=datetime_field(o, "started_at"),
        duration=o.number("duration"),
        allotted=o.number("allotted"),
        role=o.choice("role", Role, Role.AUDIENCE),
        group=o.text("group", ""),
    )


def _read_request(o: Obj) -> ChairRequest:
    return ChairRequest(
        participant_id=o.text("participant_id", ""),
        group=o.text("group", ""),
        role=o.choice("role", Role, Role.AUDIENCE),
        settled_at=datetime_field(o, "settled_at"),
        waited=o.number("waited"),
        outcome=o.choice("outcome", RequestOutcome),
    )


def _read_turn(o: Obj) -> Turn:
    t = o.obj("timer")
    timer = SpeakerTimer(
        allotted=t.number("allotted"),
        warning=t.number("warning"),
        accumulated=t.number("elapsed"),
        running_since=None,
        started=t.flag("started"),
        earlier=t.number("spoken_before_reset") if t.raw("spoken_before_reset", None, False) is not None else 0.0,
    )
    return Turn(o.text("participant_id"), o.integer("seat_index", minimum=0), datetime_field(o, "started_at"), timer)


def _migrate_queue_arrival_serials(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: the queue's order by arrival now rests on the serial alone (the wall clock can jump).
    Version 1 files may hold serial 0 or repeated serials (first come was decided by `joined_at` then), so
    number the entries afresh in the order version 1 meant: by (joined_at, serial). Damaged entries are
    left for the reader to report."""
    queue = data.get("queue")
    if isinstance(queue, list) and all(
        isinstance(e, dict)
        and isinstance(e.get("joined_at"), str)
        and isinstance(e.get("serial", 0), int)
        and not isinstance(e.get("serial", 0), bool)
        for e in queue
    ):
        serials = [e.get("serial", 0) for e in queue]
        if len(set(serials)) != len(serials) or 0 in serials:
            joined = [str(e["joined_at"]) for e in queue]
            arrival = sorted(range(len(queue)), key=lambda i: (joined[i], serials[i], i))
            base = data.get("queue_serial", 0)
            base = base if isinstance(base, int) and not isinstance(base, bool) and base >= 0 else 0
            queue = [dict(e) for e in queue]
            for rank, i in enumerate(arrival, start=1):
                queue[i]["serial"] = base + rank
            data = {**data, "queue": queue, "queue_serial": base + len(queue)}
    return {**data, "version": 2}


def _v2_names_and_funding(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 → 3: people gain family name, given names and residence; the event gains programme,
    funding reference and privacy notice. All start empty: a one-field name is never split by guessing."""
    upgraded = dict(data)
    people = data.get("participants")
    if isinstance(people, list):
        upgraded["participants"] = [
            {"family_name": "", "given_names": "", "residence": "", **p} if isinstance(p, dict) else p for p in people
        ]
    event = data.get("event")
    if isinstance(event, dict):
        upgraded["event"] = {"programme": "", "funding_reference": "", "privacy_notice": "", **event}
    upgraded["version"] = 3
    return upgraded


def _v3_privacy_and_photos(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 → 4: the event gains the controller's contact details, the organiser's kind, the photo
    policy, the funder's line and age groups (issue 25). Version 3 printed an opt-in photo column and an
    opt-out notice on the handout at once; an older evening keeps the opt-in column it printed."""
    upgraded = dict(data)
    event = data.get("event")
    if isinstance(event, dict):
        upgraded["event"] = {
            "organiser_address": "",
            "organiser_email": "",
            "data_protection_officer": "",
            "organiser_kind": "association",
            "photo_policy": "opt_in",
            "funding_note": "",
            "age_groups": [],
            **event,
        }
    upgraded["version"] = 4
    return upgraded


def _v4_requests(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 → 5: the log gains what became of each request for the free chair (issue 28, the equity
    report). An older evening recorded none: its report says so instead of showing no waits."""
    return {"requests": [], **data, "version": 5}


def _v5_ordering_chain(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 → 6: the queue's one ordering rule becomes a chain of rules (issue 28); arrival decides last
    in every chain, so "first_come" is the empty chain and any other rule a chain of that rule alone."""
    upgraded = dict(data)
    settings = data.get("settings")
    if isinstance(settings, dict):
        rule = settings.get("ordering", "first_come")
        if isinstance(rule, str):
            upgraded["settings"] = {**settings, "ordering": [] if rule == "first_come" else [rule]}
    upgraded["version"] = 6
    return upgraded


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _migrate_queue_arrival_serials,
    2: _v2_names_and_funding,
    3: _v3_privacy_and_photos,
    4: _v4_requests,
    5: _v5_ordering_chain,
}
"""MIGRATIONS[n] turns version-n data into version n+1 data; reading applies them in turn, so a program
reads every version up to its own."""


def _upgraded(data: dict[str, Any], version: int) -> dict[str, Any]:
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def _read_chain(settings: Obj) -> RuleChain:
    """The queue's chain of rules: a list of rule names, each once, arrival left out (it always decides last)."""
    names = settings.items("ordering", required=False)
    rules: list[OrderingRule] = []
    for i, name in enumerate(names):
        known = ", ".join(r.value for r in CHAIN_RULES)
        if not isinstance(name, str):
            raise FormatProblem(
                "invalid", f"rule {i + 1} of “ordering” in the settings should be text but is {kind_of(name)}"
            )
        rule = next((r for r in CHAIN_RULES if r.value == name), None)
        if rule is None:
            raise FormatProblem(
                "invalid", f"rule {i + 1} of “ordering” in the settings is the unknown rule “{name}” (known: {known})"
            )
        if rule in rules:
            raise FormatProblem("invalid", f"“ordering” in the settings names the rule “{name}” twice")
        rules.append(rule)
    return RuleChain(tuple(rules))


def _read(data: object) -> dict[str, Any]:
    version = check_header(data)
    assert isinstance(data, dict)
    root = Obj(_upgraded(data, version), "the session")
    s = root.obj("settings")
    st = root.obj("stage")
    turn_raw = root.raw("turn", None, False)
    return {
        "event": _read_event(root.obj("event")),
        "participants": entries(root, "participants", "participant", _read_participant),
        "seats": entries(
            root, "seats", "seat", lambda o: Seat(o.choice("kind", SeatKind), o.optional_text("occupant"))
        ),
        "queue": entries(
            root,
            "queue",
            "queue entry",
            lambda o: QueueEntry(
                o.text("participant_id"),
                datetime_field(o, "joined_at"),
                o.integer("serial", 0),
                placed_by_hand=o.flag("placed_by_hand", False),
            ),
        ),
        "log": entries(root, "log", "speech record", _read_record),
        "requests": entries(root, "requests", "request for the free chair", _read_request, False),
        "settings": TurnSettings(
            panel_seconds=s.number("panel_seconds"),
            free_chair_seconds=s.number("free_chair_seconds"),
            warning_seconds=s.number("warning_seconds"),
            auto_start_next=s.flag("auto_start_next", True),
            ordering=_read_chain(s),
            format=s.choice("format", FishbowlFormat, FishbowlFormat.EXPERTS_STAY),
            opening=s.choice("opening", Opening, Opening.FREE_CHAIR),
            discussion_minutes=s.integer("discussion_minutes", 0, minimum=0),
            show_discussion_clock=s.flag("show_discussion_clock", False),
            safe_positions=s.integer("safe_positions", 1, minimum=0),
        ),
        "turn": None if turn_raw is None else _read_turn(Obj(turn_raw, "the current turn")),
        "stage": Stage(
            message=st.text("message", ""),
            message_pinned=st.flag("message_pinned", False),
            blank=st.flag("blank", False),
            topic_index=st.optional_integer("topic_index"),
            countdown_to=optional_datetime_field(st, "countdown_to"),
        ),
        "queue_serial": root.integer("queue_serial", 0, minimum=0),
        "discussion": _read_discussion(st),
    }


def _read_discussion(stage: Obj) -> tuple[float, datetime | None, datetime | None] | None:
    """The discussion clock's fields (optional: files from before issue 28 have none); the clock itself is made
    where the session's clock is known (`session_from_dict`)."""
    if stage.raw("discussion", None, False) is None:
        return None
    o = stage.obj("discussion")
    return (o.number("elapsed"), optional_datetime_field(o, "stretch_began"), optional_datetime_field(o, "started_at"))


def session_from_dict(data: object, clock: Clock | None = None, *, source: Path | str = "session") -> Session:
    """Build a Session from file data, or raise SessionFileError naming `source` and the problem.

    Contradictions between the parts (someone seated twice, a queue entry for an unknown person) are
    reported like damage: the model refuses them, and so do we.
    """
    try:
        parts = _read(data)
    except FormatProblem as problem:
        raise SessionFileError(source, problem.kind, problem.detail) from None
    except FishbowlError as exc:  # event, settings or stage values the model does not accept
        raise SessionFileError(source, "invalid", sentence(str(exc))) from None
    serial = parts.pop("queue_serial")
    discussion = parts.pop("discussion")
    if discussion is not None:
        clock = clock or SystemClock()  # the session's clock, read once here for the minutes since the save
        elapsed, stretch_began, started_at = discussion
        restored = restored_clock(elapsed, stretch_began, started_at, clock.monotonic(), clock.now())
        parts["stage"] = replace(parts["stage"], discussion=restored)
    try:
        session = Session(clock, **parts)
    except FishbowlError as exc:
        raise SessionFileError(source, "inconsistent", sentence(str(exc))) from None
    snap = session.snapshot()
    if serial > snap.serial:  # keep handing out fresh tie-breakers after people left the queue
        session.restore(replace(snap, serial=serial))
    return session
