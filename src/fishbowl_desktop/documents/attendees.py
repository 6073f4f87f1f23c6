"""The attendee sheet (Teilnahmeliste) that publicly funded events must keep.

Every page carries what a funder checks on a loose page: the organiser, the project or programme and its
funding reference, the event's title, date, time and place, the column headings, and the Art. 13 notice at
its foot. Family and given names have columns of their own and people are filed by family name
(DIN 5007). People who did not agree to be listed get no printed name but an empty row each, plus the
reserve the organiser asked for; empty rows keep their column lines so they can be filled in by hand.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak, Paragraph, Table, TableStyle

from fishbowl_desktop.documents.fonts import REGULAR
from fishbowl_desktop.documents.layout import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    RULE,
    TINT,
    Decorate,
    Sheet,
)
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.people import listed, listed_by_surname
from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.documents.text import markup
from fishbowl_desktop.model import FishbowlError, Participant

ROW_HEIGHT = 9.5 * mm
"""At least 9 mm: enough room for a signature."""
HEADER_GAP = 4 * mm
NOTICE_GAP = 3 * mm
BOX = 4.2 * mm
PHOTO_WIDTH = 18 * mm
CELL_PADDING = 6
"""reportlab's default left and right padding of a table cell, in points."""
MIN_NAME_SIZE = 7.0
MIN_ROWS_PER_PAGE = 5
HEADING_ROW = 12 * mm
"""Room for the table's (two-line) heading row."""
NUMBER_WIDTH = 12 * mm


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return BOX, BOX

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, BOX, BOX)


def _widths(extra: bool) -> list[float]:
    names = [35 * mm, 30 * mm, 39 * mm] if extra else [45 * mm, 40 * mm]
    signature = CONTENT_WIDTH - NUMBER_WIDTH - sum(names) - PHOTO_WIDTH
    return [NUMBER_WIDTH, *names, signature, PHOTO_WIDTH]


def build_attendees(
    src: DocumentSource, sheet: Sheet, options: PrintOptions
) -> tuple[list[Flowable], Decorate, float, float]:
    """The story, the per-page drawer, and the heights it needs above and below the table."""
    st = sheet.styles
    header = _page_header(src, sheet)
    notice = Paragraph(_privacy_notice(src, sheet), st.notice)
    # Wrapped once: every page draws the same lines (a 51-page sheet would otherwise shape them 51 times).
    heights = [p.wrap(CONTENT_WIDTH, PAGE_HEIGHT)[1] for p in header]
    header_height = sum(h + p.getSpaceAfter() for h, p in zip(heights, header, strict=True)) + HEADER_GAP
    notice_height = notice.wrap(CONTENT_WIDTH, PAGE_HEIGHT)[1] + NOTICE_GAP
    room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - header_height - notice_height
    if room < MIN_ROWS_PER_PAGE * ROW_HEIGHT + HEADING_ROW:
        raise FishbowlError(
            "The page header and the privacy notice leave too little room for the list: please "
            "shorten the privacy notice or the programme name in the event settings."
        )

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        y = PAGE_HEIGHT - MARGIN_TOP
        for para, height in zip(header, heights, strict=True):
            para.drawOn(canvas, MARGIN_X, y - height)
            y -= height + para.getSpaceAfter()
        notice.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM)

    extra = options.extra_column
    people = listed_by_surname(src.participants)
    blank = (len(src.participants) - len(listed(src.participants))) + options.reserve_rows
    rows = [_row(sheet, number, person, extra) for number, person in enumerate(people, start=1)]
    rows += [_blank_row(sheet, number, extra) for number in range(len(people) + 1, len(people) + blank + 1)]
    if options.one_sheet_per_person:
        story: list[Flowable] = []
        for row in rows:
            if story:
                story.append(PageBreak())
            story.append(_table(sheet, [row], extra))
        if not story:
            story.append(_table(sheet, [], extra))
        return story, decorate, header_height, notice_height
    return [_table(sheet, rows, extra)], decorate, header_height, notice_height


def _fitting_style(text: str, width: float, style: ParagraphStyle) -> ParagraphStyle:
    """A smaller size for text whose longest word would not fit its column (a long double name or a German
    compound would otherwise be cut mid-word: “Öztürko|ğlu”, “Wohnungsgenossensc|haft”); never below 7 pt,
    where it may then break."""
    longest = max((stringWidth(word, REGULAR, style.fontSize) for word in text.split()), default=0.0)
    room = width - 2 * CELL_PADDING
    if longest <= room:
        return style
    size = max(MIN_NAME_SIZE, style.fontSize * room / longest)
    return ParagraphStyle(f"{style.name}-{size:.1f}", parent=style, fontSize=size, leading=size * 1.25)


def _row(sheet: Sheet, number: int, person: Participant, extra: str) -> list[Flowable | str]:
    st = sheet.styles
    family, given = person.name_parts
    widths = _widths(extra != "none")
    cells: list[Flowable | str] = [
        Paragraph(str(number), st.cell_small),
        sheet.user(family, _fitting_style(family, widths[1], st.cell), person.name),
        sheet.user(given, _fitting_style(given, widths[2], st.cell), person.name) if given else "",
    ]
    if extra != "none":
        text = person.organisation if extra == "organisation" else person.residence
        style = _fitting_style(text, widths[3], st.cell_org)
        cells.append(sheet.user(text, style, person.name) if text.strip() else "")
    return [*cells, "", TickBox()]


def _blank_row(sheet: Sheet, number: int, extra: str) -> list[Flowable | str]:
    cells: list[Flowable | str] = [Paragraph(str(number), sheet.styles.cell_small), "", ""]
    if extra != "none":
        cells.append("")
    return [*cells, "", TickBox()]


def _table(sheet: Sheet, rows: list[list[Flowable | str]], extra: str) -> Table:
    w, st = sheet.words, sheet.styles
    heads = [w("col_no"), w("col_family"), w("col_given")]
    if extra != "none":
        heads.append(w("col_org") if extra == "organisation" else w("col_residence"))
    heads.append(w("col_signature"))
    head: list[Flowable | str] = [Paragraph(text, st.head_cell) for text in heads]
    head.append(Paragraph(w("col_photo"), st.head_cell_center))
    photo = len(head) - 1
    table = Table(
        [head, *rows],
        colWidths=_widths(extra != "none"),
        repeatRows=1,
        minRowHeights=[0] + [ROW_HEIGHT] * len(rows),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica in the PDF
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (photo, 0), (photo, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f8fa")]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.HexColor("#888c92")),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _page_header(src: DocumentSource, sheet: Sheet) -> list[Paragraph]:
    event, w, st = src.event, sheet.words, sheet.styles
    parts = [Paragraph(w("sheet_title"), st.sheet_title), sheet.user(event.title, st.sheet_event, w("field_title"))]
    line = sheet.event_line(event)
    if line:
        parts.append(Paragraph(line, st.subtitle))
    funding = []
    if event.organiser.strip():
        funding.append(f"{w('field_organiser')}: {markup(sheet.printable(event.organiser, w('field_organiser')))}")
    if event.programme.strip():
        funding.append(w("programme", text=markup(sheet.printable(event.programme, w("field_programme")))))
    if event.funding_reference.strip():
        funding.append(w("funding", text=markup(sheet.printable(event.funding_reference, w("field_funding")))))
    if funding:
        parts.append(Paragraph(" · ".join(funding), st.subtitle))
    parts.append(Paragraph(w("photo_hint"), st.small))
    return parts


def _privacy_notice(src: DocumentSource, sheet: Sheet) -> str:
    """The event's own Art. 13 text, or the default naming the organiser as the controller."""
    event, w = src.event, sheet.words
    own = event.privacy_notice.strip()
    if own:
        return markup(sheet.printable(own, w("field_privacy")))
    organiser = event.organiser.strip()
    who = markup(sheet.printable(organiser, w("field_organiser"))) if organiser else w("privacy_organiser_unknown")
    return w("privacy_default", organiser=who)
