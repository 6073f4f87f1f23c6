"""Which column holds which field, and what a role or consent cell means, from German or English words.

Headers and cells are compared folded (lower case, no accents, no spaces or punctuation), so "Einverständnis",
"einverstandnis" and "EINVERSTÄNDNIS " are one word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fishbowl_desktop.model import Role
from fishbowl_desktop.model.folding import fold

FIELDS = (
    "name",
    "first_name",
    "last_name",
    "role",
    "organisation",
    "residence",
    "group",
    "consent",
    "bio",
    "notes",
    "language",
)
"""What a column can hold; the import dialog offers these (and "ignore") for each column."""

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    # Compared after folding: lower case, no accents, no spaces or punctuation.
    "name": (
        "name",
        "vollername",
        "vollstandigername",
        "fullname",
        "teilnehmer",
        "teilnehmerin",
        "teilnehmende",
        "person",
        "namevorname",
        "vornamename",
    ),
    "first_name": ("vorname", "vornamen", "firstname", "givenname", "forename", "rufname"),
    "last_name": ("nachname", "familienname", "zuname", "surname", "lastname", "familyname"),
    "organisation": (
        "organisation",
        "organization",
        "institution",
        "verein",
        "firma",
        "company",
        "affiliation",
        "einrichtung",
        "trager",
        "org",
        "verband",
        "initiative",
    ),
    "residence": (
        "wohnort",
        "wohnortplz",
        "plz",
        "postleitzahl",
        "plzort",
        "residence",
        "residencepostcode",
        "postcode",
        "zip",
        "zipcode",
        "herkunftsort",
    ),
    "language": (
        "sprache",
        "language",
        "redesprache",
        "beitragssprache",
        "sprachedesbeitrags",
        "languageofcontribution",
        "spokenlanguage",
        "spricht",
        "speaks",
        "dolmetschen",
        "interpretation",
    ),
    "role": ("rolle", "role", "funktion"),
    "group": ("gruppe", "group", "quote", "quotierung"),
    "consent": ("einwilligung", "consent", "zustimmung", "einverstandnis", "einverstanden", "namensnennung"),
    "bio": ("bio", "kurzbio", "biografie", "biographie", "kurzbiografie", "kurzbiographie", "vita", "about"),
    "notes": (
        "notizen",
        "notiz",
        "notes",
        "note",
        "anmerkungen",
        "anmerkung",
        "bemerkungen",
        "bemerkung",
        "kommentar",
        "comment",
        "comments",
    ),
}

_ROLE_STEMS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.MODERATOR, ("moderat", "host", "leitung", "facilitat")),
    (Role.PANELIST, ("podium", "panel", "expert", "referent", "speaker", "redner", "impuls", "gastredner")),
    (
        Role.AUDIENCE,
        (
            "publikum",
            "audience",
            "zuhor",
            "teilnehm",
            "gast",
            "guest",
            "besuch",
            "plenum",
            "public",
            "attendee",
            "participant",
            "horer",
        ),
    ),
)
_YES = {"ja", "j", "yes", "y", "x", "1", "true", "wahr", "ok", "zugestimmt", "einverstanden", "✓", "✔", "☑"}
_NO = {"nein", "n", "no", "0", "false", "falsch", "-", "–", "abgelehnt", "✗", "✘", "☐"}


def header_key(header: str) -> str:
    return re.sub(r"[\W_]+", "", fold(header))


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, from German or English headers; unknown columns are left out."""
    keys = [header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):  # exact header words first, so "Vorname" never counts as "Name"
        for fld, words in _HEADER_WORDS.items():
            if fld in mapping:
                continue
            for i, key in enumerate(keys):
                if i in used or not key:
                    continue
                if (key in words) if exact else any(key.startswith(w) for w in words if len(w) >= 4):
                    mapping[fld] = i
                    used.add(i)
                    break
    if "name" in mapping and ("first_name" in mapping or "last_name" in mapping):
        # A plain "Name" column next to "Vorname" is the surname, as German forms use it.
        if "last_name" not in mapping and "first_name" in mapping:
            mapping["last_name"] = mapping.pop("name")
        elif "first_name" not in mapping:
            mapping["first_name"] = mapping.pop("name")
    return mapping


def parse_role(value: str) -> Role | None:
    """The role a cell names ("Podium", "Expert*in", "audience", …); empty means audience, None means unknown."""
    key = header_key(value)
    if not key:
        return Role.AUDIENCE
    for role, stems in _ROLE_STEMS:
        if any(key.startswith(stem) for stem in stems):
            return role
    return None


def parse_consent(value: str) -> bool | None:
    """Yes/no from "ja", "x", "1", "yes", "nein", …; empty means no; None means the cell is unclear."""
    key = fold(value).strip().rstrip(".")
    if not key:
        return False
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None
