"""Issue 28, point 5: the projector shows its few labels in a second language, chosen per event in the event
dialog ("Als Nächstes · Next"); the evening's file keeps the choice, and an older file has none."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FishbowlError, Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import projector_content
from fishbowl_desktop.stage.timer_view import timer_view
from fishbowl_desktop.storage.format import session_from_dict, session_to_dict
from fishbowl_desktop.ui.event.event_dialog import EventDialog

FSI, PDI = "\u2068", "\u2069"


def test_the_second_language_is_chosen_in_the_event_dialog_by_keyboard(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    dialog = EventDialog(ctl)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.second_language
    assert combo.currentData() == "" and combo.currentText() in ("None", "Keine")
    combo.setFocus()
    while combo.currentData() != "tr":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Türkçe", "each language under its own name"
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert demo.event.second_language == "tr"
    assert ctl.undo_stack.count() == 1
    names = [p.name for p in demo.next_in_queue(1)]
    assert names
    content = projector_content(demo, timer_view(demo), AppSettings())
    assert content.next_text.startswith(f"{FSI}Als Nächstes{PDI} · {FSI}Sıradaki{PDI}: ")
    ctl.undo_stack.undo()
    assert projector_content(demo, timer_view(demo), AppSettings()).next_text.startswith("Als Nächstes: ")


def test_the_projector_s_badge_carries_both_languages(demo: Session) -> None:
    demo.set_event(replace(demo.event, second_language="ar"))
    settings = AppSettings()
    demo.next_free_chair()
    assert demo.turn is not None
    if not demo.turn.timer.is_running:
        demo.toggle_timer()
    demo.toggle_timer()  # started, now paused
    content = projector_content(demo, timer_view(demo), settings)
    assert content.badge_text == f"{FSI}Pause{PDI} · {FSI}متوقف مؤقتًا{PDI}"
    demo.set_event(replace(demo.event, second_language="de"))
    content = projector_content(demo, timer_view(demo), settings)
    assert content.badge_text == "Pause", "the evening's own language is never said twice"


def test_the_file_keeps_the_second_language_and_an_older_file_has_none(demo: Session) -> None:
    demo.set_event(replace(demo.event, second_language="uk"))
    data = session_to_dict(demo)
    assert session_from_dict(data).event.second_language == "uk"
    del data["event"]["second_language"]
    assert session_from_dict(data).event.second_language == ""


def test_a_language_the_hall_texts_do_not_have_is_refused(demo: Session) -> None:
    with pytest.raises(FishbowlError, match="second language"):
        replace(demo.event, second_language="xx")
