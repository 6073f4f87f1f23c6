"""The projector's decision when a screen appears, as the pure function it is now (ui/projector/screen_policy.py);
the manager's own tests (test_ui_projector_screens.py and the X11 hot-plug tests) carry it out on real screens."""

from __future__ import annotations

import pytest

from fishbowl_desktop.ui.projector.screen_policy import NewScreen, new_screen_decision


@pytest.mark.parametrize("mode", ["ask", "auto", "never"])
@pytest.mark.parametrize("wanted", [True, False])
def test_the_console_s_own_screen_is_never_taken(mode: str, wanted: bool) -> None:
    for remembered in (True, False):
        decision = new_screen_decision(
            on_console=True, remembered=remembered, wanted=wanted, shown_there=False, follow_mode=mode
        )
        assert decision is NewScreen.IGNORE


@pytest.mark.parametrize("mode", ["ask", "auto", "never"])
def test_the_chosen_beamer_back_gets_the_projector_back_if_it_was_wanted(mode: str) -> None:
    def decide(wanted: bool, shown_there: bool) -> NewScreen:
        return new_screen_decision(
            on_console=False, remembered=True, wanted=wanted, shown_there=shown_there, follow_mode=mode
        )

    assert decide(wanted=True, shown_there=False) is NewScreen.RETURN
    assert decide(wanted=True, shown_there=True) is NewScreen.IGNORE  # already there
    assert decide(wanted=False, shown_there=False) is NewScreen.IGNORE  # hidden on purpose: stays hidden


@pytest.mark.parametrize(
    ("mode", "expected"), [("auto", NewScreen.MOVE), ("ask", NewScreen.OFFER), ("never", NewScreen.IGNORE)]
)
def test_an_unknown_screen_follows_the_setting(mode: str, expected: NewScreen) -> None:
    for wanted in (True, False):
        decision = new_screen_decision(
            on_console=False, remembered=False, wanted=wanted, shown_there=False, follow_mode=mode
        )
        assert decision is expected
