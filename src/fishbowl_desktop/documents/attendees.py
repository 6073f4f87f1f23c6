"""The attendee sheet (Teilnahmeliste) that publicly funded events must keep.

Every page carries the event's name, date and place, so a loose page still says what it belongs to, and
repeats the column headings. Rows are tall enough to sign in; the photo column is a box to tick.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Table, TableStyle

from .layout import CONTENT_WIDTH, MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, RULE, TINT, Decorate, Sheet
from .people import listed_by_surname
from .source import DocumentSource

ROW_HEIGHT = 9.5 * mm
"""At least 9 mm: enough room for a signature."""
HEADER_GAP = 4 * mm
COLUMNS = (13 * mm, 49 * mm, 47 * mm, CONTENT_WIDTH - 129 * mm, 20 * mm)
BOX = 4.2 * mm


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return BOX, BOX

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, BOX, BOX)


def build_attendees(src: DocumentSource, sheet: Sheet, blank_rows: int) -> tuple[list[Flowable], Decorate, float]:
    """The table, the per-page header drawer and the height that header needs above the table."""
    w, st = sheet.words, sheet.styles
    header = _page_header(src, sheet)
    header_height = sum(p.wrap(CONTENT_WIDTH, PAGE_HEIGHT)[1] + p.getSpaceAfter() for p in header) + HEADER_GAP

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        y = PAGE_HEIGHT - MARGIN_TOP
        for para in header:
            _, height = para.wrap(CONTENT_WIDTH, PAGE_HEIGHT)
            para.drawOn(canvas, MARGIN_X, y - height)
            y -= height + para.getSpaceAfter()

    rows: list[list[Flowable | str]] = [[
        Paragraph(w("col_no"), st.head_cell),
        Paragraph(w("col_name"), st.head_cell),
        Paragraph(w("col_org"), st.head_cell),
        Paragraph(w("col_signature"), st.head_cell),
        Paragraph(w("col_photo"), st.head_cell_center),
    ]]
    people = listed_by_surname(src.participants)
    for number, person in enumerate(people, start=1):
        organisation = sheet.user(person.organisation, st.cell_org, person.name) if person.organisation.strip() else ""
        rows.append([Paragraph(str(number), st.cell_small), sheet.user(person.name, st.cell, person.name),
                     organisation, "", TickBox()])
    for number in range(len(people) + 1, len(people) + blank_rows + 1):
        rows.append([Paragraph(str(number), st.cell_small), "", "", "", TickBox()])

    table = Table(
        rows,
        colWidths=list(COLUMNS),
        repeatRows=1,
        minRowHeights=[0] + [ROW_HEIGHT] * (len(rows) - 1),
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (4, 0), (4, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f8fa")]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.HexColor("#888c92")),
        ("LINEBEFORE", (3, 0), (4, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [table], decorate, header_height


def _page_header(src: DocumentSource, sheet: Sheet) -> list[Paragraph]:
    event, w, st = src.event, sheet.words, sheet.styles
    title = sheet.user(event.title, st.sheet_event, w("field_title"))
    parts = [Paragraph(w("sheet_title"), st.sheet_title), title]
    line = sheet.event_line(event)
    if line:
        parts.append(Paragraph(line, st.subtitle))
    parts.append(Paragraph(w("photo_hint"), st.small))
    return parts

