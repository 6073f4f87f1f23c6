"""The projector as the console sees it: show, hide, choose and identify screens, and follow beamers that
are plugged in or pulled out in the middle of the evening.

Screen changes arrive in bursts (a beamer announces itself, resizes, gets a new position); every handler
only records what happened and a single-shot timer acts once things have been quiet for SETTLE_MS.

When the projector's screen goes away, the window moves to another beamer if there is one. If only the
console's screen is left, the projector is *hidden* rather than put over the console in the middle of an
evening: the moderator keeps the console and the preview, and the projector reopens by itself when the
remembered beamer comes back. The timer lives in the model, so none of this touches it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from ...controller import SessionController, TimerTicker
from ...settings import AppSettings
from .screens import (
    IdentifyOverlay,
    ScreenKey,
    available_screens,
    console_screen,
    find_remembered,
    resolve,
    screen_key,
)
from .view import ProjectorPreview, ProjectorScene
from .window import ProjectorWindow

SETTLE_MS = 300


class ProjectorManager(QObject):
    settingsChanged = Signal(AppSettings)
    """The chosen screen was remembered (name + geometry); the console saves the settings."""
    newScreenOffered = Signal(QScreen)
    """A new screen appeared and the setting is "ask": the console asks, then calls `accept_offered_screen`."""
    visibilityChanged = Signal(bool)
    statusMessage = Signal(str)
    """A sentence for the console's status bar about what happened to the projector."""

    def __init__(self, controller: SessionController, ticker: TimerTicker, settings: AppSettings,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._controller = controller
        self._settings = settings
        self.scene = ProjectorScene(controller, ticker, settings, self)
        self._window: ProjectorWindow | None = None
        self._preview: ProjectorPreview | None = None
        self._wanted = False
        """The moderator wants the projector shown (it may be hidden only because its screen went away)."""
        self._gone: set[ScreenKey] = set()
        self._pending_added: list[ScreenKey] = []
        self._window_lost_screen = False
        self._offered: ScreenKey | None = None
        self._overlays: list[IdentifyOverlay] = []
        self._console_window: QWidget | None = parent.window() if isinstance(parent, QWidget) else None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._apply_screen_changes)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.on_screen_added)
            app.screenRemoved.connect(self.on_screen_removed)

    # ------------------------------------------------------------------ settings
    @property
    def settings(self) -> AppSettings:
        return self._settings

    def set_settings(self, settings: AppSettings) -> None:
        """New preferences from the console (names shown, how many waiting, flashing)."""
        self._settings = settings
        self.scene.set_settings(settings)

    def _remember(self, screen: QScreen) -> None:
        name, geometry = screen_key(screen)
        if (self._settings.projector_screen_name, self._settings.projector_screen_geometry) != (name, geometry):
            self._settings = self._settings.with_changes(projector_screen_name=name,
                                                         projector_screen_geometry=geometry)
            self.scene.set_settings(self._settings)
            self.settingsChanged.emit(self._settings)

    # ------------------------------------------------------------------ the window
    def window(self) -> ProjectorWindow:
        if self._window is None:
            self._window = ProjectorWindow(self.scene, self.tr("Fishbowl – projector"))
            self._window.closedByUser.connect(self._on_closed_by_user)
        return self._window

    def preview_widget(self) -> QWidget:
        """The console's live miniature; one per manager, same painting as the hall sees."""
        if self._preview is None:
            self._preview = ProjectorPreview(self.scene)
            self._update_preview_size()
        return self._preview

    def target_screen(self) -> QScreen | None:
        """The remembered screen if present, else any screen but the console's, else the console's."""
        screens = available_screens(self._gone)
        remembered = find_remembered(self._settings.projector_screen_name,
                                     self._settings.projector_screen_geometry, screens)
        if remembered is not None:
            return remembered
        others = [s for s in screens if not self._is_console(s)]
        return others[0] if others else (screens[0] if screens else self.console_screen())

    def set_console_window(self, window: QWidget | None) -> None:
        """The console's main window: its screen is the one the projector avoids. A widget passed as the
        manager's parent is taken for it; with neither, the primary screen is taken to be the console's."""
        self._console_window = window

    def console_screen(self) -> QScreen | None:
        window = self._console_window
        if window is not None:
            screen = window.screen()
            if screen is not None and screen_key(screen) not in self._gone:
                return screen
        return console_screen()

    def _is_console(self, screen: QScreen) -> bool:
        console = self.console_screen()
        return console is not None and screen_key(screen) == screen_key(console)

    def show_projector(self) -> None:
        self._wanted = True
        self._show_on(self.target_screen())

    def _show_on(self, screen: QScreen | None) -> None:
        if screen is None:
            self.statusMessage.emit(self.tr("No screen is available for the projector."))
            return
        self._window_lost_screen = False
        fullscreen = not self._is_console(screen)
        self.window().show_on(screen, fullscreen=fullscreen)
        console = self._console_window
        if fullscreen and console is not None and console.isVisible():
            console.activateWindow()  # keyboard and presenter remote stay with the moderator
        self._update_preview_size()
        self.visibilityChanged.emit(True)

    def hide_projector(self) -> None:
        self._wanted = False
        if self._window is not None and self._window.isVisible():
            self._window.hide_window()
            self.visibilityChanged.emit(False)

    def toggle_projector(self) -> None:
        if self.is_visible():
            self.hide_projector()
        else:
            self.show_projector()

    def is_visible(self) -> bool:
        return self._window is not None and self._window.isVisible()

    def choose_screen(self, screen: QScreen) -> None:
        """The moderator's pick: remembered for next time, and the projector moves there if it is shown."""
        self._gone.discard(screen_key(screen))
        self._remember(screen)
        if self.is_visible() or self._wanted:
            self._wanted = True
            self._show_on(screen)
        else:
            self._update_preview_size()

    def _on_closed_by_user(self) -> None:
        self._wanted = False
        self.visibilityChanged.emit(False)

    def _update_preview_size(self) -> None:
        screen = self.target_screen()
        if self._preview is not None and screen is not None:
            self._preview.set_logical_size(QSize(screen.geometry().size()))

    # ------------------------------------------------------------------ identify
    def identify_screens(self) -> list[QWidget]:
        """A big number and the screen's name on every screen, for three seconds."""
        for old in self._overlays:  # pressed again: start over instead of stacking numbers
            if shiboken6.isValid(old):
                old.close()
        self._overlays = []
        target = self.target_screen()
        created: list[QWidget] = []
        for number, screen in enumerate(available_screens(self._gone), start=1):
            role = ""
            if self._is_console(screen):
                role = self.tr("console")
            elif target is not None and screen_key(screen) == screen_key(target):
                role = self.tr("projector")
            g = screen.geometry()
            caption = f"{screen.name()} · {g.width()}×{g.height()}" + (f" · {role}" if role else "")
            overlay = IdentifyOverlay(screen, number, caption)
            overlay.show()
            self._overlays.append(overlay)
            created.append(overlay)
        return created

    # ------------------------------------------------------------------ hot-plug
    def on_screen_added(self, screen: QScreen) -> None:
        self._pending_added.append(screen_key(screen))
        self._settle.start()

    def on_screen_removed(self, screen: QScreen) -> None:
        key = screen_key(screen)
        self._gone.add(key)
        self._pending_added = [k for k in self._pending_added if k != key]
        window = self._window
        if window is not None and window.isVisible() and window.target_key() == key:
            self._window_lost_screen = True
        if self._offered == key:
            self._offered = None
        self._settle.start()

    def _apply_screen_changes(self) -> None:
        added = [s for s in (resolve(k) for k in dict.fromkeys(self._pending_added)) if s is not None]
        self._pending_added = []
        for screen in added:
            self._gone.discard(screen_key(screen))
        if self._window_lost_screen:
            self._relocate_after_loss()
        for screen in added:
            self._consider_new_screen(screen)
        self._update_preview_size()

    def _relocate_after_loss(self) -> None:
        self._window_lost_screen = False
        others = [s for s in available_screens(self._gone) if not self._is_console(s)]
        if others:
            self._show_on(others[0])
            self.statusMessage.emit(self.tr("The projector's screen was disconnected; the projector moved to {name}.")
                                    .format(name=others[0].name()))
            return
        if self._window is not None:
            self._window.hide_window()
        self.visibilityChanged.emit(False)
        self.statusMessage.emit(self.tr("The projector's screen was disconnected. The projector is hidden and "
                                        "comes back when the screen is connected again."))

    def _consider_new_screen(self, screen: QScreen) -> None:
        if self._is_console(screen):
            return
        remembered = find_remembered(self._settings.projector_screen_name,
                                     self._settings.projector_screen_geometry, [screen])
        if remembered is not None:
            if self._wanted and not self.is_visible():
                self._show_on(screen)  # the beamer the moderator chose is back
            return
        mode = self._settings.projector_follow_new_screen
        if mode == "auto":
            self._wanted = True
            self.choose_screen(screen)
        elif mode == "ask":
            self._offered = screen_key(screen)
            self.newScreenOffered.emit(screen)

    def offered_screen(self) -> QScreen | None:
        return resolve(self._offered) if self._offered not in self._gone else None

    def accept_offered_screen(self) -> None:
        """The moderator said yes to the offered screen: remember it and show the projector there."""
        screen = self.offered_screen()
        self._offered = None
        if screen is None:
            self.statusMessage.emit(self.tr("That screen is no longer connected."))
            return
        self._wanted = True
        self.choose_screen(screen)

    def decline_offered_screen(self) -> None:
        self._offered = None
