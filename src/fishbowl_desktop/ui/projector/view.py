"""The painted projector content, as a full-size view (inside the projector window) and as the console's
live miniature. Both read one `ProjectorScene`, which follows the controller's signals and the ticker: no
copy of the session's state, and a repaint only when something shown actually changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore, settings_store
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.projector import palette
from fishbowl_desktop.ui.projector.content import ProjectorContent, projector_content
from fishbowl_desktop.ui.projector.render import Arrangement, ProjectorRenderer


class ProjectorScene(QObject):
    """Recomputes what is shown whenever a part it reads may have changed, and says so only if it did."""

    changed = Signal()

    def __init__(self, controller: SessionController, ticker: TimerTicker, settings: SettingsStore | AppSettings,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._controller = controller
        self._ticker = ticker
        self.store = settings_store(settings, self)
        self._content = self._compute()
        for signal in (controller.turnChanged, controller.queueChanged, controller.stageChanged,
                       controller.eventChanged, controller.participantsChanged, controller.seatsChanged,
                       controller.settingsChanged, controller.sessionReplaced, ticker.displayChanged,
                       self.store.settingsChanged):
            signal.connect(self.refresh)

    @property
    def settings(self) -> AppSettings:
        return self.store.settings

    def content(self) -> ProjectorContent:
        return self._content

    def _compute(self) -> ProjectorContent:
        return projector_content(self._controller.session, self._ticker.view(), self.store.settings)

    def refresh(self) -> None:
        content = self._compute()
        if content != self._content:
            self._content = content
            self.changed.emit()


class ProjectorView(QWidget):
    """The projector's face at the widget's own size (the window's view, and screenshots via `grab()`)."""

    def __init__(self, scene: ProjectorScene, parent: QWidget | None = None):
        super().__init__(parent)
        self._scene = scene
        self._renderer = ProjectorRenderer()
        self.paint_count = 0
        """Frames painted; lets tests check that nothing repaints while nothing changes."""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAutoFillBackground(False)
        self.setMinimumSize(160, 90)
        scene.changed.connect(self.update)

    def scene(self) -> ProjectorScene:
        return self._scene

    def arrangement(self) -> Arrangement:
        """The layout for the current content and size, as the next paint will draw it."""
        return self._renderer.arrange(self._scene.content(), self.width(), self.height())

    def layout_rects(self) -> dict[str, QRectF]:
        return self.arrangement().rects()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_count += 1
        painter = QPainter(self)
        self._renderer.paint(painter, self._scene.content(), self.width(), self.height())
        painter.end()


class ProjectorPreview(QWidget):
    """A live miniature for the console: laid out at the projector's real size, then scaled down, so line
    breaks and shrinking look exactly as in the hall. Keeps the projector's aspect ratio (letterboxed)."""

    def __init__(self, scene: ProjectorScene, parent: QWidget | None = None):
        super().__init__(parent)
        self._scene = scene
        self._renderer = ProjectorRenderer()
        self._logical = QSize(1920, 1080)
        self._notice = ""
        self.setMinimumSize(160, 90)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        scene.changed.connect(self.update)

    def logical_size(self) -> QSize:
        return QSize(self._logical)

    def set_logical_size(self, size: QSize) -> None:
        """The projector screen's size; the preview follows when the beamer changes."""
        if size.width() > 0 and size.height() > 0 and size != self._logical:
            self._logical = QSize(size)
            self.updateGeometry()
            self.update()

    def notice(self) -> str:
        return self._notice

    def set_notice(self, text: str) -> None:
        """A band across the miniature when the hall does not see it ("Projector off – F5"); "" removes it."""
        if text != self._notice:
            self._notice = text
            self.setToolTip(text)
            self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._logical.height() / self._logical.width())

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def target_rect(self) -> QRectF:
        """Where the miniature sits inside the widget."""
        lw, lh = self._logical.width(), self._logical.height()
        scale = min(self.width() / lw, self.height() / lh)
        w, h = lw * scale, lh * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        target = self.target_rect()
        painter.translate(target.topLeft())
        painter.scale(target.width() / self._logical.width(), target.height() / self._logical.height())
        painter.setClipRect(QRectF(0, 0, self._logical.width(), self._logical.height()))
        self._renderer.paint(painter, self._scene.content(), self._logical.width(), self._logical.height())
        painter.resetTransform()
        painter.setPen(palette.TRACK)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        if self._notice:
            self._paint_notice(painter, target)
        painter.end()

    def _paint_notice(self, painter: QPainter, target: QRectF) -> None:
        """Dim the miniature and say across it, in the console's colours, that the hall sees none of it."""
        painter.fillRect(target, QColor(0, 0, 0, 150))
        band_h = max(28.0, target.height() * 0.3)
        band = QRectF(target.left(), target.center().y() - band_h / 2, target.width(), band_h)
        painter.fillRect(band, palette.WARNING)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(11, round(band_h * 0.3)))
        painter.setFont(font)
        painter.setPen(palette.ON_WARNING)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(band.adjusted(6, 2, -6, -2), int(flags), self._notice)
