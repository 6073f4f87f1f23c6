"""The print dialog's logo picker (issue 25, point 6), with real clicks: choose a logo (its own file dialog), see
it, try bad files (each refused with a sentence, the logo chosen before stays), remove it, choose again, and the
exported sheet carries it."""

from __future__ import annotations

from pathlib import Path

import pytest
import segno
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.paper.print_options_dialog import PrintOptionsDialog
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session), active=False)


def pick(qtbot: QtBot, dialog: PrintOptionsDialog, path: Path) -> None:
    """Click Choose…, and pick `path` in the file dialog that opens."""
    qtbot.mouseClick(dialog.logo.choose, LEFT)
    files = dialog.logo.files
    assert isinstance(files, QFileDialog)
    qtbot.waitUntil(files.isVisible)
    files.fileSelected.emit(str(path))
    files.reject()


def images_on(path: Path) -> int:
    return sum(len(page.images) for page in PdfReader(path).pages)


def test_choose_see_refuse_remove_and_print_a_logo(window: ConsoleWindow, qtbot: QtBot, tmp_path: Path) -> None:
    png = tmp_path / "foerderer.png"
    segno.make("Gefördert durch", error="h").save(str(png), scale=5)
    jpeg = tmp_path / "verein.jpg"
    image = QImage(300, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#246"))
    assert image.save(str(jpeg))
    (tmp_path / "notes.png").write_text("not an image")
    (tmp_path / "far.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/a.png"/></svg>'
    )
    (tmp_path / "broken.png").write_bytes(png.read_bytes()[:60])

    dialog = window.exporter.ask("attendees", window)
    assert isinstance(dialog, PrintOptionsDialog)
    picker = dialog.logo
    assert picker.path == "" and picker.preview.text() == "No logo" and not picker.remove.isEnabled()

    pick(qtbot, dialog, png)
    assert picker.path == str(png) and picker.name.text() == "foerderer.png"
    assert not picker.preview.pixmap().isNull() and picker.remove.isEnabled()

    for bad, words in [
        ("notes.png", "The logo notes.png is not a PNG image."),
        ("far.svg", "refers to files or addresses outside itself"),
        ("broken.png", "cannot be drawn: the file is damaged"),
    ]:
        pick(qtbot, dialog, tmp_path / bad)
        assert picker.problem.isVisibleTo(dialog) and words in picker.problem.text(), picker.problem.text()
        assert picker.path == str(png), "a refused file loses nothing: the logo before stays"
        assert picker.name.text() == "foerderer.png"

    qtbot.mouseClick(picker.remove, LEFT)
    assert picker.path == "" and picker.preview.text() == "No logo" and not picker.problem.isVisibleTo(dialog)
    pick(qtbot, dialog, jpeg)
    assert picker.path == str(jpeg)

    qtbot.keyClick(dialog.reserve, Qt.Key.Key_Return)  # Enter continues
    files = window.exporter.dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as done:
        files.fileSelected.emit(str(out))
    files.reject()
    assert done.args[0].ok, done.args[0].error
    assert images_on(out) >= 1, "the chosen logo is on the sheet"

    again = window.exporter.ask("attendees", window)  # offered again in this run
    assert isinstance(again, PrintOptionsDialog) and again.logo.path == str(jpeg)
    again.reject()
