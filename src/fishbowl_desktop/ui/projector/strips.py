"""Painting a partial repaint so that Qt's raster engine blends it on the UI thread, not in its thread pool.

Qt 6's raster engine splits a blend of 96 spans or more into pieces for its GUI thread pool and waits for them. An
image copied under a clip region (a partial repaint's, of more than one rectangle) makes a span per row and
rectangle; a translucent fill with antialiased edges three per row, whatever the clip. For the few small pieces a
running clock repaints each second the hand-over costs more than the work: with the projector as a small window on
the laptop's only screen the pool's two threads woke ~1,500 times a minute, five times the bare reference timer's
whole process (benchmarks/README.md, "battery", issue 29). So the projector's views paint a region one rectangle at
a time (`pieces`: under a rectangle clip Qt copies an image whole, on this thread), and translucent fills go in
strips of `ROWS` device rows (`fill_rect`), cut at whole rows, with the same pixels.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QRegion

ROWS = 24
"""Device rows per strip of a translucent fill: three spans a row stay below Qt's 96."""


def pieces(region: QRegion) -> list[QRect]:
    """The region's rectangles, to paint one at a time under a rectangle clip."""
    return list(iter(region))  # type: ignore[call-overload]


def fill_rect(painter: QPainter, rect: QRectF, color: QColor, ratio: float) -> None:
    """`painter.fillRect(rect, color)` with a translucent `color` and no transform but the device's pixel `ratio`:
    strips cut at whole device rows, so each pixel is blended once, as by one fill."""
    top, bottom = rect.top() * ratio, rect.bottom() * ratio
    if bottom - top <= ROWS:
        painter.fillRect(rect, color)
        return
    cut = top
    while cut < bottom:
        end = min(bottom, math.floor(cut) + ROWS)
        painter.fillRect(QRectF(rect.left(), cut / ratio, rect.width(), (end - cut) / ratio), color)
        cut = end
