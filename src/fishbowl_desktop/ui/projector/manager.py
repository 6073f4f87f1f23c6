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

import logging

import shiboken6
from PySide6.QtCore import QObject, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore, settings_store
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.projector import screen_policy as policy
from fishbowl_desktop.ui.projector.screen_policy import NewScreen, ProjectorState, ScreenKey, new_screen_decision
from fishbowl_desktop.ui.projector.screens import (
    IdentifyOverlay,
    available_screens,
    console_screen,
    find_remembered,
    resolve,
    screen_key,
)
from fishbowl_desktop.ui.projector.view import ProjectorPreview, ProjectorScene
from fishbowl_desktop.ui.projector.window import ProjectorWindow

SETTLE_MS = 300
PLACE_MS = 500
"""The moderator drags or resizes the single-screen window in many small steps; remember where it ends up."""


_log = logging.getLogger("fishbowl.screens")


class ProjectorManager(QObject):
    newScreenOffered = Signal(QScreen)
    """A new screen appeared and the setting is "ask": the console asks, then calls `accept_offered_screen`."""
    visibilityChanged = Signal(bool)
    stateChanged = Signal(object)
    """ProjectorState, whenever it changes; the preview's notice follows it."""
    statusMessage = Signal(str, str)
    """A sentence for the console's message bar about what happened to the projector, and its level."""

    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        settings: SettingsStore,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._controller = controller
        self.store = settings_store(settings, self)
        """The chosen screen and window place are remembered here (the store saves them); the scene reads it too."""
        self.scene = ProjectorScene(controller, ticker, self.store, self)
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
        self._state = ProjectorState.OFF
        self._placed: QRect | None = None
        self._place = QTimer(self)
        self._place.setSingleShot(True)
        self._place.setInterval(PLACE_MS)
        self._place.timeout.connect(self._remember_placement)
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
        return self.store.settings

    def _remember(self, screen: QScreen) -> None:
        name, geometry = screen_key(screen)
        self.store.change(projector_screen_name=name, projector_screen_geometry=geometry)

    # ------------------------------------------------------------------ the window
    def window_if_made(self) -> ProjectorWindow | None:
        """The projector window if it was ever shown, without making one (`window()` makes it)."""
        return self._window

    def window(self) -> ProjectorWindow:
        if self._window is None:
            self._window = ProjectorWindow(self.scene, self.tr("Fishbowl – projector"))
            self._window.closedByUser.connect(self._on_closed_by_user)
            self._window.placedByUser.connect(self._on_placed_by_user)
            self._window.activated.connect(self._give_keyboard_back)
            self._window.keys.set_console(self._console_window)
        return self._window

    def preview_widget(self) -> QWidget:
        """The console's live miniature; one per manager, same painting as the hall sees."""
        if self._preview is None:
            screen = self.target_screen()
            size = QSize(screen.geometry().size()) if screen is not None else None
            self._preview = ProjectorPreview(self.scene, logical_size=size)  # laid out once, at the beamer's size
            self._preview.set_notice(self.state_text(self._state))
        return self._preview

    def target_screen(self) -> QScreen | None:
        """The remembered screen if present, else any screen but the console's, else the console's."""
        console = self.console_screen()
        target = policy.target_screen(
            name=self.store.settings.projector_screen_name,
            geometry=self.store.settings.projector_screen_geometry,
            screens=[screen_key(s) for s in available_screens(self._gone)],
            console=screen_key(console) if console is not None else None,
        )
        found = resolve(target)
        return found if found is not None else console

    def set_console_window(self, window: QWidget | None) -> None:
        """The console's main window: its screen is the one the projector avoids. A widget passed as the
        manager's parent is taken for it; with neither, the primary screen is taken to be the console's."""
        self._console_window = window
        if self._window is not None:
            self._window.keys.set_console(window)

    def console_screen(self) -> QScreen | None:
        window = self._console_window
        if window is not None:
            screen = window.screen()
            if screen is not None and screen_key(screen) not in self._gone:
                return screen
        return console_screen()

    def screens(self) -> list[QScreen]:
        """The connected screens in the order Identify numbers them (1, 2, 3 …)."""
        return available_screens(self._gone)

    def is_console_screen(self, screen: QScreen) -> bool:
        return self._is_console(screen)

    def _is_console(self, screen: QScreen) -> bool:
        console = self.console_screen()
        return console is not None and screen_key(screen) == screen_key(console)

    def show_projector(self) -> None:
        """F5: on the chosen screen; showing it on a beamer remembers that beamer, so a replug finds it."""
        self._wanted = True
        screen = self.target_screen()
        if screen is not None and not self._is_console(screen) and not self._remembered_is_unplugged():
            self._remember(screen)
        self._show_on(screen)

    def _remembered_is_unplugged(self) -> bool:
        """The chosen beamer went away this evening: a stand-in shown meanwhile does not replace it."""
        settings = self.store.settings
        return policy.remembered_is_unplugged(
            settings.projector_screen_name, settings.projector_screen_geometry, self._gone
        )

    def _show_on(self, screen: QScreen | None) -> None:
        if screen is None:
            self.statusMessage.emit(self.tr("No screen is available for the projector."), "warning")
            return
        self._window_lost_screen = False
        fullscreen = not self._is_console(screen)
        self.window().show_on(
            screen, fullscreen=fullscreen, window_geometry=None if fullscreen else self._window_geometry(screen)
        )
        self._give_keyboard_back()
        self._update_preview_size()
        self.visibilityChanged.emit(True)
        self._publish_state()

    def _give_keyboard_back(self) -> None:
        """Keyboard and presenter remote stay with the moderator, whatever the window system did."""
        console = self._console_window
        if console is None or not console.isVisible():
            return
        active = QApplication.activeWindow()
        if active is None or active is self._window:  # never take it from a dialog of the console's
            console.activateWindow()

    def _window_geometry(self, screen: QScreen) -> QRect | None:
        """Where the single-screen window opens: where the moderator put it last, else over the console's
        own preview (the same picture, so it hides nothing the moderator needs); None: a corner of the screen."""
        area = screen.availableGeometry()
        remembered = self.store.settings.projector_window_geometry
        if remembered is not None:
            rect = QRect(*remembered)
            if area.intersected(rect).width() >= 100 and area.intersected(rect).height() >= 60:
                return rect
        preview = self._preview
        if preview is not None and preview.isVisible() and preview.width() > 0:
            target = preview.target_rect().toAlignedRect()
            rect = QRect(preview.mapToGlobal(target.topLeft()), target.size())
            if area.contains(rect.center()):
                return rect
        return None

    def _on_placed_by_user(self, geometry: QRect) -> None:
        self._placed = QRect(geometry)
        self._place.start()

    def _remember_placement(self) -> None:
        rect = self._placed
        if rect is None:
            return
        geometry = (rect.x(), rect.y(), rect.width(), rect.height())
        self.store.change(projector_window_geometry=geometry)

    # ------------------------------------------------------------------ what the hall sees
    def state(self) -> ProjectorState:
        window = self._window
        return policy.projector_state(
            wanted=self._wanted,
            visible=window is not None and window.isVisible(),
            fullscreen=window is not None and window.is_fullscreen_mode,
        )

    def state_text(self, state: ProjectorState) -> str:
        """The preview's notice: "" when the hall sees what the preview shows."""
        if state is ProjectorState.OFF:
            return self.tr("Projector off – the hall sees nothing (F5 shows it)")
        if state is ProjectorState.DISCONNECTED:
            return self.tr("Beamer disconnected – the hall sees nothing")
        if state is ProjectorState.IN_WINDOW:
            return self.tr("No beamer – the projector is a window on this screen")
        return ""

    def _publish_state(self) -> None:
        state = self.state()
        if self._preview is not None:
            self._preview.set_notice(self.state_text(state))
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state)

    def hide_projector(self) -> None:
        self._wanted = False
        if self._window is not None and self._window.isVisible():
            self._window.hide_window()
            self.visibilityChanged.emit(False)
        self._publish_state()

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
            self.statusMessage.emit(self.tr("The projector opens on {name} (F5).").format(name=screen.name()), "info")

    def _on_closed_by_user(self) -> None:
        self._wanted = False
        self.visibilityChanged.emit(False)
        self._publish_state()

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
        for number, screen in enumerate(self.screens(), start=1):
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
        _log.info("screen added: %s %s", screen.name(), screen.geometry().getRect())
        self._pending_added.append(screen_key(screen))
        self._settle.start()

    def on_screen_removed(self, screen: QScreen) -> None:
        _log.info("screen removed: %s", screen.name())
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
        others = [screen_key(s) for s in available_screens(self._gone) if not self._is_console(s)]
        fallback = resolve(policy.after_lost_screen(others))
        if fallback is not None:
            self._show_on(fallback)  # not remembered: the chosen beamer gets the projector back on replug
            self.statusMessage.emit(
                self.tr("The projector's screen was disconnected; the projector moved to {name}.").format(
                    name=fallback.name()
                ),
                "warning",
            )
            return
        if self._window is not None:
            self._window.hide_window()
        self.visibilityChanged.emit(False)
        self._publish_state()
        self.statusMessage.emit(
            self.tr(
                "The projector's screen was disconnected. The projector is hidden and "
                "comes back when the screen is connected again."
            ),
            "warning",
        )

    def _consider_new_screen(self, screen: QScreen) -> None:
        window = self._window
        decision = new_screen_decision(
            on_console=self._is_console(screen),
            remembered=find_remembered(
                self.store.settings.projector_screen_name, self.store.settings.projector_screen_geometry, [screen]
            )
            is not None,
            wanted=self._wanted,
            shown_there=window is not None and window.isVisible() and window.target_key() == screen_key(screen),
            follow_mode=self.store.settings.projector_follow_new_screen,
        )
        if decision is NewScreen.RETURN:
            self._show_on(screen)  # the beamer the moderator chose is back
            self.statusMessage.emit(self.tr("The projector is back on {name}.").format(name=screen.name()), "info")
        elif decision is NewScreen.MOVE:
            self._wanted = True
            self.choose_screen(screen)
        elif decision is NewScreen.OFFER:
            self._offered = screen_key(screen)
            self.newScreenOffered.emit(screen)

    def offered_screen(self) -> QScreen | None:
        return resolve(self._offered) if self._offered not in self._gone else None

    def accept_offered_screen(self) -> None:
        """The moderator said yes to the offered screen: remember it and show the projector there."""
        screen = self.offered_screen()
        self._offered = None
        if screen is None:
            self.statusMessage.emit(self.tr("That screen is no longer connected."), "warning")
            return
        self._wanted = True
        self.choose_screen(screen)

    def decline_offered_screen(self) -> None:
        self._offered = None
