"""One error boundary for the file side of the console (issue 11, point 3): File → New, Open…, Open recent,
Save As… and the welcome's sample evening, with the chosen sessions folder gone (a USB stick pulled) or with
state.json unwritable, end in success or a clear message, and the save label names the file being saved to."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, load_session, save_session


@pytest.fixture
def console(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> Console:
    plan = plan_start(workspace, demo=True, clock=clock)
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.resize(1366, 768)
    console.window.show()
    return console


def _consistent(console: Console) -> None:
    """The label names the file the autosave writes, and that file holds the session on screen."""
    path = console.autosaver.path
    assert path is not None
    assert path.name in console.window.save_label.text()
    assert console.autosaver.flush()
    assert load_session(path).event.title == console.controller.session.event.title


def _pull_the_stick(workspace: Workspace, tmp_path: Path) -> Path:
    stick = tmp_path / "stick" / "sessions"
    assert workspace.use_sessions_dir(stick) is None
    shutil.rmtree(tmp_path / "stick")
    (tmp_path / "stick").write_text("")  # the mount point is gone; what is left there is no folder
    return stick


def _break_state_file(workspace: Workspace) -> None:
    state = workspace.base_dir / "state.json"
    state.unlink(missing_ok=True)
    state.mkdir()  # state.json cannot be written (os.replace onto a folder fails, also for root)
    workspace.running_marker.unlink(missing_ok=True)
    workspace.running_marker.mkdir()


def _other_session(tmp_path: Path, title: str = "Zweiter Abend") -> Path:
    session = demo_session(FakeClock())
    session.set_event(session.event.with_changes(title=title))
    path = tmp_path / "zweiter.fishbowl.json"
    save_session(session, path)
    return path


def test_new_with_the_sessions_folder_gone_falls_back_to_the_default_folder_and_says_so(
    console: Console, workspace: Workspace, tmp_path: Path
) -> None:
    _pull_the_stick(workspace, tmp_path)
    before = console.autosaver.path
    console.window.commands["new"].trigger()
    assert console.autosaver.path != before
    assert console.autosaver.path is not None and console.autosaver.path.parent == workspace.default_sessions_dir
    assert len(console.controller.session.participants) == 0
    text = console.window.message_bar.text()
    assert "stick" in text and str(workspace.default_sessions_dir) in text
    _consistent(console)


def test_the_sample_evening_with_the_sessions_folder_gone(
    console: Console, workspace: Workspace, tmp_path: Path
) -> None:
    _pull_the_stick(workspace, tmp_path)
    console.window.preferences.welcome_sample()
    assert console.autosaver.path is not None and console.autosaver.path.parent == workspace.default_sessions_dir
    assert "stick" in console.window.message_bar.text()
    _consistent(console)


def test_new_with_no_folder_usable_at_all_changes_nothing_and_says_why(
    console: Console, workspace: Workspace, tmp_path: Path
) -> None:
    console.window.file_menu.save_to(tmp_path / "hier.fishbowl.json")
    before = console.autosaver.path
    assert before == tmp_path / "hier.fishbowl.json"
    shutil.rmtree(workspace.default_sessions_dir)
    workspace.default_sessions_dir.write_text("")  # not a folder
    console.window.commands["new"].trigger()
    assert console.autosaver.path == before and len(console.controller.session.participants) == 17
    assert "not created" in console.window.message_bar.text()
    _consistent(console)


def test_open_with_state_json_unwritable_opens_the_file_and_says_what_is_not_remembered(
    console: Console, workspace: Workspace, tmp_path: Path
) -> None:
    other = _other_session(tmp_path)
    _break_state_file(workspace)
    console.window.file_menu.open_path(other)
    assert console.autosaver.path == other
    assert "zweiter.fishbowl.json" in console.window.save_label.text()
    assert "crash" in console.window.message_bar.text()
    _consistent(console)


def test_save_as_with_state_json_unwritable_saves_and_follows_the_new_file(
    console: Console, workspace: Workspace, tmp_path: Path
) -> None:
    _break_state_file(workspace)
    target = tmp_path / "kopie.fishbowl.json"
    console.window.file_menu.save_to(target)
    assert console.autosaver.path == target and target.is_file()
    assert "kopie.fishbowl.json" in console.window.save_label.text()
    assert "crash" in console.window.message_bar.text()
    _consistent(console)


def test_new_and_sample_with_state_json_unwritable(console: Console, workspace: Workspace) -> None:
    _break_state_file(workspace)
    console.window.commands["new"].trigger()
    assert len(console.controller.session.participants) == 0
    _consistent(console)
    console.window.preferences.welcome_sample()
    assert len(console.controller.session.participants) == 17
    _consistent(console)


def test_open_recent_with_the_running_marker_unwritable(console: Console, workspace: Workspace, tmp_path: Path) -> None:
    other = _other_session(tmp_path)
    workspace.add_recent(other)
    workspace.running_marker.unlink(missing_ok=True)
    workspace.running_marker.mkdir()  # the crash marker cannot be written
    window = console.window
    window.file_menu.fill_recent()
    actions = [a for a in window.file_menu.recent_menu.actions() if a.text() == other.name]
    assert actions
    actions[0].trigger()
    assert console.autosaver.path == other
    assert "crash" in window.message_bar.text()
    _consistent(console)


def test_open_recent_lists_files_even_when_state_json_cannot_be_tidied(
    console: Console, workspace: Workspace, tmp_path: Path
) -> None:
    """recent() drops vanished files from state.json; when that write fails the menu still fills."""
    other = _other_session(tmp_path)
    workspace.add_recent(other)
    workspace.add_recent(tmp_path / "weg.fishbowl.json")  # not there: to be dropped
    state = workspace.base_dir / "state.json"
    text = state.read_text()
    state.unlink()
    state.mkdir()
    (state / "x").write_text("")
    assert workspace.recent() == []  # unreadable: treated as empty, no exception
    assert workspace.refusals[-1].kind == "not_regular", "and set aside, to be said (issue 23)"
    shutil.rmtree(state.with_name("state.json.broken"))
    state.write_text(text)
    base = workspace.base_dir
    shutil.move(base, tmp_path / "elsewhere")  # the data folder vanishes under the running app
    base.write_text("")  # and a file stands where it was: every write fails
    try:
        console.window.file_menu.fill_recent()  # must not raise
    finally:
        base.unlink()
        shutil.move(tmp_path / "elsewhere", base)


def test_save_as_onto_a_folder_gives_a_message_and_keeps_the_file(console: Console, tmp_path: Path) -> None:
    before = console.autosaver.path
    folder = tmp_path / "ordner.fishbowl.json"
    folder.mkdir()
    console.window.file_menu.save_to(folder)
    assert console.autosaver.path == before
    assert "ordner.fishbowl.json" in console.window.message_bar.text()
    _consistent(console)
