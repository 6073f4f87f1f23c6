"""The import dialog with Excel's files: the warnings and reasons come in the preview, before Import;
people already on the list are updated, not duplicated; a long list is checked and added in steps with
progress and Cancel, and is still one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Session
from fishbowl_desktop.ui.people import csv_import_dialog
from fishbowl_desktop.ui.people.csv_import_dialog import CsvImportDialog

LIST = "Name;Organisation;Gruppe\nŞule Öztürk;Kulturverein;F\nAyşe Çelik;;F\n;Ohne Namen;\nJürgen Möller;;\n"


@pytest.fixture
def dialog(ctl: SessionController, qtbot: QtBot) -> CsvImportDialog:
    d = CsvImportDialog(ctl)
    qtbot.addWidget(d)
    d.show()
    return d


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_excel_lost_letters_are_warned_about_before_import(dialog: CsvImportDialog, tmp_path: Path) -> None:
    assert dialog.set_path(_write(tmp_path, "excel.csv", LIST.encode("cp1252", errors="replace")))
    assert dialog.lost_letters.isVisible()
    text = dialog.lost_letters.text()
    assert "2 names" in text and "?ule Öztürk" in text and "CSV UTF-8" in text
    # The reasons for skipped rows are there before Import, too.
    assert dialog.report.isVisible() and "Row 4: no name" in dialog.report.toPlainText()
    assert dialog.import_button.isEnabled()
    assert dialog.set_path(_write(tmp_path, "utf8.csv", LIST.encode("utf-8")))
    assert not dialog.lost_letters.isVisible()


def test_the_utf8_file_updates_the_people_the_excel_file_brought(
    ctl: SessionController, dialog: CsvImportDialog, tmp_path: Path
) -> None:
    before = len(ctl.session.participants)
    dialog.set_path(_write(tmp_path, "excel.csv", LIST.encode("cp1252", errors="replace")))
    assert dialog.do_import()
    assert len(ctl.session.participants) == before + 2
    steps = ctl.undo_stack.count()
    dialog.set_path(_write(tmp_path, "utf8.csv", LIST.encode("utf-8")))
    assert dialog.update_existing.isVisible() and dialog.update_existing.isChecked()
    assert "Ready to import: 0." in dialog.summary.text() and "something new: 2" in dialog.summary.text()
    preview = dialog.report.toPlainText()
    assert "Row 2: updates Şule Öztürk (on the list as “?ule Öztürk”)" in preview
    assert dialog.do_import()
    names = {p.name for p in ctl.session.participants}
    assert {"Şule Öztürk", "Ayşe Çelik"} <= names and "?ule Öztürk" not in names
    assert len(ctl.session.participants) == before + 2 and ctl.undo_stack.count() == steps + 1
    assert "0 imported, 2 updated" in dialog.summary.text()
    ctl.undo_stack.undo()
    assert "?ule Öztürk" in {p.name for p in ctl.session.participants}


def test_declining_the_update_leaves_the_list_alone(
    ctl: SessionController, dialog: CsvImportDialog, tmp_path: Path
) -> None:
    dialog.set_path(_write(tmp_path, "excel.csv", LIST.encode("cp1252", errors="replace")))
    dialog.do_import()
    dialog.set_path(_write(tmp_path, "utf8.csv", LIST.encode("utf-8")))
    dialog.update_existing.setChecked(False)
    steps = ctl.undo_stack.count()
    dialog.do_import()
    assert "?ule Öztürk" in {p.name for p in ctl.session.participants}
    assert ctl.undo_stack.count() == steps


def test_an_unclosed_quote_gets_a_moderators_message(dialog: CsvImportDialog, tmp_path: Path) -> None:
    raw = ('Name;Organisation\nAli;Verein\nBerta;"Kulturverein\n' + "Cem;" + "x" * 140_000 + "\n").encode()
    assert not dialog.set_path(_write(tmp_path, "kaputt.csv", raw))
    assert "Row 3" in dialog.error.text() and "quotation mark" in dialog.error.text()
    assert "field limit" not in dialog.error.text() and not dialog.import_button.isEnabled()


def _long_list(tmp_path: Path, rows: int) -> Path:
    lines = ["Vorname;Nachname;Organisation"] + [f"Vor{i};Nach{i};Verein {i % 50}" for i in range(rows)]
    return _write(tmp_path, "lang.csv", "\n".join(lines).encode())


def test_a_long_list_is_checked_in_steps_and_can_be_cancelled(
    ctl: SessionController, dialog: CsvImportDialog, tmp_path: Path, qtbot: QtBot
) -> None:
    dialog.set_path(_long_list(tmp_path, 12_000))
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.import_button.isEnabled()  # nothing to import before every row is checked
    qtbot.waitUntil(lambda: 0 < dialog.progress.value() < 12_000, timeout=5000)
    dialog.cancel_button.click()
    assert not dialog.progress.isVisible() and "cancelled" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_a_long_list_is_added_in_steps_as_one_undo_step(
    ctl: SessionController,
    dialog: CsvImportDialog,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csv_import_dialog, "ADD_CHUNK", 1000)
    before = len(ctl.session.participants)
    steps = ctl.undo_stack.count()
    dialog.set_path(_long_list(tmp_path, 4500))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    added: list[int] = []
    ctl.participantsChanged.connect(lambda: added.append(len(ctl.session.participants)))
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        assert dialog.do_import()
        assert dialog.progress.isVisible()
    assert len(added) >= 5 and added[0] < before + 4500  # in steps, the console repainting in between
    assert len(ctl.session.participants) == before + 4500
    assert ctl.undo_stack.count() == steps + 1
    ctl.undo_stack.undo()
    assert len(ctl.session.participants) == before


def test_cancel_while_adding_takes_back_what_was_added(
    ctl: SessionController,
    dialog: CsvImportDialog,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csv_import_dialog, "ADD_CHUNK", 1000)
    before = len(ctl.session.participants)
    steps = ctl.undo_stack.count()
    dialog.set_path(_long_list(tmp_path, 4500))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    seen: list[int] = []

    def cancel_after_the_first_step(value: int) -> None:
        if value and not seen:
            seen.append(len(ctl.session.participants))
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(cancel_after_the_first_step)
    dialog.do_import()
    qtbot.waitUntil(lambda: bool(seen) and not dialog.progress.isVisible(), timeout=10_000)
    qtbot.wait(50)
    assert seen == [before + 1000]  # one step was in when Cancel came
    assert len(ctl.session.participants) == before and ctl.undo_stack.count() == steps
    assert "nothing was added" in dialog.summary.text()


def test_opening_a_long_list_says_so_while_it_works(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening 100,000 people took 39 s with no word; now a notice is painted before the long step."""
    from fishbowl_desktop.controller import TimerTicker
    from fishbowl_desktop.model import FakeClock, make_participant
    from fishbowl_desktop.model.demo import demo_session
    from fishbowl_desktop.ui.shell import switch_notice
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

    monkeypatch.setattr(switch_notice, "LONG_LIST", 500)
    clock = FakeClock()
    ctl = SessionController(demo_session(clock))
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shown: list[str] = []
    ctl.sessionReplaced.connect(
        lambda: shown.append(
            window.switch_notice.dialog.labelText()
            if window.switch_notice.dialog and window.switch_notice.dialog.isVisible()
            else ""
        )
    )
    ctl.replace_session(Session(clock, participants=[make_participant(f"Person {i}") for i in range(600)]))
    assert shown == ["Preparing the list of 600 people…"]
    qtbot.waitUntil(lambda: window.switch_notice.dialog is None)
    ctl.replace_session(demo_session(clock))  # a short list: no notice
    assert window.switch_notice.dialog is None


SPLIT = (
    "Nachname;Vorname;Wohnort;Gruppe;Einwilligung\n"
    "Öztürk;Şule;Hannover-Linden;F;ja\n"
    "Nguyễn;Thị Lan;Garbsen;F;ja\n"
    "Demir;Ayşe;Laatzen;F;ja\n"
    "Петрова;Ольга;Hannover;F;ja\n"
)


def test_the_utf8_file_mends_the_names_and_residence_on_the_attendee_sheet(
    ctl: SessionController, dialog: CsvImportDialog, tmp_path: Path, qtbot: QtBot
) -> None:
    """Issue 21, point 4: the update takes over every field the file holds, so the funder's sheet — which prints
    family and given names in their own columns, and the residence — no longer shows Excel's "?"."""
    from PySide6.QtCore import Qt

    from fishbowl_desktop.documents import PrintOptions, export_pdf
    from helpers.pdf_text import pdf_text

    dialog.set_path(_write(tmp_path, "excel.csv", SPLIT.encode("cp1252", errors="replace")))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "?ule" in {p.given_names for p in ctl.session.participants}
    dialog.set_path(_write(tmp_path, "utf8.csv", SPLIT.encode("utf-8")))
    assert dialog.update_existing.isChecked() and "something new: 4" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    sule = next(p for p in ctl.session.participants if p.name == "Şule Öztürk")
    assert (sule.family_name, sule.given_names, sule.residence) == ("Öztürk", "Şule", "Hannover-Linden")
    out = tmp_path / "sheet.pdf"
    export_pdf(ctl.session, "attendees", out, options=PrintOptions(extra_column="residence"))
    text = pdf_text(out)
    for expected in ("Öztürk", "Şule", "Nguyễn", "Thị Lan", "Ayşe", "Петрова", "Ольга", "Hannover-Linden"):
        assert expected in text
    assert "?ule" not in text and "Nguy?n" not in text and "Ay?e" not in text
