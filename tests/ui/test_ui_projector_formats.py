"""The projector says which format is on (issue 28, point 3): a line of its own between turns, in the hall's
language; while someone speaks, the footer names the format when nobody is next (closed: nobody is), and a
closed fishbowl never lists the people waiting for the opening as "next"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock, Opening, Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.projector import Mode, ProjectorScene, ProjectorView
from fishbowl_desktop.ui.projector.render import Arrangement

SIZES = [(1920, 1080), (1280, 720), (1024, 768)]


class Rig:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.controller = SessionController(session)
        self.scene = ProjectorScene(self.controller, TimerTicker(self.controller), SettingsStore(AppSettings()))
        self.view = ProjectorView(self.scene)

    def arrangement_at(self, w: int, h: int) -> Arrangement:
        self.view.resize(w, h)
        return self.view.arrangement()


def inside(rect: QRectF, w: int, h: int) -> bool:
    return rect.left() >= 0 and rect.top() >= 0 and rect.right() <= w and rect.bottom() <= h


def shown_text(arrangement: Arrangement, name: str) -> str:
    return arrangement.blocks[name][0].layout.text()


@pytest.fixture
def rig(demo: Session, clock: FakeClock, qtbot: QtBot) -> Rig:
    r = Rig(demo)
    qtbot.addWidget(r.view)
    return r


@pytest.mark.parametrize(
    ("opening", "german", "english"),
    [
        (Opening.CLOSED, "Geschlossene Fishbowl · das Publikum hört zu", "Closed fishbowl · the audience listens"),
        (
            Opening.FREE_CHAIR,
            "Offene Fishbowl · der freie Stuhl ist für Sie",
            "Open fishbowl · the free chair is yours",
        ),
        (
            Opening.TAP_OUT,
            "Tap-out · wer mitreden will, löst jemanden im Kreis ab",
            "Tap-out · to join, take the place of someone in the circle",
        ),
    ],
)
def test_between_turns_a_line_names_the_format_in_the_halls_language(
    rig: Rig, opening: Opening, german: str, english: str
) -> None:
    assert rig.controller.set_opening(opening)
    content = rig.scene.content()
    assert content.mode is Mode.IDLE and content.format_text == german
    for w, h in SIZES:
        arrangement = rig.arrangement_at(w, h)
        block = arrangement.blocks["format"][0]
        assert inside(block.rect, w, h), f"the format line leaves the screen at {w}×{h}"
        assert block.rect.bottom() <= arrangement.blocks["title"][0].rect.top(), "the format line runs into the title"
    assert rig.controller.set_event(replace(rig.session.event, language="en"))
    assert rig.scene.content().format_text == english


def test_closed_lists_nobody_as_next_and_the_timer_footer_says_closed(rig: Rig) -> None:
    assert rig.scene.content().next_text.startswith("Als Nächstes:")
    assert rig.controller.set_opening(Opening.CLOSED)
    assert rig.scene.content().next_text == ""
    assert rig.controller.start_turn("pan-1")
    for w, h in SIZES:
        arrangement = rig.arrangement_at(w, h)
        assert shown_text(arrangement, "next") == "Geschlossene Fishbowl · das Publikum hört zu"
        assert inside(arrangement.blocks["next"][0].rect, w, h)


def test_while_someone_speaks_the_next_person_wins_the_footer(rig: Rig) -> None:
    assert rig.controller.set_opening(Opening.TAP_OUT)
    assert rig.controller.start_turn("pan-1")
    assert shown_text(rig.arrangement_at(1920, 1080), "next").startswith("Als Nächstes:")
