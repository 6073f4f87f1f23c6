"""What each role is called, in one place for every medium that names it.

Paper and the hall (the PDFs, the exported spreadsheets, the projector) speak the event's language: the table
below. The console speaks the moderator's language through Qt's translations (`ui/widgets/role_labels.py`);
its English source texts are this table's English words and its German is this table's German
(tests/model/test_role_labels.py holds the two together), so a role never has two names in one language.
"""

from __future__ import annotations

from fishbowl_desktop.model.participants import Role

ROLE_WORDS: dict[str, dict[Role, str]] = {
    "de": {Role.MODERATOR: "Moderation", Role.PANELIST: "Podium", Role.AUDIENCE: "Publikum"},
    "en": {Role.MODERATOR: "Moderator", Role.PANELIST: "Panel", Role.AUDIENCE: "Audience"},
}

STATISTICS_ORDER = (Role.PANELIST, Role.AUDIENCE, Role.MODERATOR)
"""The order in which the report and the console's statistics list the roles: the podium first."""


def role_word(role: Role, language: str) -> str:
    """The role in a document language; a language without its own words falls back to English."""
    return ROLE_WORDS.get(language, ROLE_WORDS["en"])[role]
