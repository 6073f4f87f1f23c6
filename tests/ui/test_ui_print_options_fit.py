"""Every sentence of the print options dialogs is read whole (hands.md, 6 Dec: the attendee sheet's logo line was
cut to "The handout and the sheet print wit…"): in English and German, as the dialog opens and at the smallest
size it allows, each label shows its whole text, wrapped to the dialog's width where it is a sentence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.ui.paper.print_options_dialog import PrintOptionsDialog
from fishbowl_desktop.ui.widgets.elided import ElidedLabel

LINK = "http://192.168.178.20:8765/a/8f3kq2"


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    from fishbowl_desktop.app import install_translations

    translators = install_translations(qapp, request.param) if request.param != "en" else []
    try:
        yield request.param
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def clipped(dialog: QWidget) -> list[str]:
    """The texts on the dialog that are not shown whole."""
    cut = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisibleTo(dialog) or not label.text():
            continue
        if isinstance(label, ElidedLabel):
            whole = label.shown_text() == label.text()
        elif label.wordWrap():
            whole = label.height() >= label.heightForWidth(label.width())
        else:
            whole = label.width() >= label.sizeHint().width()
        if not whole:
            cut.append(label.text())
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisibleTo(dialog) and button.text() and button.width() < button.sizeHint().width():
            cut.append(button.text())
    return cut


@pytest.mark.parametrize("kind", ["attendees", "handout", "report"])
def test_every_text_of_the_print_options_is_shown_whole(kind: str, language: str, qtbot: QtBot) -> None:
    dialog = PrintOptionsDialog(
        kind, PrintOptions(), 2, audience_link=LINK if kind == "handout" else "", gaps=("date", "organiser")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    no_logo = QCoreApplication.translate("LogoPicker", "The handout and the sheet print without a logo.")
    assert (no_logo in shown) is (kind != "report"), shown
    assert clipped(dialog) == [], f"{kind} ({language}) as it opens"
    dialog.resize(1, 1)  # the smallest the dialog allows
    qtbot.waitUntil(lambda: dialog.width() < 2000)  # the resize is applied
    QApplication.processEvents()
    assert clipped(dialog) == [], f"{kind} ({language}) at its smallest, {dialog.width()}×{dialog.height()}"
