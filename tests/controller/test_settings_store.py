"""One owner for the app's settings: the store every reader holds, and the one atomic writer behind it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings, load_settings, save_settings
from fishbowl_desktop.stage.content import projector_content
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.ui.shell.settings_dialog import SettingsDialog


@pytest.fixture
def console(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> Console:
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, demo=True, clock=clock)
    c = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(c.window)
    c.window.resize(1366, 768)
    c.window.show()
    qtbot.waitExposed(c.window)
    return c


def test_every_reader_holds_the_one_store(console: Console) -> None:
    store = console.window.store
    assert console.window.projector.store is store
    assert console.window.projector.scene.store is store
    assert console.files.store is store
    assert console.window.preferences.store is store


def test_a_setting_from_the_dialog_reaches_projector_scene_and_files_through_the_store(
    console: Console, tmp_path: Path
) -> None:
    w = console.window
    announced: list[AppSettings] = []
    w.store.settingsChanged.connect(announced.append)
    w.menus.preferences_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    dialog.next_count.setValue(1)
    dialog.first_names.setChecked(True)
    dialog.black_blank.setChecked(True)
    dialog.panel_time.setValue(300)
    dialog.accept()
    assert len(announced) == 1  # one change, one announcement, one save
    new = announced[0]
    assert w.store.settings is new and w.settings is new
    assert w.projector.settings is new and w.projector.scene.settings is new and console.files.settings is new
    assert w.projector.scene.content() == projector_content(console.controller.session, w.ticker.view(), new)
    console.controller.toggle_blank()
    assert w.projector.scene.content().black  # the hall's screen goes dark as the dialog said
    assert w.menus.black_blank_action.isChecked()  # the View menu follows the store too
    assert load_settings(console.files.workspace.base_dir / "settings.json") == new
    console.files.new_session()
    assert console.controller.session.settings.panel_seconds == 300.0


def test_the_projector_remembers_its_screen_in_the_store(console: Console) -> None:
    w = console.window
    screen = QApplication.primaryScreen()
    assert screen is not None
    w.projector._remember(screen)
    saved = load_settings(console.files.workspace.base_dir / "settings.json")
    assert saved.projector_screen_name == screen.name() == w.settings.projector_screen_name
    assert console.files.settings.projector_screen_name == screen.name()


def test_an_unchanged_setting_is_neither_saved_nor_announced(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(AppSettings(), path)
    announced: list[AppSettings] = []
    store.settingsChanged.connect(announced.append)
    assert not store.change(language="")
    assert announced == [] and not path.exists()
    assert store.change(language="de")
    assert [s.language for s in announced] == ["de"] and load_settings(path).language == "de"


def test_a_failed_save_keeps_the_change_and_says_why(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    store = SettingsStore(AppSettings(), blocked / "settings.json")  # its folder is a file: cannot be written
    reasons: list[str] = []
    store.saveFailed.connect(reasons.append)
    assert store.change(chime=True)
    assert store.settings.chime and len(reasons) == 1 and reasons[0]


def test_the_settings_file_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails at the last step (the rename) leaves the old file whole and no temporary behind."""
    path = tmp_path / "settings.json"
    save_settings(AppSettings(language="de"), path)
    old = path.read_bytes()

    def refused(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refused)  # atomic_file calls os.replace
    with pytest.raises(OSError):
        save_settings(AppSettings(language="en", chime=True), path)
    monkeypatch.undo()
    assert path.read_bytes() == old and load_settings(path).language == "de"
    assert sorted(os.listdir(tmp_path)) == ["settings.json"]


def test_a_settings_file_that_cannot_be_written_is_said_in_the_console(console: Console) -> None:
    w = console.window
    path = w.store.path
    assert path is not None
    path.unlink(missing_ok=True)
    path.mkdir()  # settings.json is now a folder: the rename onto it fails
    w.menus.black_blank_action.trigger()
    assert w.settings.projector_black_blank  # applied for this evening all the same
    assert "Settings not saved" in w.message_bar.text()
