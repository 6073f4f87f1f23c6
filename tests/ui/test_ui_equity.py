"""The statistics' equity section in the real console (issue 28.4): the demo evening's shares per group, the
people without a group as their own row, the small-group mark; then a withdrawal (Del in the queue) and a Next (N)
pressed as a moderator does, and the section follows — in English and German."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session, format_duration
from fishbowl_desktop.model.equity import equity
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.key_guard import TYPING_PAUSE
from helpers.console import no_pdf, open_console

NO_GROUP = {"en": "no group", "de": "ohne Gruppe"}


@pytest.fixture
def window(language: str, ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))


def _key(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def test_the_equity_section_shows_the_demo_and_follows_the_moderators_keys(
    window: ConsoleWindow,
    demo: Session,
    clock: FakeClock,
    qtbot: QtBot,
    language: str,
) -> None:
    bar = window.tabs.tabBar()
    tab = window.tabs.indexOf(window.stats_panel)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    qtbot.waitUntil(window.stats_panel.isVisible)
    box = window.stats_panel.equity
    cells = box.cells
    pc = "\u202f%" if language == "de" else "%"  # one style for every percentage (model.shares, issue 21)
    assert cells[("FLINTA*", "listed")].text() == f"50{pc}" and cells[("offen", "listed")].text() == f"50{pc}"
    assert cells[("FLINTA*", "time")].text() == f"43{pc}" and cells[("offen", "time")].text() == f"57{pc}"
    assert cells[("FLINTA*", "asked")].toolTip().startswith("3 ")
    assert cells[("", "group")].text() == "* " + NO_GROUP[language], "no group: its own row, marked as small"
    assert cells[("", "declined")].text() == "1" and cells[("offen", "withdrawn")].text() == "1"
    assert cells[("FLINTA*", "wait")].text() == format_duration((212 + 268) / 2)
    notes = box.notes.text()
    assert ("12" in notes) and ("Teilnehmendenliste" in notes if language == "de" else "participant list" in notes)

    # Del on the first in the queue (Ahmad, "offen"): withdrawn
    queue = window.queue_panel.view
    queue.setFocus()
    queue.setCurrentIndex(queue.model().index(0, 0))
    clock.advance(TYPING_PAUSE + 0.1)
    _key(qtbot, Qt.Key.Key_Delete)
    assert len(demo.queue) == 2
    qtbot.waitUntil(lambda: cells is not box.cells and box.cells[("offen", "withdrawn")].text() == "2")

    # N: the guest on the free chair leaves, Ольга (FLINTA*, waiting since the demo began) sits down
    clock.advance(60)
    window.circle.setFocus()
    clock.advance(TYPING_PAUSE + 0.1)
    _key(qtbot, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-03"
    want = equity(
        demo.participants.as_tuple(),
        demo.log.as_tuple(),
        demo.requests.as_tuple(),
        [e.participant_id for e in demo.queue],
    )
    flinta = next(g for g in want.groups if g.group == "FLINTA*")
    assert len(flinta.waits) == 3
    qtbot.waitUntil(lambda: box.cells[("FLINTA*", "wait")].text() == format_duration(flinta.median_wait or 0))


def test_the_exporters_copy_of_the_session_keeps_every_part(demo: Session) -> None:
    """The in-process export reads a copy of the session: it had no requests, so its equity page said none
    were recorded."""
    from fishbowl_desktop.ui.paper.pdf_export import session_copy

    assert session_copy(demo).snapshot() == demo.snapshot()
