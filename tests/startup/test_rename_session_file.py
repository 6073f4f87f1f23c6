"""Issue 9, point 9: a new session's file keeps "2026-12-01 Fishbowl" after the event gets a title and a
date, unless the console offers to rename it; renaming moves the file, its backups and its lock, and the
autosave, Open recent, the last session and the crash marker follow. A failure changes nothing."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.controller.session_owner import holder_of, lock_path
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, backup_path, load_session


@pytest.fixture
def console(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> Console:
    plan = plan_start(workspace, clock=clock)
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.resize(1366, 768)
    console.window.show()
    assert console.files.path is not None
    console.files.lock.take(console.files.path)  # what the app's start does before the window shows
    return console


def _title_the_event(console: Console, title: str = "Neue Hannoveraner", when: date | None = date(2026, 12, 3)) -> None:
    event = replace(console.controller.session.event, title=title, date=when)
    assert console.controller.set_event(event)


def _with_backups(console: Console) -> Path:
    """Three autosaves after changes: the file and NAME.bak1.. exist."""
    path = console.files.path
    assert path is not None
    for n in range(3):
        console.controller.set_event(replace(console.controller.session.event, organiser=f"Verein {n}"))
        assert console.autosaver.flush()
    for n in range(1, 4):
        backup_path(path, n).write_text(f"backup {n}")  # backups are made at intervals; here: present
    return path


def test_the_offer_appears_when_the_event_dialog_gives_a_title_and_date(console: Console, qtbot: QtBot) -> None:
    bar = console.window.message_bar
    old = console.files.path
    assert old is not None and old.name.endswith("Fishbowl.fishbowl.json")
    dialog = console.window.edit_event()
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Neue Hannoveraner")
    dialog.has_date.setChecked(True)
    dialog.date.setDate(QDate(2026, 12, 3))
    dialog.accept()
    assert "2026-12-03 Neue Hannoveraner.fishbowl.json" in bar.text() and old.name in bar.text()
    assert bar.action.isVisibleTo(console.window) and bar.action.text() == "Rename file"
    assert console.files.path == old  # only offered: nothing is renamed unasked


def test_after_the_rename_the_name_is_no_longer_offered(console: Console) -> None:
    _title_the_event(console)
    console.window.rename_offer.rename()
    _title_the_event(console, "Ganz anderer Abend")
    assert console.files.rename_offer() is None
    assert "Rename it after the event's title" not in console.window.message_bar.text()


def test_undoing_the_title_withdraws_the_offer(console: Console) -> None:
    _title_the_event(console)
    assert "Rename it after the event's title" in console.window.message_bar.text()
    console.controller.undo_stack.undo()
    assert console.window.message_bar.text() == ""
    assert console.files.rename_offer() is None


def test_a_name_the_moderator_chose_is_never_offered(console: Console, tmp_path: Path) -> None:
    chosen = tmp_path / "Mein Abend.fishbowl.json"
    assert console.files.save_as(chosen) is None
    console.window.message_bar.hide()
    _title_the_event(console)
    assert console.files.rename_offer() is None
    assert "Rename it after the event's title" not in console.window.message_bar.text()


def test_the_same_title_and_date_offer_nothing(console: Console, clock: FakeClock) -> None:
    path = console.files.path
    assert path is not None
    _title_the_event(console, "Fishbowl", date.fromisoformat(path.name[:10]))
    assert console.files.rename_offer() is None


def test_accepting_moves_file_backups_and_lock_and_autosave_follows(
    console: Console, workspace: Workspace, qtbot: QtBot
) -> None:
    old = _with_backups(console)
    _title_the_event(console)
    bar = console.window.message_bar
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    new = old.with_name("2026-12-03 Neue Hannoveraner.fishbowl.json")
    assert console.files.path == new and console.autosaver.path == new
    assert not old.exists() and new.is_file()
    for n in range(1, 4):
        assert not backup_path(old, n).exists()
        assert backup_path(new, n).read_text() == f"backup {n}"
    assert load_session(new).event.title == "Neue Hannoveraner"  # flushed before the move
    assert console.files.lock.holds(new) and not console.files.lock.holds(old)
    assert not lock_path(old).exists() and lock_path(new).exists()
    assert holder_of(old) is None
    assert workspace.recent()[0] == new.absolute() and old.absolute() not in workspace.recent()
    assert workspace.last_session() == new.absolute()
    marker = json.loads(workspace.running_marker.read_text())
    assert marker["session"] == str(new.absolute())
    assert "renamed from" in bar.text() and new.name in bar.text()
    assert new.name in console.window.save_label.text()
    assert "Neue Hannoveraner" in console.window.windowTitle()

    console.controller.set_event(replace(console.controller.session.event, venue_name="Pavillon"))
    assert console.autosaver.flush()
    assert load_session(new).event.venue_name == "Pavillon"
    assert not old.exists()


def test_a_name_in_use_gets_a_number(console: Console) -> None:
    old = console.files.path
    assert old is not None
    taken = old.with_name("2026-12-03 Neue Hannoveraner.fishbowl.json")
    taken.write_text("someone else's evening")
    _title_the_event(console)
    console.window.rename_offer.rename()
    assert console.files.path == old.with_name("2026-12-03 Neue Hannoveraner (2).fishbowl.json")
    assert taken.read_text() == "someone else's evening"


def test_a_failed_rename_leaves_everything_as_it_was(
    console: Console, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _with_backups(console)
    _title_the_event(console)
    real_replace = os.replace

    def refuse_the_file(source: str | Path, goal: str | Path) -> None:
        if Path(source) == old:  # the backups moved already; the session file itself cannot
            raise PermissionError(13, "Permission denied", str(goal))
        real_replace(source, goal)

    monkeypatch.setattr(os, "replace", refuse_the_file)
    console.window.rename_offer.rename()
    monkeypatch.setattr(os, "replace", real_replace)
    new = old.with_name("2026-12-03 Neue Hannoveraner.fishbowl.json")
    bar = console.window.message_bar
    assert bar.level == "error" and "not renamed" in bar.text() and old.name in bar.text()
    assert console.files.path == old and old.is_file() and not new.exists()
    for n in range(1, 4):
        assert backup_path(old, n).read_text() == f"backup {n}" and not backup_path(new, n).exists()
    assert console.files.lock.holds(old) and not console.files.lock.holds(new) and not lock_path(new).exists()
    console.controller.set_event(replace(console.controller.session.event, venue_name="Pavillon"))
    assert console.autosaver.flush()
    assert load_session(old).event.venue_name == "Pavillon"
