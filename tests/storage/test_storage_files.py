"""Files on disk: refused files stay untouched, saves are private and atomic, backups rotate."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from fishbowl_desktop import atomic_file
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import (
    BACKUP_INTERVAL_SECONDS,
    SessionFileError,
    backup_path,
    load_session,
    save_session,
)
from fishbowl_desktop.storage import files as storage_files
from helpers.bad_files import BAD_FILES, BadFile

POSIX = os.name == "posix"


@pytest.fixture
def good_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "good.json"
    save_session(demo_session(FakeClock()), path)
    return path.read_bytes()


def _folder_listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("case", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_refused_with_a_plain_message_and_left_unchanged(
    case: BadFile, good_bytes: bytes, tmp_path: Path
) -> None:
    name, make, kind, phrase = case
    folder = tmp_path / "case"
    folder.mkdir()
    path = folder / "session.json"
    bad = make(good_bytes)
    path.write_bytes(bad)
    before = _folder_listing(folder)

    with pytest.raises(SessionFileError) as refused:
        load_session(path)
    assert refused.value.kind == kind, str(refused.value)
    message = str(refused.value)
    assert message.startswith("session.json: ")
    assert phrase in message
    assert "\n" not in message and "Traceback" not in message
    assert refused.value.message("de").startswith("session.json: ")

    with pytest.raises(SessionFileError) as not_saved:
        save_session(demo_session(FakeClock()), path)
    assert not_saved.value.kind == "refuse_overwrite"
    assert refused.value.problem() in str(not_saved.value)

    assert path.read_bytes() == bad
    assert _folder_listing(folder) == before  # no backup, no temporary file left behind


def test_a_missing_file_is_reported_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match=r"^nowhere\.json: the file does not exist$"):
        load_session(tmp_path / "nowhere.json")


def test_a_folder_is_not_a_session(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError) as refused:
        load_session(tmp_path)
    assert refused.value.kind == "unreadable"


@pytest.mark.parametrize("in_place", [False, True])
def test_a_file_we_saved_then_replaced_by_someone_else_is_not_overwritten(tmp_path: Path, in_place: bool) -> None:
    """Saves skip re-reading a file they wrote themselves; that shortcut must notice any change since."""
    path = tmp_path / "s.json"
    save_session(demo_session(FakeClock()), path)
    if not in_place:
        path.unlink()
    path.write_bytes(b"a foreign file now lives here")
    with pytest.raises(SessionFileError):
        save_session(demo_session(FakeClock()), path)
    assert path.read_bytes() == b"a foreign file now lives here"


def test_error_messages_exist_in_german(tmp_path: Path) -> None:
    path = tmp_path / "neu.json"
    path.write_text('{"format": "fishbowl-desktop-session", "version": 9}', "utf-8")
    with pytest.raises(SessionFileError) as refused:
        load_session(path)
    assert refused.value.message("de") == (
        "neu.json: diese Datei stammt aus einer neueren Version von Fishbowl Desktop (Format 9); "
        "bitte aktualisieren Sie das Programm"
    )


def test_the_error_survives_pickling_for_executors(tmp_path: Path) -> None:
    import pickle

    error = SessionFileError(tmp_path / "x.json", "refuse_overwrite", reason=SessionFileError("x.json", "empty"))
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.kind == "refuse_overwrite"


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_saved_files_and_backups_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "s.json"
        save_session(demo_session(FakeClock()), path)
        save_session(demo_session(FakeClock()), path, backup=True)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(path, 1).stat().st_mode) == 0o600


def _titles(path: Path) -> list[str | None]:
    out: list[str | None] = []
    for n in (1, 2, 3, 4):
        b = backup_path(path, n)
        out.append(json.loads(b.read_text("utf-8"))["event"]["title"] if b.exists() else None)
    return out


def _save_titled(path: Path, title: str, backup: bool | None) -> None:
    session = demo_session(FakeClock())
    session.set_event(session.event.with_changes(title=title))
    save_session(session, path, backup=backup)


def test_explicit_backups_rotate_and_keep_three(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    for title in ["v1", "v2", "v3", "v4", "v5"]:
        _save_titled(path, title, backup=True)
    assert json.loads(path.read_text("utf-8"))["event"]["title"] == "v5"
    assert _titles(path) == ["v4", "v3", "v2", None]
    assert load_session(backup_path(path, 3)).event.title == "v2"  # a backup is a complete session


class Later:
    """The program's monotonic clock for the backup interval, moved on by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> Later:
    import fishbowl_desktop.storage.files as files

    clock = Later()
    monkeypatch.setattr(files, "_monotonic", clock, raising=False)
    return clock


def test_autosave_rotates_at_most_once_per_interval(tmp_path: Path, later: Later) -> None:
    path = tmp_path / "s.json"
    _save_titled(path, "v1", backup=None)
    assert _titles(path) == [None, None, None, None]  # nothing to back up before the first save
    _save_titled(path, "v2", backup=None)
    assert _titles(path) == ["v1", None, None, None]
    for title in ["v3", "v4", "v5"]:  # autosaves seconds apart: the backup stays
        _save_titled(path, title, backup=None)
    assert _titles(path) == ["v1", None, None, None]

    later.now += BACKUP_INTERVAL_SECONDS + 1
    _save_titled(path, "v6", backup=None)
    assert _titles(path) == ["v5", "v1", None, None]
    _save_titled(path, "v7", backup=False)
    assert _titles(path) == ["v5", "v1", None, None]


@pytest.mark.parametrize("skew", [3600.0, -3600.0], ids=["share-clock-ahead", "share-clock-behind"])
def test_a_file_system_clock_apart_from_the_laptops_does_not_rotate_every_save(
    tmp_path: Path, later: Later, skew: float
) -> None:
    """Issue 23, point 8: on a network share whose clock is an hour off, every autosave rotated the backups,
    so the three of them held the last three seconds instead of the last half hour."""
    path = tmp_path / "s.json"

    def save_on_the_share(title: str) -> None:
        _save_titled(path, title, backup=None)
        now = time.time()
        for written in (path, *(backup_path(path, n) for n in (1, 2, 3))):  # the server stamps what it just stored
            if written.exists() and abs(written.stat().st_mtime - now) < 60:
                os.utime(written, (now + skew, now + skew))

    for title in ["v1", "v2", "v3", "v4", "v5"]:
        save_on_the_share(title)
    assert _titles(path) == ["v1", None, None, None]
    later.now += BACKUP_INTERVAL_SECONDS + 1
    save_on_the_share("v6")
    assert _titles(path) == ["v5", "v1", None, None]


def test_the_first_save_of_a_run_judges_the_backup_by_the_file_systems_own_clock(tmp_path: Path) -> None:
    """A restart a minute after the last save keeps the backup; one a day later rotates, whatever the laptop's
    clock says of the share's stamps."""
    import fishbowl_desktop.storage.files as files

    path = tmp_path / "s.json"
    _save_titled(path, "v1", backup=None)
    _save_titled(path, "v2", backup=True)
    skewed = time.time() + 7200
    os.utime(backup_path(path, 1), (skewed - 60, skewed - 60))
    os.utime(path, (skewed, skewed))
    files._rotated_at.clear()  # a new run
    _save_titled(path, "v3", backup=None)
    assert _titles(path) == ["v1", None, None, None]
    os.utime(backup_path(path, 1), (skewed - 86400, skewed - 86400))
    files._rotated_at.clear()
    _save_titled(path, "v4", backup=None)
    assert _titles(path) == ["v3", "v1", None, None]


def test_an_evening_last_saved_a_week_ago_gets_its_backup_before_tonights_changes(tmp_path: Path) -> None:
    import fishbowl_desktop.storage.files as files

    path = tmp_path / "s.json"
    _save_titled(path, "v1", backup=None)
    _save_titled(path, "last week", backup=True)
    week_ago = time.time() - 7 * 86400
    os.utime(backup_path(path, 1), (week_ago - 120, week_ago - 120))
    os.utime(path, (week_ago, week_ago))
    files._rotated_at.clear()  # tonight's run
    _save_titled(path, "tonight", backup=None)
    assert _titles(path) == ["last week", "v1", None, None]


def test_replace_is_retried_while_windows_holds_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.json"
    real_replace = os.replace
    failures = {"left": 3}
    pauses: list[float] = []

    def busy_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise PermissionError(13, "The process cannot access the file because it is being used")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_replace)
    monkeypatch.setattr(atomic_file, "_sleep", pauses.append)
    save_session(demo_session(FakeClock()), path)
    assert load_session(path).event.title.startswith("Neue Hannoveraner")
    assert len(pauses) == 3


def test_a_file_held_too_long_fails_cleanly_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    _save_titled(path, "old", backup=False)
    old = path.read_bytes()

    def always_busy(src: object, dst: object) -> None:
        raise PermissionError(13, "in use")

    pauses: list[float] = []
    monkeypatch.setattr(os, "replace", always_busy)
    monkeypatch.setattr(atomic_file, "_sleep", pauses.append)
    with pytest.raises(PermissionError):
        _save_titled(path, "new", backup=False)
    assert path.read_bytes() == old
    assert len(pauses) == atomic_file.REPLACE_ATTEMPTS - 1
    assert sum(pauses) == pytest.approx(0.45)
    assert _folder_listing(tmp_path) == {"s.json"}  # the temporary file was removed


def test_stale_temporary_files_from_killed_saves_are_cleared(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    stale = tmp_path / ".s.json.deadbeef.tmp"
    fresh = tmp_path / ".s.json.cafebabe.tmp"
    stale.write_bytes(b"{")
    fresh.write_bytes(b"{")
    long_ago = time.time() - 3600
    os.utime(stale, (long_ago, long_ago))
    save_session(demo_session(FakeClock()), path)
    assert not stale.exists()
    assert fresh.exists()  # maybe another save in progress right now


def test_saving_into_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        save_session(demo_session(FakeClock()), tmp_path / "no" / "such" / "folder.json")


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "film.json"
    path.write_bytes(b"{" + b" " * 2000)
    monkeypatch.setattr(storage_files, "MAX_FILE_BYTES", 1000)
    with pytest.raises(SessionFileError) as refused:
        load_session(path)
    assert refused.value.kind == "too_big"
    assert str(refused.value) == "film.json: the file is far too big to be a session (0 MB)"


@pytest.mark.skipif(not POSIX, reason="symbolic links need privileges on Windows")
def test_saving_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    save_session(demo_session(FakeClock()), real)
    link.symlink_to(real)
    _save_titled(link, "through the link", backup=False)
    assert link.is_symlink()
    assert load_session(real).event.title == "through the link"


def test_encode_on_one_thread_write_on_another(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from fishbowl_desktop.storage import encode_session, save_encoded

    session = demo_session(FakeClock())
    data = encode_session(session)
    session.set_event(session.event.with_changes(title="changed after encoding"))
    with ThreadPoolExecutor(1) as pool:
        pool.submit(save_encoded, data, tmp_path / "s.json").result()
    assert load_session(tmp_path / "s.json").event.title.startswith("Neue Hannoveraner")
