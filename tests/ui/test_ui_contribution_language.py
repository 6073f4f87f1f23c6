"""Issue 28, point 6: a person's language of contribution — typed in the person dialog, read from a CSV column,
given in quick entry after a second "/" — and the console's "Next" says it, for the interpreters' cue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FishbowlError, Session, make_participant
from fishbowl_desktop.model.participants import MAX_LANGUAGE
from fishbowl_desktop.model.privacy import anonymised
from fishbowl_desktop.spreadsheets.columns import guess_mapping
from fishbowl_desktop.spreadsheets.importing import import_rows
from fishbowl_desktop.spreadsheets.reading import read_participants_csv
from fishbowl_desktop.storage.format import session_from_dict, session_to_dict
from fishbowl_desktop.ui.people.participant_dialog import ParticipantDialog
from fishbowl_desktop.ui.queue.queue_panel import split_entry
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Sule Yildiz", ("Sule Yildiz", None, None)),
        ("Sule Yildiz / Frauen", ("Sule Yildiz ", "Frauen", None)),
        ("Sule Yildiz / Frauen / Turkce", ("Sule Yildiz ", "Frauen", "Turkce")),
        ("Ali / / Arabisch (syrisch)", ("Ali ", None, "Arabisch (syrisch)")),
        ("Ali / Maenner /   ", ("Ali ", "Maenner", None)),
        ("/ Frauen", ("/ Frauen", None, None)),
    ],
)
def test_quick_entry_reads_name_group_and_language(typed: str, expected: tuple[str, str | None, str | None]) -> None:
    assert split_entry(typed) == expected


def test_quick_entry_takes_the_language_after_a_second_slash_and_next_says_it(
    window: ConsoleWindow, demo: Session, qtbot: QtBot
) -> None:
    entry = window.queue_panel.entry
    for person in list(demo.queue):
        assert window.controller.dequeue(person.participant_id)
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(entry, "Ali Yilmaz / / Turkce")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    ali = next(p for p in demo.participants if p.name == "Ali Yilmaz")
    assert ali.language == "Turkce" and ali.group == "" and demo.queue_position(ali.id) == 0
    assert window.queue_panel.next.text() == "Next: Ali Yilmaz · speaks Turkce"
    known = next(p for p in demo.participants if demo.seat_of(p.id) is None and demo.queue_position(p.id) is None)
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(entry, f"{known.name} / Frauen / DGS")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert demo.participant(known.id).language == "DGS" and demo.participant(known.id).group == "Frauen"
    window.controller.undo_stack.undo()  # group, language and the queueing: one step
    assert demo.participant(known.id).language == known.language and demo.queue_position(known.id) is None
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    too_long = "x" * (MAX_LANGUAGE + 1)
    with qtbot.waitSignal(window.controller.errorRaised):
        qtbot.keyClicks(entry, f"Neue Person / / {too_long}")
        qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert entry.text() == f"Neue Person / / {too_long}", "a refused line stays to be mended"
    assert not any(p.name == "Neue Person" for p in demo.participants)
    assert window.controller.dequeue(ali.id)
    assert not window.queue_panel.next.text().endswith("Turkce")


def test_the_person_dialog_has_the_language(demo: Session, ctl: SessionController, qtbot: QtBot) -> None:
    person = next(p for p in demo.participants if not p.language)
    dialog = ParticipantDialog(ctl, person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.setFocus()
    qtbot.keyClicks(dialog.language, "Kurdisch (Kurmanci)")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.language, Qt.Key.Key_Return)
    assert demo.participant(person.id).language == "Kurdisch (Kurmanci)"
    assert dialog.language.maxLength() == MAX_LANGUAGE


def test_a_csv_column_sprache_or_language_fills_it(demo: Session) -> None:
    table = read_participants_csv(
        "Name;Rolle;Sprache\nŞule Öztürk;Publikum;Türkçe\nOksana Melnyk;Publikum;\nZu Lang;Publikum;{x}\n".format(
            x="x" * (MAX_LANGUAGE + 1)
        ).encode("utf-8")
    )
    mapping = guess_mapping(table.headers)
    assert mapping["language"] == 2
    result = import_rows(table, mapping, demo.participants)
    assert [(p.name, p.language) for p in result.participants] == [("Şule Öztürk", "Türkçe"), ("Oksana Melnyk", "")]
    assert [(row, reason.code) for row, reason in result.skipped] == [(4, "language_too_long")]
    known = next(p for p in demo.participants if not p.language)
    update = read_participants_csv(f"Name;Organisation;Sprache\n{known.name};{known.organisation};DGS\n".encode())
    result = import_rows(update, guess_mapping(update.headers), demo.participants)
    assert [new.language for _row, _old, new in result.updates] == ["DGS"], "a known person gains the language"
    assert guess_mapping(["Name", "Language of contribution"])["language"] == 1
    assert guess_mapping(["Vorname", "Nachname", "Redesprache"])["language"] == 2


def test_the_file_keeps_it_forgetting_empties_it_and_a_long_one_is_refused(demo: Session) -> None:
    demo.add_participant(make_participant("Oksana", language="Ukrainisch"))
    data = session_to_dict(demo)
    assert next(p for p in session_from_dict(data).participants if p.name == "Oksana").language == "Ukrainisch"
    for p in data["participants"]:
        del p["language"]
    assert all(p.language == "" for p in session_from_dict(data).participants), "an older file has none"
    assert all(p.language == "" for p in anonymised(demo.snapshot(), "de").participants)
    with pytest.raises(FishbowlError, match="language"):
        make_participant("Zu lang", language="x" * (MAX_LANGUAGE + 1))


def test_the_participant_list_s_csv_carries_the_language_and_reads_it_back(demo: Session) -> None:
    from fishbowl_desktop.spreadsheets import participants_to_csv

    listed = next(p for p in demo.participants if p.consent_to_list)
    hidden = next(p for p in demo.participants if not p.consent_to_list)
    demo.update_participant(listed.with_changes(language="Türkçe"))
    demo.update_participant(hidden.with_changes(language="Farsi"))
    text = participants_to_csv(demo.participants, "de")
    assert text.splitlines()[0].endswith(";Sprache") and "Farsi" not in text, "the projector's rules: no consent"
    table = read_participants_csv(text.encode("utf-8"))
    result = import_rows(table, guess_mapping(table.headers), [])
    assert next(p for p in result.participants if p.name == listed.name).language == "Türkçe"
    full = participants_to_csv(demo.participants, "en", full=True)
    assert full.splitlines()[0].endswith(";Notes (private);Language") and "Farsi" in full
