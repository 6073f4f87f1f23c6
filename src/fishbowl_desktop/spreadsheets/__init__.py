"""Participant lists in and out of spreadsheets, and the speech log out: pure Python, no Qt.

One job per module: `decoding` (bytes to text), `reading` (text to a table of cells), `columns` (which
column holds which field, what a role or consent cell means), `importing` (rows to participants, every
skipped row with a reason) and `exporting` (CSV for German Excel). Imported by the console on first use
only: none of it is needed for the first frame.
"""

from fishbowl_desktop.spreadsheets.columns import FIELDS, guess_mapping, parse_consent, parse_role
from fishbowl_desktop.spreadsheets.exporting import participants_to_csv, speech_log_to_csv, write_csv
from fishbowl_desktop.spreadsheets.importing import (
    SKIP_TEXTS,
    ImportResult,
    RowCheck,
    SkipReason,
    import_rows,
    lost_letters,
)
from fishbowl_desktop.spreadsheets.reading import CsvTable, read_participants_csv

__all__ = [
    "FIELDS",
    "SKIP_TEXTS",
    "CsvTable",
    "ImportResult",
    "RowCheck",
    "SkipReason",
    "guess_mapping",
    "import_rows",
    "lost_letters",
    "parse_consent",
    "parse_role",
    "participants_to_csv",
    "read_participants_csv",
    "speech_log_to_csv",
    "write_csv",
]
