"""Blending in strips short enough that Qt's raster engine does it on the UI thread, not in its thread pool.

Qt 6's raster engine splits a blend of 96 rows or more (an image copied under a clip region, as a partial repaint
has, or a translucent fill) into pieces for its GUI thread pool, and waits for them. For the few small pieces a
running clock repaints each second the hand-over costs more than the work: with the projector as a small window
on the laptop's only screen the pool's two threads woke ~1,500 times a minute, five times the bare reference
timer's whole process (benchmarks/README.md, "battery", issue 29). Strips of at most `ROWS` device rows are each
blended whole by the UI thread, with the same pixels: every strip starts and ends on a device row.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

ROWS = 64
"""Device rows per strip; Qt hands a blend to its pool from 96 rows on (two pieces of at least 48)."""


def draw_image(painter: QPainter, origin: QPointF, picture: QImage | QPixmap) -> None:
    """`painter.drawImage(origin, picture)` (or `drawPixmap`) for a picture at the device's pixel ratio, copied
    pixel for pixel."""
    height = picture.height()
    if height <= ROWS:
        if isinstance(picture, QImage):
            painter.drawImage(origin, picture)
        else:
            painter.drawPixmap(origin, picture)
        return
    ratio = picture.devicePixelRatio()
    width = float(picture.width())
    for top in range(0, height, ROWS):
        rows = min(ROWS, height - top)
        target = QRectF(origin.x(), origin.y() + top / ratio, width / ratio, rows / ratio)
        if isinstance(picture, QImage):
            painter.drawImage(target, picture, QRectF(0, top, width, rows))
        else:
            painter.drawPixmap(target, picture, QRectF(0, top, width, rows))


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
