"""What someone typed, on its way onto paper: checked against the shipped faces, in NFC, its direction known.

Every document sends each typed text through one `Entries` so the refusal lists every person and field at once
(not the first six), names the script in words, and says how to print anyway (issue 25, point 7).
"""

from __future__ import annotations

import unicodedata
from dataclasses import field

from fishbowl_desktop.documents.glyphs import PLACEHOLDER, missing_characters, with_placeholders
from fishbowl_desktop.documents.scripts import scripts_in_words
from fishbowl_desktop.documents.text import Words
from fishbowl_desktop.documents.unprintable import UnprintableText
from fishbowl_desktop.value_class import value_class

Entry = str | dict[str, object]
"""A typed text for a template: the string itself, or {"text": …, "rtl": True} for a right-to-left one, or with
"fit": True for one that may be too wide for its column (common.typ: typed; attendees.typ: fitted)."""


def clean(text: str) -> str:
    """NFC, tabs as spaces, no control characters (pasted from spreadsheets, they would print as boxes)."""
    text = unicodedata.normalize("NFC", text).replace("\t", " ").strip()
    lines = ("".join(c for c in line if unicodedata.category(c) != "Cc").rstrip() for line in text.splitlines())
    return "\n".join(lines)


def right_to_left(text: str) -> bool:
    """Whether the text's first strong letter is right-to-left (Unicode's rule P2 for a paragraph's direction)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


@value_class(frozen=False)
class Entries:
    """The typed texts on their way into one document, with every one the shipped faces cannot draw."""

    words: Words
    lenient: bool = False
    problems: dict[str, list[str]] = field(default_factory=dict)

    def plain(self, text: str, who: str) -> str:
        """The text as printed: itself, or (lenient) with a visible □ for each character no face has."""
        text = clean(text)
        missing = missing_characters(text)
        if not missing:
            return text
        if not self.lenient:
            known = self.problems.setdefault(who, [])
            known.extend(c for c in missing if c not in known)
            return text
        return with_placeholders(text)

    def typed(self, text: str, who: str) -> Entry:
        shown = self.plain(text, who)
        return {"text": shown, "rtl": True} if right_to_left(shown) else shown

    def raise_problems(self) -> None:
        if not self.problems:
            return
        language = self.words.language
        items = [
            f"{who} ({scripts_in_words(''.join(chars), language)}: {', '.join(f'U+{ord(c):04X}' for c in chars)})"
            for who, chars in self.problems.items()
        ]
        problems = tuple((who, "".join(chars)) for who, chars in self.problems.items())
        raise UnprintableText(self.words("missing_glyphs", items="; ".join(items), placeholder=PLACEHOLDER), problems)
