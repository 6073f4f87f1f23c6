"""What the hall reads (projector and phones), in the hall's languages, not the moderator's UI language.

The words live in one JSON file per language, `assets/room/i18n/<code>.json` (key → text, `{n}` a number),
so an organiser can correct a translation with a text editor; the phones' page (room.js) gets the same
files, and `tests/stage/test_hall_texts.py` checks that every file has exactly English's keys and
placeholders. Kept apart from Qt's translations because the console may run in English while the hall
reads German, Turkish or Arabic; all must be right at the same time.

The projector speaks the event's language and, when the organiser chose one, a second language beside it
(`labelled`: "Als Nächstes · Next").
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from fishbowl_desktop.model.event import HALL_LANGUAGES as HALL_LANGUAGES

RIGHT_TO_LEFT = frozenset({"ar", "fa"})
SEPARATOR = " · "


@cache
def hall_texts() -> dict[str, dict[str, str]]:
    """Every language's table, read once from the package (English first: the fallback for a missing word)."""
    folder = files("fishbowl_desktop") / "assets" / "room" / "i18n"
    tables: dict[str, dict[str, str]] = {}
    for code in HALL_LANGUAGES:
        raw = json.loads((folder / f"{code}.json").read_text(encoding="utf-8"))
        tables[code] = {str(k): str(v) for k, v in raw.items()}
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
