"""Arranging and painting one projector frame at any size: the window, the console's preview and the
screenshots all go through `ProjectorRenderer`, so what the moderator previews is what the hall sees.

Sizes are fractions of the height (a beamer is judged from the back row by height); widths keep a margin
on every side so the overtime frame never touches text. The layout is stable: the digits do not move when
a question or a message appears.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import field, fields, replace
from operator import attrgetter

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from fishbowl_desktop.model import TimerPhase
from fishbowl_desktop.stage.content import Badge, Mode, ProjectorContent
from fishbowl_desktop.ui.projector import palette
from fishbowl_desktop.ui.projector.digit_images import draw_digits
from fishbowl_desktop.ui.projector.textfit import TextBlock, digit_font, digit_template, ensure_fonts, fit_text
from fishbowl_desktop.value_class import value_class

MARGIN = 0.035
"""Of the height, on every side."""
DIGIT_INK = 0.38
"""Digit height in the timer view, of the screen height (the brief asks for at least 35% at 1080p)."""
FRAME = 0.022
BAR_HEIGHT = 0.018
CACHE_LIMIT = 64
"""Fitted text blocks kept, the least recently used going first; shared by the projector window and the console's
preview, which lay out at the same logical size (the beamer's), so a new speaker's name is fitted once, not once
per widget. A screen shows a handful of texts; each block holds its laid-out glyphs in Qt's memory, so 512 of
them held several MiB by the end of an evening that named hundreds of speakers (benchmarks/README.md, "Soak")."""
DIRTY_PAD = 0.012
"""Of the height, around every changed rectangle: antialiasing and diacritics above the line box."""


@value_class
class Digits:
    """The timer's digits as laid out: text, font, place and colour."""

    text: str
    font: QFont
    baseline: QPointF
    rect: QRectF
    """Ink rectangle of the digits as drawn."""
    color: QColor
    cells: tuple[QRectF, ...] = ()
    """Each character's ink rectangle as drawn: a new second repaints only the characters that changed."""


@value_class(frozen=False)
class Arrangement:
    """The projector's picture laid out for one size: text blocks, digits and the time bar."""

    width: int
    height: int
    blocks: dict[str, tuple[TextBlock, QColor]] = field(default_factory=dict)
    digits: Digits | None = None
    bar: QRectF | None = None
    bar_fill: QRectF | None = None
    bar_color: QColor | None = None
    badge: QRectF | None = None
    badge_kind: Badge = Badge.NONE
    frame: float = 0.0
    black: bool = False

    def rects(self) -> dict[str, QRectF]:
        """Where everything lands, for tests: every rectangle must lie inside (0, 0, width, height)."""
        out = {name: block.rect for name, (block, _) in self.blocks.items()}
        if self.digits is not None:
            out["timer"] = self.digits.rect
        if self.badge is not None:
            out["badge"] = self.badge
        if self.bar is not None:
            out["bar"] = self.bar
        return out


def _digit_color(content: ProjectorContent) -> QColor:
    return {
        TimerPhase.WARNING: palette.WARNING,
        TimerPhase.OVERTIME: palette.OVERTIME,
        TimerPhase.READY: palette.TEXT_DIM,
    }.get(content.phase, palette.TEXT)  # type: ignore[arg-type]


_TEXTS: OrderedDict[tuple[object, ...], TextBlock] = OrderedDict()
ARRANGED_SIZES = 4
"""Sizes whose latest layout is kept (the projector window, the preview, a screenshot's)."""
_ARRANGED: OrderedDict[tuple[int, int], tuple[ProjectorContent, Arrangement]] = OrderedDict()
_DIGIT_FONTS: dict[tuple[object, ...], tuple[QFont, float]] = {}
_DIGIT_METRICS: dict[tuple[object, ...], tuple[QFont, QFontMetricsF, float]] = {}
"""Per digit font: its metrics and the middle of its digits' ink (the same every second of a turn)."""
_CHARACTERS: dict[tuple[object, ...], tuple[QRectF, float]] = {}
"""Per digit font and character: its ink rectangle at the pen's origin and its advance."""


class ProjectorRenderer:
    """Arranges and paints; the fitted texts and digit fonts are cached per (text, box) for every renderer
    alike (the box holds the size, so different sizes never collide)."""

    def __init__(self) -> None:
        ensure_fonts()
        self._texts = _TEXTS
        self._digit_fonts = _DIGIT_FONTS
        self._digit_metrics = _DIGIT_METRICS
        self._arranged = _ARRANGED

    def arranged(self, content: ProjectorContent, width: int, height: int) -> Arrangement:
        """`arrange`, kept while the content (the same object: the scene makes a new one for each change) and
        the size stay the same: the window and the preview ask again for each paint and each changed-rects
        check, and lay out once per change. Kept for every renderer alike, per size: the preview lays out at the
        beamer's size, so with the projector on the beamer one layout a second serves both (on battery)."""
        size = (width, height)
        last = self._arranged.get(size)
        if last is None or last[0] is not content:
            arrangement = None
            if last is not None and _only_the_clock_moved(last[0], content):
                arrangement = self._clock_moved(last[1], content)
            if arrangement is None:
                arrangement = self.arrange(content, width, height)
            last = self._arranged[size] = (content, arrangement)
            while len(self._arranged) > ARRANGED_SIZES:
                self._arranged.popitem(last=False)  # the size asked for least recently
        self._arranged.move_to_end(size)
        return last[1]

    # ------------------------------------------------------------------ cached pieces
    def _text(
        self,
        text: str,
        box: tuple[float, float, float, float],
        max_px: float,
        min_px: float,
        lines: int = 2,
        bold: bool = False,
    ) -> TextBlock:
        key = (text, box, max_px, min_px, lines, bold)
        block = self._texts.get(key)
        if block is None:
            block = self._texts[key] = fit_text(text, box, max_px, min_px, lines, bold)
            while len(self._texts) > CACHE_LIMIT:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(key)
        return block

    def _digits(self, text: str, box: tuple[float, float, float, float], ink: float, color: QColor) -> Digits:
        x, y, w, h = box
        template = digit_template(text)
        key = (template, w, ink)
        measured = self._digit_metrics.get(key)
        if measured is None:
            if key not in self._digit_fonts:
                self._digit_fonts[key] = digit_font(template, w, min(ink, h))
            font = self._digit_fonts[key][0]
            metrics = QFontMetricsF(font)
            digit_ink = metrics.tightBoundingRect("0123456789")
            measured = self._digit_metrics[key] = (font, metrics, digit_ink.top() + digit_ink.height() / 2)
        font, metrics, ink_middle = measured  # a new second measures only its own text
        ink_rect = metrics.tightBoundingRect(text)
        baseline_y = y + h / 2 - ink_middle
        left = x + (w - metrics.horizontalAdvance(text)) / 2
        rect = ink_rect.translated(left, baseline_y)
        cells: list[QRectF] = []
        pen = left
        for char in text:  # as digit_images.draw_digits places them: tabular digits, no pair kerned
            found = _CHARACTERS.get((key, char))
            if found is None:
                if len(_CHARACTERS) > 4096:
                    _CHARACTERS.clear()
                found = _CHARACTERS[(key, char)] = (metrics.tightBoundingRect(char), metrics.horizontalAdvance(char))
            cells.append(found[0].translated(pen, baseline_y))
            pen += found[1]
        return Digits(text, font, QPointF(left, baseline_y), rect, color, tuple(cells))

    # ------------------------------------------------------------------ arranging
    def arrange(self, content: ProjectorContent, width: int, height: int) -> Arrangement:
        w, h = float(width), float(height)
        m = MARGIN * h
        cw = w - 2 * m
        arr = Arrangement(width, height, black=content.black)

        def row(top: float, bottom: float) -> tuple[float, float, float, float]:
            return (m, top * h, cw, (bottom - top) * h)

        def put(
            name: str,
            text: str,
            box: tuple[float, float, float, float],
            max_f: float,
            min_f: float,
            lines: int,
            bold: bool,
            color: QColor,
        ) -> None:
            if text:
                arr.blocks[name] = (self._text(text, box, round(max_f * h), round(min_f * h), lines, bold), color)

        if content.mode is Mode.BLANK:
            put("title", content.title, row(0.25, 0.75), 0.07, 0.03, 4, True, palette.TEXT_DIM)
            return arr
        if content.mode is Mode.IDLE:
            top_line = "  ·  ".join(t for t in (content.format_text, content.clock_text) if t)
            put("format", top_line, row(0.015, 0.07), 0.032, 0.016, 1, False, palette.TEXT_DIM)
            put("title", content.title, row(0.08, 0.40), 0.075, 0.03, 3, True, palette.TEXT)
            put("topic", content.topic, row(0.44, 0.66), 0.05, 0.022, 3, False, palette.TEXT_DIM)
            put("message", content.message, row(0.69, 0.80), 0.05, 0.022, 2, True, palette.TEXT)
            put("next", content.next_text, row(0.84, 0.965), 0.045, 0.02, 2, False, palette.TEXT_DIM)
            return arr
        if content.mode is Mode.COUNTDOWN:
            put("title", content.title, row(0.05, 0.23), 0.06, 0.025, 2, True, palette.TEXT)
            put("countdown_label", content.countdown_label, row(0.26, 0.36), 0.07, 0.03, 1, False, palette.TEXT_DIM)
            if content.countdown_text:
                arr.digits = self._digits(content.countdown_text, row(0.38, 0.80), 0.36 * h, palette.TEXT)
            put("message", content.message, row(0.83, 0.965), 0.05, 0.022, 2, True, palette.TEXT)
            return arr

        # Mode.TIMER
        put("topic", content.topic, row(0.03, 0.14), 0.045, 0.02, 2, False, palette.TEXT_DIM)
        bar_w = 0.7 * w
        arr.bar = QRectF((w - bar_w) / 2, 0.597 * h, bar_w, BAR_HEIGHT * h)
        arr.bar_color = palette.WARNING if content.badge is Badge.WARNING else palette.NORMAL
        if content.phase is TimerPhase.OVERTIME:
            arr.bar_color = palette.OVERTIME
        self._set_clock(arr, content)
        self._status_row(arr, content, row(0.635, 0.728), h)
        put("name", content.speaker_name, row(0.745, 0.865), 0.075, 0.03, 2, True, palette.TEXT)
        put("detail", content.speaker_detail, row(0.865, 0.905), 0.034, 0.02, 1, False, palette.TEXT_DIM)
        # nobody next (closed, or nobody waiting): the footer says which format is on instead
        footer = "  ·  ".join(t for t in (content.next_text or content.format_text, content.clock_text) if t)
        put("next", footer, row(0.912, 1 - MARGIN), 0.033, 0.017, 2, False, palette.TEXT_DIM)
        return arr

    def _set_clock(self, arr: Arrangement, content: ProjectorContent) -> None:
        """The parts of a timer frame that move with the seconds: the digits, the bar's fill, the overtime frame."""
        w, h = float(arr.width), float(arr.height)
        m = MARGIN * h
        box = (m, 0.14 * h, w - 2 * m, (0.585 - 0.14) * h)
        arr.digits = self._digits(content.timer_text, box, DIGIT_INK * h, _digit_color(content))
        assert arr.bar is not None
        if content.phase is not TimerPhase.OVERTIME:
            arr.bar_fill = QRectF(arr.bar.x(), arr.bar.y(), arr.bar.width() * content.fraction, arr.bar.height())
        else:
            arr.bar_fill = QRectF(arr.bar)
            arr.frame = FRAME * h if content.frame_on else 0.0

    def _clock_moved(self, old: Arrangement, content: ProjectorContent) -> Arrangement:
        """`old`'s layout with the clock's parts of `content`: a running second lays out no text again (on battery,
        the projector and the miniature asked for a layout of the whole frame every second)."""
        # Everything else carries over (a field added to Arrangement too); the clock's parts are set afresh.
        arr = replace(old, blocks=dict(old.blocks), digits=None, bar_fill=None, frame=0.0)
        self._set_clock(arr, content)
        return arr

    def _status_row(
        self, arr: Arrangement, content: ProjectorContent, box: tuple[float, float, float, float], h: float
    ) -> None:
        """The badge (warning, time up, paused) and the moderator's message side by side, centred as a group."""
        x, y, w, rh = box
        badge_w = gap = 0.0
        badge_block: TextBlock | None = None
        if content.badge is not Badge.NONE and content.badge_text:
            badge_block = self._text(
                content.badge_text, (0.0, 0.0, w * 0.5, rh * 0.8), round(0.05 * h), round(0.025 * h), 1, True
            )
            badge_w = badge_block.rect.width() + 1.2 * badge_block.pixel_size
            gap = 0.03 * h if content.message else 0.0
        message_block: TextBlock | None = None
        if content.message:
            message_block = self._text(
                content.message,
                (x + badge_w + gap, y, w - badge_w - gap, rh),
                round(0.05 * h),
                round(0.022 * h),
                2,
                True,
            )
        total = badge_w + gap + (message_block.rect.width() if message_block else 0.0)
        left = x + (w - total) / 2
        if badge_block is not None:
            text_color = {Badge.WARNING: palette.ON_WARNING, Badge.OVERTIME: palette.ON_OVERTIME}.get(
                content.badge, palette.PAUSED
            )
            badge_h = min(rh, badge_block.rect.height() * 1.35)
            arr.badge = QRectF(left, y + (rh - badge_h) / 2, badge_w, badge_h)
            arr.badge_kind = content.badge
            dx = arr.badge.center().x() - badge_block.rect.center().x()
            dy = arr.badge.center().y() - badge_block.rect.center().y()
            arr.blocks["badge_text"] = (_moved(badge_block, dx, dy), text_color)
        if message_block is not None:
            dx = left + badge_w + gap - message_block.rect.left()
            arr.blocks["message"] = (_moved(message_block, dx, 0.0), palette.TEXT)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, content: ProjectorContent, width: int, height: int) -> Arrangement:
        arr = self.arrange(content, width, height)
        self.paint_arrangement(painter, arr)
        return arr

    def paint_arrangement(self, painter: QPainter, arr: Arrangement, clip: QRectF | None = None) -> None:
        """Paint `arr`; with `clip` (the rectangle being repainted) what lies wholly outside it is skipped (a second
        of a turn paints the changed digit and the bar's end as two rectangles, each needing one of them)."""
        width, height = arr.width, arr.height
        pad = DIRTY_PAD * height

        def meets(rect: QRectF) -> bool:
            return clip is None or clip.intersects(rect.adjusted(-pad, -pad, pad, pad))

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        whole = QRectF(0, 0, width, height)
        painter.fillRect(
            clip.intersected(whole) if clip is not None else whole,  # a scaled edge blends as a whole paint's does
            palette.BLACK if arr.black else palette.BACKGROUND,
        )
        if arr.frame > 0:
            inside = whole.adjusted(arr.frame + pad, arr.frame + pad, -arr.frame - pad, -arr.frame - pad)
            if clip is None or not inside.contains(clip):
                pen = QPen(palette.OVERTIME, arr.frame)
                pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                half = arr.frame / 2
                painter.drawRect(QRectF(half, half, width - arr.frame, height - arr.frame))
        if arr.bar is not None and meets(arr.bar):
            painter.setPen(Qt.PenStyle.NoPen)
            radius = arr.bar.height() / 2
            painter.setBrush(palette.TRACK)
            painter.drawRoundedRect(arr.bar, radius, radius)
            if arr.bar_fill is not None and arr.bar_fill.width() > 0 and arr.bar_color is not None:
                painter.setBrush(arr.bar_color)
                painter.drawRoundedRect(arr.bar_fill, radius, radius)
        if arr.badge is not None and meets(arr.badge):
            self._paint_badge(painter, arr.badge_kind, arr.badge)
        if arr.digits is not None and meets(arr.digits.rect):
            digits = arr.digits
            wanted = None  # the text whole; or only the characters that meet the rectangle (a second on a beamer)
            if clip is not None and len(digits.cells) == len(digits.text):
                wanted = [meets(cell) for cell in digits.cells]
                if all(wanted):
                    wanted = None
            draw_digits(painter, digits.text, digits.font, digits.baseline, digits.color, wanted)
        for block, color in arr.blocks.values():
            if meets(block.rect):
                block.draw(painter, color)

    @staticmethod
    def _paint_badge(painter: QPainter, badge: Badge, rect: QRectF) -> None:
        """Shape carries the state as much as colour: rounded amber pill, square vermilion plate, grey outline."""
        if badge is Badge.WARNING:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.WARNING)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        elif badge is Badge.OVERTIME:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.OVERTIME)
            painter.drawRect(rect)
        else:
            painter.setPen(QPen(palette.PAUSED, max(2.0, rect.height() * 0.06)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, rect.height() * 0.2, rect.height() * 0.2)


_CLOCK_FIELDS = frozenset({"timer_text", "fraction", "frame_on"})
_STILL_FIELDS = tuple(f.name for f in fields(ProjectorContent) if f.name not in _CLOCK_FIELDS)
_still = attrgetter(*_STILL_FIELDS)
"""Everything of a timer frame but the clock's parts: equal, the frame's texts are laid out as before."""


def _only_the_clock_moved(old: ProjectorContent, new: ProjectorContent) -> bool:
    return old.mode is Mode.TIMER and new.mode is Mode.TIMER and _still(old) == _still(new)


def _moved(block: TextBlock, dx: float, dy: float) -> TextBlock:
    return replace(block, origin=block.origin + QPointF(dx, dy), rect=block.rect.translated(dx, dy))
