"""First run: with no session anywhere yet, the console greets the moderator in the window (no modal
dialog) and offers a new session or the sample evening; New uses the defaults from the preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import FakeClock, OrderingRule, Role, RuleChain, make_participant
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import StartPlan, plan_start
from fishbowl_desktop.storage import Workspace

SETTINGS = AppSettings(
    default_panel_seconds=240,
    default_free_chair_seconds=90,
    default_warning_seconds=20,
    default_ordering="new_voices_first",
    default_auto_start_next=False,
)


def test_only_a_fresh_home_is_a_first_run(workspace: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    first = plan_start(workspace, clock=clock, settings=SETTINGS)
    assert first.first_run and first.notices == []
    s = first.session.settings
    assert (s.panel_seconds, s.free_chair_seconds, s.warning_seconds, s.auto_start_next, s.ordering) == (
        240.0,
        90.0,
        20.0,
        False,
        RuleChain.of(OrderingRule.NEW_VOICES_FIRST),
    )
    workspace.mark_running(first.path)
    workspace.mark_clean_exit()
    assert not plan_start(workspace, clock=clock).first_run  # the last session reopens
    assert not plan_start(workspace, demo=True, clock=clock).first_run


def test_sessions_in_the_folder_or_a_named_file_are_not_a_first_run(
    workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    workspace.ensure()
    (workspace.sessions_dir / "2026-11-20 Abend.fishbowl.json").write_text("{}")  # forgotten by state.json
    assert not plan_start(workspace, clock=clock).first_run
    other = Workspace(tmp_path / "other")
    missing = plan_start(other, file=tmp_path / "weg.fishbowl.json", clock=clock)
    assert not missing.first_run and missing.notices  # a file was asked for: say what happened, no welcome


def start(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot, settings: AppSettings = SETTINGS
) -> tuple[StartPlan, Console]:
    plan = plan_start(workspace, clock=clock, settings=settings)
    console = build_console(plan, workspace, settings)
    qtbot.addWidget(console.window)
    console.window.resize(1366, 768)
    console.window.show()
    qtbot.waitExposed(console.window)
    return plan, console


def test_the_welcome_offers_the_sample_and_it_opens_without_a_stray_empty_file(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    plan, console = start(workspace, clock, qtbot)
    w = console.window
    welcome = w.welcome
    assert welcome.isVisible() and QApplication.activeModalWidget() is None  # nothing blocks the console
    assert w.splitter.isVisible()
    for key in ("Space", "N", "B", "F5", "Double-click a seat", "queue's name field", "Keyboard shortcuts"):
        assert key in welcome.tips.text(), key
    welcome.sample_button.click()
    session = console.controller.session
    assert session.event.title.startswith("Neue Hannoveraner") and len(session.participants) == 17
    assert console.autosaver.path is not None and console.autosaver.path.is_file()
    assert not plan.path.exists()  # the untouched empty session made at start is not left behind
    assert workspace.recent() == [console.autosaver.path.absolute()]
    assert welcome.isVisible() and welcome.touring and not welcome.new_button.isVisible()
    welcome.sample_button.click()  # "Got it"
    assert not welcome.isVisible()


def test_the_sample_opened_from_the_welcome_is_not_offered_a_rename_of_the_file_it_left(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    """Found by hand on X11 (issue 21, the evening once more): a click on "Open the sample evening" showed
    "The session file is still called 2026-12-06 Fishbowl.fishbowl.json. Rename it…?" — the empty file of the
    first start, already gone, while the sample was saved under its own title. The offer was worked out while
    the session switched, before the file did."""
    plan, console = start(workspace, clock, qtbot)
    w = console.window
    qtbot.mouseClick(w.welcome.sample_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert console.autosaver.path is not None and console.autosaver.path.name.endswith("Stadt.fishbowl.json")
    assert plan.path.name not in w.message_bar.text(), w.message_bar.text()
    assert console.window.rename_offer is not None and console.window.files is not None
    assert console.window.files.rename_offer() is None  # named after its title already: nothing to offer


def test_new_session_keeps_the_empty_one_and_asks_for_the_event(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    plan, console = start(workspace, clock, qtbot)
    console.window.welcome.new_button.click()
    assert not console.window.welcome.isVisible()
    dialogs = [d for d in console.window.findChildren(QDialog) if d.isVisible()]
    assert [type(d).__name__ for d in dialogs] == ["EventDialog"]
    dialogs[0].reject()
    assert console.autosaver.path == plan.path and plan.path.is_file()
    assert console.controller.session.settings.panel_seconds == 240.0


def test_no_welcome_after_the_first_run(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> None:
    plan, console = start(workspace, clock, qtbot)
    console.window.close()
    workspace.mark_clean_exit()
    _plan, again = start(workspace, clock, qtbot)
    assert not again.window.welcome.isVisible()


def test_file_new_uses_the_current_defaults(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> None:
    _plan, console = start(workspace, clock, qtbot)
    console.window.preferences.apply_settings(SETTINGS.with_changes(default_free_chair_seconds=150))
    console.window.file_menu.new_session()
    assert console.controller.session.settings.free_chair_seconds == 150.0


def test_opening_another_session_puts_the_welcome_away(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> None:
    _plan, console = start(workspace, clock, qtbot)
    assert console.window.welcome.isVisible()
    console.window.file_menu.new_session()  # File → New
    assert not console.window.welcome.isVisible()


def test_while_the_welcome_is_up_the_empty_message_band_gives_its_place_to_the_circle(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    """At 1366×768 the welcome panel and an empty reserved message band squeezed the circle until the free chair's
    card was cut by the buttons. The band holds its place only while the evening runs (issue 21): not while the
    welcome is up, nor before the first turn; from then on nothing moves."""
    _plan, console = start(workspace, clock, qtbot)
    window = console.window
    assert window.welcome.isVisible() and window.message_bar.isHidden()
    qtbot.waitUntil(lambda: window.welcome.y() < window.message_bar.height() // 2)  # no empty band above it
    window.welcome.hide()
    qtbot.waitUntil(lambda: window.splitter.y() < window.message_bar.height() // 2)  # before the evening: none
    window.message_bar.show_message("a message", "info")
    qtbot.waitUntil(lambda: window.splitter.y() >= window.message_bar.height())  # a message takes its room
    window.message_bar.hide()
    session = console.controller.session
    assert console.controller.add_participant(make_participant("Dana Petrova", role=Role.PANELIST))
    assert console.controller.seat(session.participants[-1].id, 0)
    assert console.controller.start_turn(session.participants[-1].id)  # the evening begins
    qtbot.waitUntil(lambda: window.splitter.y() >= window.message_bar.height())
    circle_top = window.circle.mapTo(window, window.circle.rect().topLeft()).y()
    window.message_bar.show_message("a message", "info")
    QApplication.processEvents()
    assert window.circle.mapTo(window, window.circle.rect().topLeft()).y() == circle_top  # band held: nothing moves
