"""The projector's screen policy as the pure functions it is now (ui/projector/screen_policy.py), as tables: what the
hall sees, finding the chosen beamer again, where F5 shows it, where it goes when its screen is lost or a screen
appears. The manager's own tests (test_ui_projector_screens.py, the X11 hot-plug tests) use real screens."""

from __future__ import annotations

import pytest

from fishbowl_desktop.ui.projector.screen_policy import (
    NewScreen,
    ProjectorState,
    ScreenKey,
    after_lost_screen,
    new_screen_decision,
    projector_state,
    remembered_among,
    remembered_is_unplugged,
    target_screen,
)


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


LAPTOP: ScreenKey = ("eDP-1", (0, 0, 1920, 1080))
BEAMER: ScreenKey = ("HDMI-1", (1920, 0, 1920, 1080))
MONITOR: ScreenKey = ("DP-1", (3840, 0, 1280, 720))  # a confidence monitor: smaller than the hall's beamer
TWIN: ScreenKey = ("HDMI-1", (5120, 0, 1920, 1080))  # a second beamer with the same name


@pytest.mark.parametrize(
    ("wanted", "visible", "fullscreen", "expected"),
    [
        (False, False, False, ProjectorState.OFF),
        (False, True, True, ProjectorState.OFF),  # closed by the moderator, the window still on its way out
        (True, True, True, ProjectorState.ON_SCREEN),
        (True, True, False, ProjectorState.IN_WINDOW),
        (True, False, False, ProjectorState.DISCONNECTED),
        (True, False, True, ProjectorState.DISCONNECTED),
    ],
)
def test_what_the_hall_sees(wanted: bool, visible: bool, fullscreen: bool, expected: ProjectorState) -> None:
    assert projector_state(wanted=wanted, visible=visible, fullscreen=fullscreen) is expected


@pytest.mark.parametrize(
    ("name", "geometry", "screens", "expected"),
    [
        ("HDMI-1", (5120, 0, 1920, 1080), [BEAMER, TWIN], TWIN),  # name and place: the right one of two twins
        ("HDMI-1", (0, 900, 1920, 1080), [LAPTOP, BEAMER], BEAMER),  # moved: the name alone
        ("HDMI-2", (1920, 0, 1920, 1080), [LAPTOP, BEAMER], BEAMER),  # renamed by the driver: the place alone
        ("HDMI-1", None, [LAPTOP, BEAMER], BEAMER),
        ("", None, [LAPTOP, BEAMER], None),  # nothing remembered
        ("VGA-1", (9, 9, 800, 600), [LAPTOP, BEAMER], None),  # not connected
    ],
)
def test_the_remembered_beamer_is_found_again(
    name: str, geometry: tuple[int, int, int, int] | None, screens: list[ScreenKey], expected: ScreenKey | None
) -> None:
    assert remembered_among(name, geometry, screens) == expected


@pytest.mark.parametrize(
    ("name", "geometry", "gone", "expected"),
    [
        ("HDMI-1", None, {BEAMER}, True),
        ("", (1920, 0, 1920, 1080), {BEAMER}, True),
        ("HDMI-1", (1920, 0, 1920, 1080), {MONITOR}, False),
        ("", None, {BEAMER}, False),
        ("HDMI-1", None, set(), False),
    ],
)
def test_a_stand_in_does_not_replace_an_unplugged_choice(
    name: str, geometry: tuple[int, int, int, int] | None, gone: set[ScreenKey], expected: bool
) -> None:
    assert remembered_is_unplugged(name, geometry, gone) is expected


@pytest.mark.parametrize(
    ("name", "screens", "console", "expected"),
    [
        ("DP-1", [LAPTOP, BEAMER, MONITOR], LAPTOP, MONITOR),  # the moderator's choice wins
        ("", [LAPTOP, MONITOR, BEAMER], LAPTOP, BEAMER),  # else the biggest screen but the console's
        ("VGA-1", [LAPTOP, MONITOR, BEAMER], LAPTOP, BEAMER),  # a choice not connected counts as none
        ("", [LAPTOP], LAPTOP, LAPTOP),  # a laptop alone: a window on the console's screen
        ("", [BEAMER, TWIN], LAPTOP, BEAMER),  # the console's screen not listed: the first of equals
        ("", [], LAPTOP, LAPTOP),
        ("", [], None, None),
    ],
)
def test_where_f5_shows_the_projector(
    name: str, screens: list[ScreenKey], console: ScreenKey | None, expected: ScreenKey | None
) -> None:
    assert target_screen(name=name, geometry=None, screens=screens, console=console) == expected


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        ([MONITOR, BEAMER], BEAMER),  # to the other beamer, the big one
        ([MONITOR], MONITOR),
        ([], None),  # only the console's screen left: hidden, not over the console
    ],
)
def test_a_lost_screen_moves_the_projector_or_hides_it(others: list[ScreenKey], expected: ScreenKey | None) -> None:
    assert after_lost_screen(others) == expected
