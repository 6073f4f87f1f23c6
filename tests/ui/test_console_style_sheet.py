"""The console's style sheet is set on the widgets it styles, not on the window (issue 29: memory at the start).

A style sheet on the window sent every widget of the console (and every dialog opened from it) through Qt's
style-sheet style, each with its own rule caches, palette and font: ~1.2 MiB of the start-up peak
(`ui/widgets/sheet.py`). The look stays: the pale background, the titles, the padded buttons, the blue Next,
the framed tab pane; dialogs opened from the console keep their padded buttons (compared pixel for pixel
before and after, benchmarks/README.md "Where the memory goes").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.widgets.sheet import BACKGROUND, TITLE_COLOR, TITLE_PIXELS
from helpers.console import open_console

STYLED_AT_MOST = 80
"""Widgets of the shown console that go through the style-sheet style: 74 — the tabs (their pane's frame reaches
the participants' and the statistics' 45 widgets), the timer panel's state colours (11), the buttons with their
padding, the format badge and the queue warning, the stage's minutes. 137 of 137 with the sheet on the window."""


def _through_the_sheet(widget: QWidget) -> bool:
    return widget.style().metaObject().className() == "QStyleSheetStyle"


def _console_widgets(window: ConsoleWindow) -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if w is window or (not w.isWindow() and window.isAncestorOf(w))]


def test_few_of_the_consoles_widgets_go_through_the_style_sheet_style(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    widgets = _console_widgets(window)
    styled = [w for w in widgets if _through_the_sheet(w)]
    assert len(widgets) > 120  # the whole console was counted
    assert not _through_the_sheet(window)
    central = window.centralWidget()
    assert central is not None and not _through_the_sheet(central)
    assert len(styled) <= STYLED_AT_MOST, f"{len(styled)} of {len(widgets)} widgets through the style sheet"


def test_the_look_the_windows_sheet_gave_is_kept(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    image = window.grab().toImage()
    central = window.centralWidget()
    assert central is not None
    corner = central.mapTo(window, central.rect().topLeft())
    assert image.pixelColor(corner.x() + 2, corner.y() + 2) == BACKGROUND  # the console's pale background
    assert window.menuBar().palette().color(QPalette.ColorRole.Window) != BACKGROUND  # not passed on
    titles = [label for label in window.findChildren(QLabel) if label.objectName() == "panelTitle"]
    assert len(titles) == 4
    for title in titles:
        assert title.font().pixelSize() == TITLE_PIXELS and title.font().bold()
        assert title.palette().color(QPalette.ColorRole.WindowText) == TITLE_COLOR
    window.message_bar.show_message("A note for the moderator", "info")  # the strip's close button shown too
    buttons = [b for b in window.findChildren(QPushButton) if b.window() is window and b.isVisibleTo(window)]
    assert len(buttons) >= 20
    unpadded = [b.text() or b.objectName() for b in buttons if not _through_the_sheet(b)]
    assert unpadded == []  # every push button on screen keeps its padding
    next_button = window.queue_panel.next
    blue = next_button.grab().toImage().pixelColor(next_button.width() // 2, 3)
    assert blue.name() == "#0072b2"


def test_a_dialog_opened_from_the_console_keeps_its_padded_buttons(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)  # the shortcuts dialog, by its key
    qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
    buttons = dialog.findChildren(QPushButton)
    assert buttons
    assert all(_through_the_sheet(b) for b in buttons)
    dialog.close()


def test_the_welcome_takes_its_look_when_it_is_first_shown(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    welcome = window.welcome
    assert welcome.isHidden() and not _through_the_sheet(welcome.title)  # a usual start: hidden, unstyled
    welcome.show()
    qtbot.waitExposed(welcome)
    assert _through_the_sheet(welcome.title)
    assert welcome.title.font().pixelSize() == 16 and welcome.title.font().bold()
    image = welcome.grab().toImage()
    assert image.pixelColor(welcome.width() // 2, 0).name() == "#0072b2"  # its blue border
    assert image.pixelColor(welcome.width() // 2, welcome.height() // 2).name() == "#ffffff"


def test_a_file_dialog_from_the_console_has_room_for_its_padded_buttons(ctl: SessionController, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = open_console(ctl, qtbot)
    window.csv_export.menu(window.participants_panel.export_button).actions()[0].trigger()  # Export ▸ CSV
    qtbot.waitUntil(lambda: any(isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
    assert all(_through_the_sheet(b) for b in dialog.findChildren(QPushButton))
    # it sized itself as it was built, before the sheet: grown to the padded buttons, not 4 px short
    assert dialog.height() >= dialog.sizeHint().height()
    dialog.reject()


def test_the_console_follows_a_change_of_the_systems_colours(ctl: SessionController, qtbot: QtBot) -> None:
    window = open_console(ctl, qtbot)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    dark = QPalette(before)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        dark.setColor(role, QColor("#202124"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        dark.setColor(role, QColor("#E8EAED"))
    try:
        app.setPalette(dark)  # as when the desktop switches to a dark theme while the console runs
        qtbot.waitUntil(lambda: window.splitter.palette().color(QPalette.ColorRole.Window).name() == "#202124")
        for inside in (window.splitter, window.menuBar(), window.statusBar(), window.queue_panel):
            assert inside.palette().color(QPalette.ColorRole.Window).name() == "#202124"
        central = window.centralWidget()
        assert central is not None and central.palette().color(QPalette.ColorRole.Window) == BACKGROUND
    finally:
        app.setPalette(before)
    ordinary = before.color(QPalette.ColorRole.Window)
    qtbot.waitUntil(lambda: window.splitter.palette().color(QPalette.ColorRole.Window) == ordinary)
