"""The real console as UI tests open it: the laptop's 1366×768, shown, and (by default) holding the keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


def no_pdf(*_args: object, **_options: object) -> int:
    """An export function that writes nothing and reports one page: the tests of keys need no reportlab."""
    return 1


def open_console(
    ctl: SessionController, qtbot: QtBot, exporter: PdfExporter | None = None, active: bool = True
) -> ConsoleWindow:
    window = ConsoleWindow(ctl, TimerTicker(ctl), exporter=exporter)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    if active:  # keys go where the focus is only in the active window, as on the night
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window
