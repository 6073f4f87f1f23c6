"""Every file the app writes is readable by its owner only; folders others can write are refused; a planted
symlink never redirects a new session (issue 11, point 9)."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings, save_settings
from fishbowl_desktop.spreadsheets import write_csv
from fishbowl_desktop.storage import Workspace, load_session, save_session
from fishbowl_desktop.storage.workspace import folder_problem

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> object:
    old = os.umask(0o022)  # what most desktops use: a plain open() would give 0644
    yield
    os.umask(old)


@posix_only
def test_settings_are_private(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(AppSettings(), path)
    assert _mode(path) == 0o600
    path.chmod(0o644)  # written by an older version
    save_settings(AppSettings(language="de"), path)
    assert _mode(path) == 0o600
    assert not list(tmp_path.glob("*.tmp"))


@posix_only
def test_csv_exports_are_private_and_byte_exact(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    write_csv(path, "\ufeffName;Gruppe\r\nÖzlem;A\r\n")
    assert _mode(path) == 0o600
    assert path.read_bytes() == "\ufeffName;Gruppe\r\nÖzlem;A\r\n".encode()


@posix_only
def test_state_marker_and_sessions_are_private(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "home")
    path = ws.new_session_path(when=datetime(2026, 12, 3))
    save_session(demo_session(FakeClock()), path)
    ws.mark_running(path)
    for written in (path, ws.base_dir / "state.json", ws.running_marker):
        assert _mode(written) == 0o600, written
    assert _mode(ws.base_dir) == _mode(ws.sessions_dir) == 0o700


@posix_only
@pytest.mark.parametrize("mode", [0o1777, 0o777, 0o703])
def test_a_sessions_folder_others_can_write_is_refused(tmp_path: Path, mode: int) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    problem = folder_problem(shared)
    assert problem is not None and "other users can write" in str(problem.strerror)
    ws = Workspace(tmp_path / "home")
    assert ws.use_sessions_dir(shared) is not None
    assert ws.sessions_dir == ws.default_sessions_dir  # nothing saved where others can plant or swap files


@posix_only
def test_a_private_or_group_folder_is_accepted(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o750)
    assert folder_problem(mine) is None


@posix_only
def test_a_dangling_symlink_under_the_next_name_is_never_followed(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "home")
    when = datetime(2026, 12, 3)
    ws.ensure()
    planters = tmp_path / "planter"
    planters.mkdir()
    bait = ws.sessions_dir / "2026-12-03 Fishbowl.fishbowl.json"
    bait.symlink_to(planters / "stolen.fishbowl.json")
    path = ws.new_session_path(when=when)
    assert path != bait
    save_session(demo_session(FakeClock()), path)
    assert not (planters / "stolen.fishbowl.json").exists()


@posix_only
def test_saving_to_a_dangling_symlink_replaces_the_link_instead_of_following_it(tmp_path: Path) -> None:
    planters = tmp_path / "planter"
    planters.mkdir()
    link = tmp_path / "evening.fishbowl.json"
    link.symlink_to(planters / "stolen.fishbowl.json")
    save_session(demo_session(FakeClock()), link)
    assert not (planters / "stolen.fishbowl.json").exists()
    assert not link.is_symlink() and _mode(link) == 0o600
    assert load_session(link).event.title


@posix_only
def test_a_link_to_an_existing_session_is_still_saved_through(tmp_path: Path) -> None:
    """A moderator's own link (e.g. on the desktop) to a session keeps working and stays a link."""
    real = tmp_path / "real.fishbowl.json"
    save_session(demo_session(FakeClock()), real)
    link = tmp_path / "link.fishbowl.json"
    link.symlink_to(real)
    save_session(demo_session(FakeClock()), link)
    assert link.is_symlink() and _mode(real) == 0o600


@posix_only
def test_a_data_folder_others_can_write_is_reported_at_start(tmp_path: Path, qapp: QApplication) -> None:
    from fishbowl_desktop.app import data_folder_warning

    ws = Workspace(tmp_path / "home")
    ws.ensure()
    assert data_folder_warning(ws) is None
    ws.base_dir.chmod(0o1777)
    warning = data_folder_warning(ws)
    assert warning is not None and str(ws.base_dir) in warning and "other users can write" in warning
