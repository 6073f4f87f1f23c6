"""Folding text for comparison: the one key the participant search, the import's duplicate check and the
header guess all match on."""

from __future__ import annotations

import functools
import unicodedata

_LETTERS = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th"})
"""Letters that are not a base letter plus an accent, so NFKD leaves them: "Małgorzata" typed as "Malgorzata"."""


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower case without accents: "Öztürk" and "ozturk" compare equal. Used for matching and search.

    Cached: sorting a 100,000-person list asks for the same names' keys some two million times."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_LETTERS)
