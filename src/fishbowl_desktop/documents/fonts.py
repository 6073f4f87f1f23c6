"""The shipped fonts: registered once, checked against every text before anything is printed.

reportlab draws a character the font lacks as an empty box without a word of warning, so a name on the
sign-in list could silently come out unreadable. Checking the font's character map first lets us tell
the organiser which entry is affected while it can still be corrected.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ..model import FishbowlError
from ..resources import resources_dir

REGULAR = "FishbowlSans"
BOLD = "FishbowlSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

EXPORT_LOCK = threading.RLock()
"""reportlab keeps fonts and their per-document subsets in process-wide state: one export at a time."""

_registered: frozenset[int] | None = None

SHAPING_FEATURES = {"kern": True, "liga": False, "dlig": False}
"""reportlab shapes with `liga` and `dlig` on, and DejaVu then prints “Donnerﬆag” with an old-style st
ligature, and ff/fi become single glyphs that break searching and copying names from the PDF. Arabic
keeps its required forms (init/medi/fina, the lam-alef ligature): harfbuzz always applies those."""


def _plain_latin_shaping() -> None:
    shape = getattr(ttfonts, "shapeFragWord", None)
    defaults = getattr(shape, "__defaults__", None)
    if shape is not None and defaults and isinstance(defaults[0], dict):
        shape.__defaults__ = (dict(SHAPING_FEATURES), *defaults[1:])


def register_fonts() -> frozenset[int]:
    """Register the family (once) and return the code points every weight can draw."""
    global _registered
    with EXPORT_LOCK:
        if _registered is None:
            _plain_latin_shaping()
            folder = resources_dir() / "fonts"
            coverage: frozenset[int] | None = None
            for name, filename in _FILES.items():
                path = folder / filename
                if not path.is_file():
                    raise FishbowlError(f"The font {filename} is missing from {folder}; please reinstall the program.")
                font = TTFont(name, str(path), shapable=True)
                pdfmetrics.registerFont(font)
                chars = frozenset(font.face.charToGlyph)
                coverage = chars if coverage is None else coverage & chars
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            _registered = coverage or frozenset()
        return _registered


def _needs_glyph(char: str) -> bool:
    # Spaces, line breaks and invisible joiners (ZWJ/ZWNJ in Arabic or Persian names) are handled by the
    # layout and the shaper, not drawn from the font.
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


def missing_characters(text: str) -> list[str]:
    """Characters of `text` (as printed, i.e. NFC) that the shipped fonts cannot draw, in order, once each."""
    coverage = register_fonts()
    missing: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if _needs_glyph(char) and ord(char) not in coverage and char not in missing:
            missing.append(char)
    return missing


def describe(chars: Iterable[str]) -> str:
    """“☃” (U+2603 SNOWMAN): the code point helps when the character itself is invisible or a box."""
    parts = []
    for char in chars:
        name = unicodedata.name(char, "").title()
        parts.append(f"“{char}” (U+{ord(char):04X}{' ' + name if name else ''})")
    return ", ".join(parts)
