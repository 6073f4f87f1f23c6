"""View → Projector screen: every connected screen with the number Identify shows on it, its name,
resolution and position, so the moderator picks the hall's beamer and not the confidence monitor.

Filled each time it opens (screens come and go during an evening); the check mark is the screen F5 uses.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QActionGroup, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from fishbowl_desktop.ui.projector.manager import ProjectorManager
from fishbowl_desktop.ui.projector.screen_policy import ScreenKey
from fishbowl_desktop.ui.projector.screens import resolve, screen_key


class ProjectorScreenMenu(QMenu):
    def __init__(self, manager: ProjectorManager, parent: QWidget | None = None):
        super().__init__(parent)
        self._manager = manager
        self.setTitle(self.tr("Projector &screen"))
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.refill)
        self.refill()

    def label(self, number: int, screen: QScreen) -> str:
        g = screen.geometry()
        text = self.tr("{number}: {name} – {width}×{height} at {x}, {y}").format(
            number=number, name=screen.name(), width=g.width(), height=g.height(), x=g.x(), y=g.y()
        )
        if self._manager.is_console_screen(screen):
            text += " " + self.tr("(console; the projector becomes a window)")
        return text

    def refill(self) -> None:
        self.clear()
        group = QActionGroup(self)
        target = self._manager.target_screen()
        target_key = screen_key(target) if target is not None else None
        for number, screen in enumerate(self._manager.screens(), start=1):
            key = screen_key(screen)
            action = self.addAction(self.label(number, screen))
            action.setCheckable(True)
            action.setChecked(key == target_key)
            action.setActionGroup(group)
            action.setData(number)
            action.triggered.connect(partial(self._choose, key))
        self.addSeparator()
        identify = self.addAction(self.tr("&Identify screens"))
        identify.setToolTip(self.tr("Shows each screen's number on it for three seconds"))
        identify.triggered.connect(lambda: self._manager.identify_screens())

    def _choose(self, key: ScreenKey) -> None:
        screen = resolve(key)
        if screen is not None:
            self._manager.choose_screen(screen)
