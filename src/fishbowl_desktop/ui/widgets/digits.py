"""A clock's digits that repaint themselves each second and nothing around them.

A QLabel asks its layout to recompute on every `setText` and lets its parents paint the background under it;
once a second, that laid out the whole console window again and repainted five ancestors under the time
(issue 29, benchmarks/README.md "Battery"). These digits are opaque (they fill their own rectangle with the panel's
colour) and ask for a new size only when the text's shape changes ("9:59" to "+0:00"), never when a digit does.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_DIGIT = re.compile(r"\d")


def shape_of(text: str) -> str:
    """The text with every digit the widest one: equal shapes take the same room."""
    return _DIGIT.sub("8", text)


class DigitsLabel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._shape = ""
        self._background = QColor("#FFFFFF")
        self._foreground = QColor("#000000")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        if shape_of(text) != self._shape:
            self._shape = shape_of(text)
            self.updateGeometry()
        self.update()

    def set_colors(self, background: QColor, foreground: QColor) -> None:
        """The panel's background (painted under the digits) and the ink, per timer state."""
        if (background, foreground) != (self._background, self._foreground):
            self._background, self._foreground = QColor(background), QColor(foreground)
            self.update()

    def colors(self) -> tuple[QColor, QColor]:
        return QColor(self._background), QColor(self._foreground)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._shape or "88:88") + 8, metrics.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.setFont(self.font())
        painter.setPen(self._foreground)
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self._text)
        painter.end()
