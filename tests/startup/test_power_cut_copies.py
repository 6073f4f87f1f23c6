"""Issue 23, point 5: after a power cut the session file may be empty or cut short while its backups (and the
temporary file of an unfinished save) still hold the evening. The start names the newest whole copy with its
time and brings it back with one click; nothing is overwritten (the damaged file is kept aside)."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import build_console
from fishbowl_desktop.atomic_file import temporary_path
from fishbowl_desktop.model import FakeClock, Participant, Role, Session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, backup_path, load_session, save_session
from fishbowl_desktop.storage.encode import encode_session


def _evening(clock: FakeClock, people: int) -> Session:
    session = Session(clock)
    for n in range(people):
        session.add_participant(Participant(f"p{n}", f"Gast {n}", Role.AUDIENCE))
    return session


def _crashed_with(workspace: Workspace, clock: FakeClock, damage: bytes) -> Path:
    """An evening saved with backups of 10, 20 and 30 minutes ago, then a power cut left `damage` in its file."""
    workspace.ensure()
    path = workspace.sessions_dir / "2026-12-03 Neue Hannoveraner.fishbowl.json"
    save_session(_evening(clock, 40), path, backup=False)
    now = time.time()
    for number, people in ((1, 30), (2, 20), (3, 10)):
        save_session(_evening(clock, people), backup_path(path, number), backup=False)
        os.utime(backup_path(path, number), (now - 600 * number, now - 600 * number))
    workspace.mark_running(path)
    path.write_bytes(damage)
    return path


@pytest.mark.parametrize("damage", [b"", b'{"format": "fishbowl-session", "version": 1, "event": {"ti'])
def test_a_damaged_session_offers_its_newest_backup_with_its_time_in_one_click(
    tmp_path: Path, qtbot: QtBot, damage: bytes
) -> None:
    workspace = Workspace(tmp_path / "home")
    clock = FakeClock(datetime(2026, 12, 3, 21, 0))
    path = _crashed_with(workspace, clock, damage)
    plan = plan_start(workspace, clock=clock)
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.show()
    bar = console.window.message_bar
    backup_time = datetime.fromtimestamp(backup_path(path, 1).stat().st_mtime).strftime("%H:%M:%S")
    assert path.name in bar.text() and "backup" in bar.text() and backup_time in bar.text()
    assert ("empty" if not damage else "cut off") in bar.text()
    assert bar.action.isVisibleTo(console.window) and backup_time in bar.action.text()
    new_file = console.files.path
    assert new_file is not None and new_file != path
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert console.files.path == path
    assert len(console.controller.session.participants) == 30  # the newest backup, on screen
    assert len(load_session(path).participants) == 30  # and in the file again
    assert path.with_name(path.name + ".damaged").read_bytes() == damage  # kept, never overwritten
    assert not new_file.exists()  # the empty session the start made is gone
    assert "The evening is back" in bar.text() and ".damaged" in bar.text()
    assert path in workspace.recent()
    console.files.lock.keep_only(None)


def test_a_whole_unfinished_save_newer_than_the_backups_is_offered(tmp_path: Path, qtbot: QtBot) -> None:
    workspace = Workspace(tmp_path / "home")
    clock = FakeClock(datetime(2026, 12, 3, 21, 0))
    path = _crashed_with(workspace, clock, b"")
    temporary_path(path).write_bytes(encode_session(_evening(clock, 41)))  # the save the power cut interrupted
    plan = plan_start(workspace, clock=clock)
    assert plan.offer is not None and plan.offer.unfinished_save
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    assert "unfinished save" in console.window.message_bar.text()
    qtbot.mouseClick(console.window.message_bar.action, Qt.MouseButton.LeftButton)
    assert len(console.controller.session.participants) == 41
    console.files.lock.keep_only(None)


def test_no_whole_copy_means_no_offer(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "home")
    clock = FakeClock(datetime(2026, 12, 3, 21, 0))
    path = _crashed_with(workspace, clock, b"")
    for number in (1, 2, 3):
        backup_path(path, number).write_bytes(b"{")
    plan = plan_start(workspace, clock=clock)
    assert plan.offer is None
    assert any("empty" in text for text, _level in plan.notices)


def test_open_recent_of_a_damaged_session_offers_its_backup_too(tmp_path: Path, qtbot: QtBot) -> None:
    """The start opened another evening (or a new one); the moderator then picks the damaged one in Open recent."""
    workspace = Workspace(tmp_path / "home")
    clock = FakeClock(datetime(2026, 12, 3, 21, 0))
    path = _crashed_with(workspace, clock, b"")
    workspace.mark_clean_exit()
    other = tmp_path / "another evening.fishbowl.json"
    save_session(_evening(clock, 5), other)
    plan = plan_start(workspace, file=other, clock=clock)
    assert plan.offer is None
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.show()
    menu = console.window.file_menu
    assert "backup" not in console.window.message_bar.text()
    menu.fill_recent()
    entry = next(a for a in menu.recent_menu.actions() if a.text() == path.name)
    entry.trigger()
    bar = console.window.message_bar
    assert "backup" in bar.text() and bar.action.isVisibleTo(console.window)
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert console.files.path == path and len(console.controller.session.participants) == 30
    assert "The evening is back" in bar.text()
    console.files.lock.keep_only(None)
