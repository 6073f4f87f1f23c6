"""The lock file beside a session (`.NAME.lock`): what it says, written and read without Qt.

The content is the lines QLockFile writes (process id, program, computer name, machine id, boot id), so an
older version of the app that still locks with QLockFile understands a lock of this one and the other way
round; a sixth line names the copy that holds it (`running_copy`), which QLockFile and older versions ignore.
It is created through the one atomic writer: owner-only from the first byte, its content on the disk before its
name appears, so a power cut never leaves an empty lock (and an empty or garbled one, which older versions or
other tools may leave, names no owner).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fishbowl_desktop.storage.running_copy import plausible_copy_id
from fishbowl_desktop.value_class import value_class

MAX_LOCK_BYTES = 4096
"""A lock holds six short lines; anything bigger is not one of ours and names no owner."""
MAX_PID = 2**31 - 1


@value_class
class LockInfo:
    """Who holds a session file open: process, program and machine."""

    pid: int
    app: str
    host: str
    host_id: str = ""
    """The machine's unique id (QSysInfo.machineUniqueId): tells another computer from this one on a share."""
    boot_id: str = ""
    """This boot's id (QSysInfo.bootUniqueId; /proc/sys/kernel/random/boot_id on Linux): a lock from an
    earlier boot on this machine names a process that cannot be running, whatever its number is now."""
    copy: str = ""
    """The copy holding the lock (`running_copy.copy_id`; "" in locks of older versions): copies in PID
    namespaces of their own (Flatpak) may all be process 2, so the pid above is only for people."""

    def content(self) -> bytes:
        lines = [str(self.pid), self.app, self.host, self.host_id, self.boot_id, *([self.copy] if self.copy else [])]
        return "".join(f"{_one_line(line)}\n" for line in lines).encode("utf-8")


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ")


class NoOwner(Exception):
    """The lock file exists but names nobody (empty after a power cut of an older version, garbled, not a file)."""


def read_lock(path: Path) -> LockInfo | None:
    """Who the lock at `path` names; None if there is no lock; NoOwner if it names nobody."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise NoOwner(str(exc)) from None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_LOCK_BYTES:
        raise NoOwner("not a lock file")
    try:
        raw = path.read_bytes()[:MAX_LOCK_BYTES]
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise NoOwner(str(exc)) from None
    lines = raw.decode("utf-8", "replace").split("\n")
    first = lines[0].strip()
    if not first.isascii() or not first.isdigit() or not 0 < int(first) <= MAX_PID or len(lines) < 3:
        raise NoOwner("no process named")
    fields = [line.strip() for line in [*lines[1:6], "", "", "", "", ""]]
    copy = fields[4] if plausible_copy_id(fields[4]) else ""
    return LockInfo(int(first), fields[0], fields[1], fields[2], fields[3], copy)
