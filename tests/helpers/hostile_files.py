"""Session files made to break the program: characters no save can write again, dates at the edges of
`datetime`, numbers with hundreds or thousands of digits. Same form as bad_files.BAD_FILES: a name, a
function from a valid session file's bytes to the hostile bytes, the SessionFileError kind the loader
must report, and a phrase its one-line message must contain."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from helpers import bad_files
from helpers.bad_files import BadFile, _set

TURN = {
    "participant_id": "aud-01",
    "seat_index": 4,
    "started_at": "2026-12-03T19:00:00",
    "timer": {"allotted": 120.0, "warning": 30.0, "elapsed": 12.0, "started": True},
}


def _edit(change: Callable[[dict[str, Any]], None], ascii_only: bool = True) -> Callable[[bytes], bytes]:
    """As bad_files, but ASCII-only by default: most of these files hold a lone surrogate."""
    return bad_files._edit(change, ascii_only)


def _with_turn(started_at: str = "2026-12-03T19:00:00", **timer: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["turn"] = {**TURN, "started_at": started_at, "timer": {**TURN["timer"], **timer}}  # type: ignore[dict-item]

    return change


def _raw_number(key: bytes, digits: int) -> Callable[[bytes], bytes]:
    """Replace the first `"key":<number>` by a whole number of `digits` nines (json.dumps cannot)."""

    def apply(good: bytes) -> bytes:
        data = json.loads(good)
        data["log"][0][key.decode()] = 424242.0
        text = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return text.replace(b"424242.0", b"9" * digits, 1)

    return apply


def _raw_serial(digits: int) -> Callable[[bytes], bytes]:
    def apply(good: bytes) -> bytes:
        data = json.loads(good)
        data["queue_serial"] = 4242424242
        return json.dumps(data, ensure_ascii=False).encode("utf-8").replace(b"4242424242", b"7" * digits, 1)

    return apply


ESC_TITLE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mFishbowl"

HOSTILE_FILES: list[BadFile] = [
    # What the saver cannot write: a lone surrogate made every autosave raise UnicodeEncodeError.
    (
        "surrogate-in-name",
        _edit(_set("participants", 3, "name", "Ahmad \ud800 Al-Sayed")),
        "invalid",
        "broken character (U+D800)",
    ),
    ("surrogate-in-notes", _edit(_set("participants", 3, "notes", "ruft \udfff an")), "invalid", "U+DFFF"),
    ("surrogate-in-title", _edit(_set("event", "title", "Fishbowl \ud83d")), "invalid", "U+D83D"),
    ("surrogate-in-report-notes", _edit(_set("event", "report_notes", "\ud800")), "invalid", "U+D800"),
    ("surrogate-in-message", _edit(_set("stage", "message", "Willkommen \ud800")), "invalid", "U+D800"),
    ("surrogate-in-id", _edit(_set("log", 0, "participant_id", "pan-\ud800")), "invalid", "U+D800"),
    # What no text should hold: NUL, ESC sequences, C1 controls, DEL.
    ("nul-in-name", _edit(_set("participants", 2, "name", "Jonas\x00Brückner")), "invalid", "U+0000"),
    ("escape-in-title", _edit(_set("event", "title", ESC_TITLE)), "invalid", "control character (U+001B)"),
    ("escape-in-title-utf8", _edit(_set("event", "title", ESC_TITLE), ascii_only=False), "invalid", "U+001B"),
    ("c1-csi-in-organisation", _edit(_set("participants", 1, "organisation", "Uni\x9b2J")), "invalid", "U+009B"),
    ("del-in-group", _edit(_set("participants", 1, "group", "FLINTA\x7f")), "invalid", "U+007F"),
    ("bell-in-notes", _edit(_set("participants", 1, "notes", "Achtung\x07")), "invalid", "U+0007"),
    ("newline-in-name", _edit(_set("participants", 1, "name", "Şule\nÖztürk")), "invalid", "U+000A"),
    ("escape-in-question", _edit(_set("event", "guiding_questions", 0, "Was\x1b[8m?")), "invalid", "U+001B"),
    ("escape-in-agenda", _edit(_set("event", "agenda", 0, "title", "Begrüßung\x1b")), "invalid", "U+001B"),
    # Dates at the edges of datetime: converting the offset to local time overflowed.
    (
        "date-year-1-plus-14",
        _edit(_set("log", 0, "started_at", "0001-01-01T00:00:00+14:00")),
        "invalid",
        "a date and time",
    ),
    (
        "date-year-9999-minus-14",
        _edit(_set("queue", 0, "joined_at", "9999-12-31T23:59:59-14:00")),
        "invalid",
        "a date and time",
    ),
    ("date-year-9999-naive", _edit(_set("stage", "countdown_to", "9999-12-31T23:59:59")), "invalid", "a date and time"),
    ("event-date-year-1", _edit(_set("event", "date", "0001-01-01")), "invalid", "a date like"),
    ("turn-start-year-9999", _edit(_with_turn("9999-12-31T23:59:59+14:00")), "invalid", "a date and time"),
    # Numbers that overflow: 400 digits (float() overflows), 5,000 digits (int() refuses), 1e300.
    ("duration-400-digits", _raw_number(b"duration", 400), "invalid", "400 digits"),
    ("duration-5000-digits", _raw_number(b"duration", 5000), "invalid", "5,000 digits"),
    ("seat-index-400-digits", _raw_number(b"seat_index", 400), "invalid", "400 digits"),
    ("queue-serial-5000-digits", _raw_serial(5000), "invalid", "5,000 digits"),
    ("queue-serial-30-digits", _raw_serial(30), "invalid", "30 digits"),
    ("duration-1e300", _edit(_set("log", 0, "duration", 1e300)), "invalid", "cannot be above 1e+07"),
    (
        "duration-1e400",
        lambda good: good.replace(b'"duration":171.0', b'"duration":1e400', 1),
        "invalid",
        "should be a number",
    ),
    ("timer-warning-1e300", _edit(_with_turn(warning=1e300)), "invalid", "“warning”"),
    ("timer-elapsed-1e300", _edit(_with_turn(elapsed=1e300)), "invalid", "“elapsed”"),
    ("topic-index-huge", _edit(_set("stage", "topic_index", 10**15)), "invalid", "cannot be above"),
    ("agenda-minutes-huge", _edit(_set("event", "agenda", 0, "minutes", 10**17)), "invalid", "cannot be above"),
]
