"""The console's panels are built where they stay, and only those the first frame shows (issue 29).

- Every panel is made inside its final parent in the styled window (`ConsoleWindow._build_frame`): a panel made
  outside and moved in afterwards gets the style sheet's style a second time, with a style change, a palette
  change and often a second polish sent to it and to every widget in it. Counted here: the style changes that
  building and showing the console sends (214 when the panels were moved in, 161 now).
- The first-run welcome is built when it is first asked for (`ConsoleWindow.welcome`): a start that is not a
  first run never shows it, and it has its own style sheet. Asked for, it comes at once and whole, in its place
  between the message strip and the columns.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.welcome import WelcomePanel

STYLE_CHANGES_AT_MOST = 180
"""161 now; 214 when each panel was built outside the window and moved in."""


class EventCount(QObject):
    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind and isinstance(watched, QWidget):
            self.count += 1
        return False


def _column_of_the_window(window: ConsoleWindow, count: int) -> list[QWidget | None]:
    """The first `count` widgets of the central widget's column, top to bottom."""
    central = window.centralWidget()
    assert central is not None
    layout = central.layout()
    assert layout is not None
    items = [layout.itemAt(i) for i in range(count)]
    return [item.widget() if item is not None else None for item in items]


def _console(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


def test_building_and_showing_the_console_restyles_no_panel(ctl: SessionController, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    count = EventCount(QEvent.Type.StyleChange)
    app.installEventFilter(count)
    try:
        window = _console(ctl, qtbot)
        window.show()
        qtbot.waitExposed(window)
    finally:
        app.removeEventFilter(count)
    assert count.count > 50  # the watch saw the console's widgets take the window's style
    assert count.count <= STYLE_CHANGES_AT_MOST, f"{count.count} style changes"


def test_the_columns_and_tabs_are_where_they_were(ctl: SessionController, qtbot: QtBot) -> None:
    window = _console(ctl, qtbot)
    splitter = window.splitter
    assert splitter.count() == 3
    left, queue, right = (splitter.widget(i) for i in range(3))
    assert queue is window.queue_panel
    assert window.timer_panel.parentWidget() is left and window.circle.parentWidget() is left
    assert window.tabs.parentWidget() is right and window.stage_panel.parentWidget() is right
    pages = window.participants_panel.parentWidget()
    assert isinstance(pages, QStackedWidget) and pages.parentWidget() is window.tabs
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Participants", "Statistics"]
    assert window.tabs.currentWidget() is window.participants_panel
    assert _column_of_the_window(window, 2) == [window.message_bar, splitter]


def test_a_console_that_does_not_show_the_welcome_does_not_build_it(ctl: SessionController, qtbot: QtBot) -> None:
    window = _console(ctl, qtbot)
    window.show()
    qtbot.waitExposed(window)
    assert window.findChildren(WelcomePanel) == []
    ctl.sessionReplaced.emit()  # another session: "the welcome has done its job" builds nothing either
    assert window.findChildren(WelcomePanel) == []


def test_the_welcome_asked_for_comes_whole_between_the_strip_and_the_columns(
    ctl: SessionController, qtbot: QtBot
) -> None:
    window = _console(ctl, qtbot)
    window.show()
    qtbot.waitExposed(window)
    welcome = window.welcome
    assert welcome is window.welcome  # built once
    assert welcome.isHidden()
    assert _column_of_the_window(window, 3) == [window.message_bar, welcome, window.splitter]
    welcome.show()
    qtbot.waitUntil(lambda: welcome.isVisible() and welcome.geometry().bottom() < window.splitter.y())
    assert welcome.sample_button.isVisible() and welcome.new_button.isVisible() and welcome.tips.text()
    assert window.message_bar.isHidden()  # the strip gives up its place to the welcome, as before
    qtbot.mouseClick(welcome.close_button, Qt.MouseButton.LeftButton)
    assert welcome.isHidden()
    welcome.show()
    ctl.sessionReplaced.emit()  # another session opened: the welcome has done its job
    assert welcome.isHidden()
