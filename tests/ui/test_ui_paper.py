"""The organiser's side of paper in the console: print options, "print the rest", funding fields, split names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import Participant, Session
from fishbowl_desktop.resources import resources_dir
from fishbowl_desktop.settings import load_settings
from fishbowl_desktop.ui.event.event_dialog import EventDialog
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter, export_document, unprintable_message
from fishbowl_desktop.ui.paper.print_options_dialog import PrintOptionsDialog
from fishbowl_desktop.ui.people.participants_panel import ParticipantsPanel
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session), active=False)


def _numbers(path: Path) -> list[int]:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return [int(n) for n in re.findall(r"^(\d+)\s*$", text, flags=re.MULTILINE)]


def test_print_options_are_asked_first_and_reach_the_sheet(window: ConsoleWindow, tmp_path: Path, qtbot: QtBot) -> None:
    exporter = window.exporter
    options = exporter.ask("attendees", window)
    assert isinstance(options, PrintOptionsDialog) and options.isVisible()
    assert "2 more empty rows" in " ".join(label.text() for label in options.findChildren(QLabel))
    options.reserve.setFocus()
    options.reserve.selectAll()
    qtbot.keyClicks(options.reserve, "5")
    options.column.setCurrentIndex(options.column.findData("residence"))
    qtbot.keyClick(options.reserve, Qt.Key.Key_Return)  # Enter continues, like the button
    assert not options.isVisible()
    files = exporter.dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(exporter.finished) as done:
        files.fileSelected.emit(str(out))
    files.reject()
    assert done.args[0].ok, done.args[0].error
    listed = sum(p.consent_to_list for p in window.controller.session.participants)
    assert max(_numbers(out)) == listed + 2 + 5  # the two not listed, plus the reserve of 5
    assert "Wohnort / PLZ" in PdfReader(out).pages[0].extract_text()
    assert exporter.options is not None and exporter.options.reserve_rows == 5  # offered again next time


def test_the_print_options_are_offered_again_after_a_restart(
    ctl: SessionController, tmp_path: Path, qtbot: QtBot
) -> None:
    """The organiser sets the reserve rows and the column once for the venue, not at every start."""
    path = tmp_path / "settings.json"
    first = PdfExporter(lambda: ctl.session, store=SettingsStore(load_settings(path), path))
    options = first.ask("attendees", None)
    assert isinstance(options, PrintOptionsDialog)
    qtbot.addWidget(options)
    options.reserve.setFocus()
    options.reserve.selectAll()
    qtbot.keyClicks(options.reserve, "25")
    options.column.setCurrentIndex(options.column.findData("residence"))
    options.per_person.setChecked(True)
    qtbot.keyClick(options.reserve, Qt.Key.Key_Return)
    assert isinstance(first.dialog, QFileDialog)
    first.dialog.reject()
    report = first.ask("report", None)
    assert isinstance(report, PrintOptionsDialog)
    qtbot.addWidget(report)
    report.short.setValue(12)
    report.accept()
    assert isinstance(first.dialog, QFileDialog)
    first.dialog.reject()

    again = PdfExporter(lambda: ctl.session, store=SettingsStore(load_settings(path), path))  # the next start
    offered = again.ask("attendees", None)
    assert isinstance(offered, PrintOptionsDialog)
    qtbot.addWidget(offered)
    assert offered.reserve.value() == 25 and offered.column.currentData() == "residence"
    assert offered.per_person.isChecked() and offered.short.value() == 12
    offered.reject()


def test_a_name_that_cannot_be_drawn_is_named_and_the_rest_printed_on_request(
    window: ConsoleWindow, ctl: SessionController, tmp_path: Path, qtbot: QtBot
) -> None:
    ctl.add_participant(Participant("emoji", "Lena 🎉", consent_to_list=True))
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(window.exporter.finished) as done:
        window.exporter.start("attendees", out)
    outcome = done.args[0]
    assert outcome.unprintable and not out.exists()
    bar = window.message_bar
    assert "Lena 🎉" in bar.text() and "U+1F389" in bar.text() and "correct the spelling" not in bar.text()
    assert bar.action.isVisible() and bar.action.text() == "Print the rest"
    with qtbot.waitSignal(window.exporter.finished) as again:
        qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert again.args[0].ok and out.exists()
    assert "Lena" in PdfReader(out).pages[0].extract_text()


def test_the_message_speaks_the_consoles_language(demo: Session, tmp_path: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "fishbowl_de.qm"))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        text = unprintable_message((("Lena 🎉", "🎉"),))
    finally:
        app.removeTranslator(translator)
    assert "Lena 🎉" in text and "U+1F389" in text and "Schrift" in text
    outcome = export_document(demo, "attendees", tmp_path / "a.pdf")
    assert outcome.ok


def test_report_options_set_the_accidental_turn_threshold(window: ConsoleWindow, tmp_path: Path, qtbot: QtBot) -> None:
    options = window.exporter.ask("report", window)
    assert isinstance(options, PrintOptionsDialog)
    options.short.setValue(200)  # every demo turn is shorter: all accidental
    options.accept()
    files = window.exporter.dialog
    assert isinstance(files, QFileDialog)
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.exporter.finished):
        files.fileSelected.emit(str(out))
    files.reject()
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in PdfReader(out).pages))
    assert "Redebeiträge 0" in text and "(versehentlich)" in text


def test_event_dialog_sets_programme_funding_reference_and_notice(ctl: SessionController, qtbot: QtBot) -> None:
    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    dialog.programme.clear()
    qtbot.keyClicks(dialog.programme, "Demokratie leben!")
    dialog.funding_reference.clear()
    qtbot.keyClicks(dialog.funding_reference, "DL-2026-42")
    qtbot.keyClicks(dialog.privacy_notice, "Verantwortlich: Verein X")
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    event = ctl.session.event
    assert (event.programme, event.funding_reference, event.privacy_notice) == (
        "Demokratie leben!",
        "DL-2026-42",
        "Verantwortlich: Verein X",
    )
    ctl.undo_stack.undo()
    assert ctl.session.event.funding_reference == "PfD-HAN-2026-017 (Beispiel)"


def test_person_dialog_takes_family_and_given_names(ctl: SessionController, qtbot: QtBot) -> None:
    panel = ParticipantsPanel(ctl)
    qtbot.addWidget(panel)
    panel.show()
    dialog = panel.add_participant()
    dialog.family_name.insert("Nguyễn")  # QTest cannot type letters outside Latin-1
    dialog.given_names.insert("Văn Lâm")
    qtbot.keyClicks(dialog.residence, "30165 Hannover")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    person = ctl.session.participants[len(ctl.session.participants) - 1]
    assert (person.name, person.family_name, person.given_names, person.residence) == (
        "Văn Lâm Nguyễn",
        "Nguyễn",
        "Văn Lâm",
        "30165 Hannover",
    )
    editing = panel.edit_selected()
    assert editing is not None and editing.family_name.text() == "Nguyễn"
    QApplication.processEvents()
    editing.reject()


def test_the_sheet_dialog_warns_of_a_missing_date_place_and_organiser_and_prints_all_rows_blank(
    ctl: SessionController, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 25, points 2 and 3: the organiser sees what a funder will miss before printing, and can ask for a
    sheet where every name is written by hand."""
    ctl.session.set_event(ctl.session.event.with_changes(date=None, organiser="", venue_name="", venue_address=""))
    window = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session), active=False)
    exporter = window.exporter
    options = exporter.ask("attendees", window)
    assert isinstance(options, PrintOptionsDialog) and options.isVisible()
    assert options.gaps.isVisible()
    for words in ("no date", "no place", "no organiser"):
        assert words in options.gaps.text()
    options.all_blank.setFocus()
    qtbot.keyClick(options.all_blank, Qt.Key.Key_Space)  # the organiser ticks it
    qtbot.keyClick(options.all_blank, Qt.Key.Key_Return)
    files = exporter.dialog
    assert isinstance(files, QFileDialog)
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(exporter.finished, timeout=60_000) as done:
        files.fileSelected.emit(str(out))
    files.reject()
    assert done.args[0].ok, done.args[0].error
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert all(p.family_name not in text for p in ctl.session.participants if p.family_name)
    assert "Datum:" in text and "Veranstalter:" in text
    assert max(_numbers(out)) == len(ctl.session.participants) + 10


def test_the_sheet_dialog_says_nothing_when_the_event_is_complete(window: ConsoleWindow) -> None:
    options = window.exporter.ask("attendees", window)
    assert isinstance(options, PrintOptionsDialog) and not options.gaps.isVisible()
    options.reject()
