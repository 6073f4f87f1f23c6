"""The German catalogue without Qt: the compiled `fishbowl_de.qm` read as data, for the command line.

The console translates the model's error templates with Qt (`controller.translated_error`); the headless command
line may not import Qt, yet an organiser with a German session or a German terminal should read the same German
message the console shows (issue 25, point 10). A `.qm` file keeps each message's context, English source and
translation as tagged records (Qt's own format, stable since Qt 4), so reading it takes a few lines and no second
copy of the translations has to be kept in step.
"""

from __future__ import annotations

import struct
from functools import cache
from importlib.resources import files

_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT, _OBSOLETE2 = 1, 3, 5, 6, 7, 8, 9


@cache
def german(context: str) -> dict[str, str]:
    """English source → German text for one context; empty when the catalogue is missing or unreadable (the
    English text is then shown, never an error)."""
    try:
        # found as resources.py finds the assets (kept apart: the two are independent siblings in the contract)
        data = (files("fishbowl_desktop") / "assets" / "translations" / "fishbowl_de.qm").read_bytes()
        return _messages(data).get(context, {})
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return {}


def _messages(data: bytes) -> dict[str, dict[str, str]]:
    if not data.startswith(_MAGIC):
        raise ValueError("not a Qt translation file")
    pos, block = len(_MAGIC), b""
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
        if tag == _MESSAGES:
            block = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    found: dict[str, dict[str, str]] = {}
    current: dict[int, str] = {}
    pos = 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _END:
            if current.get(_TRANSLATION):
                found.setdefault(current.get(_CONTEXT, ""), {})[current.get(_SOURCE, "")] = current[_TRANSLATION]
            current = {}
        elif tag in (_OBSOLETE1, _OBSOLETE2):
            continue
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            length = struct.unpack(">I", block[pos : pos + 4])[0]
            pos += 4
            if length == 0xFFFFFFFF:  # a translation marked empty
                continue
            raw = block[pos : pos + length]
            pos += length
            current[tag] = raw.decode("utf-16-be") if tag == _TRANSLATION else raw.decode("utf-8")
        else:
            raise ValueError(f"unknown record {tag}")
    return found
