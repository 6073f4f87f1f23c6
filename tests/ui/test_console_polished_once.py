"""The console's widgets are polished once, in the window's style (issue 29, the first frame's work).

A widget polished (measured, laid out) before it is in the styled window is polished again when it moves in:
unpolished, polished in the style sheet's style, with a style change sent to it (the participant table then
lays itself out again). `ConsoleWindow._build_frame` makes the window's frame first and each panel inside its
final parent, and the splitter's sizes are set last; only the few widgets a panel measures while it is being
built, and the scroll areas' own parts, are polished twice now (113 of them were before, under this test's
count; 33 now). tests/ui/test_console_built_in_place.py counts the style changes themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

POLISHED_TWICE_AT_MOST = 50


class PolishWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.polished: set[int] = set()
        self.again = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish:
            self.polished.add(id(watched))
        elif kind == QEvent.Type.StyleChange and isinstance(watched, QWidget) and id(watched) in self.polished:
            self.again += 1  # a polished widget got another style: Qt unpolished and polished it again
        return False


def test_building_and_showing_the_console_polishes_few_widgets_twice(ctl: SessionController, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app is not None
    watch = PolishWatch()
    app.installEventFilter(watch)
    try:
        window = ConsoleWindow(ctl, TimerTicker(ctl))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
    finally:
        app.removeEventFilter(watch)
    assert len(watch.polished) > 100  # the watch saw the console's widgets
    assert watch.again <= POLISHED_TWICE_AT_MOST, f"{watch.again} widgets polished again in another style"
