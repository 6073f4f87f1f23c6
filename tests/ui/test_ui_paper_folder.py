"""Where the save dialogs for paper open (ui/paper/paper_folder.py): the Documents folder, or the home folder on a
laptop without one, never the folder the program happened to be started from (a file dialog given a folder that
does not exist opens in the working folder, where a moderator would not look for the PDF afterwards)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.paper.csv_export import CsvExporter
from fishbowl_desktop.ui.paper.pdf_export import default_pdf_path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    started_from = tmp_path / "started-from"
    started_from.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs naming another Documents
    monkeypatch.chdir(started_from)
    return home


@pytest.mark.parametrize("with_documents", [False, True])
def test_the_pdfs_default_place_is_documents_or_else_home(
    ctl: SessionController, home: Path, with_documents: bool
) -> None:
    if with_documents:
        (home / "Documents").mkdir()
    expected = home / "Documents" if with_documents else home
    assert default_pdf_path(ctl.session, "attendees").parent == expected


@pytest.mark.parametrize("with_documents", [False, True])
def test_the_csv_dialog_opens_in_documents_or_else_home(
    ctl: SessionController, home: Path, qtbot: QtBot, with_documents: bool
) -> None:
    if with_documents:
        (home / "Documents").mkdir()
    exporter = CsvExporter(ctl)
    assert exporter.export_log_csv() is False
    dialog = exporter._file_dialog
    assert dialog is not None
    try:
        chosen = Path(dialog.selectedFiles()[0])
        assert chosen == (home / "Documents" if with_documents else home) / "speech-log.csv"
    finally:
        dialog.reject()
