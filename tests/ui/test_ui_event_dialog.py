"""Setting up the evening in the event dialog: one undoable step; refusals keep what was typed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FishbowlFormat, Session
from fishbowl_desktop.ui.event.event_dialog import EventDialog


def test_edit_event_circle_and_times_is_one_undo_step(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    dialog.title.setText("Stadtgespräch Hainholz")
    dialog.questions.setPlainText("Wie wohnen wir?\n\n  Wer gestaltet mit?  ")
    dialog._add_agenda_row("Ausblick", 15)
    dialog.free_chairs.setValue(2)
    dialog.free_time.setValue(90)
    dialog.format.setCurrentIndex(dialog.format.findData(FishbowlFormat.OPEN))
    dialog.report_notes.setPlainText("Viele neue Stimmen.")
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert demo.event.title == "Stadtgespräch Hainholz"
    assert demo.event.guiding_questions == ("Wie wohnen wir?", "Wer gestaltet mit?")
    assert demo.event.agenda[-1].title == "Ausblick" and demo.event.agenda[-1].minutes == 15
    assert demo.event.report_notes == "Viele neue Stimmen."
    assert len(demo.free_chair_indices()) == 2
    assert demo.settings.free_chair_seconds == 90 and demo.settings.format is FishbowlFormat.OPEN
    assert ctl.undo_stack.count() == 1
    ctl.undo_stack.undo()
    assert demo.event.title.startswith("Neue Hannoveraner")
    assert len(demo.free_chair_indices()) == 1 and demo.settings.free_chair_seconds == 120


def test_refusal_keeps_dialog_open_and_changes_nothing(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    before = demo.snapshot()
    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("   ")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "title" in dialog.error.text()
    assert demo.snapshot() == before
    # Fewer panel seats than panelists seated: refused by the model, shown in the dialog.
    dialog.title.setText("Fishbowl")
    dialog.panel_seats.setValue(2)
    dialog.accept()
    assert dialog.isVisible() and "still sits" in dialog.error.text()
    assert demo.snapshot() == before
    assert dialog.title.text() == "Fishbowl"


def test_the_controller_photos_funding_line_and_age_groups_are_set_here_and_never_dropped(
    demo: Session, qtbot: QtBot
) -> None:
    """The sheet's privacy notice needs the controller's address and e-mail, the basis by the organiser's kind, the
    photo rule and the funder's line (issue 25, points 4–6); before, they could not be set in the console, and OK
    in this dialog reset them to their defaults."""
    from dataclasses import replace

    from PySide6.QtCore import Qt

    demo.set_event(replace(demo.event, organiser_address="Am Lindener Berge 8, 30449 Hannover", photo_policy="notice"))
    ctl = SessionController(demo)
    untouched = EventDialog(ctl)
    qtbot.addWidget(untouched)
    with qtbot.waitSignal(untouched.applied):
        untouched.accept()  # OK without touching anything
    assert demo.event.organiser_address == "Am Lindener Berge 8, 30449 Hannover"
    assert demo.event.photo_policy == "notice"

    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    fields = dialog.privacy_fields
    fields.email.setFocus()
    qtbot.keyClicks(fields.email, "datenschutz@nachbarschaft.example")
    fields.kind.setCurrentIndex(fields.kind.findData("public_body"))
    fields.photos.setCurrentIndex(fields.photos.findData("opt_in"))
    qtbot.keyClicks(fields.funding_note, "Funded by the City of Hannover")  # QTest types ASCII only
    qtbot.keyClicks(fields.age_groups, "unter 27; 27-64; 65+")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK, as a moderator confirms
    qtbot.waitUntil(lambda: not dialog.isVisible())
    event = demo.event
    assert event.organiser_email == "datenschutz@nachbarschaft.example" and event.organiser_kind == "public_body"
    assert event.photo_policy == "opt_in" and event.funding_note == "Funded by the City of Hannover"
    assert event.age_groups == ("unter 27", "27-64", "65+")
    assert event.organiser_address == "Am Lindener Berge 8, 30449 Hannover"  # kept


def test_a_closed_fishbowl_without_a_free_chair_is_set_up_in_the_dialog(demo: Session, qtbot: QtBot) -> None:
    """Issue 28: closed, the circle may lose its free chair; open, the dialog says why not and changes nothing."""
    from fishbowl_desktop.model import Opening

    ctl = SessionController(demo)
    assert ctl.unseat(4)
    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    dialog.free_chairs.setValue(0)
    before = demo.snapshot()
    dialog.accept()  # still open: refused
    assert demo.snapshot() == before and dialog.error.text().startswith("An open fishbowl needs")
    dialog.opening.setCurrentIndex(dialog.opening.findData(Opening.CLOSED))
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert demo.settings.opening is Opening.CLOSED and demo.free_chair_indices() == []
    ctl.undo_stack.undo()
    after_undo: Opening = demo.settings.opening
    assert after_undo is Opening.FREE_CHAIR and len(demo.free_chair_indices()) == 1
