"""Which characters a session may hold: nothing the file cannot store or a terminal would obey.

A lone surrogate (half of a UTF-16 pair, e.g. from a hand-edited file's "\\ud800") cannot be written as
UTF-8, so every later save of the session would fail. NUL, ESC and the other control characters are
invisible on screen and in the PDFs, and in a terminal an ESC starts a command. Free texts written in a
multi-line box keep their line breaks and tabs; one-line fields (names, titles) keep none of them.
"""

from __future__ import annotations

import re

from fishbowl_desktop.model.errors import FishbowlError

# Unicode's control characters (category Cc) and surrogates (Cs), as one regular expression each: this
# runs for every field of every person, and a 100,000-row import must stay fast.
_NOT_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NOT_IN_A_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Multi-line texts keep tab, line feed and carriage return."""


def unwritable(text: str, multiline: bool = False) -> str | None:
    """The first character of `text` a session must not hold, or None."""
    found = (_NOT_IN_A_TEXT if multiline else _NOT_IN_A_LINE).search(text)
    return found.group() if found else None


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def escaped(text: str, limit: int = 40) -> str:
    """`text` for a one-line message: control characters and surrogates as \\uXXXX, cut short."""
    cut = text[:limit] + ("…" if len(text) > limit else "")
    return _NOT_IN_A_LINE.sub(lambda m: f"\\u{ord(m.group()):04x}", cut)


def check_text(text: str, multiline: bool = False) -> None:
    """Refuse a text holding a character a session must not hold, naming it and showing where."""
    char = unwritable(text, multiline)
    if char is not None and "\ud800" <= char <= "\udfff":
        raise FishbowlError(
            "“{text}” holds a broken character ({code}, half of a pair) that a session cannot keep; remove it.",
            text=escaped(text),
            code=code_point(char),
        )
    if char is not None:
        raise FishbowlError(
            "“{text}” holds an invisible control character ({code}) that a session cannot keep; remove it.",
            text=escaped(text),
            code=code_point(char),
        )
