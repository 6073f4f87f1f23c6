"""Projector placement and hot-plug on a real two-screen (or three-screen) offscreen platform.

Not collected by the main test run (the name does not start with test_): `test_ui_projector_screens.py`
runs this file in a subprocess with QT_QPA_PLATFORM=offscreen:configfile=..., because the main process has
already created its QApplication with a single screen. Offscreen cannot hot-plug, so the tests call the
manager's handlers as Qt's screenAdded/screenRemoved would, and mark removed screens as gone.

Note: the offscreen plugin adds screens in alphabetical order of their names and the first one becomes the
primary screen — "Beamer" before "Laptop" — so these tests tell the manager which window is the console.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.projector import ProjectorManager, ProjectorState, screens
from fishbowl_desktop.ui.projector.manager import SETTLE_MS
from fishbowl_desktop.ui.projector.screen_menu import ProjectorScreenMenu
from fishbowl_desktop.ui.projector.view import ProjectorPreview


def _screen(name: str) -> QScreen:
    found = [s for s in QGuiApplication.screens() if s.name() == name]
    if not found:
        pytest.skip(f"no screen {name} in this configuration")
    return found[0]


class Setup:
    def __init__(self, session: Session, clock: FakeClock, settings: AppSettings, qtbot: QtBot) -> None:
        self.session, self.clock = session, clock
        self.console = QWidget()
        self.console.setScreen(_screen("Laptop"))
        self.console.setGeometry(40, 40, 900, 600)
        self.console.show()
        qtbot.addWidget(self.console)
        self.controller = SessionController(session)
        self.ticker = TimerTicker(self.controller)
        self.manager = ProjectorManager(self.controller, self.ticker, SettingsStore(settings))
        self.manager.set_console_window(self.console)
        self.saved: list[AppSettings] = []
        self.manager.store.settingsChanged.connect(self.saved.append)
        self.visibility: list[bool] = []
        self.manager.visibilityChanged.connect(self.visibility.append)
        self.qtbot = qtbot

    def window_screen(self) -> str:
        return self.manager.window().screen().name()

    def settle(self) -> None:
        self.qtbot.wait(SETTLE_MS + 100)


def _preview(setup: Setup) -> ProjectorPreview:
    preview = setup.manager.preview_widget()
    assert isinstance(preview, ProjectorPreview)
    return preview


def _name(screen: QScreen | None) -> str:
    assert screen is not None
    return screen.name()


@pytest.fixture
def setup(demo: Session, clock: FakeClock, qtbot: QtBot) -> Iterator[Setup]:
    s = Setup(demo, clock, AppSettings(), qtbot)
    yield s
    if s.manager._window is not None:
        s.manager._window.hide_window()
        s.manager._window.deleteLater()


def test_projector_opens_fullscreen_on_the_beamer(setup: Setup) -> None:
    assert _name(setup.manager.console_screen()) == "Laptop"
    setup.manager.show_projector()
    window = setup.manager.window()
    setup.qtbot.waitUntil(lambda: window.isVisible())
    assert setup.window_screen() == "Beamer"
    assert window.isFullScreen() and window.is_fullscreen_mode
    assert window.geometry() == _screen("Beamer").geometry()
    assert window.view.size().height() == 1080
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus  # the remote's keys stay with the console


def test_a_console_window_as_parent_marks_the_console_screen(setup: Setup) -> None:
    manager = ProjectorManager(setup.controller, setup.ticker, SettingsStore(), setup.console)
    assert _name(manager.console_screen()) == "Laptop"
    assert _name(manager.target_screen()) != "Laptop"


def test_choosing_a_screen_remembers_name_and_geometry(setup: Setup) -> None:
    setup.manager.show_projector()
    setup.manager.choose_screen(_screen("Laptop"))
    assert setup.saved[-1].projector_screen_name == "Laptop"
    assert setup.saved[-1].projector_screen_geometry == (0, 0, 1366, 768)
    assert setup.window_screen() == "Laptop" and not setup.manager.window().isFullScreen()  # console's: a window
    setup.manager.choose_screen(_screen("Beamer"))
    assert setup.saved[-1].projector_screen_name == "Beamer"
    assert setup.saved[-1].projector_screen_geometry == (1366, 0, 1920, 1080)
    assert setup.window_screen() == "Beamer" and setup.manager.window().isFullScreen()


def test_losing_the_beamer_keeps_the_timer_and_it_comes_back(setup: Setup) -> None:
    """Two screens: with only the console's screen left, the projector hides (never covers the console) and
    reopens on the beamer when it returns; the running turn is untouched throughout."""
    if len(QGuiApplication.screens()) != 2:
        pytest.skip("with a second beamer the projector moves there instead")
    setup.controller.start_turn("aud-01")
    setup.manager.choose_screen(_screen("Beamer"))
    setup.manager.show_projector()
    setup.clock.advance(10)
    setup.ticker.poll()
    turn_before = setup.session.turn
    assert setup.manager.scene.content().timer_text == "1:50"

    setup.manager.on_screen_removed(_screen("Beamer"))
    setup.settle()
    assert not setup.manager.is_visible()
    assert setup.visibility[-1] is False
    assert setup.session.turn == turn_before and turn_before is not None and turn_before.timer.is_running

    setup.clock.advance(5)
    setup.ticker.poll()
    assert setup.manager.scene.content().timer_text == "1:45"  # the timer kept running while hidden

    setup.manager.on_screen_added(_screen("Beamer"))
    setup.settle()
    assert setup.manager.is_visible() and setup.window_screen() == "Beamer"
    assert setup.manager.window().isFullScreen()
    assert setup.manager.scene.content().timer_text == "1:45"


def test_a_burst_of_screen_changes_is_acted_on_once(setup: Setup) -> None:
    setup.manager.choose_screen(_screen("Beamer"))
    setup.manager.show_projector()
    setup.visibility.clear()
    beamer = _screen("Beamer")
    setup.manager.on_screen_removed(beamer)
    setup.manager.on_screen_added(beamer)  # a loose cable: gone and back within the settle time
    setup.settle()
    assert setup.visibility in ([], [True])  # never hidden
    assert setup.manager.is_visible() and setup.window_screen() == "Beamer"


@pytest.mark.parametrize("mode", ["ask", "auto", "never"])
def test_a_new_beamer_is_offered_followed_or_ignored(demo: Session, clock: FakeClock, qtbot: QtBot, mode: str) -> None:
    setup = Setup(demo, clock, AppSettings(projector_follow_new_screen=mode), qtbot)
    offered: list[QScreen] = []
    setup.manager.newScreenOffered.connect(offered.append)
    setup.manager.on_screen_removed(_screen("Beamer"))  # start with only the laptop
    setup.settle()
    setup.manager.on_screen_added(_screen("Beamer"))  # fetched afresh, as Qt would pass it
    setup.settle()
    if mode == "ask":
        assert [s.name() for s in offered] == ["Beamer"] and not setup.manager.is_visible()
        setup.manager.accept_offered_screen()
        assert setup.manager.is_visible() and setup.window_screen() == "Beamer"
        assert setup.saved[-1].projector_screen_name == "Beamer"
    elif mode == "auto":
        assert offered == [] and setup.manager.is_visible() and setup.window_screen() == "Beamer"
        assert setup.saved[-1].projector_screen_geometry == (1366, 0, 1920, 1080)
    else:
        assert offered == [] and not setup.manager.is_visible() and setup.saved == []
    if setup.manager._window is not None:
        setup.manager._window.hide_window()


def test_identify_shows_a_number_on_every_screen(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screens, "IDENTIFY_MS", 200)
    overlays = setup.manager.identify_screens()
    assert len(overlays) == len(QGuiApplication.screens())
    by_screen = {o.screen().name(): o for o in overlays}
    assert set(by_screen) == {s.name() for s in QGuiApplication.screens()}
    assert sorted(o.number for o in overlays) == list(range(1, len(overlays) + 1))  # type: ignore[attr-defined]
    assert "console" in by_screen["Laptop"].caption  # type: ignore[attr-defined]
    assert "Beamer" in by_screen["Beamer"].caption  # type: ignore[attr-defined]
    gone: list[int] = []
    for overlay in overlays:
        overlay.destroyed.connect(lambda *_: gone.append(1))
    setup.qtbot.waitUntil(lambda: len(gone) == len(overlays), timeout=2000)  # closed and deleted


def test_with_three_screens_the_projector_moves_to_the_other_beamer(setup: Setup) -> None:
    second = _screen("Aux")
    setup.controller.start_turn("aud-01")
    setup.manager.choose_screen(_screen("Beamer"))
    setup.manager.show_projector()
    turn_before = setup.session.turn
    setup.manager.on_screen_removed(_screen("Beamer"))
    setup.settle()
    assert setup.manager.is_visible() and setup.window_screen() == second.name()
    assert setup.manager.window().isFullScreen()
    assert setup.session.turn == turn_before


# ---------------------------------------------------------------------- issue 10
def test_f5_alone_remembers_the_beamer_so_the_first_unplug_comes_back(setup: Setup) -> None:
    """Nothing chosen yet, "ask" on a new screen: F5 shows the projector on the beamer and remembers it, so the
    replug brings it back by itself instead of asking "A new screen is connected… Move projector"."""
    if len(QGuiApplication.screens()) != 2:
        pytest.skip("with a second beamer the projector moves there instead")
    offered: list[QScreen] = []
    setup.manager.newScreenOffered.connect(offered.append)
    setup.manager.show_projector()
    assert setup.window_screen() == "Beamer"
    assert setup.saved and setup.saved[-1].projector_screen_name == "Beamer"
    assert setup.saved[-1].projector_screen_geometry == (1366, 0, 1920, 1080)
    setup.manager.on_screen_removed(_screen("Beamer"))
    setup.settle()
    assert setup.manager.state() is ProjectorState.DISCONNECTED
    assert "disconnected" in _preview(setup).notice()
    setup.manager.on_screen_added(_screen("Beamer"))
    setup.settle()
    assert offered == []
    assert setup.manager.is_visible() and setup.window_screen() == "Beamer" and setup.manager.window().isFullScreen()
    assert setup.manager.state() is ProjectorState.ON_SCREEN
    assert _preview(setup).notice() == ""


def test_the_hall_beamer_wins_over_a_confidence_monitor(setup: Setup) -> None:
    """Three screens and nothing chosen: F5 takes the biggest screen besides the console's, whatever Qt's order."""
    _screen("Aux")
    assert QGuiApplication.screens()[0].name() == "Aux"  # the first screen Qt lists is not the beamer
    setup.manager.show_projector()
    assert setup.window_screen() == "Beamer" and setup.manager.window().geometry().width() == 1920


def test_after_a_detour_to_the_confidence_monitor_the_projector_returns_to_the_beamer(setup: Setup) -> None:
    _screen("Aux")
    setup.controller.start_turn("aud-01")
    setup.manager.show_projector()
    assert setup.window_screen() == "Beamer"
    setup.manager.on_screen_removed(_screen("Beamer"))
    setup.settle()
    assert setup.window_screen() == "Aux"
    assert setup.saved[-1].projector_screen_name == "Beamer"  # the detour is not remembered
    setup.manager.toggle_projector()  # F5 twice on the stand-in: it still does not replace the chosen beamer
    setup.manager.toggle_projector()
    assert setup.window_screen() == "Aux" and setup.saved[-1].projector_screen_name == "Beamer"
    setup.manager.on_screen_added(_screen("Beamer"))
    setup.settle()
    assert setup.window_screen() == "Beamer" and setup.manager.window().isFullScreen()
    assert setup.session.turn is not None and setup.session.turn.timer.is_running


def test_the_screen_menu_lists_every_screen_and_f5_uses_the_choice(setup: Setup) -> None:
    menu = ProjectorScreenMenu(setup.manager)
    menu.refill()
    entries = [a for a in menu.actions() if a.isCheckable()]
    screens_now = setup.manager.screens()
    assert len(entries) == len(screens_now) == len(QGuiApplication.screens())
    for number, (action, screen) in enumerate(zip(entries, screens_now, strict=True), start=1):
        g = screen.geometry()
        assert action.text().startswith(f"{number}: {screen.name()} – {g.width()}×{g.height()} at {g.x()}, {g.y()}")
        assert ("console" in action.text()) == (screen.name() == "Laptop")
    checked = [a for a in entries if a.isChecked()]
    target = setup.manager.target_screen()
    assert target is not None
    assert [a.text().split(" – ")[0] for a in checked] == [f"{screens_now.index(target) + 1}: {target.name()}"]
    laptop_entry = next(a for a in entries if "Laptop" in a.text())
    laptop_text = laptop_entry.text()
    laptop_entry.trigger()  # the moderator picks a screen from View → Projector screen
    assert setup.saved[-1].projector_screen_name == "Laptop"
    assert not setup.manager.is_visible()  # choosing does not open it in front of the room
    setup.manager.show_projector()  # F5
    assert setup.window_screen() == "Laptop" and not setup.manager.window().isFullScreen()
    menu.refill()
    assert [a.text() for a in menu.actions() if a.isChecked()] == [laptop_text]
    identify = [a for a in menu.actions() if "Identify" in a.text()]
    assert len(identify) == 1


def test_the_console_banner_leaves_when_the_projector_is_back(demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    if len(QGuiApplication.screens()) != 2:
        pytest.skip("with a second beamer the projector moves there instead")
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

    controller = SessionController(demo)
    console = ConsoleWindow(controller, TimerTicker(controller))
    qtbot.addWidget(console)
    console.setScreen(_screen("Laptop"))
    console.setGeometry(0, 0, 1366, 740)
    console.show()
    manager = console.projector
    manager.show_projector()
    manager.on_screen_removed(_screen("Beamer"))
    qtbot.wait(SETTLE_MS + 100)
    assert "disconnected" in console.message_bar.text()
    manager.on_screen_added(_screen("Beamer"))
    qtbot.wait(SETTLE_MS + 100)
    assert manager.is_visible()
    assert "disconnected" not in console.message_bar.text()
    manager.hide_projector()
