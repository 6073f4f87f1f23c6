"""The look shared by all three documents: A4, calm type, a footer with “Page X of Y”, and the checks
every piece of user text passes on its way onto paper."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from fishbowl_desktop.documents.fonts import BOLD, REGULAR, describe, missing_characters
from fishbowl_desktop.documents.text import Words, markup
from fishbowl_desktop.documents.unprintable import UnprintableText
from fishbowl_desktop.model import Event

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
FOOTER_Y = 10 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#b8bcc2")
TINT = colors.HexColor("#eef2f6")
ACCENT = colors.HexColor("#2f5d7c")


def _style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": REGULAR, "textColor": INK, "shaping": 1}
    base.update(extra)
    return ParagraphStyle(name, fontSize=size, leading=leading, **base)


class Styles:
    """Built per export (after the fonts are registered); ParagraphStyle objects are cheap."""

    def __init__(self) -> None:
        self.title = _style("title", 19, 24, fontName=BOLD, textColor=ACCENT, spaceAfter=3 * mm)
        self.subtitle = _style("subtitle", 11, 15, textColor=MUTED, spaceAfter=1 * mm)
        self.heading = _style(
            "heading", 12.5, 16, fontName=BOLD, textColor=ACCENT, spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1
        )
        self.heading_loose = _style(
            "heading_loose", 12.5, 16, fontName=BOLD, textColor=ACCENT, spaceBefore=5 * mm, spaceAfter=2 * mm
        )
        self.body = _style("body", 10, 14, spaceAfter=1.5 * mm)
        self.numbered = _style(
            "numbered",
            10,
            14,
            spaceAfter=1.5 * mm,
            leftIndent=6 * mm,
            bulletIndent=0,
            bulletFontName=REGULAR,
            bulletFontSize=10,
        )
        self.small = _style("small", 8.5, 11, textColor=MUTED)
        self.cell = _style("cell", 9.5, 12)
        self.cell_bold = _style("cell_bold", 9.5, 12, fontName=BOLD)
        self.cell_org = _style("cell_org", 8.5, 10.5)
        self.cell_small = _style("cell_small", 8.5, 11, textColor=MUTED)
        self.head_cell = _style("head_cell", 9, 11, fontName=BOLD)
        self.head_cell_center = _style("head_cell_center", 9, 11, fontName=BOLD, alignment=TA_CENTER)
        self.cell_center = _style("cell_center", 9.5, 12, alignment=TA_CENTER)
        self.indented = _style("indented", 10, 14, spaceAfter=2 * mm, leftIndent=6 * mm)
        self.sheet_title = _style("sheet_title", 16, 20, fontName=BOLD, textColor=ACCENT, spaceAfter=1 * mm)
        self.sheet_event = _style("sheet_event", 11.5, 15, fontName=BOLD, spaceAfter=0.5 * mm)
        self.notice = _style("notice", 7, 8.8, textColor=MUTED)
        self.box_title = _style("box_title", 11, 14, fontName=BOLD, textColor=ACCENT, spaceAfter=1.5 * mm)


@dataclass
class Sheet:
    """One document being written: its language, styles, and the entries the fonts could not draw.

    `lenient` prints anyway: characters no font has are left out, and a text with nothing printable left
    becomes a placeholder, so one name never blocks a whole sheet."""

    words: Words
    styles: Styles = field(default_factory=Styles)
    problems: dict[str, list[str]] = field(default_factory=dict)
    lenient: bool = False

    def check(self, text: str, who: str) -> None:
        missing = missing_characters(text)
        if missing and not self.lenient:
            known = self.problems.setdefault(who, [])
            known.extend(c for c in missing if c not in known)

    def printable(self, text: str, who: str) -> str:
        """The text as it will be printed: itself, or (lenient) without the characters no font has, or
        the placeholder when nothing readable is left."""
        self.check(text, who)
        if not self.lenient:
            return text
        missing = set(missing_characters(text))
        if not missing:
            return text
        kept = "".join(c for c in text if c not in missing)
        return kept if any(c.isalnum() for c in kept) else self.words("unprintable")

    def user(self, text: str, style: ParagraphStyle, who: str) -> Paragraph:
        """A paragraph of text someone typed: checked against the fonts and printed literally."""
        return Paragraph(markup(self.printable(text, who), bold=style.fontName == BOLD), style)

    def own(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of the program's own catalogue text, which may carry <b> markup."""
        return Paragraph(text, style)

    def event_line(self, event: Event) -> str:
        """“Thursday, 3 December 2026, 18:30–20:30 · venue · address”: the line under a document's title."""
        details = [self.words.when(event)]
        for text, who in (
            (event.venue_name, self.words("field_venue")),
            (event.venue_address, self.words("field_address")),
        ):
            if text.strip():
                details.append(markup(self.printable(text, who)))
        return " · ".join(d for d in details if d)

    def raise_problems(self) -> None:
        if not self.problems:
            return
        items = [f"{who}: {describe(chars)}" for who, chars in list(self.problems.items())[:6]]
        if len(self.problems) > 6:
            items.append("…")
        problems = tuple((who, "".join(chars)) for who, chars in self.problems.items())
        raise UnprintableText(self.words("missing_glyphs", items="; ".join(items), placeholder="□"), problems)


Decorate = Callable[[Canvas, BaseDocTemplate], None]


def _counting_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that keeps its pages until the end, so every footer can say how many there are."""

    class CountingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Our own face from the start: otherwise every PDF names Helvetica, which it never uses.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return CountingCanvas


@dataclass
class Metadata:
    title: str
    author: str
    subject: str


from fishbowl_desktop.documents.typeset import _page_laid_out, listen_to_pages  # noqa: E402  one list for both engines

__all__ = ["listen_to_pages"]


def render(
    story: Sequence[Flowable],
    meta: Metadata,
    footer_label: str,
    words: Words,
    *,
    decorate: Decorate | None = None,
    top_reserved: float = 0.0,
    bottom_reserved: float = 0.0,
) -> tuple[bytes, int]:
    """Lay out the story on A4 and return the PDF bytes and the page count.

    `decorate` draws the same thing at the top of every page (the attendee sheet's header) in the
    `top_reserved` points above the frame (and, say, a notice in the `bottom_reserved` points below it).
    """
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP + top_reserved,
        bottomMargin=MARGIN_BOTTOM + bottom_reserved,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="Fishbowl Desktop",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, 0, 0, 0, 0, id="body")

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        if decorate is not None:
            decorate(canvas, document)
        _page_laid_out(document.page)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_Y + 4 * mm, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 4 * mm)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, FOOTER_Y, footer_label)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, words("page_of", page=number, pages=total))
        canvas.restoreState()

    doc.build(list(story), canvasmaker=_counting_canvas(footer))
    return buffer.getvalue(), doc.page
