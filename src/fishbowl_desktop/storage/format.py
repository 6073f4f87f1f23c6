"""The session file format (docs/session-format.md): a Session to plain JSON data and back.

Reading trusts nothing: a file may have been edited by hand, cut off, or written by another version.
Every value is checked for its type and range before the model sees it, and every failure names the place
in plain words, so an organiser can tell a damaged file from a newer one.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from ..model import (
    AgendaItem,
    Clock,
    Event,
    FishbowlError,
    FishbowlFormat,
    OrderingRule,
    Participant,
    QueueEntry,
    Role,
    Seat,
    SeatKind,
    Session,
    SpeakerTimer,
    SpeechRecord,
    Stage,
    Turn,
    TurnSettings,
)
from .errors import SessionFileError

FORMAT_NAME = "fishbowl-desktop-session"
FORMAT_VERSION = 1
E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


# ---------------------------------------------------------------------------------------- writing
def _iso(value: date | time | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def session_to_dict(session: Session) -> dict[str, Any]:
    """The session as JSON-ready data. A running timer is frozen at this moment: monotonic clock values
    mean nothing after a restart, so the turn comes back paused with the time already spoken."""
    ev = session.event
    s = session.settings
    turn = session.turn
    stage = session.stage
    turn_data: dict[str, Any] | None = None
    if turn is not None:
        timer = turn.timer.frozen_at(session.clock.monotonic())
        turn_data = {
            "participant_id": turn.participant_id,
            "seat_index": turn.seat_index,
            "started_at": _iso(turn.started_at),
            "timer": {
                "allotted": timer.allotted,
                "warning": timer.warning,
                "elapsed": timer.accumulated,
                "started": timer.started,
            },
        }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
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
        },
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role.value,
                "organisation": p.organisation,
                "bio": p.bio,
                "group": p.group,
                "consent_to_list": p.consent_to_list,
                "notes": p.notes,
            }
            for p in session.participants
        ],
        "seats": [{"kind": seat.kind.value, "occupant": seat.occupant} for seat in session.seats],
        "queue": [
            {"participant_id": e.participant_id, "joined_at": _iso(e.joined_at), "serial": e.serial}
            for e in session.queue
        ],
        "queue_serial": session.snapshot().serial,
        "log": [
            {
                "participant_id": r.participant_id,
                "seat_index": r.seat_index,
                "seat_kind": r.seat_kind.value,
                "started_at": _iso(r.started_at),
                "duration": r.duration,
                "allotted": r.allotted,
                "role": r.role.value,
                "group": r.group,
            }
            for r in session.log
        ],
        "settings": {
            "panel_seconds": s.panel_seconds,
            "free_chair_seconds": s.free_chair_seconds,
            "warning_seconds": s.warning_seconds,
            "auto_start_next": s.auto_start_next,
            "ordering": s.ordering.value,
            "format": s.format.value,
        },
        "turn": turn_data,
        "stage": {
            "message": stage.message,
            "blank": stage.blank,
            "topic_index": stage.topic_index,
            "countdown_to": _iso(stage.countdown_to),
        },
    }


# ---------------------------------------------------------------------------------------- reading
class FormatProblem(Exception):
    """Internal: what is wrong and where; turned into a SessionFileError that names the file."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class _Obj:
    """A JSON object being read, with the place it sits in the file for messages."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise FormatProblem("invalid", f"{where} should be a group of fields but is {_kind_of(data)}")
        self.data: Mapping[str, object] = data
        self.where = where

    def _get(self, key: str, default: object, required: bool) -> object:
        if key not in self.data:
            if required:
                raise FormatProblem("invalid", f"{self.where} has no “{key}”")
            return default
        return self.data[key]

    def _fail(self, key: str, expected: str, value: object) -> FormatProblem:
        return FormatProblem("invalid", f"“{key}” in {self.where} should be {expected} but is {_kind_of(value)}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self._get(key, default, default is None)
        if not isinstance(value, str):
            raise self._fail(key, "text", value)
        return value

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, None, False)
        if value is not None and not isinstance(value, str):
            raise self._fail(key, "text or null", value)
        return value

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self._get(key, default, default is None)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false", value)
        return value

    def integer(self, key: str, default: int | None = None, *, minimum: int | None = None) -> int:
        value = self._get(key, default, default is None)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "a whole number", value)
        if minimum is not None and value < minimum:
            raise FormatProblem("invalid", f"“{key}” in {self.where} cannot be below {minimum} (it is {value})")
        return value

    def optional_integer(self, key: str) -> int | None:
        return None if self._get(key, None, False) is None else self.integer(key)

    def number(self, key: str, *, minimum: float = 0.0) -> float:
        value = self._get(key, None, True)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self._fail(key, "a number", value)
        if value < minimum:
            raise FormatProblem("invalid", f"“{key}” in {self.where} cannot be below {minimum:g} (it is {value})")
        return float(value)

    def choice(self, key: str, enum_type: type[E], default: E | None = None) -> E:
        value = self._get(key, default.value if default is not None else None, default is None)
        if not isinstance(value, str):
            raise self._fail(key, "text", value)
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum_type)
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} has the unknown value “{value}” (known: {allowed})"
            ) from None

    def items(self, key: str, required: bool = True) -> list[object]:
        value = self._get(key, [], required)
        if not isinstance(value, list):
            raise self._fail(key, "a list", value)
        return value

    def obj(self, key: str) -> _Obj:
        return _Obj(self._get(key, None, True), f"“{key}” of {self.where}")

    def parsed(self, key: str, parse: Callable[[str], T], what: str, required: bool = False) -> T | None:
        raw = self.text(key) if required else self.optional_text(key)
        if raw is None:
            return None
        try:
            return parse(raw)
        except ValueError:
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} should be {what} but is “{raw[:40]}”"
            ) from None


def _kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text “{value[:40]}”"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def _local_datetime(raw: str) -> datetime:
    """The model keeps naive local times; an offset written by another tool is converted to local time."""
    value = datetime.fromisoformat(raw)
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value


def _datetime(o: _Obj, key: str) -> datetime:
    value = o.parsed(key, _local_datetime, "a date and time like 2026-12-03T18:30:00", required=True)
    assert value is not None
    return value


def _optional_datetime(o: _Obj, key: str) -> datetime | None:
    return o.parsed(key, _local_datetime, "a date and time like 2026-12-03T18:30:00")


def _entries(o: _Obj, key: str, label: str, read: Callable[[_Obj], T], required: bool = True) -> list[T]:
    result = []
    for i, item in enumerate(o.items(key, required)):
        try:
            result.append(read(_Obj(item, f"{label} {i + 1}")))
        except FishbowlError as exc:  # the model's own check of one entry, e.g. an empty name
            raise FormatProblem("invalid", f"{label} {i + 1}: {_sentence(str(exc))}") from None
    return result


def check_header(data: object) -> int:
    """Is this our file, and can this version read it? Returns the version; raises FormatProblem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise FormatProblem("foreign", "")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatProblem("invalid", f"the format version should be a whole number from 1 up, not {version!r}")
    if version > FORMAT_VERSION:
        raise FormatProblem("newer", str(version))
    return version


def _read_event(o: _Obj) -> Event:
    questions = o.items("guiding_questions", required=False)
    for i, q in enumerate(questions):
        if not isinstance(q, str):
            raise FormatProblem("invalid", f"guiding question {i + 1} should be text but is {_kind_of(q)}")
    return Event(
        title=o.text("title"),
        date=o.parsed("date", date.fromisoformat, "a date like 2026-12-03"),
        start_time=o.parsed("start_time", time.fromisoformat, "a time like 18:30:00"),
        end_time=o.parsed("end_time", time.fromisoformat, "a time like 20:30:00"),
        venue_name=o.text("venue_name", ""),
        venue_address=o.text("venue_address", ""),
        organiser=o.text("organiser", ""),
        description=o.text("description", ""),
        guiding_questions=tuple(str(q) for q in questions),
        agenda=tuple(
            _entries(o, "agenda", "agenda item", lambda a: AgendaItem(a.text("title"), a.integer("minutes", 0)), False)
        ),
        language=o.text("language", "de"),
    )


def _read_participant(o: _Obj) -> Participant:
    return Participant(
        id=o.text("id"),
        name=o.text("name"),
        role=o.choice("role", Role),
        organisation=o.text("organisation", ""),
        bio=o.text("bio", ""),
        group=o.text("group", ""),
        consent_to_list=o.flag("consent_to_list", False),
        notes=o.text("notes", ""),
    )


def _read_record(o: _Obj) -> SpeechRecord:
    return SpeechRecord(
        participant_id=o.text("participant_id"),
        seat_index=o.integer("seat_index", minimum=0),
        seat_kind=o.choice("seat_kind", SeatKind),
        started_at=_datetime(o, "started_at"),
        duration=o.number("duration"),
        allotted=o.number("allotted"),
        role=o.choice("role", Role, Role.AUDIENCE),
        group=o.text("group", ""),
    )


def _read_turn(o: _Obj) -> Turn:
    t = o.obj("timer")
    timer = SpeakerTimer(
        allotted=t.number("allotted"),
        warning=t.number("warning"),
        accumulated=t.number("elapsed"),
        running_since=None,
        started=t.flag("started"),
    )
    return Turn(o.text("participant_id"), o.integer("seat_index", minimum=0), _datetime(o, "started_at"), timer)


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""MIGRATIONS[n] turns version-n data into version n+1 data; reading applies them in turn, so a program
reads every version up to its own. Version 1 is the first: nothing to migrate yet."""


def _upgraded(data: dict[str, Any], version: int) -> dict[str, Any]:
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def _read(data: object) -> dict[str, Any]:
    version = check_header(data)
    assert isinstance(data, dict)
    root = _Obj(_upgraded(data, version), "the session")
    s = root.obj("settings")
    st = root.obj("stage")
    turn_raw = root._get("turn", None, False)
    return {
        "event": _read_event(root.obj("event")),
        "participants": _entries(root, "participants", "participant", _read_participant),
        "seats": _entries(
            root, "seats", "seat", lambda o: Seat(o.choice("kind", SeatKind), o.optional_text("occupant"))
        ),
        "queue": _entries(
            root,
            "queue",
            "queue entry",
            lambda o: QueueEntry(o.text("participant_id"), _datetime(o, "joined_at"), o.integer("serial", 0)),
        ),
        "log": _entries(root, "log", "speech record", _read_record),
        "settings": TurnSettings(
            panel_seconds=s.number("panel_seconds"),
            free_chair_seconds=s.number("free_chair_seconds"),
            warning_seconds=s.number("warning_seconds"),
            auto_start_next=s.flag("auto_start_next", True),
            ordering=s.choice("ordering", OrderingRule, OrderingRule.FIRST_COME),
            format=s.choice("format", FishbowlFormat, FishbowlFormat.EXPERTS_STAY),
        ),
        "turn": None if turn_raw is None else _read_turn(_Obj(turn_raw, "the current turn")),
        "stage": Stage(
            message=st.text("message", ""),
            blank=st.flag("blank", False),
            topic_index=st.optional_integer("topic_index"),
            countdown_to=_optional_datetime(st, "countdown_to"),
        ),
        "queue_serial": root.integer("queue_serial", 0, minimum=0),
    }


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
        raise SessionFileError(source, "invalid", _sentence(str(exc))) from None
    serial = parts.pop("queue_serial")
    try:
        session = Session(clock, **parts)
    except FishbowlError as exc:
        raise SessionFileError(source, "inconsistent", _sentence(str(exc))) from None
    snap = session.snapshot()
    if serial > snap.serial:  # keep handing out fresh tie-breakers after people left the queue
        session.restore(replace(snap, serial=serial))
    return session


def _sentence(message: str) -> str:
    """Model messages are whole sentences; inside ours they follow a colon."""
    return message.rstrip(".")
