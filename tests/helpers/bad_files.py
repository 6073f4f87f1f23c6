"""Files a moderator might pick by mistake, or that a crash, a cut-off copy or a newer version left behind.

Each case: a name, a function from a valid session file's bytes to the bad bytes, the SessionFileError kind
the loader must report, and a phrase its one-line message must contain.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fishbowl_desktop.storage import FORMAT_VERSION

BadFile = tuple[str, Callable[[bytes], bytes], str, str]


def _edit(change: Callable[[dict[str, Any]], None], ascii_only: bool = False) -> Callable[[bytes], bytes]:
    """ascii_only: write every non-ASCII character as \\uXXXX, the only way a file holds a lone surrogate."""

    def apply(good: bytes) -> bytes:
        data = json.loads(good)
        change(data)
        return json.dumps(data, ensure_ascii=ascii_only).encode("utf-8")

    return apply


def _set(*path_and_value: object) -> Callable[[dict[str, Any]], None]:
    *keys, value = path_and_value

    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _delete(*keys: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


BAD_FILES: list[BadFile] = [
    ("empty", lambda good: b"", "empty", "the file is empty"),
    ("only-whitespace", lambda good: b"  \n\n", "empty", "the file is empty"),
    ("truncated", lambda good: good[: len(good) // 2], "truncated", "ends too early"),
    ("truncated-at-brace", lambda good: good.rstrip()[:-1], "truncated", "ends too early"),
    ("not-json", lambda good: b"Teilnehmerliste;Name;Organisation\n1;Ayse;Verein\n", "not_json", "damaged"),
    ("binary", lambda good: bytes(range(256)) * 4, "not_text", "not a text file"),
    ("latin-1", lambda good: good.decode("utf-8").encode("latin-1", "replace"), "not_text", "not a text file"),
    ("json-list", lambda good: b"[1, 2, 3]", "foreign", "not a Fishbowl Desktop session file"),
    ("other-app", lambda good: b'{"format": "spreadsheet", "rows": []}', "foreign", "not a Fishbowl Desktop"),
    (
        "newer-version",
        _edit(_set("version", FORMAT_VERSION + 1)),
        "newer",
        f"newer Fishbowl Desktop (format {FORMAT_VERSION + 1}); update the app",
    ),
    ("truncated-mid-letter", lambda good: good[: good.index("ễ".encode()) + 1], "truncated", "ends too early"),
    ("version-text", _edit(_set("version", "1")), "invalid", "format version"),
    ("participants-not-list", _edit(_set("participants", {"a": 1})), "invalid", "should be a list"),
    ("name-is-number", _edit(_set("participants", 0, "name", 42)), "invalid", "“name” in participant 1"),
    ("unknown-role", _edit(_set("participants", 1, "role", "chair")), "invalid", "unknown value “chair”"),
    ("missing-seats", _edit(_delete("seats")), "invalid", "has no “seats”"),
    ("bad-date", _edit(_set("log", 0, "started_at", "yesterday")), "invalid", "a date and time"),
    ("nan-duration", lambda good: good.replace(b'"duration":171.0', b'"duration":NaN'), "not_json", "NaN"),
    ("negative-duration", _edit(_set("log", 0, "duration", -5)), "invalid", "cannot be below 0"),
    ("bool-as-number", _edit(_set("settings", "panel_seconds", True)), "invalid", "should be a number"),
    ("empty-name", _edit(_set("participants", 0, "name", "  ")), "invalid", "participant 1: A participant needs"),
    ("seated-twice", _edit(_set("seats", 1, "occupant", "pan-1")), "inconsistent", "sits on two seats"),
    ("queued-stranger", _edit(_set("queue", 0, "participant_id", "ghost")), "inconsistent", "not on the participant"),
]
