"""A label and a button whose text never widens their column: cut at its end with "…", whole in the tooltip.

A QLabel or QPushButton asks its layout for the width of its whole text, so a long speaker's name pushed the
splitter and moved the buttons under the moderator's mouse (issue 21, point 8). These ask for a fixed, small
width and paint what fits; `text()` stays the whole text, and the tooltip shows it when it is cut.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, min_chars: int = 8):
        super().__init__(parent)
        self._min_chars = min_chars
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._sync_tooltip()

    def shown_text(self) -> str:
        """What is painted: the text, or its beginning and "…" when it does not fit."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(0, width))

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            fm.averageCharWidth() * self._min_chars + margins.left() + margins.right(),
            fm.height() + margins.top() + margins.bottom(),
        )

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sync_tooltip()

    def _sync_tooltip(self) -> None:
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
        painter.end()


class ElidedButton(QPushButton):
    """A push button whose text (a name in "Next: …") is cut at its end instead of widening the column;
    `hint` is the button's own tooltip, with the whole text above it while the text is cut."""

    def __init__(self, text: str = "", parent: QWidget | None = None, min_chars: int = 12, hint: str = ""):
        super().__init__(text, parent)
        self._min_chars = min_chars
        self._hint = hint
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self._sync_tooltip()

    def set_hint(self, hint: str) -> None:
        self._hint = hint
        self._sync_tooltip()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._sync_tooltip()
            self.update()

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        option = self._option()
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self).width()
        room -= 2 * self.fontMetrics().averageCharWidth()  # the style's own padding around the text
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(0, room))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()  # QPushButton's own asks sizeHint() too

    def sizeHint(self) -> QSize:
        height = super().sizeHint().height()
        return QSize(self.fontMetrics().averageCharWidth() * self._min_chars, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sync_tooltip()

    def _sync_tooltip(self) -> None:
        cut = self.shown_text() != self.text()
        self.setToolTip("\n".join(t for t in ((self.text() if cut else ""), self._hint) if t))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        option.text = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
