"""One owner per session file: the copy of the app that has a session open holds a lock on it, and a second
copy that wants the same file learns who holds it and can ask that copy to bring its window up.

Two copies saving one file overwrite each other's changes silently (each autosave writes its own whole
session). The lock is a file next to the session (`.NAME.lock`, owner-only, in QLockFile's format): it names
the process, the computer, the program and the copy (`running_copy`), and a lock left by a crashed copy on
this computer is taken over. Whether its copy still runs is asked of the OS lock that copy holds on the file,
not of its process id, which under Flatpak is 2 in every copy; locks of older versions, which name no copy,
are judged by the pid. Each running copy also listens on a local socket named after its copy id (never its
pid: the /tmp of Flatpak's sandboxes is shared), so "bring that window up" needs no window-manager tricks.
The listening socket is a plain Unix socket on Linux and macOS (QtNetwork, 3 MiB resident, only on Windows and
in a second copy that asks), opened after the console's first frame; the locks need no network code at all.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSysInfo

from fishbowl_desktop.atomic_file import create_exclusively, remove_durably, sidecar_name
from fishbowl_desktop.storage.lock_file import LockInfo, NoOwner, read_lock
from fishbowl_desktop.storage.running_copy import (
    copy_id,
    create_held,
    let_go,
    pid_alive,
    remove_held,
    remove_if_ended,
    still_running,
)
from fishbowl_desktop.value_class import value_class


class OwnerChoice(Enum):
    """What the moderator chose when the session is open in another window (`ui/shell/owner_question.py` asks);
    here, not beside the question, so the start's plan knows the answers without building a message box."""

    BRING_UP = "bring_up"
    TAKE_OVER = "take_over"
    COPY = "copy"
    READ_ONLY = "read_only"
    CANCEL = "cancel"
    QUIT = "quit"
    """No answer: Ctrl+C or SIGTERM (a logout) closed the question at the start; that copy ends."""


if TYPE_CHECKING:
    import _socket

    from PySide6.QtNetwork import QLocalSocket

RAISE_REQUEST = b"raise\n"
RAISE_ANSWER = b"raised\n"
CALL_TIMEOUT_MS = 1500


@value_class
class SessionHolder:
    """Who has a session file open: the process, the computer, the program."""

    pid: int
    host: str
    app: str
    elsewhere: bool = False
    """On another computer (a shared folder): this one cannot tell whether that program still runs."""
    read_only_medium: bool = False
    """Nobody: the folder cannot hold a lock (a read-only medium, a folder this user may not write to)."""
    copy: str = ""
    """Which copy of the app it is ("" for older versions, known by their pid): its window is brought up by it."""


READ_ONLY_MEDIUM = SessionHolder(0, "", "", read_only_medium=True)
_CANNOT_WRITE = (errno.EROFS, errno.EACCES, errno.EPERM)


def lock_path(session: Path) -> Path:
    """The lock of a session file (shortened for a long name); links to the same file share one lock."""
    real = session.resolve() if session.is_symlink() else session.absolute()
    return real.with_name(sidecar_name(real.name, ".", ".lock"))


def this_copy() -> LockInfo:
    """What this copy's locks say about it; the machine and boot ids are the ones QLockFile uses."""
    return LockInfo(
        os.getpid(),
        QCoreApplication.applicationName() or "fishbowl-desktop",
        QSysInfo.machineHostName(),
        bytes(QSysInfo.machineUniqueId().data()).decode("ascii", "replace"),
        bytes(QSysInfo.bootUniqueId().data()).decode("ascii", "replace"),
        copy_id(),
    )


def _verdict(info: LockInfo, me: LockInfo, target: Path) -> SessionHolder | None:
    """Whom the lock at `target` names as holding the file now: None if that copy cannot be running (it
    crashed on this computer, or ran before this computer last started)."""
    same_machine = info.host_id == me.host_id if info.host_id and me.host_id else info.host == me.host
    holder = SessionHolder(info.pid, info.host, info.app, elsewhere=not same_machine, copy=info.copy)
    if not same_machine:
        return holder
    if info.boot_id and me.boot_id and info.boot_id != me.boot_id:
        return None  # from before the last start of this computer (a power cut): nobody runs it any more
    running = still_running(info.copy, target) if info.copy else None
    if running is None:  # an older version's lock, or a file system without locks: its pid tells
        running = info.pid == me.pid or pid_alive(info.pid)
    return holder if running else None


def holder_of(session: Path) -> SessionHolder | None:
    """Who holds the lock on `session`, or None if nobody does (no lock, an empty or garbled one, or one left by
    a copy that is not running any more)."""
    try:
        info = read_lock(lock_path(session))
    except NoOwner:
        return None
    return None if info is None else _verdict(info, this_copy(), lock_path(session))


def _hide_on_windows(path: Path) -> None:
    """A leading dot hides the lock on macOS and Linux; Explorer needs the hidden attribute."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # FILE_ATTRIBUTE_HIDDEN


class SessionLock:
    """The locks this copy holds: its open session file's, and for a moment the next one's while it switches."""

    def __init__(self) -> None:
        self._locks: dict[Path, bytes] = {}

    def holds(self, session: Path) -> bool:
        return lock_path(session) in self._locks

    def take(self, session: Path, take_over: bool = False) -> SessionHolder | None:
        """Lock `session` for this copy (keeping the locks it has); returns who holds it if another copy does,
        or READ_ONLY_MEDIUM if the folder cannot hold a lock. A lock that names nobody running is taken over;
        one from another computer only with `take_over` (the moderator said that copy is gone). Another
        failure to create the lock (an odd file system) is not an owner: saving says what is wrong."""
        target = lock_path(session)
        if target in self._locks:
            return None
        me = this_copy()
        content = me.content()
        holder: SessionHolder | None = None
        for _attempt in range(3):  # another copy may take over the same stale lock at the same moment
            try:
                if not create_held(target, content):  # the folder cannot hold an OS lock (some network shares)
                    content = self._by_pid_alone(target, me)
            except FileExistsError:
                try:
                    info = read_lock(target)
                except NoOwner:
                    info = None
                holder = _verdict(info, me, target) if info is not None else None
                if holder is not None and not (take_over and holder.elsewhere):
                    return holder
                with contextlib.suppress(OSError):
                    if info is not None and info.copy and not holder:
                        remove_if_ended(target)  # never another copy's that took it over at the same moment
                    else:
                        remove_durably(target)
                continue
            except OSError as exc:
                return READ_ONLY_MEDIUM if exc.errno in _CANNOT_WRITE else None
            _hide_on_windows(target)
            self._locks[target] = content
            return None
        return holder

    @staticmethod
    def _by_pid_alone(target: Path, me: LockInfo) -> bytes:
        """A lock that names no copy in place of one whose OS lock could not be taken: others must judge it by
        the pid, as a lock of an older version, not find its copy's lock free and take the file over. The name
        is free for a moment: a copy taking it then is found by the next attempt (FileExistsError)."""
        remove_durably(target)
        content = replace(me, copy="").content()
        create_exclusively(target, content)
        return content

    def keep_only(self, session: Path | None) -> None:
        """After a switch: release every lock but the one on `session` (None releases all: on quit)."""
        keep = lock_path(session) if session is not None else None
        for target in [t for t in self._locks if t != keep]:
            self._unlock(target)

    def release(self, session: Path) -> None:
        self._unlock(lock_path(session))

    def _unlock(self, target: Path) -> None:
        """Remove the lock, unless it is not ours any more (another computer took it over meanwhile)."""
        content = self._locks.pop(target, None)
        if content is None:
            return
        try:
            ours = target.read_bytes() == content
        except OSError:
            ours = False
        if not ours:
            let_go(target)
            return
        with contextlib.suppress(OSError):
            remove_held(target)


# ---------------------------------------------------------------------------------------- bring it up
def beacon_name(copy: str) -> str:
    """The socket of a copy: by its id, which no other copy has (a pid would be 2 in every Flatpak sandbox,
    and their /tmp is shared); older versions, whose locks name no copy, listen under their pid."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    return f"fishbowl-desktop-{user}-{copy}"


class WindowBeacon(QObject):
    """Listens for "bring your window up" from a second copy of the app and calls `bring_up`.

    On Linux and macOS a plain Unix socket at the path QLocalServer would use (QDir.tempPath()/name; the second
    copy asks with QLocalSocket, which connects there), watched by a QSocketNotifier: QtNetwork's library, loaded
    for this socket alone, was 3 MiB of the console's peak memory (issue 29). On Windows QLocalServer's named pipe.
    """

    def __init__(self, bring_up: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bring_up = bring_up
        name = beacon_name(copy_id())  # new with every start: no socket of another copy can have the name
        if sys.platform == "win32":
            self._server: _UnixServer | _PipeServer = _PipeServer(name, self._asked, self)
        else:
            self._server = _UnixServer(name, self._asked, self)
        self.listening = self._server.listening

    def _asked(self) -> None:
        self._bring_up()

    def close(self) -> None:
        self._server.close()


class _UnixServer(QObject):
    """The beacon's socket on Linux and macOS: owner-only (bound in a private folder, then moved into place,
    as QLocalServer's UserAccessOption does), non-blocking, one short request per connection.

    Python's `socket` module is left out for its C core `_socket` (what `socket.socket` is built on): the module
    turns every AF_/SOCK_/MSG_ constant into enums on import, 0.6 of its 0.7 MiB."""

    def __init__(self, name: str, asked: Callable[[], None], parent: QObject) -> None:
        import _socket
        import tempfile

        from PySide6.QtCore import QDir, QSocketNotifier

        super().__init__(parent)
        self._asked = asked
        self._path = os.path.join(QDir.tempPath(), name)
        self._connections: dict[int, tuple[_socket.socket, QSocketNotifier]] = {}
        self._socket: _socket.socket | None = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        self.listening = False
        try:
            private = tempfile.mkdtemp(prefix="fishbowl-beacon-", dir=QDir.tempPath())
            try:
                staged = os.path.join(private, "s")
                self._socket.bind(staged)
                os.chmod(staged, 0o600)
                os.rename(staged, self._path)  # never over another's: the name is this start's own
            finally:
                with contextlib.suppress(OSError):
                    os.rmdir(private)
            self._socket.listen(8)
            self._socket.setblocking(False)
        except OSError:
            self._socket.close()
            self._socket = None
            return
        self.listening = True
        path = self._path
        self.destroyed.connect(lambda *_: _unlink_quietly(path))  # as QLocalServer removes its socket
        self._notifier = QSocketNotifier(self._socket.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        import _socket

        from PySide6.QtCore import QSocketNotifier

        if self._socket is None:
            return
        while True:
            try:
                fd, _address = self._socket._accept()  # type: ignore[attr-defined]  # what socket.accept() calls
            except OSError:  # BlockingIOError: none left
                return
            connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM, 0, fd)
            connection.setblocking(False)
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._connections[fd] = (connection, notifier)
            notifier.activated.connect(lambda *_signal, c=connection: self._read(c))

    def _read(self, connection: _socket.socket) -> None:
        try:
            data = connection.recv(64)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data.startswith(RAISE_REQUEST.strip()):
            self._asked()
            with contextlib.suppress(OSError):
                connection.sendall(RAISE_ANSWER)
        self._drop(connection)  # one request per connection; the asking copy reads the answer, then hangs up

    def _drop(self, connection: _socket.socket) -> None:
        entry = self._connections.pop(connection.fileno(), None)
        if entry is not None:
            entry[1].setEnabled(False)
            entry[1].deleteLater()
        connection.close()

    def close(self) -> None:
        for connection, _notifier in list(self._connections.values()):
            self._drop(connection)
        if self._socket is not None:
            self._notifier.setEnabled(False)
            self._socket.close()
            self._socket = None
            _unlink_quietly(self._path)


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class _PipeServer(QObject):
    """The beacon on Windows: QLocalServer's named pipe."""

    def __init__(self, name: str, asked: Callable[[], None], parent: QObject) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._asked = asked
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self._asked()
            socket.write(QByteArray(RAISE_ANSWER))
            socket.flush()

    def close(self) -> None:
        self._server.close()


def ask_to_bring_up(holder: SessionHolder, timeout_ms: int = CALL_TIMEOUT_MS) -> bool:
    """Ask the copy holding a session to bring its window to the front; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(beacon_name(holder.copy or str(holder.pid)))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(QByteArray(RAISE_REQUEST))
    socket.flush()
    answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()) == RAISE_ANSWER
    socket.disconnectFromServer()
    return answered
