"""The inner circle as the moderator sees it: where each seat card sits on the ring, and how it is drawn.

`SeatRing` is the circle view's painting half, composed into `CircleView` (which keeps the interaction:
keys, mouse, drag and drop, the Seat… dialogs). It reads the session and the view's selection each time it
paints or measures, and holds nothing but the last card size for the view's size.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from fishbowl_desktop.model import Session

CARD_BORDER = QColor("#8A94A0")
CARD_FILL = QColor("#FFFFFF")
FREE_FILL = QColor("#E8F4FB")
FREE_BORDER = QColor("#0072B2")  # Okabe–Ito blue, as on the projector
SPEAKER = QColor("#009E73")  # Okabe–Ito bluish green: "has the floor"
SELECTED = QColor("#E69F00")
TEXT = QColor("#1F2933")
TEXT_DIM = QColor("#5B6672")


def seat_angle(index: int, count: int) -> float:
    """Radians, clockwise on screen; the last seat (the free chair by convention) sits at the bottom,
    facing the audience."""
    return math.pi / 2 + 2 * math.pi * (index - (count - 1)) / count


class SeatRing(QObject):
    def __init__(self, widget: QWidget, session: Callable[[], Session]):
        super().__init__(widget)
        self._widget = widget
        self._session = session
        self._card_cache: tuple[tuple[int, int, int], tuple[float, float]] | None = None

    # ------------------------------------------------------------------ geometry
    @property
    def card(self) -> tuple[float, float]:
        key = (self._widget.width(), self._widget.height(), len(self._session().seats))
        if self._card_cache is None or self._card_cache[0] != key:
            self._card_cache = (key, self.card_size())
        return self._card_cache[1]

    def card_size(self) -> tuple[float, float]:
        """The largest cards (up to 200×66 px) for which no two seats overlap on this widget's ring."""
        n = len(self._session().seats)
        h = max(44.0, min(66.0, self._widget.height() / max(3.0, n / 2 + 1.0)))
        while True:
            w = 200.0
            while w >= 80:
                rects = [self._rect_for(i, n, w, h) for i in range(n)]
                if not any(a.adjusted(-4, -4, 4, 4).intersects(b) for k, a in enumerate(rects) for b in rects[k + 1 :]):
                    return w, h
                w -= 4
            if h <= 34:
                return 80.0, h  # a tiny window: overlapping cards beat invisible ones
            h -= 4

    def _rect_for(self, index: int, n: int, w: float, h: float) -> QRectF:
        width, height = self._widget.width(), self._widget.height()
        rx = max(0.0, width / 2 - w / 2 - 6)
        ry = max(0.0, height / 2 - h / 2 - 6)
        a = seat_angle(index, n)
        cx = width / 2 + rx * math.cos(a)
        cy = height / 2 + ry * math.sin(a)
        return QRectF(cx - w / 2, cy - h / 2, w, h)

    def seat_rect(self, index: int) -> QRectF:
        w, h = self.card
        return self._rect_for(index, len(self._session().seats), w, h)

    def seat_at(self, pos: QPoint) -> int | None:
        for i in range(len(self._session().seats)):
            if self.seat_rect(i).contains(pos.toPointF()):
                return i
        return None

    # ------------------------------------------------------------------ painting
    def paint(self, p: QPainter, selected: int | None, hover_drop: int | None) -> None:
        """Every seat card: free chairs blue, the speaker's green, the drop target and the selection amber."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        widget, session = self._widget, self._session()
        by_id = session.participants_by_id()
        speaker = session.turn.participant_id if session.turn else None
        n = len(session.seats)
        w, h = self.card
        ring = QRectF(w / 2, h / 2, widget.width() - w, widget.height() - h)
        p.setPen(QPen(QColor("#D5DBE1"), 2, Qt.PenStyle.DashLine))
        p.drawEllipse(ring)
        self._paint_hint(p, w)
        base = QFont(widget.font())
        name_font = QFont(base)
        name_font.setBold(True)
        name_font.setPointSizeF(base.pointSizeF() * 1.1)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.85)
        for i in range(n):
            seat = session.seats[i]
            rect = self.seat_rect(i)
            occupant = by_id.get(seat.occupant) if seat.occupant else None
            fill = FREE_FILL if seat.is_free_chair else CARD_FILL
            border, width, style = CARD_BORDER, 1.5, Qt.PenStyle.SolidLine
            if seat.is_free_chair:
                border = FREE_BORDER
            if occupant is None:
                style = Qt.PenStyle.DashLine
            if seat.occupant is not None and seat.occupant == speaker:
                border, width = SPEAKER, 4.0
            if i == hover_drop:
                border, width = SELECTED, 4.0
            p.setBrush(fill)
            p.setPen(QPen(border, width, style))
            p.drawRoundedRect(rect, 10, 10)
            if i == selected:
                p.setBrush(Qt.BrushStyle.NoBrush)
                pen = QPen(SELECTED, 3 if widget.hasFocus() else 2, Qt.PenStyle.DotLine)
                p.setPen(pen)
                p.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 13, 13)
            inner = rect.adjusted(10, 5, -10, -5)
            kind = self.tr("Free chair") if seat.is_free_chair else self.tr("Seat {n}").format(n=i + 1)
            if seat.occupant is not None and seat.occupant == speaker:
                kind = self.tr("{kind} · speaking").format(kind=kind)
            p.setFont(small)
            p.setPen(SPEAKER if seat.occupant == speaker and speaker else TEXT_DIM)
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, kind)
            if occupant is not None:
                text, font, colour = occupant.name, name_font, TEXT
            else:
                text, font, colour = self.tr("empty – drop someone here"), small, TEXT_DIM
            p.setFont(font)
            p.setPen(colour)
            fm = QFontMetrics(font)
            room = inner.height() - QFontMetrics(small).height()
            lines = fit_lines(fm, text, int(inner.width()), 2 if room >= 2 * fm.lineSpacing() else 1)
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, "\n".join(lines))

    def _paint_hint(self, p: QPainter, card_width: float) -> None:
        """A quiet line in the middle of the ring, only where no card is: how the circle is set up and used."""
        widget, session = self._widget, self._session()
        free = len(session.free_chair_indices())
        chairs = self.tr("1 free chair") if free == 1 else self.tr("{n} free chairs").format(n=free)
        hint = self.tr("{panel} panel seats · {chairs}\nDrag people onto a seat,\ndouble-click gives the floor").format(
            panel=len(session.seats) - free, chairs=chairs
        )
        cards = [self.seat_rect(i).adjusted(-6, -6, 6, 6) for i in range(len(session.seats))]
        middle = widget.height() / 2
        top = max((c.bottom() for c in cards if c.center().y() < middle), default=0.0)
        bottom = min((c.top() for c in cards if c.center().y() >= middle), default=float(widget.height()))
        area = QRectF(card_width / 2, top, max(0.0, widget.width() - card_width), max(0.0, bottom - top))
        if any(area.intersects(c) for c in cards):
            return
        fm = QFontMetrics(p.font())
        widest = max(fm.horizontalAdvance(line) for line in hint.split("\n"))
        if area.height() < 3 * fm.lineSpacing() or area.width() < widest:
            return
        p.setPen(TEXT_DIM)
        p.drawText(area, Qt.AlignmentFlag.AlignCenter, hint)


def fit_lines(fm: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    """Break a name at spaces into at most `max_lines` lines; whatever is left is elided on the last one."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(
            line if fm.horizontalAdvance(line) <= width else fm.elidedText(line, Qt.TextElideMode.ElideRight, width)
        )
    if words:
        lines.append(fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines or [text]
