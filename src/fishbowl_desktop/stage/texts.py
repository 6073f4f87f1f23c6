"""What the hall reads (projector and phones), in the hall's languages, not the moderator's UI language.

The words live in one JSON file per language, `assets/room/i18n/<code>.json` (key → text, `{n}` a number),
so an organiser can correct a translation with a text editor; the phones' page (room.js) gets the same
files, and `tests/stage/test_hall_texts.py` checks that every file has exactly English's keys and
placeholders. Kept apart from Qt's translations because the console may run in English while the hall
reads German, Turkish or Arabic; all must be right at the same time.

The projector speaks the event's language and, when the organiser chose one, a second language beside it
(`labelled`: "Als Nächstes · Next").

An organiser's corrections go in the data folder, `hall-texts/<code>.json`, with only the keys to change
(`use_corrections`): the package's files stay as shipped (an installed or bundled program cannot be edited),
and a correction that would break a page (an unknown key, an empty text, a lost `{n}`) is left out and said.
"""

from __future__ import annotations

import json
import logging
import string
from functools import cache
from pathlib import Path

from fishbowl_desktop.model.event import HALL_LANGUAGES as HALL_LANGUAGES
from fishbowl_desktop.resources import resources_dir

RIGHT_TO_LEFT = frozenset({"ar", "fa"})
SEPARATOR = " · "
CORRECTIONS = "hall-texts"
"""The folder in the app's data folder that holds an organiser's corrections, one `<code>.json` per language."""

_log = logging.getLogger(__name__)
_corrections: Path | None = None
problems: list[str] = []
"""What the last reading of the corrections left out, and why (for the log and the tests)."""


def use_corrections(folder: Path | None) -> None:
    """Take the organiser's corrections from `folder` (None: the shipped words only), read when first needed
    (the console's start reads no text file for it); `problems` says afterwards what was left out."""
    global _corrections
    _corrections = folder
    hall_texts.cache_clear()


def _fields(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name is not None}


def _correct(code: str, table: dict[str, str], english: dict[str, str], folder: Path) -> None:
    path = folder / f"{code}.json"
    if not path.is_file():
        return
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"{path.name}: not read ({exc})")
        return
    if not isinstance(raw, dict):
        problems.append(f"{path.name}: not a JSON object")
        return
    for key, value in raw.items():
        try:
            fits = key in english and isinstance(value, str) and bool(value.strip())
            fits = fits and _fields(value) == _fields(english[key])
        except ValueError:  # a stray "{" in the text
            fits = False
        if fits:
            table[key] = value.strip()
        else:
            problems.append(f"{path.name}: {key!r} left out (unknown key, empty, or its placeholders differ)")


@cache
def hall_texts() -> dict[str, dict[str, str]]:
    """Every language's table, read once from the package (English first: the fallback for a missing word)."""
    folder = resources_dir() / "room" / "i18n"
    tables: dict[str, dict[str, str]] = {}
    for code in HALL_LANGUAGES:
        raw = json.loads((folder / f"{code}.json").read_text(encoding="utf-8"))
        tables[code] = {str(k): str(v) for k, v in raw.items()}
    problems.clear()
    if _corrections is not None:
        for code in HALL_LANGUAGES:
            _correct(code, tables[code], tables["en"], _corrections)
        for problem in problems:
            _log.warning("hall texts: %s", problem)
    return tables


def language_name(language: str) -> str:
    """The language's own name ("Türkçe", "العربية"), as a speaker of it looks for it in a list."""
    return hall_texts()[language]["language_name"]


def text(language: str, key: str, **values: object) -> str:
    tables = hall_texts()
    table = tables.get(language, tables["en"])
    return table.get(key, tables["en"][key]).format(**values)


def warning_text(language: str, seconds: float) -> str:
    """The warning badge names the stretch the speaker is in ("letzte 30 Sekunden"), not a second clock: it
    stays true while the digits count down (0:23 under "noch 30 Sekunden" read as a contradiction)."""
    whole = max(1, round(seconds))
    if whole % 60 == 0:
        minutes = whole // 60
        return text(language, "warning_minute") if minutes == 1 else text(language, "warning_minutes", n=minutes)
    return text(language, "warning_second") if whole == 1 else text(language, "warning_seconds", n=whole)


def _isolated(s: str) -> str:
    """A first-strong isolate: an Arabic label beside a German one keeps each its own direction."""
    return "\u2068" + s + "\u2069"


def both(first: str, second: str) -> str:
    """One label in the event's language and the second language: "Als Nächstes · Next"; just the first when
    there is no second language or both read the same ("Pause" · "Pause")."""
    if not second or second == first:
        return first
    return _isolated(first) + SEPARATOR + _isolated(second)


def labelled(language: str, second: str, key: str, **values: object) -> str:
    """`text` in the event's language, followed by the second language's when one is chosen; a label that ends
    in a colon in both keeps one colon at the end ("Als Nächstes · Next:")."""
    first, other = text(language, key, **values), text(second, key, **values) if second else ""
    if other and other != first and first.endswith(":") and other.endswith(":"):
        return both(first[:-1].rstrip(), other[:-1].rstrip()) + ":"
    return both(first, other)


def labelled_warning(language: str, second: str, seconds: float) -> str:
    return both(warning_text(language, seconds), warning_text(second, seconds) if second else "")
