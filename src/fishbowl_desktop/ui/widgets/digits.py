"""A clock's digits, and the words beside them, that repaint themselves each second and nothing around them.

A QLabel asks its layout to recompute on every `setText` and lets its parents paint the background under it;
once a second, that laid out the whole console window again and repainted five ancestors under the time
(issue 29, benchmarks/README.md "Battery"). These are opaque (they fill their own rectangle with the panel's
colour). The digits ask for a new size only when the text's shape changes ("9:59" to "+0:00"), never when a digit
does; the words ("12 seconds left", "Time is up · 0:05 over time") never: their size is the font's, their text is
cut with "…" where it does not fit, and whole in the tooltip.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_DIGIT = re.compile(r"\d")


def shape_of(text: str) -> str:
    """The text with every digit the widest one: equal shapes take the same room."""
    return _DIGIT.sub("8", text)


class _OpaqueText(QWidget):
    """One line of text centred on a background of its own colour: a new text repaints this rectangle only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._background = QColor("#FFFFFF")
        self._foreground = QColor("#000000")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def text(self) -> str:
        return self._text

    def set_colors(self, background: QColor, foreground: QColor) -> None:
        """The panel's background (painted under the text) and the ink, per timer state."""
        if (background, foreground) != (self._background, self._foreground):
            self._background, self._foreground = QColor(background), QColor(foreground)
            self.update()

    def colors(self) -> tuple[QColor, QColor]:
        return QColor(self._background), QColor(self._foreground)

    def shown_text(self) -> str:
        return self._text

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.setFont(self.font())
        painter.setPen(self._foreground)
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.shown_text())
        painter.end()


class DigitsLabel(_OpaqueText):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._shape = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        if shape_of(text) != self._shape:
            self._shape = shape_of(text)
            self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._shape or "88:88") + 8, metrics.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class LiveWords(_OpaqueText):
    """Words that change with the clock: as wide as the layout makes them, a line of the font high, so a new text
    lays nothing out (a QLabel there laid out the window and repainted five ancestors every second of a turn's
    warning and overtime). The whole text is `text()`, the accessible name, and the tooltip when it is cut."""

    def __init__(self, parent: QWidget | None = None, min_chars: int = 8):
        super().__init__(parent)
        self._min_chars = min_chars
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self.setAccessibleName(text)
        self._sync_tooltip()
        self.update()

    def shown_text(self) -> str:
        """What is painted: the text, or its beginning and "…" when it does not fit."""
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, max(0, self.width()))

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * self._min_chars, metrics.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sync_tooltip()

    def _sync_tooltip(self) -> None:
        tip = self._text if self.shown_text() != self._text else ""
        if tip != self.toolTip():
            self.setToolTip(tip)
