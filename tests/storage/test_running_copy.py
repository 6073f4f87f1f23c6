"""Issue 26: whether another copy of the app still runs is told by an OS lock that copy holds for its whole life
(`storage/running_copy.py`), not by its process id, which is 2 in every Flatpak sandbox.

Real processes hold and end here: a child that created a held file, then is SIGKILLed. The lock is taken on the
new file before its name appears, so no copy can ever find a running copy's file unlocked and take it over.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fishbowl_desktop import atomic_file
from fishbowl_desktop.storage import running_copy
from fishbowl_desktop.storage.running_copy import (
    copy_id,
    create_held,
    holds,
    remove_held,
    remove_if_ended,
    still_running,
)

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from pathlib import Path
from fishbowl_desktop.storage.running_copy import copy_id, create_held
assert create_held(Path(sys.argv[1]), b"held\\n")
print(copy_id(), flush=True)
sys.stdin.read()  # until the test closes it or kills this process
"""


def _holder(path: Path) -> tuple[subprocess.Popen[str], str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert child.stdout is not None
    return child, child.stdout.readline().strip()


def test_a_copy_runs_while_it_holds_its_file_and_not_a_moment_after_it_is_killed(tmp_path: Path) -> None:
    held = tmp_path / "running-x.lock"
    child, copy = _holder(held)
    try:
        assert running_copy.plausible_copy_id(copy) and copy != copy_id()
        assert still_running(copy, held) is True
        assert still_running(copy, held) is True  # asking took nothing from it
    finally:
        child.kill()  # SIGKILL: the process cleans nothing up
        child.wait()
        assert child.stdin is not None and child.stdout is not None
        child.stdin.close()
        child.stdout.close()
    assert held.exists() and still_running(copy, held) is False
    held.unlink()
    assert still_running(copy, held) is False  # its file gone: nobody holds it


def test_this_copy_holds_what_it_created_until_it_removes_it(tmp_path: Path) -> None:
    held = tmp_path / "mine.lock"
    assert create_held(held, b"mine\n") and holds(held)
    assert still_running(copy_id(), held) is True
    with pytest.raises(FileExistsError):
        create_held(held, b"again\n")
    assert holds(held)  # a second try that failed does not let go of the first
    remove_held(held)
    assert not held.exists() and not holds(held)


def test_an_id_that_is_not_a_copys_cannot_be_told(tmp_path: Path) -> None:
    for odd in ("", "2", "../../etc/passwd", "A" * 32, "0" * 31):
        assert still_running(odd, tmp_path / "x.lock") is None


@pytest.mark.skipif(sys.platform == "win32", reason="Windows: the copy's mutex speaks for it, no file is locked")
def test_the_lock_is_taken_before_the_file_has_its_name(tmp_path: Path) -> None:
    target = tmp_path / "early.lock"
    seen: list[bool] = []

    def before_naming(fd: int) -> None:
        seen.append(target.exists())
        os.close(fd)

    atomic_file.create_exclusively(target, b"x\n", before_naming=before_naming)
    assert seen == [False] and target.read_bytes() == b"x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["early.lock"]  # no temporary file left


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_child_is_another_copy_and_leaves_the_parents_lock_alone(tmp_path: Path) -> None:
    held = tmp_path / "parent.lock"
    assert create_held(held, b"parent\n")
    parent_id = copy_id()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        ok = copy_id() != parent_id and not holds(held) and still_running(parent_id, held) is True
        os.write(writer, b"1" if ok else b"0")
        os._exit(0)
    os.close(writer)
    answer = os.read(reader, 1)
    os.close(reader)
    os.waitpid(child, 0)
    assert answer == b"1", "the child took the parent's id or let go of the parent's lock"
    assert holds(held) and still_running(parent_id, held) is True
    remove_held(held)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows: no file is locked, this race is still open there")
def test_a_stale_lock_is_removed_only_while_nobody_holds_it(tmp_path: Path) -> None:
    """Two copies find the same stale lock; the first removes it and creates its own under the name; the second,
    which judged the old one stale a moment earlier, must not remove the new one (two owners of one file)."""
    lock = tmp_path / ".abend.fishbowl.json.lock"
    child, copy = _holder(lock)  # the first copy's new lock, held
    try:
        remove_if_ended(lock)
        assert lock.exists() and still_running(copy, lock) is True
    finally:
        child.kill()
        child.wait()
        assert child.stdin is not None and child.stdout is not None
        child.stdin.close()
        child.stdout.close()
    remove_if_ended(lock)  # now it is a dead copy's
    assert not lock.exists()
    remove_if_ended(lock)  # and gone: nothing to do


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_where_no_lock_can_be_held_the_marker_names_no_copy_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder on a share without locks (flock answers ENOLCK): the marker is judged by the pid, as the
    markers of older versions are, and no lock file is left behind."""
    import errno
    import fcntl
    import json

    from fishbowl_desktop.storage import Workspace

    def no_locks(*_args: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    session = tmp_path / "abend.fishbowl.json"
    session.write_text("{}")
    workspace = Workspace(tmp_path / "home")
    workspace.mark_running(session)
    marker = json.loads(workspace.running_marker.read_text("utf-8"))
    assert marker["pid"] == os.getpid() and "copy" not in marker
    assert sorted(p.name for p in workspace.base_dir.glob("running-*")) == [workspace.running_marker.name]
    workspace.mark_clean_exit()
    assert not list(workspace.base_dir.glob("running-*"))
