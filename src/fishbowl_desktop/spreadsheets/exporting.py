"""The participant list and the speech log out, for German Excel, the common case at these events.

Semicolon-delimited (German Excel's list separator, because the comma is the decimal mark there — a comma
file opens as one column) and UTF-8 *with* BOM (without it Excel decodes as Windows-1252 and breaks every
non-Latin name). A ``sep=;`` line is deliberately not written: Excel then ignores the BOM. LibreOffice asks
on opening.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from fishbowl_desktop.model import (
    Participant,
    SeatKind,
    Session,
    format_duration_hms,
    whole_seconds,
)
from fishbowl_desktop.model.roles import role_word

EXPORT_DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@")
"""A cell starting with one of these is run by Excel as a formula (CSV injection): exports defuse it."""

_LABELS: dict[str, dict[str, str]] = {
    "de": {
        "name": "Name",
        "role": "Rolle",
        "organisation": "Organisation",
        "group": "Gruppe",
        "consent": "Einwilligung Namensnennung (ja/nein)",
        "bio": "Kurzbio",
        "notes": "Notizen (privat)",
        "yes": "ja",
        "no": "nein",
        "date": "Datum",
        "clock": "Uhrzeit",
        "speaker": "Person",
        "seat": "Platz",
        "duration": "Dauer",
        "allotted": "Vorgesehen",
        "overtime": "Überziehung",
        "seconds": "Dauer (Sekunden)",
        "seat_panel": "Podium {n}",
        "seat_free": "Freier Stuhl",
        "removed": "(entfernt)",
        "guest": "Gast (nicht gelistet)",
        "family_name": "Familienname",
        "given_names": "Vorname(n)",
        "residence": "Wohnort / PLZ",
        "language": "Sprache",
    },
    "en": {
        "name": "Name",
        "role": "Role",
        "organisation": "Organisation",
        "group": "Group",
        "consent": "Consent to be named (yes/no)",
        "bio": "Bio",
        "notes": "Notes (private)",
        "yes": "yes",
        "no": "no",
        "date": "Date",
        "clock": "Time",
        "speaker": "Speaker",
        "seat": "Seat",
        "duration": "Duration",
        "allotted": "Allotted",
        "overtime": "Overtime",
        "seconds": "Duration (seconds)",
        "seat_panel": "Panel {n}",
        "seat_free": "Free chair",
        "removed": "(removed)",
        "guest": "Guest (not listed)",
        "family_name": "Family name",
        "given_names": "Given name(s)",
        "residence": "Residence / postcode",
        "language": "Language",
    },
}


def participants_to_csv(participants: Iterable[Participant], language: str = "de", *, full: bool = False) -> str:
    """The participant list for German Excel, under the same privacy rules as the PDFs by default: people
    who did not agree to be listed are a "guest" row (role and group kept, so counts still add up) and the
    private notes are left out. `full=True` is the moderator's internal list: every name and the notes.

    The returned text starts with a BOM character: write it as UTF-8 with `newline=""` (see `write_csv`).
    """
    t = _LABELS.get(language, _LABELS["en"])
    head = [
        t["name"],
        t["family_name"],
        t["given_names"],
        t["role"],
        t["organisation"],
        t["residence"],
        t["group"],
        t["consent"],
        t["bio"],
    ]
    # the language of contribution last, so every column before it stays where a spreadsheet expects it
    rows = [(head + [t["notes"]] if full else head) + [t["language"]]]
    for p in participants:
        shown = full or p.consent_to_list
        row = [
            p.name if shown else t["guest"],
            p.family_name if shown else "",
            p.given_names if shown else "",
            role_word(p.role, language),
            p.organisation if shown else "",
            p.residence if shown else "",
            p.group,
            t["yes" if p.consent_to_list else "no"],
            p.bio if shown else "",
        ]
        rows.append((row + [p.notes] if full else row) + [p.language if shown else ""])
    return _to_csv(rows)


def speech_log_to_csv(session: Session, language: str = "de", *, full: bool = False) -> str:
    """Every finished turn: date and clock time, speaker, seat, duration, allotted and overtime.

    Speakers who did not agree to be listed are "guests", as in the report, unless `full`. Durations are
    written as h:mm:ss, which Excel reads as a time (m:ss would be read as hours:minutes), plus whole
    seconds for sums and charts.
    """
    t = _LABELS.get(language, _LABELS["en"])
    people = session.participants_by_id()
    rows = [
        [
            t["date"],
            t["clock"],
            t["speaker"],
            t["role"],
            t["group"],
            t["seat"],
            t["duration"],
            t["allotted"],
            t["overtime"],
            t["seconds"],
        ]
    ]
    for rec in session.log:
        person = people.get(rec.participant_id)
        seat_key = "seat_free" if rec.seat_kind is SeatKind.FREE else "seat_panel"
        speaker = t["removed"] if person is None else (person.name if full or person.consent_to_list else t["guest"])
        rows.append(
            [
                rec.started_at.strftime("%Y-%m-%d"),
                rec.started_at.strftime("%H:%M:%S"),
                speaker,
                role_word(rec.role, language),
                rec.group,
                t[seat_key].format(n=rec.seat_index + 1),  # as the circle, the report and the projector name it
                format_duration_hms(rec.duration),
                format_duration_hms(rec.allotted),
                format_duration_hms(rec.overtime),
                str(whole_seconds(rec.duration)),
            ]
        )
    return _to_csv(rows)


def write_csv(path: Path, text: str) -> None:
    """Write exported text byte for byte: UTF-8 (the BOM is in the text) and no newline translation; atomically
    and readable by the owner only (0600): the lists hold names and e-mail addresses."""
    from fishbowl_desktop.atomic_file import write_atomically

    write_atomically(path, text.encode("utf-8"))


def _to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=EXPORT_DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows([[_defuse(cell) for cell in row] for row in rows])
    return "\ufeff" + buf.getvalue()


def _defuse(cell: str) -> str:
    """A leading = + - @ makes Excel run the cell as a formula (CSV injection); a leading apostrophe stops it."""
    return "'" + cell if cell[:1] in FORMULA_START and not re.fullmatch(r"-?\d+", cell) else cell
