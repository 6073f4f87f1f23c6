"""Issue 21, point 10: typing into the event dialog as a moderator does. Tab into an agenda item's minutes and
typing 10 gave 115; typing a date after Ctrl+A was ignored."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Session
from fishbowl_desktop.ui.event.event_dialog import EventDialog


@pytest.fixture
def dialog(demo: Session, qtbot: QtBot) -> EventDialog:
    d = EventDialog(SessionController(demo))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    return d


def _type(qtbot: QtBot, text: str) -> None:
    for ch in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClicks(widget, ch)


def test_tab_into_the_minutes_and_typing_replaces_them(dialog: EventDialog, qtbot: QtBot) -> None:
    dialog.tabs.setCurrentIndex(1)
    table = dialog.agenda
    assert table.rowCount() >= 1
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # from the title to its minutes, as in a spreadsheet
    spin = table.cellWidget(0, 1)
    assert isinstance(spin, QSpinBox)
    qtbot.waitUntil(lambda: spin.hasFocus() or spin.isAncestorOf(QApplication.focusWidget() or table))
    _type(qtbot, "10")
    assert spin.value() == 10


def test_ctrl_a_then_a_typed_date_takes_it(dialog: EventDialog, qtbot: QtBot) -> None:
    dialog.has_date.setChecked(True)
    dialog.date.setFocus()
    qtbot.waitUntil(lambda: dialog.date.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "03.12.2026")
    assert dialog.date.date().toPython() == date(2026, 12, 3)


def test_ctrl_a_then_a_date_without_dots(dialog: EventDialog, qtbot: QtBot) -> None:
    dialog.has_date.setChecked(True)
    dialog.date.setFocus()
    qtbot.waitUntil(lambda: dialog.date.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "24122026")
    assert dialog.date.date().toPython() == date(2026, 12, 24)


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_tab_of_the_event_dialog_is_in_view_without_scroll_arrows(
    demo: Session, qtbot: QtBot, language: str
) -> None:
    """Issue 21, point 11: the fifth tab of the German dialog ("Förderung und Datenschutz") needed the arrows."""
    from PySide6.QtWidgets import QToolButton

    from fishbowl_desktop.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, language) if language != "en" else []
    try:
        d = EventDialog(SessionController(demo))
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        bar = d.tabs.tabBar()
        assert bar.tabRect(bar.count() - 1).right() <= bar.width()
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        assert not arrows
        assert d.width() <= 1366 - 40  # and it still fits the laptop's screen
    finally:
        for t in translators:
            app.removeTranslator(t)
