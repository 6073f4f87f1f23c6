"""The painted projector content, as a full-size view (inside the projector window) and as the console's
live miniature. Both read one `ProjectorScene`, which follows the controller's signals and the ticker: no
copy of the session's state, and a repaint only when something shown actually changed.

The scene recomputes lazily and announces at most once per event-loop turn (`coalesce.TurnCoalescer`): one
Next announces five parts, and the projector paints once, before the console's views. The full view then
repaints only the rectangles whose drawing changed (the digits and the bar on a tick), so the frame buffer
flushed to the beamer is a few strips, not 1920×1080.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import QSizePolicy, QWidget

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.coalesce import TurnCoalescer
from fishbowl_desktop.controller.settings_store import SettingsStore, settings_store
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import ProjectorContent, projector_content
from fishbowl_desktop.ui.projector import palette, strips
from fishbowl_desktop.ui.projector.changes import changed_rects
from fishbowl_desktop.ui.projector.render import Arrangement, ProjectorRenderer


class ProjectorScene(QObject):
    """Recomputes what is shown when a part it reads may have changed, and says so only if it did: once per
    event-loop turn however many parts one intent announced. `content()` is always current (it recomputes
    on demand), so a reader in the middle of a turn never sees the previous state."""

    changed = Signal()

    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        settings: SettingsStore,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._controller = controller
        self._ticker = ticker
        self.store = settings_store(settings, self)
        self.computations = 0
        """How often the content was derived from the model; lets tests check one update per turn."""
        self._stale = True
        self._clock_moved = False
        """Only the ticker announced since the last computation: its reading is the one to show."""
        self._content = self._compute()
        self._stale = False
        self._announced = self._content
        """What `changed` was last emitted for; the views show this (or newer)."""
        self.coalescer = TurnCoalescer(self._announce, self)
        for signal in (
            controller.turnChanged,
            controller.queueChanged,
            controller.stageChanged,
            controller.eventChanged,
            controller.participantsChanged,
            controller.seatsChanged,
            controller.settingsChanged,
            controller.sessionReplaced,
        ):
            signal.connect(self._part_changed)
        ticker.displayChanged.connect(self._clock_changed)
        self.store.settingsChanged.connect(self.refresh)  # the dialog's choice shows at once

    @property
    def settings(self) -> AppSettings:
        return self.store.settings

    def content(self) -> ProjectorContent:
        if self._stale or self._clock_moved:
            content = self._compute()
            self._stale = self._clock_moved = False
            if content != self._content:  # an equal one keeps its identity: the views' layouts stay cached
                self._content = content
        return self._content

    def _compute(self) -> ProjectorContent:
        self.computations += 1
        # a new second: the ticker's reading, the one every display of the tick shows (no second look at the clock)
        view = self._ticker.shown if not self._stale else self._ticker.view()
        return projector_content(self._controller.session, view, self.store.settings)

    def _part_changed(self) -> None:
        self._stale = True
        self.coalescer.request()

    def _clock_changed(self) -> None:
        self._clock_moved = True
        self.coalescer.request()

    def _announce(self) -> None:
        content = self.content()
        if content != self._announced:
            self._announced = content
            self.changed.emit()

    def refresh(self) -> None:
        """Recompute and announce now, within this turn (a settings change)."""
        self._stale = True
        self._announce()


class ProjectorView(QWidget):
    """The projector's face at the widget's own size (the window's view, and screenshots via `grab()`)."""

    def __init__(self, scene: ProjectorScene, parent: QWidget | None = None):
        super().__init__(parent)
        self._scene = scene
        self._renderer = ProjectorRenderer()
        self.paint_count = 0
        """Frames painted; lets tests check that nothing repaints while nothing changes."""
        self.painted_area = 0
        """Pixels repainted in all (the paint events' regions), for tests and benchmarks."""
        self._shown: Arrangement | None = None
        """What the pixels on screen show (the last paint covered every difference to it)."""
        self._painting_difference = False
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAutoFillBackground(False)
        self.setMinimumSize(160, 90)
        scene.changed.connect(self._scene_changed)

    def scene(self) -> ProjectorScene:
        return self._scene

    def arrangement(self) -> Arrangement:
        """The layout for the current content and size, as the next paint will draw it."""
        return self._renderer.arranged(self._scene.content(), self.width(), self.height())

    def layout_rects(self) -> dict[str, QRectF]:
        return self.arrangement().rects()

    def _scene_changed(self) -> None:
        """Paint what changed, now: this runs from the scene's once-per-turn announcement, ahead of the
        console's repaints, so the hall's frame does not wait for the console's widgets."""
        if not self.isVisible() or not self.updatesEnabled():
            self.update()
            return
        rects = changed_rects(self._shown, self.arrangement())
        if rects is None:
            self.repaint()
        elif rects:
            region = QRegion()
            for rect in rects:
                region += rect.toAlignedRect()
            self._painting_difference = True
            try:
                self.repaint(region)
            finally:
                self._painting_difference = False

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_count += 1
        box = event.rect()
        pieces = strips.pieces(event.region())
        self.painted_area += sum(r.width() * r.height() for r in pieces)
        arrangement = self.arrangement()
        painter = QPainter(self)
        whole = box.contains(self.rect())
        for piece in pieces:  # one rectangle at a time: Qt copies the digits' images on this thread (strips.py)
            painter.setClipRect(piece)
            self._renderer.paint_arrangement(painter, arrangement, None if whole else QRectF(piece))
        painter.end()
        if whole or self._painting_difference or arrangement is self._shown:
            self._shown = arrangement
        else:  # a partial expose drew newer content than the rest shows: the scene's coming announcement
            self._shown = None  # of it then repaints everything (never a repaint from here: no loop)


class ProjectorPreview(QWidget):
    """A live miniature for the console: laid out at the projector's real size, then scaled down, so line
    breaks and shrinking look exactly as in the hall. Keeps the projector's aspect ratio (letterboxed)."""

    def __init__(self, scene: ProjectorScene, parent: QWidget | None = None, logical_size: QSize | None = None):
        """`logical_size`: the projector screen's size, if known (else 1920×1080): the stage is laid out at it
        right away, not first at another size (a layout of every text on the stage)."""
        super().__init__(parent)
        self._scene = scene
        self._renderer = ProjectorRenderer()
        self._logical = QSize(1920, 1080)
        if logical_size is not None and logical_size.width() > 0 and logical_size.height() > 0:
            self._logical = QSize(logical_size)
        self._notice = ""
        self._band: tuple[tuple[object, ...], QPixmap] | None = None
        self.notice_layouts = 0
        """How often the notice's band was fitted and drawn anew (tests: not at every tick)."""
        self.border_passes = 0
        """Rectangles painted with the letterbox, the clip to the frame and its border (tests: not at every tick)."""
        self.setMinimumSize(160, 90)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # paints its letterbox: no parent under it
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._armed = ""
        self.painted_area = 0
        """Pixels repainted in all (the paint events' regions), for tests and benchmarks."""
        self._shown: Arrangement | None = None
        """What the miniature shows once the paints already asked for are done. Kept when asking, not when
        painting: a paint draws the newest content wherever it paints, and a `grab()` paints nothing on screen."""
        scene.changed.connect(self._scene_changed)
        self._scene_changed()

    def arrangement(self) -> Arrangement:
        """The layout at the projector's real size, as the next paint scales it down."""
        return self._renderer.arranged(self._scene.content(), self._logical.width(), self._logical.height())

    def _scene_changed(self) -> None:
        """Queue a paint of what changed: on a new second the digits and the bar, scaled, not the whole
        miniature (on battery, a whole scaled frame each second was most of a running turn's painting)."""
        armed = self._scene.content().armed_countdown
        if armed != self._armed:
            self._armed = armed
            self._update_tooltip()
            self._repaint_all()
            return
        arrangement = self.arrangement()
        rects = changed_rects(self._shown, arrangement)
        if rects is None:
            self._repaint_all()
            return
        if not rects:
            return
        target = self.target_rect()
        scale = target.width() / self._logical.width()
        region = QRegion()
        for rect in rects:
            on_widget = QRectF(rect.topLeft() * scale, rect.size() * scale).translated(target.topLeft())
            region += on_widget.toAlignedRect().adjusted(-1, -1, 1, 1)
        self._shown = arrangement
        self.update(region)

    def _repaint_all(self) -> None:
        self.update()
        self._shown = self.arrangement()

    def armed_text(self) -> str:
        """The band that says a countdown waits behind the current picture ("" when none does)."""
        if not self._armed:
            return ""
        return self.tr("Countdown {time} armed: shown when nobody has the floor").format(time=self._armed)

    def _update_tooltip(self) -> None:
        self.setToolTip("\n".join(t for t in (self._notice, self.armed_text()) if t))

    def logical_size(self) -> QSize:
        return QSize(self._logical)

    def set_logical_size(self, size: QSize) -> None:
        """The projector screen's size; the preview follows when the beamer changes."""
        if size.width() > 0 and size.height() > 0 and size != self._logical:
            self._logical = QSize(size)
            self.updateGeometry()
            self._repaint_all()

    def notice(self) -> str:
        return self._notice

    def set_notice(self, text: str) -> None:
        """A band across the miniature when the hall does not see it ("Projector off – F5"); "" removes it."""
        if text != self._notice:
            self._notice = text
            self._update_tooltip()
            self._repaint_all()

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
        pieces = strips.pieces(event.region())
        self.painted_area += sum(r.width() * r.height() for r in pieces)
        whole = event.rect().contains(self.rect())
        arrangement = self.arrangement()
        target = self.target_rect()
        painter = QPainter(self)
        for piece in pieces:  # one rectangle at a time: Qt copies the digits' images on this thread (strips.py)
            painter.setClipRect(piece)
            self._paint_piece(painter, piece, whole, arrangement, target)
        painter.end()

    def _paint_piece(
        self, painter: QPainter, box: QRect, whole: bool, arrangement: Arrangement, target: QRectF
    ) -> None:
        # A rectangle inside the miniature (a second's digit and bar end) is covered whole by the frame's own opaque
        # background, meets neither the letterbox nor the border, and needs no clip to the frame: those three are
        # drawn only where they show (each was a fill, a clip or a stroke per rectangle, every second).
        inside = not whole and target.adjusted(2, 2, -2, -2).contains(QRectF(box))
        if not inside:
            self.border_passes += 1
            painter.fillRect(box, self.palette().window())
        scale = target.width() / self._logical.width()
        painter.translate(target.topLeft())
        painter.scale(scale, target.height() / self._logical.height())
        if not inside:
            logical = QRectF(0, 0, self._logical.width(), self._logical.height())
            painter.setClipRect(logical, Qt.ClipOperation.IntersectClip)
        clip = None
        if not whole:  # the rectangle at the projector's size (a pixel more: its fill's scaled edge is clipped)
            around = QRectF(box).adjusted(-1, -1, 1, 1)
            clip = QRectF(around.translated(-target.topLeft()).topLeft() / scale, around.size() / scale)
        self._renderer.paint_arrangement(painter, arrangement, clip)
        painter.resetTransform()
        if not inside:
            painter.setPen(palette.TRACK)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target.adjusted(0, 0, -1, -1))
        if self._armed:
            self._paint_armed(painter, target)
        if self._notice:
            self._paint_notice(painter, target)

    def _paint_armed(self, painter: QPainter, target: QRectF) -> None:
        """A strip along the miniature's foot, in the console's colours: the hall does not see it yet."""
        band_h = max(16.0, target.height() * 0.16)
        band = QRectF(target.left(), target.bottom() - band_h, target.width(), band_h)
        painter.fillRect(band, palette.WARNING)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(10, round(band_h * 0.55)))
        painter.setFont(font)
        painter.setPen(palette.ON_WARNING)
        text = painter.fontMetrics().elidedText(self.armed_text(), Qt.TextElideMode.ElideRight, int(band.width()) - 8)
        painter.drawText(band.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_notice(self, painter: QPainter, target: QRectF) -> None:
        """Dim the miniature and say across it, in the console's colours, that the hall sees none of it."""
        strips.fill_rect(painter, target, QColor(0, 0, 0, 150), self.devicePixelRatioF())  # on the UI thread
        band_h = max(28.0, target.height() * 0.3)
        band = QRectF(target.left(), target.center().y() - band_h / 2, target.width(), band_h).toAlignedRect()
        painter.drawPixmap(band.topLeft(), self._notice_band(band.size()))

    def _notice_band(self, size: QSize) -> QPixmap:
        """The band with its words, fitted and drawn once per text and size: the miniature repaints its digits
        every second under it, and fitting the words again each time was half of that repaint (on battery)."""
        ratio = self.devicePixelRatioF()
        key = (self._notice, size.width(), size.height(), ratio, self.font().key())
        if self._band is not None and self._band[0] == key:
            return self._band[1]
        self.notice_layouts += 1
        pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(palette.WARNING)
        font = QFont(self.font())
        font.setBold(True)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        inner = QRectF(0, 0, size.width(), size.height()).adjusted(6, 2, -6, -2)
        px = max(9, round(size.height() * 0.3))
        while True:  # smaller until the words fit the band: a narrow preview cut "Projektor aus" off
            font.setPixelSize(px)
            needed = QFontMetricsF(font).boundingRect(inner, int(flags), self._notice)
            if px <= 9 or needed.height() <= inner.height():
                break
            px -= 1
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(font)
        painter.setPen(palette.ON_WARNING)
        painter.drawText(inner, int(flags), self._notice)
        painter.end()
        self._band = (key, pixmap)
        return pixmap
