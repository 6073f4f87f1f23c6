"""The participant list and the speech log as CSV (ui/paper/csv_export.py): written for Excel, a failure said
with the file's name, a save dialog that never blocks, and the console's Export button offering all four."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.ui.paper.csv_export import CsvExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


@pytest.fixture
def exporter(ctl: SessionController, qtbot: QtBot) -> CsvExporter:
    return CsvExporter(ctl)


def test_export_participants_and_log(exporter: CsvExporter, tmp_path: Path, qtbot: QtBot) -> None:
    with qtbot.waitSignal(exporter.statusMessage) as saved:
        assert exporter.export_participants_csv(tmp_path / "liste.csv")
    assert "liste.csv" in saved.args[0]
    raw = (tmp_path / "liste.csv").read_bytes()
    assert raw.startswith("\ufeffName;Familienname;".encode()) and "Ольга Кузнецова".encode() in raw
    assert exporter.export_log_csv(tmp_path / "log.csv")
    assert (tmp_path / "log.csv").read_bytes().decode("utf-8-sig").count("\r\n") == 7


def test_export_failure_is_announced(exporter: CsvExporter, tmp_path: Path, qtbot: QtBot) -> None:
    with qtbot.waitSignal(exporter.problem) as error:
        assert not exporter.export_participants_csv(tmp_path / "missing-folder" / "x.csv")
    assert "x.csv" in error.args[0]


def test_export_without_path_asks_without_blocking(exporter: CsvExporter) -> None:
    assert exporter.export_log_csv() is False
    dialog = exporter._file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_the_participants_export_button_offers_the_four_lists(ctl: SessionController, qtbot: QtBot) -> None:
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    window.show()
    button = window.participants_panel.export_button
    assert button.isVisible() and button.isEnabled()
    menu = button.menu()
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Participant list (CSV)…",
        "Speech log (CSV)…",
        "Internal participant list: every name, private notes (CSV)…",
        "Internal speech log: every name (CSV)…",
    ]
    menu.actions()[1].trigger()  # Speech log: asks where, without blocking the console
    dialog = window.csv_export._file_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith("speech-log.csv")
    dialog.reject()
