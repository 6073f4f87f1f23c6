"""The handout for the audience: the data for templates/handout.typ.

What the evening is about, how to take part (first, on page 1), the room's audience link as a QR code (an SVG
from segno, with its address in a face where l, I and 1 differ, and the hall's network name), what happens to
photos (the event's one photo setting, which the sign-in sheet follows too), who is on the panel, and ruled
lines for notes filling the last page.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from fishbowl_desktop.documents.entries import Entries, Entry
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.people import panel
from fishbowl_desktop.documents.source import DocumentSource

PHOTO_LINES = {"none": "photo_line_none", "opt_in": "photo_line_opt_in", "notice": "photo_line"}


def handout_data(src: DocumentSource, entries: Entries, options: PrintOptions) -> dict[str, object]:
    event, w = src.event, entries.words
    facts: list[tuple[str, list[Entry]]] = []
    if w.when(event):
        facts.append((w("when"), [w.when(event)]))
    where = [
        entries.typed(text, who)
        for text, who in ((event.venue_name, w("field_venue")), (event.venue_address, w("field_address")))
        if text.strip()
    ]
    if where:
        facts.append((w("where"), where))
    if event.organiser.strip():
        facts.append((w("organiser"), [entries.typed(event.organiser, w("field_organiser"))]))
    panelists, moderators = panel(src.participants)
    minutes = max(1, round(src.settings.free_chair_seconds / 60))
    clock = event.start_time is not None
    return {
        "lang": w.language,
        "words": {
            "page-of": w("page_of", page="{page}", pages="{pages}"),
            "how-title": w("how_title"),
            "how-text": w("how_text", minutes=minutes),
            "questions": w("questions"),
            "agenda": w("agenda"),
            "agenda-head": [w(k) for k in (("agenda_clock",) if clock else ()) + ("agenda_item", "agenda_minutes")],
            "panel": w("panel"),
            "moderation": w("moderation"),
            "notes": w("notes"),
        },
        "title": entries.typed(event.title, w("field_title")),
        "facts": facts,
        "qr": _qr(options, entries) if options.audience_link else None,
        "photo-line": w(PHOTO_LINES[event.photo_policy]),
        "funding-note": entries.typed(event.funding_note, w("field_funding_note"))
        if event.funding_note.strip()
        else None,
        "description": [
            entries.typed(part, w("field_description")) for part in event.description.split("\n") if part.strip()
        ],
        "questions": [
            entries.typed(q, w("field_question", number=n)) for n, q in enumerate(event.guiding_questions, start=1)
        ],
        "agenda-clock": clock,
        "agenda": _agenda(src, entries),
        "panel": [
            {
                "name": entries.typed(person.name, person.name),
                "moderator": person in moderators,
                "organisation": entries.typed(person.organisation, person.name) if person.organisation.strip() else "",
                "bio": entries.typed(person.bio, person.name) if person.bio.strip() else "",
            }
            for person in panelists + moderators
        ],
    }


def _funding_note(src: DocumentSource, entries: Entries) -> Entry | None:
    note = src.event.funding_note
    return entries.typed(note, entries.words("field_funding_note")) if note.strip() else None


def _agenda(src: DocumentSource, entries: Entries) -> list[dict[str, object]]:
    """Items with planned minutes, and clock times when the start time is known (people plan by the clock)."""
    event, w = src.event, entries.words
    start = datetime.combine(event.date or datetime(2000, 1, 1).date(), event.start_time) if event.start_time else None
    items: list[dict[str, object]] = []
    elapsed = 0
    for number, item in enumerate(event.agenda, start=1):
        items.append(
            {
                "clock": w.clock(start + timedelta(minutes=elapsed)) if start is not None else "",
                "title": entries.typed(item.title, w("field_agenda", number=number)),
                "minutes": w("minutes", minutes=item.minutes) if item.minutes else "",
            }
        )
        elapsed += item.minutes
    return items


def _qr(options: PrintOptions, entries: Entries) -> dict[str, object]:
    import io

    import segno

    w, link = entries.words, options.audience_link
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="svg", scale=4, border=4, dark="#000", light="#fff")
    svg = buffer.getvalue().decode("utf-8")
    wifi = entries.plain(options.wifi_name, w("qr_title")) if options.wifi_name.strip() else ""
    return {
        "svg": svg,
        "alt": w("qr_alt", link=link),
        "title": w("qr_title"),
        # The network's name is kept on one line: broken at its hyphen, a copied “Saal-Gast” reads “SaalGast”.
        "text": w("qr_text_wifi", wifi="\x00").split("\x00") if wifi else [w("qr_text")],
        "wifi": wifi,
        "link": link,
    }
