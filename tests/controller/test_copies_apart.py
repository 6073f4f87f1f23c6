"""Issue 26: copies of the app are told apart by who they are, not by their process id.

Every `flatpak run` (and every container) starts the app in a PID namespace of its own, where it is usually
process 2: two copies at once, or a copy and the one that crashed before it, carry the same number. Before,
the crash markers (`running-PID.json`), the session locks (which named a pid) and the "bring that window up"
socket (named by the pid) all went by that number: a second copy offered the first one's open evening as a
crash, a killed copy's evening looked open "in process 2" (the asking copy itself) until the next reboot, and a
second copy removed the first one's socket and answered in its place.

The namespace tests start each copy (tests/helpers/copy_driver.py: the app's own Workspace, SessionLock and
WindowBeacon) under `unshare --pid --fork --mount-proc` behind a shell, so each is process 2 of its own
namespace as under Flatpak; they need root or unprivileged user namespaces and skip with the reason otherwise.
The tests without namespaces (they run everywhere, CI included) use real copies too, and write into the files a
copy left the number another namespace's copy would have written there: whether a copy runs must follow the
copy (alive or SIGKILLed), never that number.
"""

from __future__ import annotations

import functools
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.controller.session_owner import SessionHolder, SessionLock, ask_to_bring_up, holder_of, lock_path
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import Workspace, save_session
from fishbowl_desktop.storage.lock_file import LockInfo

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "helpers" / "copy_driver.py"
ANSWER_S = 120
"""How long a copy may take to answer a line; seconds on an idle machine, generous for a busy one."""
IN_A_SHELL = ["sh", "-c", '"$@"; :', "sh"]
"""pid 1 of the namespace is the shell (bwrap's place under Flatpak), the copy pid 2, as under `flatpak run`."""


@functools.cache
def _own_pid_namespace() -> tuple[list[str], str]:
    """The command that starts a program as pid 2 of a new PID namespace, or ([], why not)."""
    unshare = shutil.which("unshare")
    if not sys.platform.startswith("linux") or unshare is None:
        return [], "needs Linux and unshare (util-linux)"
    tries = [[unshare, "--pid", "--fork", "--mount-proc"]] if os.geteuid() == 0 else []
    tries.append([unshare, "--user", "--map-root-user", "--pid", "--fork", "--mount-proc"])
    for command in tries:
        probe = subprocess.run([*command, *IN_A_SHELL, "sh", "-c", "echo $$"], capture_output=True, timeout=60)
        if probe.returncode == 0 and probe.stdout.strip() == b"2":
            return [*command, *IN_A_SHELL], ""
    return [], "unshare --pid needs root or unprivileged user namespaces, neither is allowed here"


def _namespaced() -> list[str]:
    command, why = _own_pid_namespace()
    if not command:
        pytest.skip(why)
    return command


class Copy:
    """A copy of the app (its start-up bookkeeping) in a process of its own, answering one JSON line per command."""

    def __init__(self, home: Path, session: Path, prefix: list[str] | None = None) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [*(prefix or []), sys.executable, str(DRIVER), str(home), str(session)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.pid = self.answer()["pid"]
        """The copy's pid as it sees it (2 in a namespace of its own)."""

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put("")

    def answer(self) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=ANSWER_S)
        except queue.Empty:
            raise AssertionError(f"the copy did not answer within {ANSWER_S} s") from None
        if not line:
            raise AssertionError(f"the copy ended ({self.process.wait()}) without answering")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.answer() if command != "kill" else {}

    def killed(self) -> None:
        """SIGKILL, sent by the copy to itself (from outside, the namespace's shell would be hit instead)."""
        self.ask("kill")
        self.process.wait(timeout=ANSWER_S)

    def end(self) -> None:
        """Its stdin closed, the copy stops (a namespace's shell and unshare with it); killed if it does not."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=ANSWER_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(ANSWER_S)


@pytest.fixture
def evening(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder both copies share (the same user's) and the session the first one opens."""
    session = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), session)
    return tmp_path / "home", session


@pytest.fixture
def copies() -> Iterator[list[Copy]]:
    started: list[Copy] = []
    yield started
    for copy in started:
        copy.end()


def _start(copies: list[Copy], evening: tuple[Path, Path], prefix: list[str] | None = None) -> Copy:
    copies.append(Copy(*evening, prefix=prefix))
    return copies[-1]


# ---------------------------------------------------------------------------------------- in PID namespaces
def test_a_copy_in_another_pid_namespace_never_offers_a_running_copys_session(
    evening: tuple[Path, Path], copies: list[Copy]
) -> None:
    prefix = _namespaced()
    a = _start(copies, evening, prefix)
    assert a.ask("open") == {"pid": 2, "crashed": None, "holder": None}
    b = _start(copies, evening, prefix)
    seen = b.ask("look")
    assert seen["pid"] == 2, "both copies are process 2, as under Flatpak"
    assert seen["crashed"] is None, "B offered the session A has open as a crash"
    assert seen["holder"] is not None and seen["holder"]["pid"] == 2 and not seen["holder"]["elsewhere"]
    opened = b.ask("open")  # and B opening the same file is told A holds it
    assert opened["holder"] == seen["holder"] and opened["crashed"] is None
    assert a.ask("quit") == {"quit": True}


def test_a_copy_killed_in_another_pid_namespace_is_offered_at_once(
    evening: tuple[Path, Path], copies: list[Copy]
) -> None:
    prefix = _namespaced()
    home, session = evening
    a = _start(copies, evening, prefix)
    assert a.ask("open")["holder"] is None
    a.killed()
    b = _start(copies, evening, prefix)
    seen = b.ask("open")
    assert seen["pid"] == 2
    assert seen["crashed"] == str(session), "the killed copy's evening was not offered for recovery"
    assert seen["holder"] is None, "the killed copy's evening looked open in 'process 2', i.e. the asking copy"
    assert b.ask("look")["holder"]["pid"] == 2  # now B holds it ...
    c = _start(copies, evening, prefix)
    assert c.ask("look") == {"pid": 2, "crashed": None, "holder": b.ask("look")["holder"]}  # ... for everybody
    assert b.ask("quit") == {"quit": True}
    assert Workspace(home).crashed_last_time() is None and holder_of(session) is None


def test_bring_that_window_up_reaches_the_holder_not_a_copy_with_the_same_pid(
    evening: tuple[Path, Path], copies: list[Copy], qapp: QApplication
) -> None:
    prefix = _namespaced()
    a = _start(copies, evening, prefix)
    a.ask("open")
    assert a.ask("beacon") == {"listening": True}
    b = _start(copies, evening, prefix)
    assert b.ask("beacon") == {"listening": True}  # B starting up neither removes A's socket nor takes its name
    holder = holder_of(evening[1])
    assert holder is not None and holder.pid == 2
    assert ask_to_bring_up(holder)
    assert b.ask("look").get("pid") == 2, "the request reached B, which started after A with the same pid"
    assert a.answer() == {"raised": True}


# ---------------------------------------------------------------------------------------- without namespaces
def _rewrite_pid(home: Path, session: Path, copy: Copy, pid: int) -> None:
    """Write `pid` where the copy wrote its own, in place (the same files, so whatever the copy holds on them stays
    held): what a copy in another PID namespace leaves there is its number there, 2, which here may be anyone."""
    for marker in home.glob("running-*.json"):
        content = json.loads(marker.read_text("utf-8"))
        if content.get("pid") == copy.process.pid:
            marker.write_text(json.dumps({**content, "pid": pid}), "utf-8")
    lock = lock_path(session)
    lines = lock.read_bytes().split(b"\n")
    assert lines[0] == str(copy.process.pid).encode()
    with lock.open("r+b") as file:
        file.truncate(0)
        file.write(b"\n".join([str(pid).encode(), *lines[1:]]))


def _a_pid_nobody_has() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_running_copy_is_running_whatever_number_its_files_name(
    evening: tuple[Path, Path], copies: list[Copy], qapp: QApplication
) -> None:
    home, session = evening
    a = _start(copies, evening)
    assert a.ask("open")["holder"] is None
    _rewrite_pid(home, session, a, _a_pid_nobody_has())
    assert Workspace(home).crashed_last_time() is None, "a running copy's session was offered as a crash"
    holder = holder_of(session)
    assert holder is not None, "a running copy's lock was judged stale by its number"
    assert SessionLock().take(session) == holder
    assert a.ask("quit") == {"quit": True}


def test_a_killed_copy_is_gone_even_when_its_files_name_the_asking_process(
    evening: tuple[Path, Path], copies: list[Copy], qapp: QApplication
) -> None:
    home, session = evening
    a = _start(copies, evening)
    assert a.ask("open")["holder"] is None
    a.process.kill()  # SIGKILL (TerminateProcess on Windows): nothing cleaned up
    a.process.wait(timeout=ANSWER_S)
    _rewrite_pid(home, session, a, os.getpid())
    assert Workspace(home).crashed_last_time() == session
    assert holder_of(session) is None, "a killed copy's lock was taken for this process's own"
    mine = SessionLock()
    assert mine.take(session) is None and mine.holds(session)
    mine.keep_only(None)


def test_a_lock_of_a_running_copy_names_the_copy_and_its_pid_for_people(
    evening: tuple[Path, Path], copies: list[Copy], qapp: QApplication
) -> None:
    a = _start(copies, evening)
    a.ask("open")
    holder = holder_of(evening[1])
    assert isinstance(holder, SessionHolder) and holder.pid == a.process.pid  # what the question shows
    assert a.ask("quit") == {"quit": True}
    assert holder_of(evening[1]) is None


def test_qlockfile_and_older_versions_still_read_the_lock(evening: tuple[Path, Path], qapp: QApplication) -> None:
    """The copy's id is a sixth line: QLockFile (which older versions of the app used) reads the first ones."""
    from PySide6.QtCore import QLockFile

    from fishbowl_desktop.controller.session_owner import this_copy

    mine = SessionLock()
    assert mine.take(evening[1]) is None
    me = this_copy()
    assert QLockFile(str(lock_path(evening[1]))).getLockInfo() == (os.getpid(), me.host, me.app)
    assert lock_path(evening[1]).read_bytes().split(b"\n")[5] == me.copy.encode()
    mine.keep_only(None)


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_where_the_folder_cannot_hold_an_os_lock_the_session_lock_names_no_copy(
    evening: tuple[Path, Path], qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A share without locks (flock answers ENOLCK): a lock naming this copy would be found unlocked by every
    other copy and taken over while this one works on the file. It names the pid alone, as older versions' do."""
    import errno
    import fcntl

    from fishbowl_desktop.controller.session_owner import this_copy

    def no_locks(*_args: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    mine = SessionLock()
    assert mine.take(evening[1]) is None and mine.holds(evening[1])
    me = this_copy()
    assert lock_path(evening[1]).read_bytes() == LockInfo(me.pid, me.app, me.host, me.host_id, me.boot_id).content()
    monkeypatch.undo()
    holder = holder_of(evening[1])  # judged by the pid: this process runs
    assert holder is not None and holder.pid == os.getpid() and holder.copy == ""
    mine.keep_only(None)
    assert not lock_path(evening[1]).exists()
