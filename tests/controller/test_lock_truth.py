"""Issue 23, point 2: the lock tells the truth. An empty or garbled lock names nobody; a lock from before this
computer restarted is taken over; one from another computer is described as such, with a way to take it over;
a folder that cannot hold a lock is called read-only and offers Save As; a long session name still gets a lock,
backups and temporary files; the lock is owner-only from its first byte and goes away on a clean quit."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop import atomic_file
from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.controller.session_owner import SessionLock, holder_of, lock_path, this_copy
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, backup_path, load_session, save_session
from fishbowl_desktop.storage.lock_file import LockInfo

RELIABILITY = Path(__file__).resolve().parents[1] / "reliability"


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), path)
    return path


@pytest.mark.parametrize("content", [b"", b"\n\n\n", b"\x00" * 40, b"garbage\nfrom\nelsewhere\n", b"10" + b"0" * 30])
def test_an_empty_or_garbled_lock_names_nobody(session: Path, qapp: QApplication, content: bytes) -> None:
    lock_path(session).write_bytes(content)  # what a power cut left under an older version, or another tool
    assert holder_of(session) is None
    mine = SessionLock()
    assert mine.take(session) is None and mine.holds(session)
    assert lock_path(session).read_bytes() == this_copy().content()
    mine.keep_only(None)


def test_a_lock_from_before_this_computer_restarted_is_taken_over(session: Path, qapp: QApplication) -> None:
    me = this_copy()
    parent = os.getppid()  # a running process: only the boot id tells that the lock's holder is long gone
    earlier = LockInfo(parent, me.app, me.host, me.host_id, "an-earlier-boot")
    lock_path(session).write_bytes(earlier.content())
    assert holder_of(session) is None
    assert SessionLock().take(session) is None


def test_a_lock_of_a_running_copy_on_this_computer_still_holds(session: Path, qapp: QApplication) -> None:
    me = this_copy()
    lock_path(session).write_bytes(LockInfo(os.getppid(), me.app, me.host, me.host_id, me.boot_id).content())
    holder = holder_of(session)
    assert holder is not None and holder.pid == os.getppid() and not holder.elsewhere
    assert SessionLock().take(session) == holder


@pytest.fixture
def console(tmp_path: Path, qtbot: QtBot) -> Iterator[Console]:
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, clock=FakeClock())
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.show()
    yield console
    console.files.lock.keep_only(None)


def test_a_lock_from_another_computer_is_described_and_can_be_taken_over(
    session: Path, console: Console, qtbot: QtBot
) -> None:
    lock_path(session).write_bytes(LockInfo(4242, "fishbowl-desktop", "saal-laptop", "other-machine", "b").content())
    console.window.file_menu.open_path(session)
    question = console.window.file_menu.owner_question
    assert question is not None and question.isVisible()
    assert "another computer (saal-laptop)" in question.text() and "4242" in question.informativeText()
    assert "Bring that window up" not in [b.text() for b in question.buttons()]
    take_over = next(b for b in question.buttons() if b.text() == "Take it over")
    qtbot.mouseClick(take_over, Qt.MouseButton.LeftButton)
    assert console.files.path == session and console.files.read_only_of is None
    assert holder_of(session) is None or holder_of(session).pid == os.getpid()  # type: ignore[union-attr]
    assert lock_path(session).read_bytes() == this_copy().content()


def test_the_lock_is_owner_only_from_its_first_byte(
    session: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[tuple[str, int]] = []
    real_open = os.open

    def watching_open(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            created.append((os.fspath(path), mode))
        return real_open(path, flags, mode, *args, **kwargs)

    shim = types.ModuleType("os")
    shim.__dict__.update(os.__dict__)
    shim.open = watching_open  # type: ignore[attr-defined]
    monkeypatch.setattr(atomic_file, "os", shim)
    old_umask = os.umask(0)  # no umask to hide a world-readable creation
    try:
        assert SessionLock().take(session) is None
    finally:
        os.umask(old_umask)
    assert created and all(mode == 0o600 for _path, mode in created)
    assert lock_path(session).stat().st_mode & 0o777 == 0o600


def test_a_read_only_medium_is_called_read_only_and_offers_save_as(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    medium = tmp_path / "stick"
    medium.mkdir()
    session = medium / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), session)
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and os.fspath(path).startswith(str(medium)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    shim = types.ModuleType("os")
    shim.__dict__.update(os.__dict__)
    shim.open = read_only  # type: ignore[attr-defined]
    monkeypatch.setattr(atomic_file, "os", shim)
    _opened_read_only(tmp_path, session, qtbot)


def _opened_read_only(tmp_path: Path, session: Path, qtbot: QtBot) -> None:
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, file=session, clock=FakeClock())
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    console.window.show()
    bar = console.window.message_bar
    assert "read-only medium" in bar.text() and "another window" not in bar.text() and "process" not in bar.text()
    assert bar.action.isVisibleTo(console.window) and bar.action.text() == "Save As…"
    assert console.files.read_only_of == session
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and "Save session as" in w.windowTitle()]
    assert dialogs, "Save As… did not open"
    for dialog in dialogs:
        dialog.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"), reason="needs root")
def test_a_really_read_only_mount(tmp_path: Path, qtbot: QtBot) -> None:
    medium = tmp_path / "stick"
    medium.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(medium)], check=False).returncode:
        pytest.skip("mount is not allowed here")
    try:
        session = medium / "abend.fishbowl.json"
        save_session(demo_session(FakeClock()), session)
        subprocess.run(["mount", "-o", "remount,ro", str(medium)], check=True)
        _opened_read_only(tmp_path, session, qtbot)
    finally:
        subprocess.run(["umount", "-l", str(medium)], check=False)


def test_a_long_session_name_gets_its_lock_backups_and_saves(tmp_path: Path, qapp: QApplication) -> None:
    stem = "Ü" * 118  # 236 bytes, + ".fishbowl.json": 250 bytes, the longest names of the issue
    path = tmp_path / f"{stem}.fishbowl.json"
    assert 236 <= len(path.name.encode()) <= 255
    session = demo_session(FakeClock())
    save_session(session, path)
    assert holder_of(path) is None
    mine = SessionLock()
    assert mine.take(path) is None
    assert len(lock_path(path).name.encode()) <= 255 and lock_path(path).exists()
    save_session(session, path, backup=True)
    save_session(session, path, backup=True)
    assert backup_path(path, 1).exists() and backup_path(path, 2).exists()
    assert load_session(path).event == session.event
    assert SessionLock().take(path) is not None  # the lock holds against a second claim
    mine.keep_only(None)
    assert not lock_path(path).exists()


@pytest.mark.skipif(os.name != "posix", reason="the driver forks")
def test_a_clean_quit_leaves_no_lock(tmp_path: Path) -> None:
    home = tmp_path / "home"
    driver = subprocess.run(
        [sys.executable, str(RELIABILITY / "app_driver.py")],
        input="start\t7\t-\t3\nreap\nquit\n",
        env={**os.environ, "FISHBOWL_DESKTOP_HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert "QUIT" in driver.stdout and "REAPED\texit 0" in driver.stdout, driver.stdout + driver.stderr
    assert list((home / "sessions").glob("*.fishbowl.json")), "the evening was not saved"
    assert not list((home / "sessions").glob(".*.lock")), "a clean quit left its lock behind"
    assert not list(home.glob("running-*")), "a clean quit left its crash marker or the copy's lock behind"


def test_without_hard_links_the_lock_is_still_exclusive_and_private(
    session: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # what FAT on a USB stick answers

    shim = types.ModuleType("os")
    shim.__dict__.update(os.__dict__)
    shim.link = no_links  # type: ignore[attr-defined]
    monkeypatch.setattr(atomic_file, "os", shim)
    mine = SessionLock()
    assert mine.take(session) is None
    assert lock_path(session).stat().st_mode & 0o777 == 0o600
    assert lock_path(session).read_bytes() == this_copy().content()
    assert SessionLock().take(session) is not None  # a second claim still fails
    assert [p.name for p in session.parent.iterdir() if p.name.endswith(".tmp")] == []
