"""One owner per session file: the copy of the app that has a session open holds a lock on it, and a second
copy that wants the same file learns who holds it and can ask that copy to bring its window up.

Two copies saving one file overwrite each other's changes silently (each autosave writes its own whole
session). The lock is a `QLockFile` next to the session (`.NAME.lock`, owner-only): it names the process,
the computer and the program, and a lock left by a crashed copy on this computer is taken over (Qt checks
whether that process still runs). Each running copy also listens on a local socket named after its process
id, so "bring that window up" needs no window-manager tricks. QtNetwork loads only for that socket, after the
console's first frame (or in a second copy that asks), not for the locks.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

RAISE_REQUEST = b"raise\n"
RAISE_ANSWER = b"raised\n"
CALL_TIMEOUT_MS = 1500


@dataclass(frozen=True)
class SessionHolder:
    """Who has a session file open: the process, the computer, the program."""

    pid: int
    host: str
    app: str


def lock_path(session: Path) -> Path:
    """The lock of a session file; links to the same file share one lock."""
    real = session.resolve() if session.is_symlink() else session.absolute()
    return real.with_name(f".{real.name}.lock")


def holder_of(session: Path) -> SessionHolder | None:
    """Who holds the lock on `session`, or None if nobody does (or only a crashed copy did)."""
    probe = QLockFile(str(lock_path(session)))
    probe.setStaleLockTime(0)  # an evening lasts hours: only a dead process makes a lock stale, never age
    if probe.tryLock(0):
        probe.unlock()
        return None
    return _info(probe)


def _info(lock: QLockFile) -> SessionHolder | None:
    found = lock.getLockInfo()
    if not isinstance(found, tuple) or len(found) < 3:
        return None
    if len(found) == 4:  # some bindings return (ok, pid, host, app)
        ok, pid, host, app = found
        if not ok:
            return None
    else:
        pid, host, app = found
    return SessionHolder(int(pid), str(host), str(app))


def _hide_on_windows(path: Path) -> None:
    """A leading dot hides the lock on macOS and Linux; Explorer needs the hidden attribute."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # FILE_ATTRIBUTE_HIDDEN


class SessionLock:
    """The locks this copy holds: its open session file's, and for a moment the next one's while it switches."""

    def __init__(self) -> None:
        self._locks: dict[Path, QLockFile] = {}

    def holds(self, session: Path) -> bool:
        return lock_path(session) in self._locks

    def take(self, session: Path) -> SessionHolder | None:
        """Lock `session` for this copy (keeping the locks it has); returns who holds it if another copy does.
        A folder that cannot hold a lock file (a read-only medium) is not an owner: saving says what is wrong."""
        target = lock_path(session)
        if target in self._locks:
            return None
        lock = QLockFile(str(target))
        lock.setStaleLockTime(0)  # an evening lasts hours: only a dead process makes a lock stale, never age
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                return _info(lock) or SessionHolder(0, "?", "?")
            return None
        with contextlib.suppress(OSError):
            os.chmod(target, 0o600)
        _hide_on_windows(target)
        self._locks[target] = lock
        return None

    def keep_only(self, session: Path | None) -> None:
        """After a switch: release every lock but the one on `session` (None releases all)."""
        keep = lock_path(session) if session is not None else None
        for target in [t for t in self._locks if t != keep]:
            self._locks.pop(target).unlock()

    def release(self, session: Path) -> None:
        lock = self._locks.pop(lock_path(session), None)
        if lock is not None:
            lock.unlock()


# ---------------------------------------------------------------------------------------- bring it up
def beacon_name(pid: int) -> str:
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    return f"fishbowl-desktop-{user}-{pid}"


class WindowBeacon(QObject):
    """Listens for "bring your window up" from a second copy of the app and calls `bring_up`."""

    def __init__(self, bring_up: Callable[[], None], parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._bring_up = bring_up
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = beacon_name(os.getpid())
        QLocalServer.removeServer(name)  # a socket file left by a crashed copy with a recycled pid
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self._bring_up()
            socket.write(QByteArray(RAISE_ANSWER))
            socket.flush()

    def close(self) -> None:
        self._server.close()


def ask_to_bring_up(holder: SessionHolder, timeout_ms: int = CALL_TIMEOUT_MS) -> bool:
    """Ask the copy holding a session to bring its window to the front; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(beacon_name(holder.pid))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(QByteArray(RAISE_REQUEST))
    socket.flush()
    answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()) == RAISE_ANSWER
    socket.disconnectFromServer()
    return answered
