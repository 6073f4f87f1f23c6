"""Any text, however hostile, is either refused by the model with a clear message or saved and read back
exactly: nothing the model accepts can make a save fail or a file unreadable afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from fishbowl_desktop.model import Event, FakeClock, FishbowlError, Participant, Session, Stage
from fishbowl_desktop.storage import load_session, save_session

ANY_TEXT = st.text(st.characters(codec="utf-16", categories=None), min_size=1, max_size=12) | st.sampled_from(
    ["\ud800", "a\x00b", "\x1b[2J", "\x9b31m", "Zeile 1\nZeile 2", "Tab\tTab", "\r\n", "\u202eevil", "\x7f"]
)
FIELDS = [
    "name",
    "organisation",
    "group",
    "bio",
    "notes",
    "title",
    "venue_name",
    "venue_address",
    "organiser",
    "description",
    "report_notes",
    "question",
    "message",
]


def build(field: str, text: str) -> Session:
    session = Session(FakeClock())
    if field in ("name", "organisation", "group", "bio", "notes"):
        values = {"name": "Ayşe Çelik", field: text}
        session.add_participant(Participant("p1", **values))  # type: ignore[arg-type]
    elif field == "question":
        session.set_event(Event(guiding_questions=(text,)))
    elif field == "message":
        session.set_stage(Stage(message=text))
    else:
        session.set_event(Event(**{field: text}))  # type: ignore[arg-type]
    return session


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(FIELDS), text=ANY_TEXT)
def test_refused_or_saved_and_read_back_exactly(
    field: str, text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    try:
        session = build(field, text)
    except FishbowlError as exc:
        message = str(exc)
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in message)
        return
    path = tmp_path_factory.mktemp("t") / "s.fishbowl"
    save_session(session, path, backup=False)
    assert load_session(path, session.clock).snapshot() == session.snapshot()


@pytest.mark.parametrize("field", FIELDS)
def test_control_characters_and_surrogates_are_refused_everywhere(field: str) -> None:
    for text in ("a\x00b", "x\x1b[2J", "\ud800", "y\x9b"):
        with pytest.raises(FishbowlError, match="cannot keep; remove it"):
            build(field, text)


@pytest.mark.parametrize("field", ["bio", "notes", "venue_address", "description", "report_notes"])
def test_multi_line_fields_keep_their_line_breaks(field: str, tmp_path: Path) -> None:
    session = build(field, "Zeile 1\r\nZeile 2\tEnde")
    save_session(session, tmp_path / "s.fishbowl", backup=False)
    assert load_session(tmp_path / "s.fishbowl").snapshot() == session.snapshot()


def test_the_model_refuses_a_date_the_loader_would_refuse() -> None:
    """QDateEdit offers years up to 9999 by default: a date picked there must not brick the next start."""
    from datetime import date

    for year in (1, 1899, 3000, 9999):
        with pytest.raises(FishbowlError, match="between the years 1900 and 2999"):
            Event(date=date(year, 12, 31))
    Event(date=date(2026, 12, 3))


def test_the_event_dialog_offers_only_dates_a_session_can_hold(qtbot: QtBot) -> None:
    from fishbowl_desktop.ui.event.event_dialog import EventDialog

    session = Session(FakeClock())
    from fishbowl_desktop.controller import SessionController

    dialog = EventDialog(SessionController(session))
    qtbot.addWidget(dialog)
    assert dialog.date.minimumDate().year() == 1900 and dialog.date.maximumDate().year() == 2999


def test_a_clock_left_running_for_months_still_saves_a_readable_file(tmp_path: Path) -> None:
    clock = FakeClock()
    session = Session(clock)
    session.add_participant(Participant("p1", "Ayşe Çelik"))
    session.seat("p1", session.free_chair_indices()[0])
    session.start_turn("p1")
    clock.advance(200 * 24 * 3600)  # forgotten over a long holiday
    save_session(session, tmp_path / "s.fishbowl", backup=False)
    loaded = load_session(tmp_path / "s.fishbowl", clock)
    assert loaded.turn is not None and loaded.turn.timer.accumulated == 10_000_000
    session.end_turn()
    save_session(session, tmp_path / "s.fishbowl", backup=False)
    assert load_session(tmp_path / "s.fishbowl", clock).log[-1].duration == 10_000_000
