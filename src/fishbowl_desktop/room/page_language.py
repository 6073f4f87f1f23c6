"""Which language a phone's page opens in, and the hall's texts as the page's script reads them.

Every phone speaks its own language, whatever the event's: the browser's `Accept-Language` picks it on the
server, so the first paint is already right (`<html lang dir>`); room.js may then follow the phone's own
choice (remembered on that phone) or `navigator.languages`. A browser asking for none of the hall's
languages gets "" here, and the page follows the event's language.
"""

from __future__ import annotations

import json

from fishbowl_desktop.stage.texts import HALL_LANGUAGES, RIGHT_TO_LEFT, hall_texts

MAX_HEADER = 500
"""Longer Accept-Language headers are not ours to parse (a browser sends a few dozen characters)."""


def best_language(accept_language: str) -> str:
    """The hall language the browser prefers most ("tr-TR,tr;q=0.9,de;q=0.8" → "tr"), or ""."""
    choices: list[tuple[float, int, str]] = []
    for n, part in enumerate(accept_language[:MAX_HEADER].split(",")):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().split("-")[0].lower()
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if code in HALL_LANGUAGES and quality > 0:
            choices.append((-quality, n, code))
    return min(choices)[2] if choices else ""


def direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def texts_script() -> bytes:
    """`window.FISHBOWL_TEXTS` for room.js: the languages in the switch's order, which run right to left,
    and every table. A script file of its own (the pages' CSP allows no inline script)."""
    data = {"order": list(HALL_LANGUAGES), "rtl": sorted(RIGHT_TO_LEFT), "texts": hall_texts()}
    return b"window.FISHBOWL_TEXTS = " + json.dumps(data, ensure_ascii=False).encode("utf-8") + b";\n"


def fill_page(html: bytes, kind: str, base: str, accept_language: str) -> bytes:
    language = best_language(accept_language)
    for name, value in (
        ("kind", kind),
        ("base", base),
        ("lang", language or "en"),
        ("dir", direction(language)),
        ("asked", language),
    ):
        html = html.replace(b"{{" + name.encode() + b"}}", value.encode())
    return html
