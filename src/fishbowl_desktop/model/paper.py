"""The papers an evening prints: the one list the command line, the export menu and the documents share."""

from __future__ import annotations

DOCUMENT_KINDS = ("handout", "attendees", "report")
"""The handout for the audience, the attendee sheet (Teilnahmeliste) and the report after the event."""

MAX_RESERVE_ROWS = 1000
EXTRA_COLUMNS = ("organisation", "residence", "both", "none")
"""The sign-in sheet's columns of the organiser's choice: organisation, place of residence / postcode, both, or
none. (An age-group column comes with the event's age groups.)"""
DEFAULT_SHORT_TURN_SECONDS = 5.0
