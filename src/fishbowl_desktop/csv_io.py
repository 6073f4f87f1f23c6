"""Participant lists in and out of spreadsheets, and the speech log out: pure Python, no Qt.

Sign-in lists reach the moderator as whatever Excel, LibreOffice or a registration tool wrote: UTF-8 with
or without BOM, Windows-1252 from an older German Excel, commas or semicolons, names split into first and
last name. Reading guesses all of that and shows its guess; importing never drops a row silently — every
skipped row comes back with its spreadsheet row number and a reason the organiser can act on.

Exports are written for German Excel, the common case at these events: semicolon-delimited (German
Excel's list separator, because the comma is the decimal mark there — a comma file opens as one column)
and UTF-8 *with* BOM (without it Excel decodes as Windows-1252 and breaks every non-Latin name). A
``sep=;`` line is deliberately not written: Excel then ignores the BOM. LibreOffice asks on opening.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fishbowl_desktop.model import (
    FishbowlError,
    Participant,
    Role,
    SeatKind,
    Session,
    format_duration_hms,
    make_participant,
    whole_seconds,
)
from fishbowl_desktop.model.participants import MAX_NAME as MAX_NAME_LENGTH
from fishbowl_desktop.model.roles import role_word

DELIMITERS = (";", ",", "\t")
EXPORT_DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@")

FIELDS = ("name", "first_name", "last_name", "role", "organisation", "residence", "group", "consent", "bio", "notes")
"""What a column can hold; the import dialog offers these (and "ignore") for each column."""

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    # Compared after folding: lower case, no accents, no spaces or punctuation.
    "name": ("name", "vollername", "vollstandigername", "fullname", "teilnehmer", "teilnehmerin", "teilnehmende",
             "person", "namevorname", "vornamename"),
    "first_name": ("vorname", "vornamen", "firstname", "givenname", "forename", "rufname"),
    "last_name": ("nachname", "familienname", "zuname", "surname", "lastname", "familyname"),
    "organisation": ("organisation", "organization", "institution", "verein", "firma", "company", "affiliation",
                     "einrichtung", "trager", "org", "verband", "initiative"),
    "residence": ("wohnort", "wohnortplz", "plz", "postleitzahl", "plzort", "residence", "residencepostcode",
                  "postcode", "zip", "zipcode", "herkunftsort"),
    "role": ("rolle", "role", "funktion"),
    "group": ("gruppe", "group", "quote", "quotierung"),
    "consent": ("einwilligung", "consent", "zustimmung", "einverstandnis", "einverstanden", "namensnennung"),
    "bio": ("bio", "kurzbio", "biografie", "biographie", "kurzbiografie", "kurzbiographie", "vita", "about"),
    "notes": ("notizen", "notiz", "notes", "note", "anmerkungen", "anmerkung", "bemerkungen", "bemerkung",
              "kommentar", "comment", "comments"),
}

_ROLE_STEMS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.MODERATOR, ("moderat", "host", "leitung", "facilitat")),
    (Role.PANELIST, ("podium", "panel", "expert", "referent", "speaker", "redner", "impuls", "gastredner")),
    (Role.AUDIENCE, ("publikum", "audience", "zuhor", "teilnehm", "gast", "guest", "besuch", "plenum", "public",
                     "attendee", "participant", "horer")),
)
_YES = {"ja", "j", "yes", "y", "x", "1", "true", "wahr", "ok", "zugestimmt", "einverstanden", "✓", "✔", "☑"}
_NO = {"nein", "n", "no", "0", "false", "falsch", "-", "–", "abgelehnt", "✗", "✘", "☐"}

_LABELS: dict[str, dict[str, str]] = {
    "de": {
        "name": "Name", "role": "Rolle", "organisation": "Organisation", "group": "Gruppe",
        "consent": "Einwilligung Namensnennung (ja/nein)", "bio": "Kurzbio", "notes": "Notizen (privat)",
        "yes": "ja", "no": "nein",
        "date": "Datum", "clock": "Uhrzeit", "speaker": "Person", "seat": "Platz", "duration": "Dauer",
        "allotted": "Vorgesehen", "overtime": "Überziehung", "seconds": "Dauer (Sekunden)",
        "seat_panel": "Podium {n}", "seat_free": "Freier Stuhl", "removed": "(entfernt)",
        "guest": "Gast (nicht gelistet)", "family_name": "Familienname", "given_names": "Vorname(n)",
        "residence": "Wohnort / PLZ",
    },
    "en": {
        "name": "Name", "role": "Role", "organisation": "Organisation", "group": "Group",
        "consent": "Consent to be named (yes/no)", "bio": "Bio", "notes": "Notes (private)",
        "yes": "yes", "no": "no",
        "date": "Date", "clock": "Time", "speaker": "Speaker", "seat": "Seat", "duration": "Duration",
        "allotted": "Allotted", "overtime": "Overtime", "seconds": "Duration (seconds)",
        "seat_panel": "Panel {n}", "seat_free": "Free chair", "removed": "(removed)",
        "guest": "Guest (not listed)", "family_name": "Family name", "given_names": "Given name(s)",
        "residence": "Residence / postcode",
    },
}


@dataclass(frozen=True)
class CsvTable:
    """A read CSV file: the header row, the non-empty data rows and how the file was understood."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    """The spreadsheet row number of each data row (the header is row 1), for reports the organiser can find."""
    encoding: str
    """"UTF-8 (BOM)", "UTF-8", "UTF-16", "Windows-1252" or "ISO-8859-1", as shown to the user."""
    delimiter: str


SKIP_TEXTS = {
    "no_name": "no name",
    "name_too_long": "name longer than {limit} characters",
    "organisation_too_long": "organisation longer than {limit} characters",
    "unknown_role": "unknown role “{value}” (use Moderation, Podium or Publikum)",
    "unclear_consent": "unclear consent “{value}” (use ja or nein)",
    "duplicate_existing": "{who} is already on the participant list",
    "duplicate_in_file": "{who} already appears in row {row}",
    "invalid": "{message}",
}
"""English texts; the import dialog shows its own translation of each code with the same values."""


@dataclass(frozen=True)
class SkipReason:
    """Why a row was not imported, as a code plus values, so the UI can say it in the moderator's language."""

    code: str
    values: tuple[tuple[str, str | int], ...] = ()

    def __str__(self) -> str:
        return SKIP_TEXTS[self.code].format(**dict(self.values))


def _skip(code: str, **values: str | int) -> SkipReason:
    return SkipReason(code, tuple(values.items()))


@dataclass
class ImportResult:
    participants: list[Participant] = field(default_factory=list)
    skipped: list[tuple[int, SkipReason]] = field(default_factory=list)
    """(spreadsheet row number, reason) for every row not imported."""
    updates: list[tuple[int, Participant, Participant]] = field(default_factory=list)
    """(row, person on the list, the same person with the row's values): someone already on the list (same
    name and organisation, ignoring case and accents, and "?" where Excel lost a letter) whose row
    brings something new. The import offers to apply these instead of adding a duplicate."""


# ---------------------------------------------------------------------------------------------------- reading
def read_participants_csv(raw: bytes) -> CsvTable:
    """Decode and split a CSV file; raise FishbowlError with advice when it is not a readable CSV."""
    text, encoding = _decode(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FishbowlError("The file is empty.")
    delimiter = _detect_delimiter(text)
    records = _records(text, delimiter)
    cleaned = [[_clean(cell) for cell in rec] for rec in records]
    non_empty = [i for i, rec in enumerate(cleaned) if any(rec)]
    if not non_empty:
        raise FishbowlError("The file is empty.")
    first = _header_index(cleaned, non_empty)
    headers = cleaned[first]
    rows, numbers = [], []
    for i in range(first + 1, len(cleaned)):
        if any(cleaned[i]):
            rows.append(cleaned[i])
            numbers.append(i + 1)
    return CsvTable(headers, rows, numbers, encoding, delimiter)


def _unclosed_quote(row: int) -> FishbowlError:
    return FishbowlError(
        "Row {row} opens a quotation mark (\") that is never closed, so everything after it would be read as "
        "one cell. Open the file in Excel or LibreOffice, check that row, and save it again as CSV.", row=row)


def _records(text: str, delimiter: str) -> list[list[str]]:
    """The CSV records; an unbalanced quote is named by its row instead of swallowing the rest of the file
    (Python's csv either takes it all as one cell or says "field larger than field limit")."""
    records: list[list[str]] = []
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', strict=False)
    line = 0
    try:
        for record in reader:
            records.append(record)
            starts.append(line)
            line = reader.line_num
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise _unclosed_quote(len(records) + 1) from None
        raise FishbowlError("The file could not be read as CSV: {reason}.", reason=str(exc)) from exc
    if records and line - starts[-1] > 1:  # the last record spans lines: did the file end inside quotes?
        tail = text.split("\n", starts[-1])[-1]
        try:
            for _ in csv.reader(io.StringIO(tail), delimiter=delimiter, quotechar='"', strict=True):
                pass
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise _unclosed_quote(len(records)) from None
    return records


def lost_letters(table: CsvTable, mapping: dict[str, int]) -> list[tuple[int, str]]:
    """(row, name) for names holding "?" where a letter should be: Excel's "CSV (comma delimited)" writes
    Windows-1252 and puts "?" for every letter it lacks (Ş, ğ, ı, Cyrillic, Arabic …)."""
    columns = [mapping[f] for f in ("name", "first_name", "last_name") if f in mapping]
    found = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        name = " ".join(row[c] for c in columns if 0 <= c < len(row))
        if _LOST_LETTER.search(name):
            found.append((number, " ".join(name.split())))
    return found


_LOST_LETTER = re.compile(r"\w\?|\?\w|\?\?")
"""A "?" next to a letter, or several in a row (a Cyrillic or Arabic name becomes "Olga ?????????")."""


def _header_index(records: list[list[str]], non_empty: list[int]) -> int:
    """The header row: usually the first, but sign-in sheets often start with a title line or two
    ("Anmeldeliste Fishbowl 3.12.") above the real headers. The first of the first five rows whose headers
    name a name column wins; without one, the first row is the header and the organiser maps by hand."""
    for i in non_empty[:5]:
        mapping = guess_mapping(records[i])
        if "name" in mapping or "first_name" in mapping or "last_name" in mapping:
            return i
    return non_empty[0]


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"PK\x03\x04"):
        raise FishbowlError(
            "This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. Save it as CSV first: in Excel "
            "File → Save as → “CSV UTF-8”, in LibreOffice File → Save as → “Text CSV”."
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            return _decode_by_line(raw[3:])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    if b"\x00" in raw[:4096]:
        raise FishbowlError("This does not look like a text file; please export the list as CSV.")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _decode_by_line(raw)


def _decode_by_line(raw: bytes) -> tuple[str, str]:
    """Windows-1252, line by line, keeping lines that are valid UTF-8: lists pasted together from two
    sources mix both, and decoding the whole file one way would garble half the names."""
    lines, utf8_lines, legacy = [], 0, "Windows-1252"
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("cp1252"))
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                lines.append(line.decode("latin-1"))
                legacy = "ISO-8859-1"
    return "\n".join(lines), (f"UTF-8 + {legacy}" if utf8_lines else legacy)


def _detect_delimiter(text: str) -> str:
    """The candidate that splits the most lines into the same number of fields.

    Counting only outside quotes, over the first lines: csv.Sniffer guesses wrong on short files, and a
    header line alone misleads when a title line comes first or names hold unquoted commas ("Möller, Jürgen"
    in a semicolon file: the semicolons agree from line to line, the commas do not).
    """
    lines = _logical_lines(text, 20)
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [c for c in (_count_unquoted(line, delimiter) for line in lines) if c]
        if not counts:
            continue
        modal = max(set(counts), key=lambda c: (counts.count(c), c))
        score = (counts.count(modal), modal)
        if score > best_score:  # ties keep DELIMITERS order: ";" first
            best, best_score = delimiter, score
    return best


def _logical_lines(text: str, limit: int) -> list[str]:
    """Up to `limit` non-empty records as text; a newline inside quotes does not end a record."""
    lines: list[str] = []
    out: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted:
            if "".join(out).strip():
                lines.append("".join(out))
                if len(lines) >= limit:
                    return lines
            out = []
            continue
        out.append(ch)
    if "".join(out).strip():
        lines.append("".join(out))
    return lines


def _count_unquoted(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _clean(cell: str) -> str:
    """Trim, and compose accents: a name typed on a Mac (decomposed) must equal the same name typed elsewhere."""
    cell = unicodedata.normalize("NFC", cell.replace("\ufeff", "")).strip()
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_START:  # undo `_defuse` of our own exports
        cell = cell[1:]
    return cell


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower case without accents: "Öztürk" and "ozturk" compare equal. Used for matching and search.

    Cached: sorting a 100,000-person list asks for the same names' keys some two million times."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("ß", "ss").replace("ı", "i")


def _header_key(header: str) -> str:
    return re.sub(r"[\W_]+", "", fold(header))


# ---------------------------------------------------------------------------------------------------- mapping
def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, from German or English headers; unknown columns are left out."""
    keys = [_header_key(h) for h in headers]
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
    key = _header_key(value)
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


# ---------------------------------------------------------------------------------------------------- importing
def import_rows(table: CsvTable, mapping: dict[str, int], existing: Iterable[Participant]) -> ImportResult:
    """Participants for every usable row; each other row is reported with its reason. Nothing is changed."""
    check = RowCheck(table, mapping, existing)
    check.run()
    return check.result


class RowCheck:
    """Checks the rows of a table in steps, so a 100,000-row list can show progress and be cancelled.

    Linear: people already on the list are indexed once, by their identity (name and organisation, folded)
    and by a loose identity in which every letter Windows-1252 cannot hold counts as "?" — so "?ule Öztürk"
    from an earlier Excel import is recognised when the UTF-8 file brings "Şule Öztürk".
    """

    def __init__(self, table: CsvTable, mapping: dict[str, int], existing: Iterable[Participant]):
        if "name" not in mapping and "first_name" not in mapping and "last_name" not in mapping:
            raise FishbowlError("Choose the column that holds the names (or first and last name).")
        self.table = table
        self.mapping = dict(mapping)
        self.result = ImportResult()
        self.done = 0
        self._on_list: dict[tuple[str, str], Participant] = {}
        self._on_list_loose: dict[tuple[str, str], Participant] = {}
        for p in existing:
            self._on_list.setdefault(_identity(p.name, p.organisation), p)
            self._on_list_loose.setdefault(_loose_identity(p.name, p.organisation), p)
        self._in_file: dict[tuple[str, str], int] = {}
        self._updated: set[str] = set()

    @property
    def total(self) -> int:
        return len(self.table.rows)

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def run(self, rows: int | None = None) -> bool:
        """Check the next `rows` rows (all by default); True when every row has been checked."""
        stop = self.total if rows is None else min(self.total, self.done + rows)
        numbers, table_rows = self.table.row_numbers, self.table.rows
        for i in range(self.done, stop):
            self._check(numbers[i], table_rows[i])
        self.done = stop
        return self.finished

    def _check(self, number: int, row: list[str]) -> None:
        mapping = self.mapping

        def cell(fld: str) -> str:
            i = mapping.get(fld)
            return row[i].strip() if i is not None and 0 <= i < len(row) else ""

        name = cell("name") or " ".join(part for part in (cell("first_name"), cell("last_name")) if part)
        name = " ".join(name.split())
        organisation = cell("organisation")
        role = parse_role(cell("role"))
        consent = parse_consent(cell("consent"))
        reason = _refusal(name, organisation, role, consent, cell("role"), cell("consent"))
        if reason is not None:
            self.result.skipped.append((number, reason))
            return
        who = f"{name} ({organisation})" if organisation else name
        identity, loose = _identity(name, organisation), _loose_identity(name, organisation)
        first_row = self._in_file.get(identity) or self._in_file.get(loose)
        if first_row is not None:
            self.result.skipped.append((number, _skip("duplicate_in_file", who=who, row=first_row)))
            return
        self._in_file[identity] = self._in_file[loose] = number
        fields: dict[str, object] = {"organisation": organisation}
        for fld in ("bio", "group", "notes"):
            if fld in mapping:
                fields[fld] = cell(fld)
        if "role" in mapping:
            fields["role"] = role or Role.AUDIENCE
        if "consent" in mapping:
            fields["consent_to_list"] = bool(consent)
        known = self._on_list.get(identity) or self._on_list_loose.get(loose)
        if known is not None:
            self._offer_update(number, known, name, fields, who)
            return
        try:
            self.result.participants.append(make_participant(
                name, role or Role.AUDIENCE, organisation=organisation, bio=cell("bio"), group=cell("group"),
                consent_to_list=bool(consent), notes=cell("notes"), family_name=" ".join(cell("last_name").split()),
                given_names=" ".join(cell("first_name").split()), residence=cell("residence"),
            ))
        except FishbowlError as exc:
            self.result.skipped.append((number, _skip("invalid", message=str(exc))))  # English; cannot happen today

    def _offer_update(self, number: int, known: Participant, name: str, fields: dict[str, object], who: str) -> None:
        """The row is someone already on the list: take its values where they add something (a letter Excel
        had lost, a group, a bio), never blank out what the list holds."""
        if known.id in self._updated:
            self.result.skipped.append((number, _skip("duplicate_existing", who=who)))
            return
        organisation = str(fields.pop("organisation"))
        changes = {k: v for k, v in fields.items() if v not in ("", None) and getattr(known, k) != v}
        # Name and organisation match already, up to case and accents: only a letter that Excel had turned
        # into "?" is worth taking over.
        for key, value in (("name", name), ("organisation", organisation)):
            old = str(getattr(known, key))
            if value != old and _LOST_LETTER.search(old) and not _LOST_LETTER.search(value):
                changes[key] = value
        if not changes:
            self.result.skipped.append((number, _skip("duplicate_existing", who=who)))
            return
        self._updated.add(known.id)
        self.result.updates.append((number, known, known.with_changes(**changes)))


def _refusal(
    name: str, organisation: str, role: Role | None, consent: bool | None, role_text: str, consent_text: str
) -> SkipReason | None:
    if not name:
        return _skip("no_name")
    if len(name) > MAX_NAME_LENGTH:
        return _skip("name_too_long", limit=MAX_NAME_LENGTH)
    if len(organisation) > MAX_NAME_LENGTH:
        return _skip("organisation_too_long", limit=MAX_NAME_LENGTH)
    if role is None:
        return _skip("unknown_role", value=role_text)
    if consent is None:
        return _skip("unclear_consent", value=consent_text)
    return None


def _identity(name: str, organisation: str) -> tuple[str, str]:
    return " ".join(fold(name).split()), " ".join(fold(organisation).split())


def _loose_identity(name: str, organisation: str) -> tuple[str, str]:
    """The identity with every letter Windows-1252 cannot hold as "?", as Excel's legacy CSV writes it."""
    return _identity(_as_cp1252_would(name), _as_cp1252_would(organisation))


def _as_cp1252_would(text: str) -> str:
    return text.encode("cp1252", errors="replace").decode("cp1252")


# ---------------------------------------------------------------------------------------------------- exporting
def participants_to_csv(participants: Iterable[Participant], language: str = "de", *, full: bool = False) -> str:
    """The participant list for German Excel, under the same privacy rules as the PDFs by default: people
    who did not agree to be listed are a "guest" row (role and group kept, so counts still add up) and the
    private notes are left out. `full=True` is the moderator's internal list: every name and the notes.

    The returned text starts with a BOM character: write it as UTF-8 with `newline=""` (see `write_csv`).
    """
    t = _LABELS.get(language, _LABELS["en"])
    head = [t["name"], t["family_name"], t["given_names"], t["role"], t["organisation"], t["residence"], t["group"],
            t["consent"], t["bio"]]
    rows = [head + [t["notes"]] if full else head]
    for p in participants:
        shown = full or p.consent_to_list
        row = [p.name if shown else t["guest"], p.family_name if shown else "", p.given_names if shown else "",
               role_word(p.role, language), p.organisation if shown else "", p.residence if shown else "", p.group,
               t["yes" if p.consent_to_list else "no"], p.bio if shown else ""]
        rows.append(row + [p.notes] if full else row)
    return _to_csv(rows)


def speech_log_to_csv(session: Session, language: str = "de", *, full: bool = False) -> str:
    """Every finished turn: date and clock time, speaker, seat, duration, allotted and overtime.

    Speakers who did not agree to be listed are "guests", as in the report, unless `full`. Durations are
    written as h:mm:ss, which Excel reads as a time (m:ss would be read as hours:minutes), plus whole
    seconds for sums and charts.
    """
    t = _LABELS.get(language, _LABELS["en"])
    people = session.participants_by_id()
    rows = [[t["date"], t["clock"], t["speaker"], t["role"], t["group"], t["seat"], t["duration"], t["allotted"],
             t["overtime"], t["seconds"]]]
    for rec in session.log:
        person = people.get(rec.participant_id)
        seat_key = "seat_free" if rec.seat_kind is SeatKind.FREE else "seat_panel"
        if person is None:
            speaker = t["removed"]
        else:
            speaker = person.name if full or person.consent_to_list else t["guest"]
        rows.append([
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
        ])
    return _to_csv(rows)


def write_csv(path: Path, text: str) -> None:
    """Write exported text byte for byte: UTF-8 (the BOM is in the text) and no newline translation; atomically
    and readable by the owner only (0600): the lists hold names and e-mail addresses."""
    from fishbowl_desktop.storage.files import write_atomically

    write_atomically(path, text.encode("utf-8"))


def _to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=EXPORT_DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows([[_defuse(cell) for cell in row] for row in rows])
    return "\ufeff" + buf.getvalue()


def _defuse(cell: str) -> str:
    """A leading = + - @ makes Excel run the cell as a formula (CSV injection); a leading apostrophe stops it."""
    return "'" + cell if cell[:1] in _FORMULA_START and not re.fullmatch(r"-?\d+", cell) else cell

