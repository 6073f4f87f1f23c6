"""The app's folders, Open recent, the last session and crash detection."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import Workspace, load_session, save_session
from fishbowl_desktop.storage.workspace import MAX_RECENT, default_base_dir


def _session_file(folder: Path, name: str) -> Path:
    path = folder / name
    save_session(demo_session(FakeClock()), path)
    return path


def test_the_home_variable_overrides_the_platform_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FISHBOWL_DESKTOP_HOME", str(tmp_path / "home"))
    assert default_base_dir() == tmp_path / "home"
    assert Workspace().sessions_dir == tmp_path / "home" / "sessions"
    assert Workspace(tmp_path / "explicit").base_dir == tmp_path / "explicit"


def test_without_override_the_platform_data_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    monkeypatch.delenv("FISHBOWL_DESKTOP_HOME", raising=False)
    assert default_base_dir() == Path(user_data_dir("fishbowl-desktop", appauthor=False, roaming=False))


def test_new_session_names_are_readable_and_never_taken(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    when = datetime(2026, 12, 3, 18, 0)
    first = ws.new_session_path("Neue Hannoveraner*innen: was braucht/eine Stadt?", when)
    assert first.parent == ws.sessions_dir
    assert first.name == "2026-12-03 Neue Hannoveraner innen was braucht eine Stadt.fishbowl.json"
    save_session(demo_session(FakeClock()), first)
    second = ws.new_session_path("Neue Hannoveraner*innen: was braucht/eine Stadt?", when)
    assert second.name == "2026-12-03 Neue Hannoveraner innen was braucht eine Stadt (2).fishbowl.json"
    assert ws.new_session_path("", when).name == "2026-12-03 Fishbowl.fishbowl.json"
    assert ws.new_session_path("Ölçü – Встреча", when).name == "2026-12-03 Ölçü – Встреча.fishbowl.json"


@pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX")
def test_the_folders_are_private(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "app")
    ws.ensure()
    assert (ws.base_dir.stat().st_mode & 0o077) == 0
    assert (ws.sessions_dir.stat().st_mode & 0o077) == 0


def test_recent_list_is_newest_first_without_duplicates_and_at_most_eight(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "app")
    files = [_session_file(tmp_path, f"s{i}.json") for i in range(MAX_RECENT + 3)]
    for f in files:
        ws.add_recent(f)
    ws.add_recent(files[3])
    recent = ws.recent()
    assert len(recent) == MAX_RECENT
    assert recent[0] == files[3].absolute()
    assert recent[1:] == [f.absolute() for f in reversed(files[-(MAX_RECENT - 1) :])]
    assert Workspace(tmp_path / "app").recent() == recent  # persisted


def test_recent_list_drops_files_that_are_gone(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "app")
    keep, gone = _session_file(tmp_path, "keep.json"), _session_file(tmp_path, "gone.json")
    ws.add_recent(keep)
    ws.add_recent(gone)
    gone.unlink()
    assert ws.recent() == [keep.absolute()]
    state = json.loads((ws.base_dir / "state.json").read_text("utf-8"))
    assert state["recent"] == [str(keep.absolute())]
    ws.remove_recent(keep)
    assert ws.recent() == []


def test_last_session_pointer(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "app")
    assert ws.last_session() is None
    a, b = _session_file(tmp_path, "a.json"), _session_file(tmp_path, "b.json")
    ws.add_recent(a)
    ws.add_recent(b)
    assert ws.last_session() == b.absolute()
    b.unlink()
    assert ws.last_session() is None


def test_a_damaged_state_file_is_treated_as_empty_and_repaired(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "app")
    ws.ensure()
    (ws.base_dir / "state.json").write_bytes(b"\x00\x01 not json")
    assert ws.recent() == []
    assert ws.last_session() is None
    ws.add_recent(_session_file(tmp_path, "a.json"))
    assert ws.recent() == [(tmp_path / "a.json").absolute()]


def test_a_clean_exit_is_not_a_crash(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "app")
    assert ws.crashed_last_time() is None  # first start ever
    session_file = _session_file(tmp_path, "evening.json")
    ws.mark_running(session_file)
    ws.mark_clean_exit()
    assert Workspace(tmp_path / "app").crashed_last_time() is None
    ws.mark_clean_exit()  # twice is harmless


def _run_and_die(base: Path, session_file: Path, exit_cleanly: bool) -> None:
    """A separate process plays the previous run: marks itself running, then quits or dies."""
    code = (
        "import os, sys\n"
        "from fishbowl_desktop.storage import Workspace\n"
        f"ws = Workspace({str(base)!r})\n"
        f"ws.mark_running({str(session_file)!r})\n" + ("ws.mark_clean_exit()\n" if exit_cleanly else "os._exit(9)\n")
    )
    subprocess.run([sys.executable, "-c", code], check=False, timeout=60)


def test_a_run_that_died_is_detected_and_names_its_session(tmp_path: Path) -> None:
    session_file = _session_file(tmp_path, "evening.json")
    _run_and_die(tmp_path / "app", session_file, exit_cleanly=False)
    ws = Workspace(tmp_path / "app")
    crashed = ws.crashed_last_time()
    assert crashed == session_file.absolute()
    assert load_session(crashed).event.title.startswith("Neue Hannoveraner")
    assert ws.recent() == [session_file.absolute()]

    ws.mark_running(crashed)  # this start takes over; the question is answered
    assert ws.crashed_last_time() == session_file.absolute()  # own marker: still reported until a clean exit
    ws.mark_clean_exit()
    assert ws.crashed_last_time() is None


def test_a_run_that_quit_properly_is_not_reported(tmp_path: Path) -> None:
    session_file = _session_file(tmp_path, "evening.json")
    _run_and_die(tmp_path / "app", session_file, exit_cleanly=True)
    assert Workspace(tmp_path / "app").crashed_last_time() is None


@pytest.mark.skipif(os.name != "posix", reason="liveness check is POSIX only")
def _another_window(tmp_path: Path) -> tuple[Workspace, Path, subprocess.Popen[bytes]]:
    """A second copy of the app (a process that waits for its stdin), marked as running on evening.json."""
    session_file = _session_file(tmp_path, "evening.json")
    ws = Workspace(tmp_path / "app")
    ws.ensure()
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    marker = {"session": str(session_file), "pid": other.pid, "since": "2026-12-03T18:30:00+01:00"}
    (ws.base_dir / "running-1.json").write_text(json.dumps(marker), "utf-8")
    return ws, session_file, other


def test_another_window_still_running_is_not_a_crash(tmp_path: Path) -> None:
    ws, session_file, other = _another_window(tmp_path)
    try:
        assert ws.crashed_last_time() is None
    finally:
        other.communicate(b"")
    assert ws.crashed_last_time() == session_file  # that process is gone now without a clean exit


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="zombies are read from /proc")
def test_a_killed_window_not_yet_reaped_is_a_crash(tmp_path: Path) -> None:
    """A copy killed a moment ago stays a zombie until whoever started it collects its exit status (a
    terminal, a launcher, a test); it holds no session any more, so its marker is a crash to recover."""
    ws, session_file, other = _another_window(tmp_path)
    try:
        other.kill()
        state = Path(f"/proc/{other.pid}/stat")
        deadline = time.monotonic() + 10
        while state.read_text().rpartition(")")[2].split()[0] != "Z":  # never reaped here: no wait() yet
            assert time.monotonic() < deadline, "the killed process did not end"
            time.sleep(0.005)  # the kernel's pace, not the app's: no clock of ours to fake
        assert ws.crashed_last_time() == session_file
    finally:
        other.wait()


def test_a_crash_whose_session_file_is_gone_has_nothing_to_reopen(tmp_path: Path) -> None:
    session_file = _session_file(tmp_path, "evening.json")
    _run_and_die(tmp_path / "app", session_file, exit_cleanly=False)
    session_file.unlink()
    assert Workspace(tmp_path / "app").crashed_last_time() is None


def test_reopening_the_last_evening_leaves_the_state_file_untouched(tmp_path: Path) -> None:
    """Each start puts its file on top of Open recent; when it is there already nothing is written (no atomic
    write, no fsync before the console's first frame, issue 29), and any change is still written."""
    ws = Workspace(tmp_path / "home")
    first, second = _session_file(tmp_path, "a"), _session_file(tmp_path, "b")
    ws.add_recent(first)
    state = ws.base_dir / "state.json"
    before = state.stat()
    ws.add_recent(first)  # the same file reopened: the state is as it would be written
    after = state.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # an atomic write replaces it
    ws.add_recent(second)
    assert state.stat().st_ino != before.st_ino
    assert ws.recent() == [second.absolute(), first.absolute()] and ws.last_session() == second.absolute()
