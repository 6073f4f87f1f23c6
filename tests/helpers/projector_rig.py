"""The projector's view on a fake clock, for tests of what a second paints: what the window system has on screen
against the same content painted whole by a renderer of its own."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.projector import ProjectorScene, ProjectorView
from fishbowl_desktop.ui.projector.render import ProjectorRenderer


class ProjectorRig:
    def __init__(self, session: Session, clock: FakeClock, qtbot: QtBot, size: QSize | None = None) -> None:
        self.clock = clock
        self.controller = SessionController(session)
        self.ticker = TimerTicker(self.controller)
        self.scene = ProjectorScene(self.controller, self.ticker, SettingsStore())
        self.view = ProjectorView(self.scene)
        qtbot.addWidget(self.view)
        self.view.resize(size or QSize(960, 540))
        self.view.show()
        qtbot.waitExposed(self.view)
        QApplication.processEvents()

    def tick(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.ticker.poll()

    def on_screen(self) -> QImage:
        """The pixels the window system has, from the backing store (not a fresh paint)."""
        return self.view.screen().grabWindow(self.view.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)

    def fresh(self) -> QImage:
        """The current content painted whole, by a renderer of its own."""
        image = QImage(self.view.size(), QImage.Format.Format_RGB32)
        painter = QPainter(image)
        ProjectorRenderer().paint(painter, self.scene.content(), self.view.width(), self.view.height())
        painter.end()
        return image
