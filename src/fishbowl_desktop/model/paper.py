"""The papers an evening prints: the one list the command line, the export menu and the documents share."""

from __future__ import annotations

DOCUMENT_KINDS = ("handout", "attendees", "report")
"""The handout for the audience, the attendee sheet (Teilnahmeliste) and the report after the event."""
