"""The speaker clock's digits in the miniature (and in a small projector window) copied from images drawn once.

Qt keeps rendered glyphs only up to 64 px; larger ones are drawn from their outlines at every paint: the font's
hinting program runs, the curves are flattened and filled. The miniature's digits are ~70-100 px on the laptop,
so each second of a running turn paid that for four characters (0.25 ms of the preview's repaint in the battery
benchmark; benchmarks/README.md, "battery"). Here each character is drawn once into an image at the device's
scale and at its sub-pixel position (to an eighth of a pixel: no visible difference), and copied after that (under
a rectangle clip, so on the UI thread: `strips.py`).

Above `LARGEST_PX` (a beamer's 400-600 px digits) the outlines are drawn as before: images of that size would
cost megabytes for a saving a beamer's repaint hardly notices, and the bare reference timer pays the same.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTransform

LARGEST_PX = 256
"""Device pixel size of the digits' font up to which they are copied from images."""
CACHE_BYTES = 2 * 1024 * 1024
"""The images kept, at most, the least recently used going first. A miniature's clock needs ~0.3 MB; with the
projector as a 410x230 window beside it (one screen) the two need ~40 images, ~1.2 MB: with 1 MB, emptied whole when
full, they were drawn again ~2.5 times a second (~90 us each)."""
_PHASES = 8
"""Sub-pixel positions per pixel the images are drawn at."""
_MARGIN = 2

_images: OrderedDict[tuple[object, ...], tuple[QImage, int, int]] = OrderedDict()
_advances: dict[tuple[str, str], float] = {}
_keys: dict[int, tuple[QFont, str]] = {}
"""Each digit font's key by the font object's id, beside a copy of the font it was taken from."""
_bytes = 0
drawn = 0
"""Images drawn since start (tests: a second's repaint draws none once the characters were seen)."""
outlined = 0
"""Characters drawn from their outlines since start (tests: a second on the beamer draws the changed ones)."""


def draw_digits(
    painter: QPainter,
    text: str,
    font: QFont,
    baseline: QPointF,
    color: QColor,
    wanted: Sequence[bool] | None = None,
) -> None:
    """What `painter.drawText(baseline, text)` draws with `font` and `color` as pen. `wanted`: which characters
    to draw, each at its place (the others lie outside the rectangle being repainted); None draws the text whole.
    On a beamer a second repaints the changed character's rectangle, and each character drawn there is its outline
    loaded, hinted and filled: the whole text cost four of them (a quarter of a running second's instructions)."""
    global outlined
    device = painter.deviceTransform()
    scale = device.m11()
    if (
        device.type().value > QTransform.TransformationType.TxScale.value
        or abs(device.m22() - scale) > 1e-9
        or scale <= 0
        or font.pixelSize() * scale > LARGEST_PX
    ):
        painter.setFont(font)
        painter.setPen(color)
        if wanted is None:
            painter.drawText(baseline, text)
            outlined += len(text)
            return
        font_key = _key(font)
        # Where the text puts each character: Qt cuts the start to 1/64 px (towards zero) and adds each advance
        # (tabular digits, no pair kerned), in 1/64 px. Summed as floats instead, a start a hair below a 1/64 step
        # put a later character a step to the right: its edges came out up to 5 levels apart.
        pen = int(baseline.x() * 64)
        for char, draw in zip(text, wanted, strict=True):
            if draw:
                painter.drawText(QPointF(pen / 64, baseline.y()), char)
                outlined += 1
            pen += round(_advance(char, font, font_key) * 64)
        return
    font_key = _key(font)
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    painter.save()
    painter.resetTransform()
    # What is left of the device transform: the ratio, and the widget's offset in its window when Qt paints it
    # into the window's backing store (a redirection that resetTransform keeps). Without it an image landed off by
    # the widget's own position: the console's miniature, in its side panel, showed its clock outside its clip.
    shift = painter.deviceTransform()
    dx, dy = shift.dx(), shift.dy()
    pen_x = baseline.x()
    for i, char in enumerate(text):
        if wanted is None or wanted[i]:
            origin = device.map(QPointF(pen_x, baseline.y()))
            x, y = math.floor(origin.x()), math.floor(origin.y())
            phase = (round((origin.x() - x) * _PHASES), round((origin.y() - y) * _PHASES))
            image, left, top = _image(char, font, font_key, color, scale, phase, ratio)
            painter.drawImage(QPointF((x - left - dx) / ratio, (y - top - dy) / ratio), image)
        pen_x += _advance(char, font, font_key)
    painter.restore()


def _key(font: QFont) -> str:
    """`font.key()`, kept per font object: the arrangement hands the same digit font every second, and asking Qt
    for its key each time cost ~10 us a draw (comparing it with a copy of what it was is ~0.5 us)."""
    found = _keys.get(id(font))
    if found is None or found[0] != font:
        if len(_keys) > 64:
            _keys.clear()
        found = _keys[id(font)] = (QFont(font), font.key())
    return found[1]


def _advance(char: str, font: QFont, font_key: str) -> float:
    """A character's advance (the clock's digits are tabular, and no pair of them is kerned)."""
    key = (char, font_key)
    advance = _advances.get(key)
    if advance is None:
        if len(_advances) > 4096:
            _advances.clear()
        advance = _advances[key] = QFontMetricsF(font).horizontalAdvance(char)
    return advance


def _image(
    char: str, font: QFont, font_key: str, color: QColor, scale: float, phase: tuple[int, int], ratio: float
) -> tuple[QImage, int, int]:
    """The character drawn with its origin at (left + phase, top + phase) of the image, in device pixels; the image
    says the device's pixel ratio, so that it is copied pixel for pixel on a HiDPI screen."""
    global _bytes, drawn
    key = (char, font_key, color.rgba(), scale, phase, ratio)
    found = _images.get(key)
    if found is not None:
        _images.move_to_end(key)
        return found
    box = QFontMetricsF(font).tightBoundingRect(char)  # the ink (the margin takes the antialiasing)
    left = _MARGIN - math.floor(box.left() * scale)
    top = _MARGIN - math.floor(box.top() * scale)
    width = math.ceil(box.right() * scale) + left + _MARGIN + 1
    height = math.ceil(box.bottom() * scale) + top + _MARGIN + 1
    image = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.translate(left + phase[0] / _PHASES, top + phase[1] / _PHASES)
    painter.scale(scale, scale)
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(QPointF(0, 0), char)
    painter.end()
    image.setDevicePixelRatio(ratio)
    drawn += 1
    size = image.sizeInBytes()
    while _images and _bytes + size > CACHE_BYTES:
        _bytes -= _images.popitem(last=False)[1][0].sizeInBytes()
    _images[key] = (image, left, top)
    _bytes += size
    return image, left, top
