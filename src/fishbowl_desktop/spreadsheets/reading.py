"""Reading a sign-in list: bytes to a table of cells, with the file's encoding, delimiter and header row guessed.

Sign-in lists reach the moderator as whatever Excel, LibreOffice or a registration tool wrote: commas or
semicolons, a title line above the headers, a quote left open. Reading guesses all of that and shows its
guess (the import dialog names the encoding and delimiter); what it cannot read it refuses with advice.
"""

from __future__ import annotations

import csv
import io
import unicodedata

from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.spreadsheets.columns import guess_mapping
from fishbowl_desktop.spreadsheets.decoding import decode
from fishbowl_desktop.spreadsheets.exporting import FORMULA_START
from fishbowl_desktop.value_class import value_class

DELIMITERS = (";", ",", "\t")


@value_class
class CsvTable:
    """A read CSV file: the header row, the non-empty data rows and how the file was understood."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    """The spreadsheet row number of each data row (the header is row 1), for reports the organiser can find."""
    encoding: str
    """"UTF-8 (BOM)", "UTF-8", "UTF-16", "Windows-1252" or "ISO-8859-1", as shown to the user."""
    delimiter: str


def read_participants_csv(raw: bytes) -> CsvTable:
    """Decode and split a CSV file; raise FishbowlError with advice when it is not a readable CSV."""
    text, encoding = decode(raw)
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
        'Row {row} opens a quotation mark (") that is never closed, so everything after it would be read as '
        "one cell. Open the file in Excel or LibreOffice, check that row, and save it again as CSV.",
        row=row,
    )


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


def _header_index(records: list[list[str]], non_empty: list[int]) -> int:
    """The header row: usually the first, but sign-in sheets often start with a title line or two
    ("Anmeldeliste Fishbowl 3.12.") above the real headers. The first of the first five rows whose headers
    name a name column wins; without one, the first row is the header and the organiser maps by hand."""
    for i in non_empty[:5]:
        mapping = guess_mapping(records[i])
        if "name" in mapping or "first_name" in mapping or "last_name" in mapping:
            return i
    return non_empty[0]


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
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_START:  # undo `exporting._defuse` of our own exports
        cell = cell[1:]
    return cell
