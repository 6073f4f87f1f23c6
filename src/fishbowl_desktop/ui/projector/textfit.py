"""Fitting text into a box: shrink first, then wrap, and elide only as the very last resort.

Names on a civic sign-in list are long (60 characters), Arabic, Turkish, Cyrillic; the projector must show
them whole and never clip them. Each fitted block is a `QTextLayout` with the paragraph direction taken
from the text's first strong character, so right-to-left names lay out and wrap as their readers expect.
The renderer caches the results per (text, box), so repainting a second later costs a draw call, not a layout.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QTextLayout, QTextOption

from fishbowl_desktop.font_catalogue import FACES, families
from fishbowl_desktop.resources import resources_dir
from fishbowl_desktop.value_class import value_class

FONT_FAMILY = "DejaVu Sans"
FONT_FAMILIES = families()
"""DejaVu first, then the shipped script faces in the PDFs' order: the same shapes on the beamer as on paper."""
SHRINK_STEP = 0.92


def is_right_to_left(s: str) -> bool:
    """Direction of the first strong character, as the Unicode bidi algorithm's paragraph rule (P2) says."""
    for ch in s:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


_fonts_checked = False


def ensure_fonts() -> None:
    """Load every shipped face the system lacks (Windows, macOS, a bare Linux), so a venue laptop draws
    Chinese, Devanagari, Thai or Korean names on the projector and in the console instead of boxes."""
    global _fonts_checked
    if _fonts_checked:
        return
    _fonts_checked = True
    present = set(QFontDatabase.families())
    folder = resources_dir() / "fonts"
    for face in FACES:
        if face.family in present:
            continue
        for filename in dict.fromkeys((face.regular, face.bold)):
            QFontDatabase.addApplicationFont(str(folder / filename))


def make_font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same shapes in the preview and the hall
    return font


@value_class
class TextBlock:
    """A laid-out paragraph, centred in its box."""

    layout: QTextLayout
    origin: QPointF
    rect: QRectF
    """The bounding rectangle of the lines as drawn (box coordinates), for tests and badges."""
    pixel_size: int
    line_count: int
    elided: bool

    def draw(self, painter: QPainter, color: QColor) -> None:
        painter.setPen(color)
        self.layout.draw(painter, self.origin)


Lines = list[tuple[float, float, float]]
"""Per line: natural width, y, height."""


def _layout(text: str, font: QFont, width: float, anywhere: bool) -> tuple[QTextLayout, Lines]:
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    wrap = QTextOption.WrapMode
    option.setWrapMode(wrap.WrapAtWordBoundaryOrAnywhere if anywhere else wrap.WordWrap)
    rtl = is_right_to_left(text)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    lines: list[tuple[float, float, float]] = []
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        lines.append((line.naturalTextWidth(), y, line.height()))
        y += line.height()
    layout.endLayout()
    return layout, lines


def _fits(lines: list[tuple[float, float, float]], width: float, height: float, max_lines: int) -> bool:
    if len(lines) > max_lines:
        return False
    bottom = lines[-1][1] + lines[-1][2] if lines else 0.0
    return bottom <= height + 0.5 and all(w <= width + 0.5 for w, _, _ in lines)


def _elide(text: str, font: QFont, width: float, max_lines: int) -> str:
    """Keep what fits on the first lines and end the last one with an ellipsis."""
    layout, _ = _layout(text, font, width, anywhere=True)
    if layout.lineCount() <= max_lines:
        return text
    start = layout.lineAt(max_lines - 1).textStart()
    metrics = QFontMetricsF(font)
    tail = metrics.elidedText(text[start:].replace("\n", " "), Qt.TextElideMode.ElideRight, width * 0.98)
    return text[:start] + tail


def fit_text(
    text: str,
    box: tuple[float, float, float, float],
    max_px: float,
    min_px: float,
    max_lines: int = 2,
    bold: bool = False,
) -> TextBlock:
    """The largest size between max_px and min_px at which `text` fits `box` on at most `max_lines` lines."""
    x, y, w, h = box
    px = max_px
    chosen: tuple[QTextLayout, list[tuple[float, float, float]], float] | None = None
    elided = False
    while True:
        font = make_font(px, bold)
        layout, lines = _layout(text, font, w, anywhere=False)
        if _fits(lines, w, h, max_lines):
            chosen = (layout, lines, px)
            break
        if px <= min_px:
            break
        px = max(min_px, px * SHRINK_STEP)
    if chosen is None:
        # Last resort at the smallest size: break inside words, then elide what still does not fit.
        font = make_font(min_px, bold)
        lines_allowed = max(1, min(max_lines, int(h // QFontMetricsF(font).lineSpacing()) or 1))
        fitted = _elide(text, font, w, lines_allowed)
        elided = fitted != text
        layout, lines = _layout(fitted, font, w, anywhere=True)
        chosen = (layout, lines, min_px)
    layout, lines, px = chosen
    total = lines[-1][1] + lines[-1][2] if lines else 0.0
    top = y + max(0.0, (h - total) / 2)
    rect = QRectF()
    for natural, ly, lh in lines:
        rect = rect.united(QRectF(x + (w - natural) / 2, top + ly, natural, lh))
    return TextBlock(layout, QPointF(x, top), rect, round(px), len(lines), elided)


def digit_font(template: str, width: float, ink_height: float) -> tuple[QFont, float]:
    """The bold font whose digits are `ink_height` tall, or smaller if `template` would be wider than `width`.

    Fitted to a template with every digit replaced by 0, so the size does not jump from second to second.
    Returns the font and its digit ink height."""
    probe = make_font(1000, bold=True)
    metrics = QFontMetricsF(probe)
    ink = metrics.tightBoundingRect("0123456789").height()
    advance = metrics.horizontalAdvance(template)
    px = min(ink_height / ink * 1000, width / advance * 1000)
    font = make_font(px, bold=True)
    return font, QFontMetricsF(font).tightBoundingRect("0123456789").height()


def digit_template(timer_text: str) -> str:
    return "".join("0" if ch.isdigit() else ch for ch in timer_text)
