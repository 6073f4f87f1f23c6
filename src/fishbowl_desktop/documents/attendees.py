"""The attendee sheet (Teilnahmeliste) that publicly funded events must keep: the data for templates/attendees.typ.

Every page carries what a funder checks on a loose page: the organiser, the programme and its funding
reference, the event's title, date, time and place (or a line to write them in, where the organiser left them
empty), the column headings, and the Art. 13 notice at its foot. Family and given names have columns of their
own and people are filed by family name (DIN 5007). People who did not agree to be listed get no printed name
but an empty row each, plus the reserve the organiser asked for. The event lead confirms the list at the end
(“Richtigkeit bestätigt”), with the total or an estimated head count where a large audience cannot all sign.
"""

from __future__ import annotations

from fishbowl_desktop.documents.entries import Entries, Entry
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.people import listed, listed_by_surname
from fishbowl_desktop.documents.privacy import privacy_notice
from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.model import Event, FishbowlError, Participant

PORTRAIT_WIDTH = 174.0
"""A4 less 18 mm margins, in mm."""
LANDSCAPE_WIDTH = 261.0
MIN_SIGNATURE = 38.0
"""Room for a signature; less, and the sheet turns to landscape."""

FIXED_WIDTHS = {"number": 10.0, "organisation": 32.0, "residence": 24.0, "photo": 16.0}


def _age_width(groups: tuple[str, ...]) -> float:
    """A tick box and its label per age group, side by side on one line (7.5 pt labels, about 1.7 mm a letter)."""
    return 4.0 + sum(8.0 + 1.7 * len(label) for label in groups)


def sheet_columns(event: Event, options: PrintOptions) -> tuple[list[tuple[str, float | None]], bool]:
    """The columns (kind, heading, width in mm; the signature takes the rest) and whether the page is landscape."""
    extras = [c for c in options.sheet_columns() if c != "age_group" or event.age_groups]
    widths = {**FIXED_WIDTHS, "age_group": _age_width(event.age_groups)}
    family, given = (30.0, 26.0) if extras else (45.0, 40.0)
    fixed = widths["number"] + family + given + sum(widths[c] for c in extras)
    if event.photo_policy == "opt_in":
        fixed += widths["photo"]
    landscape = PORTRAIT_WIDTH - fixed < MIN_SIGNATURE
    if landscape:
        spare = LANDSCAPE_WIDTH - fixed - MIN_SIGNATURE  # what the wider page leaves beyond a signature's room
        if spare < 0:  # many columns: organisation and postcode give up a little first, then the names
            for key, narrower in (("organisation", 26.0), ("residence", 18.0)):
                if key in extras:
                    spare += widths[key] - narrower
                    widths[key] = narrower
        grow = max(min(18.0, spare), -12.0)  # wider names if there is room; narrower (to 24/20 mm) if must be
        family, given = family + grow * 10 / 18, given + grow * 8 / 18
        if spare - grow < 0:
            raise FishbowlError(
                "These columns leave no room for signatures, even across the page: please choose fewer columns "
                "or fewer age groups."
            )
    kinds: list[tuple[str, float | None]] = [("number", widths["number"]), ("family", family), ("given", given)]
    kinds += [(c, widths[c]) for c in extras]
    kinds.append(("signature", None))
    if event.photo_policy == "opt_in":
        kinds.append(("photo", widths["photo"]))
    return kinds, landscape


_TEMPLATE_KIND = {"number": "number", "family": "name", "given": "name", "organisation": "text", "residence": "text"}
_HEADS = {
    "number": "col_no",
    "family": "col_family",
    "given": "col_given",
    "organisation": "col_org",
    "residence": "col_residence",
    "age_group": "col_age",
    "signature": "col_signature",
    "photo": "col_photo",
}


def attendees_data(src: DocumentSource, entries: Entries, options: PrintOptions) -> dict[str, object]:
    event, w = src.event, entries.words
    columns, landscape = sheet_columns(event, options)
    typed_keys = [
        (key, width or 0.0) for key, width in columns if key in ("family", "given", "organisation", "residence")
    ]
    people = [] if options.all_rows_blank else listed_by_surname(src.participants)
    rows = [_row(person, typed_keys, entries) for person in people]
    if options.all_rows_blank:
        blank = len(src.participants) + options.reserve_rows
    else:
        blank = len(src.participants) - len(listed(src.participants)) + options.reserve_rows
    return {
        "lang": w.language,
        "words": {
            "page-of": w("page_of", page="{page}", pages="{pages}"),
            "sheet-title": w("sheet_title"),
            "signoff-title": w("signoff_title"),
            "signoff-text": w("signoff_text"),
            "signoff-total": w("signoff_total"),
            "signoff-counted": w("signoff_counted"),
            "signoff-estimated": w("signoff_estimated"),
            "signoff-place-date": w("signoff_place_date"),
            "signoff-lead": w("signoff_lead"),
            "signoff-signature": w("signoff_signature"),
        },
        "header": {
            "title": entries.typed(event.title, w("field_title")),
            "when": when_and_where(event, entries),
            "funding": funding(event, entries),
            "funding-note": entries.typed(event.funding_note, w("field_funding_note"))
            if event.funding_note.strip()
            else None,
            "hint": w("photo_hint_opt_in") if event.photo_policy == "opt_in" else None,
        },
        "notice": privacy_notice(event, entries),
        "columns": [
            {"kind": _TEMPLATE_KIND.get(key, key), "head": w(_HEADS[key]), "width": width} for key, width in columns
        ],
        "ages": [entries.plain(g, w("col_age")) for g in event.age_groups],
        "landscape": landscape,
        "rows": rows,
        "blank": blank,
        "per-person": options.one_sheet_per_person,
        "signoff": {"every-page": options.signoff_every_page},
    }


def _row(person: Participant, columns: list[tuple[str, float]], entries: Entries) -> list[Entry]:
    """The typed cells of one person's row. A name never split into family and given names spans both columns
    (marked "span": one cell where the template would otherwise leave the given-name cell empty)."""
    family, given = person.name_parts
    texts = {"family": family, "given": given, "organisation": person.organisation, "residence": person.residence}
    widths = dict(columns)
    row: list[Entry] = []
    for key, width in columns:
        text = texts[key]
        if not text.strip():
            row.append("")
            continue
        entry = entries.typed(text, person.name)
        name = key in ("family", "given")
        spans = key == "family" and not given.strip() and "given" in widths
        if spans:
            width += widths["given"]
        # A name should stay on one line; an organisation may wrap, but no word of it may be cut.
        widest = text if name else max(text.split(), key=_em_width, default="")
        flags: dict[str, object] = {}
        if spans:
            flags["span"] = 2
        if may_overflow(widest, width, NAME_SIZE if name else SMALL_SIZE):
            flags["fit"] = True
        if flags:
            entry = {**entry, **flags} if isinstance(entry, dict) else {"text": entry, **flags}
        row.append(entry)
    return row


NAME_SIZE, SMALL_SIZE = 9.5, 8.5
"""The sizes of the name and the organisation/residence cells, in points (as in attendees.typ)."""
CELL_INSET = 2 * 4.0
MARGIN = 1.1
"""The guess of a text's width below is rough: anything within 10 % of the room is measured."""


def _em_width(text: str) -> float:
    """About how wide DejaVu Sans sets the text, in em (wide CJK and Hangul: 1 em)."""
    width = 0.0
    for char in text:
        if ord(char) >= 0x1100:
            width += 1.0
        elif char.isupper() or char in "mwMW":
            width += 0.75
        elif char == " ":
            width += 0.32
        else:
            width += 0.6
    return width


def may_overflow(text: str, width_mm: float, size: float) -> bool:
    """Whether the text might not fit its column on one line: then the template measures it (attendees.typ:
    fitted). A cautious guess, so the 1,000-person sheet measures only the few long names."""
    room = width_mm * 72 / 25.4 - CELL_INSET
    return _em_width(text) * size * MARGIN > room


def when_and_where(event: Event, entries: Entries) -> list[object]:
    """Date and time, venue, address; a line to write on for the date and the place where they are empty."""
    w = entries.words
    parts: list[object] = []
    when = w.when(event)
    if event.date is None:
        parts.append({"label": w("field_date"), "width": 35})
        if when:
            parts.append(when)
    else:
        parts.append(when)
    place = [(event.venue_name, w("field_venue")), (event.venue_address, w("field_address"))]
    shown = [entries.typed(text.replace("\n", ", "), who) for text, who in place if text.strip()]
    parts += shown or [{"label": w("field_venue"), "width": 60}]
    return parts


def funding(event: Event, entries: Entries) -> list[object]:
    w = entries.words
    parts: list[object] = []
    if event.organiser.strip():
        organiser = entries.plain(event.organiser, w("field_organiser"))
        parts.append(f"{w('field_organiser')}: {organiser}")
    else:
        parts.append({"label": w("field_organiser"), "width": 60})
    if event.programme.strip():
        parts.append(w("programme", text=entries.plain(event.programme, w("field_programme"))))
    if event.funding_reference.strip():
        parts.append(w("funding", text=entries.plain(event.funding_reference, w("field_funding"))))
    return parts
