"""Issue 21, point 11: "26 %" and "5%" in one column. Every percentage the console's statistics and the report
print is written one way per language (`model.shares`): German "26 %" with a narrow no-break space (DIN 5008),
English "26%"; and both add up to 100 the same way (largest remainder)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.demo import DEMO_EVENT
from fishbowl_desktop.model.shares import percent_text, whole_percentages
from helpers.console import open_console
from helpers.hands import click

NNBSP = "\u202f"


def thirds(language: str) -> Session:
    """Three people with a third of the time each (33.3 % apiece: the plain rounding printed 33+33+33)."""
    people = [
        Participant("p1", "Dana Petrova", Role.PANELIST, consent_to_list=True),
        Participant("a1", "Ahmad Al-Sayed", Role.AUDIENCE, group="Jugend", consent_to_list=True),
        Participant("a2", "Şule Öztürk", Role.AUDIENCE, group="FLINTA*", consent_to_list=True),
    ]
    start = datetime(2026, 12, 3, 18, 40)
    log = [
        SpeechRecord("p1", 0, SeatKind.PANEL, start, 100.0, 120.0, Role.PANELIST, ""),
        SpeechRecord("a1", 4, SeatKind.FREE, start, 100.0, 120.0, Role.AUDIENCE, "Jugend"),
        SpeechRecord("a2", 4, SeatKind.FREE, start, 100.0, 120.0, Role.AUDIENCE, "FLINTA*"),
    ]
    return Session(FakeClock(), event=replace(DEMO_EVENT, language=language), participants=people, log=log)


def test_the_one_rule_and_the_one_way_to_write_it() -> None:
    assert whole_percentages([100, 100, 100], 300) == [34, 33, 33]
    assert whole_percentages([5, 0], 0) is None
    assert percent_text(26, "de") == f"26{NNBSP}%" and percent_text(5, "de") == f"5{NNBSP}%"
    assert percent_text(26, "en") == "26%"


def test_the_statistics_write_percentages_as_the_console_speaks(language: str, qtbot: QtBot) -> None:
    ctl = SessionController(thirds(language))
    window = open_console(ctl, qtbot)
    bar = window.tabs.findChild(QTabBar)
    assert bar is not None
    click(bar, bar.tabRect(window.tabs.indexOf(window.stats_panel)).center())  # the moderator opens Statistics
    qtbot.waitUntil(lambda: window.stats_panel.isVisible())
    stats = window.stats_panel
    roles = [stats.role_rows[r].share.text() for r in (Role.PANELIST, Role.AUDIENCE)]
    groups = [row.share.text() for row in stats.group_rows.values() if row.share.isVisibleTo(stats)]
    space = NNBSP if language == "de" else ""
    assert roles == [f"33{space}%", f"67{space}%"]
    assert sorted(groups) == sorted([f"33{space}%", f"33{space}%", f"34{space}%"]), groups  # adds up to 100
    for text in roles + groups:
        assert " %" not in text  # never a plain space that could break the number from its sign


def test_the_report_writes_percentages_as_its_language_does(language: str, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    export_pdf(thirds(language), "report", out)
    # pypdf: poppler's pdftotext turns every kind of space into a plain one
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    space = NNBSP if language == "de" else ""
    for share in ("33", "67", "34"):
        assert f"{share}{space}%" in text, (share, text)
    assert " %" not in text and f"{NNBSP}%" not in text.replace(f"{space}%", "")
