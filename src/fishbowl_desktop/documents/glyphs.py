"""Which characters the shipped faces can draw, and what stands on paper for one they cannot.

Typst falls back between the given faces by itself, but a character none of them has would print as an empty
box (and PDF/UA-1 refuses it outright). So every text someone typed is checked here first, against the faces'
own character maps (read with harfbuzz, no layout): the export stops and names each person whose name holds
such a character, with the script in words; with “print anyway” the character becomes a visible “□”, never
silently dropped (“𠮷田” must not print as “田”, a different name).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

from fishbowl_desktop.font_catalogue import PAPER_FACES
from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.resources import resources_dir

PLACEHOLDER = "□"
"""U+25A1 WHITE SQUARE (DejaVu Sans has it): what stands for a character no shipped face can draw."""

_LOCK = threading.Lock()


@cache
def _face_chars(index: int) -> frozenset[int]:
    """The code points one face draws; each face is read on first need only (a Latin-only sheet reads one)."""
    import uharfbuzz

    face = PAPER_FACES[index]
    path = resources_dir() / "fonts" / face.regular
    if not path.is_file():
        raise FishbowlError(
            "The font {file} is missing from {folder}; please reinstall the program.",
            file=face.regular,
            folder=str(path.parent),
        )
    with _LOCK:
        return frozenset(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path))).unicodes)


@cache
def drawable(char: str) -> bool:
    """Whether some shipped face draws `char` (or the layout does: spaces, joiners, line breaks)."""
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return True
    return any(ord(char) in _face_chars(i) for i in range(len(PAPER_FACES)))


def missing_characters(text: str) -> list[str]:
    """Characters of `text` (as printed, i.e. NFC) that no shipped face can draw, in order, once each."""
    missing: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if not drawable(char) and char not in missing:
            missing.append(char)
    return missing


def with_placeholders(text: str) -> str:
    """The text with each character no face has replaced by the visible placeholder."""
    return "".join(c if drawable(c) else PLACEHOLDER for c in text)
