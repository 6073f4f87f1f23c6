"""The audience link's QR code on the projector, on demand: a card in the bottom-right corner of the projector
window and of the console's preview, so the hall can scan it and the moderator sees what the hall sees.

Whether it shows is the room's live state (`Room.qr_on_projector`, like the blank screen: not saved, not
undoable); this widget only paints it. The caption is in the hall's language (the session's), as on the
projector itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.room_links import link_url, qr_pixmap

CAPTION = {"de": "Freier Stuhl? Hier melden:", "en": "The free chair? Ask here:"}
CARD_HEIGHT = 0.36
"""Of the projector's height: large enough to scan from the middle rows."""
MARGIN = 0.035


class AudienceQrCard(QWidget):
    """Painted over a projector surface; `surface_rect` says where the 1920×1080-like face sits in the host."""

    def __init__(self, room: Room, host: QWidget):
        super().__init__(host)
        self._room = room
        self._host = host
        self._pixmap: QPixmap | None = None
        self._url = ""
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        host.installEventFilter(self)
        room.qrOnProjectorChanged.connect(self.refresh)
        room.linksChanged.connect(self.refresh)
        room.runningChanged.connect(self.refresh)
        self.refresh()

    def surface_rect(self) -> QRectF:
        target = getattr(self._host, "target_rect", None)
        return target() if callable(target) else QRectF(self._host.rect())

    def refresh(self, *_args: object) -> None:
        shown = self._room.qr_on_projector and self._room.running
        if shown:
            url = link_url(self._room.address, self._room.port, self._room.links.audience)
            if url != self._url:
                self._url = url
                self._pixmap = qr_pixmap(url, 8)
            self._place()
        self.setVisible(shown)
        self.update()

    @property
    def url(self) -> str:
        return self._url

    def _place(self) -> None:
        face = self.surface_rect()
        h = face.height() * CARD_HEIGHT
        w = h * 0.82
        m = face.height() * MARGIN
        self.setGeometry(round(face.right() - m - w), round(face.bottom() - m - h), max(1, round(w)), max(1, round(h)))
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        w, h = self.width(), self.height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(QRectF(0, 0, w, h), h * 0.03, h * 0.03)
        caption_h = h * 0.16
        caption = CAPTION.get(self._room.language(), CAPTION["en"])
        font = QFont(self.font())
        font.setBold(True)
        size = max(6, round(caption_h * 0.42))
        while True:  # shrink until the caption fits the card: it must never be cut
            font.setPixelSize(size)
            if size <= 6 or QFontMetricsF(font).horizontalAdvance(caption) <= w * 0.92:
                break
            size -= 1
        painter.setFont(font)
        painter.setPen(QColor("#101418"))
        painter.drawText(QRectF(0, 0, w, caption_h), Qt.AlignmentFlag.AlignCenter, caption)
        side = min(w * 0.92, h - caption_h * 1.1)
        target = QRectF((w - side) / 2, caption_h, side, side)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp modules scan best
        painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        painter.end()


class AudienceQrOnProjector:
    """One card on the projector window's view (created with it) and one on the console's preview."""

    def __init__(self, room: Room, preview: QWidget, projector_view: QWidget | None = None):
        self.cards = [AudienceQrCard(room, preview)]
        if projector_view is not None:
            self.cards.append(AudienceQrCard(room, projector_view))
