"""What a phone may send, checked before anything reaches the console. Pure functions, no Qt, no aiohttp."""

from __future__ import annotations

import re
import unicodedata

from fishbowl_desktop.commands import MAX_MESSAGE_TEXT as MAX_MESSAGE_TEXT
from fishbowl_desktop.commands import clean_message as clean_message
from fishbowl_desktop.commands import link_words

MAX_NAME = 80
PHONE_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def control_actions() -> tuple[str, ...]:
    """The words the control link may send: the command table's, read each time (commands.link_words)."""
    return link_words()


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in text)


def clean_name(value: object) -> str | None:
    """A name as the hall will call it: trimmed, 1–80 characters, no control characters; else None.

    Format characters (Cf) stay allowed: zero-width joiners and bidi marks belong to Arabic, Persian and
    Indic names. Markup is allowed too — it is only ever rendered as text.
    """
    if not isinstance(value, str):
        return None
    name = " ".join(unicodedata.normalize("NFC", value).split())
    if not 1 <= len(name) <= MAX_NAME or _has_control_chars(name):
        return None
    return name


def clean_group(value: object, groups: list[str]) -> str | None:
    """A group label must be one the moderator already uses; "" means none."""
    if value in ("", None):
        return ""
    if isinstance(value, str) and value in groups:
        return value
    return None


def valid_phone_id(value: object) -> bool:
    return isinstance(value, str) and bool(PHONE_ID.match(value))
