"""The shipped fonts on paper: registered once, a face picked per run of text, and every text checked.

reportlab neither falls back between fonts nor warns about a character the font lacks: it prints an empty
box. So text is split into runs by coverage (`font_runs`): a text one face can draw stays in that face (an
Arabic name keeps its joins, a German name its DejaVu shapes); otherwise each word, and only then each
character, goes to the first face that has it. What no shipped face can draw is reported by name
(`missing_characters`) before anything is printed.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from fishbowl_desktop.font_catalogue import FACES
from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.resources import resources_dir

REGULAR = FACES[0].key
BOLD = f"{REGULAR}-Bold"

EXPORT_LOCK = threading.RLock()
"""reportlab keeps fonts and their per-document subsets in process-wide state: one export at a time."""

_coverage: list[tuple[str, frozenset[int]]] | None = None
"""(face key, code points) in fallback order, once registered."""
_all: frozenset[int] = frozenset()

SHAPING_FEATURES = {"kern": True, "liga": False, "dlig": False}
"""reportlab shapes with `liga` and `dlig` on, and DejaVu then prints “Donnerﬆag” with an old-style st
ligature, and ff/fi become single glyphs that break searching and copying names from the PDF. Arabic
keeps its required forms (init/medi/fina, the lam-alef ligature) and Indic scripts their conjuncts:
harfbuzz always applies those."""


def _plain_latin_shaping() -> None:
    shape = getattr(ttfonts, "shapeFragWord", None)
    defaults = getattr(shape, "__defaults__", None)
    if shape is not None and defaults and isinstance(defaults[0], dict):
        shape.__defaults__ = (dict(SHAPING_FEATURES), *defaults[1:])


def register_fonts() -> frozenset[int]:
    """Register every face (once) and return the code points at least one face can draw."""
    global _coverage, _all
    with EXPORT_LOCK:
        if _coverage is None:
            _plain_latin_shaping()
            folder = resources_dir() / "fonts"
            coverage: list[tuple[str, frozenset[int]]] = []
            for face in FACES:
                chars: frozenset[int] | None = None
                for name, filename in ((face.key, face.regular), (f"{face.key}-Bold", face.bold)):
                    path = folder / filename
                    if not path.is_file():
                        raise FishbowlError(
                            "The font {file} is missing from {folder}; please reinstall the program.",
                            file=filename,
                            folder=str(folder),
                        )
                    font = TTFont(name, str(path), shapable=True)
                    pdfmetrics.registerFont(font)
                    face_chars = frozenset(font.face.charToGlyph)
                    chars = face_chars if chars is None else chars & face_chars
                pdfmetrics.registerFontFamily(
                    face.key, normal=face.key, bold=f"{face.key}-Bold", italic=face.key, boldItalic=f"{face.key}-Bold"
                )
                coverage.append((face.key, chars or frozenset()))
            _coverage = coverage
            _all = frozenset().union(*(chars for _, chars in coverage))
        return _all


def _needs_glyph(char: str) -> bool:
    # Spaces, line breaks and invisible joiners (ZWJ/ZWNJ in Arabic or Persian names) are handled by the
    # layout and the shaper, not drawn from the font.
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


def _face_for(text: str) -> str | None:
    """The first face that draws every visible character of `text`."""
    register_fonts()
    assert _coverage is not None
    needed = {ord(c) for c in text if _needs_glyph(c)}
    for key, chars in _coverage:
        if needed <= chars:
            return key
    return None


def font_runs(text: str) -> list[tuple[str, str]]:
    """(face key, text) runs for one line of NFC text; characters no face has are left out."""
    whole = _face_for(text)
    if whole is not None:
        return [(whole, text)]
    runs: list[tuple[str, str]] = []

    def add(key: str, piece: str) -> None:
        if runs and runs[-1][0] == key:
            runs[-1] = (key, runs[-1][1] + piece)
        else:
            runs.append((key, piece))

    for word in _words(text):
        if not any(_needs_glyph(c) for c in word):  # spaces join whatever run they follow
            add(runs[-1][0] if runs else REGULAR, word)
            continue
        key = _face_for(word)
        if key is not None:
            add(key, word)
            continue
        for char in word:
            char_key = _face_for(char) if _needs_glyph(char) else (runs[-1][0] if runs else REGULAR)
            if char_key is not None:
                add(char_key, char)
    return runs


def _words(text: str) -> list[str]:
    """Words and the spaces between them, in order."""
    pieces: list[str] = []
    for char in text:
        if pieces and pieces[-1][-1].isspace() == char.isspace():
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def face_markup(line: str, bold: bool = False) -> str:
    """One line of text as escaped paragraph markup, with a `<font>` tag around each run in another face.

    `bold` names the bold face of those runs: reportlab does not carry a surrounding `<b>` into a `<font>`."""
    parts = []
    for key, piece in font_runs(line):
        escaped = escape(piece)
        parts.append(escaped if key == REGULAR else f'<font name="{key}{"-Bold" if bold else ""}">{escaped}</font>')
    return "".join(parts)


def missing_characters(text: str) -> list[str]:
    """Characters of `text` (as printed, i.e. NFC) that no shipped face can draw, in order, once each."""
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
