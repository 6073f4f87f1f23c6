"""The CSV import dialog end to end: a real file, the guessed mapping, one undo step, the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Role
from fishbowl_desktop.spreadsheets import SKIP_TEXTS, SkipReason
from fishbowl_desktop.ui.people.csv_import_dialog import CsvImportDialog
from fishbowl_desktop.ui.people.participants_panel import ParticipantsPanel

SIGN_IN = (
    "Vorname;Nachname;Verein;Rolle;Einwilligung;Bemerkung\r\n"
    "Jürgen;Möller;;Publikum;ja;\r\n"  # 2: already on the demo list (no organisation there either)
    "Änne;Weiß;Straßenfest e.V.;Publikum;ja;kommt später\r\n"  # 3
    ";;;;;\r\n"  # 4: empty, ignored
    "Grete;Groß;Bürgerverein; Podium ;nein;\r\n"  # 5
    ";;Verein ohne Namen;;;\r\n"  # 6: no name
    "Ömer;Şahin;;Zauberer;ja;\r\n"  # 7: unknown role (Ş is not in Windows-1252: written as ?)
)


@pytest.fixture
def sign_in_file(tmp_path: Path) -> Path:
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes(SIGN_IN.encode("cp1252", errors="replace"))
    return path


@pytest.fixture
def panel(ctl: SessionController, qtbot: QtBot) -> ParticipantsPanel:
    widget = ParticipantsPanel(ctl)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _open_import(panel: ParticipantsPanel) -> CsvImportDialog:
    dialog = panel.import_csv()
    assert dialog.isVisible()
    chooser = dialog._file_dialog
    assert chooser is not None and chooser.isVisible()  # the file chooser opens at once, without blocking
    chooser.reject()
    return dialog


def test_import_end_to_end_is_one_undo_step(
    panel: ParticipantsPanel, ctl: SessionController, sign_in_file: Path, qtbot: QtBot
) -> None:
    dialog = _open_import(panel)
    assert dialog.set_path(sign_in_file)
    assert "Windows-1252" in dialog.detected.text() and "semicolon" in dialog.detected.text()
    assert "5 rows" in dialog.detected.text()
    assert dialog.mapping() == {"first_name": 0, "last_name": 1, "organisation": 2, "role": 3, "consent": 4, "notes": 5}
    combo = dialog.preview.cellWidget(0, 0)
    assert isinstance(combo, QComboBox) and combo.currentText() == "First name"
    item = dialog.preview.item(1, 0)
    assert item is not None and item.text() == "Jürgen"
    assert "Ready to import: 2. To skip: 3." in dialog.summary.text()
    before = len(ctl.session.participants)
    undo_count = ctl.undo_stack.count()

    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_button.click()
    assert imported.args == [2, 3]
    assert "2 imported, 3 skipped" in dialog.summary.text()
    report = dialog.report.toPlainText().splitlines()
    assert report == [
        "Row 2: Jürgen Möller is already on the participant list",
        "Row 6: no name",
        "Row 7: unknown role “Zauberer” (use Moderation, Podium or Publikum)",
    ]
    assert not dialog.import_button.isEnabled()  # no second import of the same rows by accident

    people = {p.name: p for p in ctl.session.participants}
    assert people["Änne Weiß"].organisation == "Straßenfest e.V." and people["Änne Weiß"].notes == "kommt später"
    assert people["Grete Groß"].role is Role.PANELIST and not people["Grete Groß"].consent_to_list
    assert len(ctl.session.participants) == before + 2
    assert ctl.undo_stack.count() == undo_count + 1
    assert ctl.undo_stack.undoText() == "Import from anmeldungen.csv (+2)"
    ctl.undo_stack.undo()
    assert len(ctl.session.participants) == before
    assert "17 people" in panel.count.text()


def test_changing_the_mapping_changes_the_import(
    panel: ParticipantsPanel, ctl: SessionController, sign_in_file: Path
) -> None:
    dialog = _open_import(panel)
    dialog.set_path(sign_in_file)
    role_combo = dialog.preview.cellWidget(0, 3)
    assert isinstance(role_combo, QComboBox)
    role_combo.setCurrentIndex(0)  # ignore the role column: the "Zauberer" row becomes importable
    assert "Ready to import: 3." in dialog.summary.text()
    notes_combo = dialog.preview.cellWidget(0, 5)
    assert isinstance(notes_combo, QComboBox)
    notes_combo.setCurrentIndex(notes_combo.findData("organisation"))  # a field belongs to one column only
    assert dialog.mapping()["organisation"] == 5 and 2 not in dialog.mapping().values()
    dialog.import_button.click()
    assert ctl.session.participants[len(ctl.session.participants) - 1].role is Role.AUDIENCE
    assert {p.name: p for p in ctl.session.participants}["Änne Weiß"].organisation == "kommt später"


def test_without_a_name_column_nothing_can_be_imported(panel: ParticipantsPanel, sign_in_file: Path) -> None:
    dialog = _open_import(panel)
    dialog.set_path(sign_in_file)
    dialog.set_mapping({"organisation": 2})
    assert not dialog.import_button.isEnabled()
    assert "names" in dialog.summary.text()
    dialog.set_mapping({"last_name": 1})
    assert dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"PK\x03\x04...", "workbook"),
    ],
)
def test_unreadable_file_is_explained(panel: ParticipantsPanel, tmp_path: Path, content: bytes, message: str) -> None:
    dialog = _open_import(panel)
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    assert not dialog.set_path(path)
    assert dialog.error.isVisibleTo(dialog) and message in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_missing_file_is_explained(ctl: SessionController, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = CsvImportDialog(ctl)
    qtbot.addWidget(dialog)
    assert not dialog.set_path(tmp_path / "weg.csv")
    assert "could not be opened" in dialog.error.text()


def test_every_skip_reason_has_a_translatable_text_with_the_same_values(ctl: SessionController, qtbot: QtBot) -> None:
    dialog = CsvImportDialog(ctl)
    qtbot.addWidget(dialog)
    values = (("limit", 300), ("value", "x"), ("who", "A (B)"), ("row", 7), ("message", "m"))
    for code in SKIP_TEXTS:
        reason = SkipReason(code, values)
        assert dialog.reason_text(reason) == str(reason)  # untranslated, the dialog says what spreadsheets says
