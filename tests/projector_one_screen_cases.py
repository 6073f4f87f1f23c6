"""The projector with only the console's screen (issue 10, points 3 and 4): F5 opens a small window that
covers nothing the moderator needs, never takes the keyboard, passes every key it gets on to the console,
stays where the moderator put it; and the preview says when the hall sees nothing.

Not collected by the main run: `test_ui_projector_screens.py` runs it on a one-screen 1366×768 offscreen
platform (a venue laptop), since the main process's default offscreen screen is narrower than the console.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.projector import ProjectorState
from fishbowl_desktop.ui.projector.manager import PLACE_MS
from fishbowl_desktop.ui.projector.view import ProjectorPreview
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE


class Pages:
    """No PDFs are made here; the exporter only needs something to hold."""


def _console(ctl: SessionController, qtbot: QtBot, settings: AppSettings | None = None) -> ConsoleWindow:
    store = SettingsStore(settings) if settings is not None else None
    w = ConsoleWindow(ctl, TimerTicker(ctl), settings=store, exporter=PdfExporter(lambda: ctl.session, Pages()))  # type: ignore[arg-type]
    qtbot.addWidget(w)
    w.setGeometry(QApplication.primaryScreen().availableGeometry())
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


@pytest.fixture
def console(demo: Session, qtbot: QtBot) -> Iterator[ConsoleWindow]:
    w = _console(SessionController(demo), qtbot)
    yield w
    w.projector.hide_projector()


def _press_f5(console: ConsoleWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(console.circle, Qt.Key.Key_F5)


def test_f5_on_one_screen_opens_over_the_preview_and_keeps_the_keyboard(console: ConsoleWindow, qtbot: QtBot) -> None:
    _press_f5(console, qtbot)
    window = console.projector.window()
    qtbot.waitUntil(window.isVisible)
    assert console.projector.state() is ProjectorState.IN_WINDOW
    preview = console.preview_widget
    assert isinstance(preview, ProjectorPreview)
    target = preview.target_rect().toAlignedRect()
    over_preview = QRect(preview.mapToGlobal(target.topLeft()), target.size())
    assert window.geometry() == over_preview  # the same picture the preview shows: nothing else is hidden
    assert window.width() < console.width() // 3
    flags = window.windowFlags()
    assert flags & Qt.WindowType.WindowDoesNotAcceptFocus and flags & Qt.WindowType.WindowStaysOnTopHint
    assert not flags & Qt.WindowType.FramelessWindowHint  # a title bar: the moderator can move it
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    qtbot.wait(50)
    assert QApplication.activeWindow() is console
    qtbot.keyClick(console.circle, Qt.Key.Key_B)  # the console still takes B at once
    assert console.controller.session.stage.blank


def test_every_key_the_projector_window_gets_goes_to_the_console(console: ConsoleWindow, qtbot: QtBot) -> None:
    session = console.controller.session
    _press_f5(console, qtbot)
    window = console.projector.window()
    qtbot.waitUntil(window.isVisible)
    first = session.next_in_queue(1)[0].id
    clock = console.controller.clock
    assert isinstance(clock, FakeClock)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert session.stage.blank
    clock.advance(TYPING_PAUSE + 0.1)  # a moderator's second press, not a burst (the guard refuses those)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not session.stage.blank
    clock.advance(TYPING_PAUSE + 0.1)
    qtbot.keyClick(window, Qt.Key.Key_N)  # next on the free chair
    assert session.turn is not None and session.turn.participant_id == first
    running = session.turn.timer.is_running
    clock.advance(TYPING_PAUSE + 0.1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert session.turn.timer.is_running is not running
    qtbot.keyClick(window, Qt.Key.Key_PageUp)  # the remote's back button: undo
    assert session.turn is None or session.turn.participant_id != first
    qtbot.keyClick(window, Qt.Key.Key_F5)  # and F5 hides it again
    assert not window.isVisible() and console.projector.state() is ProjectorState.OFF


def test_keys_in_the_projector_window_type_into_a_focused_console_field(console: ConsoleWindow, qtbot: QtBot) -> None:
    _press_f5(console, qtbot)
    window = console.projector.window()
    qtbot.waitUntil(window.isVisible)
    field = console.stage_panel.message
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(window, "Bn")
    assert field.text() == "Bn" and not console.controller.session.stage.blank  # typed, not shortcuts


def test_the_window_is_remembered_where_the_moderator_put_it(demo: Session, qtbot: QtBot) -> None:
    console = _console(SessionController(demo), qtbot)
    saved: list[AppSettings] = []
    console.store.settingsChanged.connect(saved.append)
    _press_f5(console, qtbot)
    window = console.projector.window()
    qtbot.waitUntil(window.isVisible)
    window.setGeometry(QRect(QPoint(700, 420), window.size()))  # dragged by its title bar
    qtbot.waitUntil(lambda: bool(saved) and saved[-1].projector_window_geometry is not None, timeout=PLACE_MS + 2000)
    remembered = saved[-1].projector_window_geometry
    assert remembered == (700, 420, window.width(), window.height())
    _press_f5(console, qtbot)
    assert not window.isVisible()
    _press_f5(console, qtbot)
    assert window.geometry() == QRect(*remembered)
    console.projector.hide_projector()
    console.close()

    again = _console(SessionController(demo), qtbot, console.settings)  # next evening, same settings
    _press_f5(again, qtbot)
    assert again.projector.window().geometry() == QRect(*remembered)
    again.projector.hide_projector()


def test_the_preview_says_when_the_hall_sees_nothing(console: ConsoleWindow, qtbot: QtBot) -> None:
    preview = console.preview_widget
    assert isinstance(preview, ProjectorPreview)
    assert "off" in preview.notice() and "F5" in preview.notice()
    _press_f5(console, qtbot)
    assert "window" in preview.notice()
    console.projector.window().close()  # the title bar's close button
    assert console.projector.state() is ProjectorState.OFF
    assert "off" in preview.notice()
    image = preview.grab().toImage()
    target = preview.target_rect()
    band = image.pixelColor(round(target.left()) + 3, image.height() // 2)
    assert band.name() == "#e69f00"  # the amber band across the miniature, not the projector's dark ground
