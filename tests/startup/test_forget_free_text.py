"""Forget personal data reaches every free text (issue 11, point 6): the report notes, the description, the
guiding questions, the agenda and the title keep their words but lose the names of the people on the list;
the projector message is cleared; the confirmation shows the kept texts before anything is forgotten."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import AgendaItem, FakeClock, Participant, Session, Stage
from fishbowl_desktop.model.free_text import name_replacer
from fishbowl_desktop.model.privacy import preview
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, save_session
from fishbowl_desktop.ui.shell.privacy_dialog import ForgetDataDialog

NOTES = (
    "Ahmad Al-Sayed und Ольга Кузнецова haben über Wohnen gestritten; Jonas widersprach. "
    "Ich weiß nicht, ob Frau Weiß zustimmt. Şule Öztürk (Prof. Dr. Şule Öztürk) fasste zusammen."
)


def with_names_everywhere(session: Session) -> Session:
    ev = session.event
    session.set_event(
        ev.with_changes(
            report_notes=NOTES,
            description=ev.description + " Mit Layla Haddad und MEHMET YILMAZ.",
            guiding_questions=(*ev.guiding_questions, "Was sagt Emre Kaya dazu?"),
            agenda=(*ev.agenda, AgendaItem("Schlusswort von Katharina Weiß", 5)),
            title="Fishbowl mit Dr. Jonas Brückner",
        )
    )
    session.set_stage(Stage(message="Willkommen, Ahmad!"))
    return session


def all_free_text(session: Session) -> str:
    ev = session.event
    return " | ".join(
        [
            ev.title,
            ev.description,
            *ev.guiding_questions,
            *(a.title for a in ev.agenda),
            ev.report_notes,
            session.stage.message,
        ]
    )


def test_names_in_every_free_text_become_numbers(demo: Session) -> None:
    names = [p.name for p in demo.participants]
    with_names_everywhere(demo).forget_personal_data()
    ev = demo.event
    assert ev.report_notes == (
        "Teilnehmer*in 9 und Teilnehmer*in 8 haben über Wohnen gestritten; Teilnehmer*in 3 widersprach. "
        "Ich weiß nicht, ob Frau Teilnehmer*in 1 zustimmt. Teilnehmer*in 2 (Teilnehmer*in 2) fasste zusammen."
    )
    assert ev.description.endswith(" Mit Teilnehmer*in 4 und Teilnehmer*in 5.")
    assert ev.guiding_questions[-1] == "Was sagt Teilnehmer*in 15 dazu?"
    assert ev.agenda[-1] == AgendaItem("Schlusswort von Teilnehmer*in 1", 5)
    assert ev.title == "Fishbowl mit Teilnehmer*in 3"
    assert demo.stage.message == ""
    text = all_free_text(demo)
    for name in names:
        for part in name.split():
            if len(part) >= 3 and not part.endswith("."):
                assert part not in text, (part, text)
    assert "Wohnen" in text and "ich weiß" in text.lower()  # the words around the names stay


def test_the_report_and_the_file_hold_no_name_afterwards(demo: Session, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from fishbowl_desktop.documents import export_pdf

    with_names_everywhere(demo).forget_personal_data()
    export_pdf(demo, "report", tmp_path / "report.pdf")
    printed = " ".join(page.extract_text() for page in PdfReader(tmp_path / "report.pdf").pages)
    save_session(demo, tmp_path / "s.fishbowl")
    stored = (tmp_path / "s.fishbowl").read_text("utf-8")
    for leak in ("Ahmad", "Al-Sayed", "Кузнецова", "Öztürk", "Jonas", "Brückner"):
        assert leak not in printed and leak not in stored, leak
    assert "Wohnen" in printed


def test_a_surname_shared_by_two_people_is_replaced_without_guessing_who() -> None:
    people = [(Participant("a", "Anna Müller"), "Person 1"), (Participant("b", "Bernd Müller"), "Person 2")]
    scrub = name_replacer(people, "en")
    assert scrub("Anna Müller and Bernd Müller; later Müller spoke, then Anna.") == (
        "Person 1 and Person 2; later a participant spoke, then Person 1."
    )


NAME_WORD = st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=3, max_size=10)


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(
        st.lists(NAME_WORD, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5, unique_by=str.casefold
    ),
    filler=st.lists(st.sampled_from(["und", "sagte", ",", "Wohnen", "—", "(", ")", "\n"]), max_size=6),
    picks=st.lists(st.integers(0, 4), min_size=1, max_size=6),
)
def test_no_whole_name_survives_in_any_order(names: list[str], filler: list[str], picks: list[int]) -> None:
    people = [(Participant(f"p{i}", n), f"Person {i + 1}") for i, n in enumerate(names)]
    words = [names[i % len(names)] for i in picks]
    text = " ".join(w for pair in zip(words, [*filler, *[""] * len(words)], strict=False) for w in pair)
    scrubbed = name_replacer(people, "en")(text)
    for name in names:
        if not any(name.casefold() in other.casefold() and name != other for other in names):
            # a whole name, not letters inside a word ("Per" is a name, and "Person 1" is what replaces it)
            whole = re.compile(rf"(?<!\w){re.escape(name.casefold())}(?!\w)")
            assert not whole.search(scrubbed.casefold()), (name, text, scrubbed)


@pytest.fixture
def console(tmp_path: Path, qtbot: QtBot) -> Console:
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, demo=True, clock=FakeClock())
    built = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(built.window)
    return built


def test_the_confirmation_shows_the_kept_texts_as_they_will_read(console: Console, qtbot: QtBot) -> None:
    with_names_everywhere(console.controller.session)
    console.window.menus.forget_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ForgetDataDialog) and dialog.kept_texts is not None
    shown = dialog.kept_texts.toPlainText()
    assert "Report notes: Teilnehmer*in 9 und Teilnehmer*in 8 haben über Wohnen gestritten" in shown
    assert "Title: Fishbowl mit Teilnehmer*in 3" in shown
    assert "Agenda item: Schlusswort von Teilnehmer*in 1" in shown
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Ahmad" not in shown and "projector message is cleared" in labels
    dialog.reject()
    assert console.controller.session.event.report_notes == NOTES  # Cancel changes nothing
    kept = preview(console.controller.session.snapshot(), "de")
    assert kept[0][0] == "report_notes" and ("title", "Fishbowl mit Teilnehmer*in 3") in kept
