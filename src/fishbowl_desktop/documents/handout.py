"""The handout for the audience: what the evening is about, who is on the panel, how to join in."""

from __future__ import annotations

from datetime import datetime, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from fishbowl_desktop.documents.audience_qr import audience_qr_box
from fishbowl_desktop.documents.fonts import REGULAR
from fishbowl_desktop.documents.layout import ACCENT, CONTENT_WIDTH, MUTED, RULE, TINT, Sheet
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.people import panel
from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.documents.text import markup
from fishbowl_desktop.model import Participant

NOTE_LINE_GAP = 8 * mm
MIN_NOTES_HEIGHT = 45 * mm


class NoteLines(Flowable):
    """A “Notes” heading and ruled lines filling the rest of the page (or a fresh page if little is left).

    The heading is part of the flowable so it can never be left alone at the bottom of a page.
    """

    def __init__(self, title: Paragraph, width: float) -> None:
        super().__init__()
        self.title = title
        self.width = width
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(avail_height, MIN_NOTES_HEIGHT)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [] if avail_height < MIN_NOTES_HEIGHT else [self]

    def draw(self) -> None:
        canvas = self.canv
        _, title_height = self.title.wrap(self.width, self.height)
        top = self.height - self.title.getSpaceBefore()
        self.title.drawOn(canvas, 0, top - title_height)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = top - title_height - NOTE_LINE_GAP
        while y >= 2 * mm:
            canvas.line(0, y, self.width, y)
            y -= NOTE_LINE_GAP
        canvas.restoreState()


def build_handout(src: DocumentSource, sheet: Sheet, options: PrintOptions | None = None) -> list[Flowable]:
    event, w, st = src.event, sheet.words, sheet.styles
    story: list[Flowable] = [sheet.user(event.title, st.title, w("field_title"))]

    facts: list[list[Flowable]] = []
    when = w.when(event)
    if when:
        facts.append([sheet.own(w("when"), st.cell_bold), sheet.own(when, st.cell)])
    where = [(event.venue_name, w("field_venue")), (event.venue_address, w("field_address"))]
    where = [(text, who) for text, who in where if text.strip()]
    if where:
        lines = "<br/>".join(markup(sheet.printable(text, who)) for text, who in where)
        facts.append([sheet.own(w("where"), st.cell_bold), sheet.own(lines, st.cell)])
    if event.organiser.strip():
        organiser = sheet.user(event.organiser, st.cell, w("field_organiser"))
        facts.append([sheet.own(w("organiser"), st.cell_bold), organiser])
    if facts:
        table = Table(facts, colWidths=[38 * mm, CONTENT_WIDTH - 38 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica in the PDF
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        story += [table, Spacer(1, 3 * mm)]

    # What a newcomer at the door needs comes first, on page 1: how to take part, and what happens to
    # photos and names.
    story += [_how_it_works(src, sheet), Spacer(1, 2 * mm)]
    if options is not None and options.audience_link:  # the room's audience page, for the phones in the hall
        story += [audience_qr_box(options.audience_link, sheet), Spacer(1, 2 * mm)]
    story += [sheet.own(w("photo_line"), st.small), Spacer(1, 3 * mm)]

    if event.description.strip():
        story.append(sheet.user(event.description, st.body, w("field_description")))

    if event.guiding_questions:
        story.append(sheet.own(w("questions"), st.heading))
        for number, question in enumerate(event.guiding_questions, start=1):
            text = markup(sheet.printable(question, w("field_question", number=number)))
            story.append(Paragraph(text, st.numbered, bulletText=f"{number}."))

    if event.agenda:
        story += [sheet.own(w("agenda"), st.heading), _agenda(src, sheet)]

    panelists, moderators = panel(src.participants)
    if panelists or moderators:
        story.append(sheet.own(w("panel"), st.heading))
        for person in panelists + moderators:
            story.append(_person(person, sheet, moderator=person in moderators))

    story.append(NoteLines(sheet.own(w("notes"), st.heading), CONTENT_WIDTH))
    return story


def _agenda(src: DocumentSource, sheet: Sheet) -> Table:
    """Items with planned minutes, and clock times when the start time is known (people plan by the clock)."""
    event, w, st = src.event, sheet.words, sheet.styles
    start = datetime.combine(event.date or datetime(2000, 1, 1).date(), event.start_time) if event.start_time else None
    rows: list[list[Flowable | str]] = []
    elapsed = 0
    for number, item in enumerate(event.agenda, start=1):
        item_title = sheet.printable(item.title, w("field_agenda", number=number))
        clock = w.clock(start + timedelta(minutes=elapsed)) if start is not None else ""
        minutes = w("minutes", minutes=item.minutes) if item.minutes else ""
        title = Paragraph(markup(item_title), st.cell)
        rows.append([Paragraph(clock, st.cell_small), title, Paragraph(minutes, st.cell_small)])
        elapsed += item.minutes
    widths = [16 * mm, CONTENT_WIDTH - 36 * mm, 20 * mm]
    if start is None:
        rows = [row[1:] for row in rows]
        widths = [CONTENT_WIDTH - 20 * mm, 20 * mm]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica in the PDF
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ]
        )
    )
    return table


def _person(person: Participant, sheet: Sheet, *, moderator: bool) -> Flowable:
    w, st = sheet.words, sheet.styles
    head = f"<b>{markup(sheet.printable(person.name, person.name), bold=True)}</b>"
    if moderator:
        head += f' <font color="{MUTED.hexval()}">· {w("moderation")}</font>'
    parts: list[Flowable] = [Paragraph(head, st.body)]
    if person.organisation.strip():
        parts.append(sheet.user(person.organisation, st.small, person.name))
    if person.bio.strip():
        parts.append(sheet.user(person.bio, st.body, person.name))
    parts.append(Spacer(1, 1.5 * mm))
    return KeepTogether(parts)


def _how_it_works(src: DocumentSource, sheet: Sheet) -> Table:
    w, st = sheet.words, sheet.styles
    minutes = max(1, round(src.settings.free_chair_seconds / 60))
    box = Table(
        [[[sheet.own(w("how_title"), st.box_title), sheet.own(w("how_text", minutes=minutes), st.body)]]],
        colWidths=[CONTENT_WIDTH],
    )
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica in the PDF
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return box
