"""Which running copy of the app this is, and whether another copy still runs, told by the operating system
instead of a process id.

A process id does not name a copy: every `flatpak run` (and every container) starts the app in a PID namespace
of its own, where it is usually process 2, so two copies at once, or a copy and the one that crashed before it,
carry the same number; after a reboot the number is some other program's. So each copy gets a random id when it
starts (`copy_id`), and its crash marker and session locks name that id beside the pid (which is kept for
people). "Does that copy still run?" is answered by a lock the copy holds for as long as it runs and the kernel
drops when it ends, however it ends (SIGKILL, a crash):

- **Linux, macOS**: `flock` on a file that copy created and never replaces (a session's `.NAME.lock`, the
  crash marker's `running-ID.lock`; atomic rewrites make new inodes, and a lock stays with the old one). The lock
  is on the inode, so it is seen across PID, mount and user namespaces: from another Flatpak sandbox, a
  container sharing the home folder, or the host. It is taken before the file gets its name, so nobody ever sees
  the file unlocked while its copy runs.
- **Windows**: a named mutex per copy (`fishbowl-desktop-ID`); it exists while a handle to it is open, and the
  kernel closes a dead process's handles. No file is held open, so nothing changes for moving or deleting files.

Where the answer cannot be had (a network share without locks), `still_running` says None and the callers judge
by the process id as before; so do files written by earlier versions, which name no copy. No Qt, nothing of the
fishbowl.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import sys
import threading
from pathlib import Path
from typing import TypeGuard

from fishbowl_desktop.atomic_file import create_exclusively, remove_durably

COPY_ID = re.compile(r"[0-9a-f]{32}")
_BUSY = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
_held: dict[Path, int] = {}
"""The files this copy holds locked, with the descriptor that holds each (POSIX)."""
_guard = threading.Lock()


@functools.cache
def copy_id() -> str:
    """This copy's id: random, made once per process, never used by another copy (128 bits)."""
    return os.urandom(16).hex()  # what secrets.token_hex does, without importing hashlib before the first frame


def _after_fork_in_child() -> None:
    """A forked child (the tests' app driver forks after its imports) is another copy: a new id, and none of
    the parent's files; closing the inherited descriptors leaves the parent's locks as they are."""
    copy_id.cache_clear()
    with _guard:
        inherited = [fd for fd in _held.values() if fd >= 0]
        _held.clear()
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def plausible_copy_id(value: object) -> TypeGuard[str]:
    """Whether a marker or a lock names a copy the way this version does (older versions name none)."""
    return isinstance(value, str) and COPY_ID.fullmatch(value) is not None


def create_held(path: Path, content: bytes) -> bool:
    """Create `path` holding `content` like any lock (`create_exclusively`: FileExistsError if it exists) and
    hold it as this copy's until `remove_held` or the end of the process. False where no lock can be held
    there (the file is created all the same; others then judge by the pid)."""
    if sys.platform == "win32":
        create_exclusively(path, content)
        if not _own_mutex():
            return False
        with _guard:
            _held[path.absolute()] = -1  # nothing open: the copy's mutex speaks for it
        return True
    locked: list[int | None] = []  # per call: the descriptor holding the lock, None if it could not be had
    try:
        create_exclusively(path, content, before_naming=lambda fd: locked.append(_lock_for_good(fd)))
    except BaseException:
        _close(locked)
        raise
    *earlier, fd = locked or [None]
    _close(earlier)  # the temporary file's, where the file then had to be created in place
    if fd is None:
        return False
    with _guard:
        before = _held.pop(path.absolute(), None)  # an earlier file of that name, removed by someone else since
        _held[path.absolute()] = fd
    _close([before if before is not None and before >= 0 else None])
    return True


def holds(path: Path) -> bool:
    """This copy holds `path` (created it with `create_held` and has not removed it)."""
    with _guard:
        return path.absolute() in _held


def held() -> frozenset[Path]:
    """The files this copy holds (the tests, many runs of the app in one process, let go of each run's)."""
    with _guard:
        return frozenset(_held)


def remove_held(path: Path) -> None:
    """Remove a file this copy holds and stop holding it. The file goes first: until it is gone, nobody can take
    it for a dead copy's and remove it, nor find it unlocked."""
    try:
        remove_durably(path)
    finally:
        let_go(path)


def remove_if_ended(path: Path) -> None:
    """Remove the file a copy that ended left at `path`, holding its lock while it goes: if another copy has
    meanwhile taken the name over with a file of its own (it found the same stale lock at the same moment), that
    file is locked, or not the one opened, and stays. Elsewhere (Windows, no locks) the file is simply removed."""
    if sys.platform == "win32":
        remove_durably(path)
        return
    import fcntl

    flags = os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, os.O_RDWR | flags)  # read-write: NFS refuses an exclusive lock otherwise
    except FileNotFoundError:
        return
    except OSError:
        fd = os.open(path, os.O_RDONLY | flags)  # not writable here (removing it may still be allowed)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                return  # a running copy's now
        opened, named = os.fstat(fd), os.stat(path, follow_symlinks=False)
        if (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino):
            remove_durably(path)
    finally:
        os.close(fd)


def still_running(copy: str, path: Path) -> bool | None:
    """Whether copy `copy`, which created `path` with `create_held`, still runs: True, False (it ended however
    it ended, or the file is gone), or None where this cannot be told (no locks on that file system)."""
    if not plausible_copy_id(copy):
        return None
    if copy == copy_id():
        return True
    if sys.platform == "win32":
        return _mutex_exists(copy)
    return _locked(path)


def _lock_for_good(fd: int) -> int | None:
    """`fd` holding an exclusive lock, or None (and `fd` closed) where none can be had."""
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _close(descriptors: list[int | None]) -> None:
    for fd in descriptors:
        if fd is not None:
            os.close(fd)


def let_go(path: Path) -> None:
    """Stop holding `path` (its file stays): someone else's is there now, or it is about to go."""
    with _guard:
        fd = _held.pop(path.absolute(), None)
    if fd is not None and fd >= 0:
        os.close(fd)  # closing the only descriptor of the open file releases its lock


def _locked(path: Path) -> bool | None:
    """Whether someone holds `path`'s lock: a shared lock is tried for a moment (two copies asking at once do
    not disturb each other; the holder's exclusive lock refuses both)."""
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            return True if exc.errno in _BUSY else None
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------- by the pid
def pid_alive(pid: int) -> bool:
    """Whether process `pid` runs on this computer (a zombie does not count, where the OS tells)."""
    if not 0 < pid < 2**31:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process stays in the table until its parent collects its exit status; it holds nothing any
    more. Linux says so in /proc (state Z, or X while it goes); elsewhere a zombie counts as alive."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    fields = stat_line.rpartition(")")[2].split()  # the command name in parentheses may hold spaces
    return bool(fields) and fields[0] in ("Z", "X")


def _windows_pid_alive(pid: int) -> bool:
    """os.kill(pid, 0) would end the process on Windows: ask the kernel whether it is still running."""
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # access denied: it exists, it is someone else's
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


# ---------------------------------------------------------------------------------------- Windows
_ERROR_FILE_NOT_FOUND = 2
_ERROR_ACCESS_DENIED = 5
_SYNCHRONIZE = 0x00100000
_mutexes: list[int] = []
"""The handles of this copy's mutexes, never closed: the kernel closes them when the process ends."""


def _mutex_names(copy: str) -> list[str]:
    """Global first (another user's session on this computer sees it), Local where Global is not allowed."""
    return [f"{space}\\fishbowl-desktop-{copy}" for space in ("Global", "Local")]


def _own_mutex() -> bool:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    with _guard:
        if _mutexes:
            return True
        for name in _mutex_names(copy_id()):
            handle = kernel32.CreateMutexW(None, False, name)
            if handle:
                _mutexes.append(handle)
                return True
    return False


def _mutex_exists(copy: str) -> bool | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenMutexW.restype = ctypes.c_void_p
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    unknown = False
    for name in _mutex_names(copy):
        handle = kernel32.OpenMutexW(_SYNCHRONIZE, False, name)
        if handle:
            kernel32.CloseHandle(handle)
            return True
        error = ctypes.get_last_error()
        if error == _ERROR_ACCESS_DENIED:
            return True  # it exists; another user's
        if error != _ERROR_FILE_NOT_FOUND:
            unknown = True
    return None if unknown else False
