"""Which boot of this computer we are in, so a crash marker or a lock written before a restart is recognised
as such even when its process id has been given to another program since.

A process id alone says nothing after a reboot (or a power cut): the numbers start again, and pid 4242 of
yesterday's console may be a shell today. QLockFile keeps the boot id beside the pid for the same reason
(`QSysInfo::bootUniqueId`); this is the same idea without Qt, so the storage layer, the lock and the
command line can share it. No Qt, nothing of the fishbowl.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

LINUX_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")
MAX_BOOT_ID_CHARS = 64
"""A UUID is 36 characters; anything much longer in a marker is not a boot id."""


@functools.cache
def boot_id() -> str | None:
    """An id that differs from one boot of this computer to the next, or None where the system has none
    we can read (then callers fall back to the pid alone, as before)."""
    if sys.platform.startswith("linux"):
        return _read_linux()
    if sys.platform == "darwin":
        return _read_sysctl_string(b"kern.bootsessionuuid")
    return None


def _read_linux() -> str | None:
    try:
        text = LINUX_BOOT_ID.read_text(encoding="ascii").strip()
    except (OSError, UnicodeError):
        return None
    return text if 0 < len(text) <= MAX_BOOT_ID_CHARS else None


def _read_sysctl_string(name: bytes) -> str | None:  # pragma: no cover - macOS only
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        size = ctypes.c_size_t(0)
        if libc.sysctlbyname(name, None, ctypes.byref(size), None, 0) != 0 or not 0 < size.value <= 256:
            return None
        buffer = ctypes.create_string_buffer(size.value)
        if libc.sysctlbyname(name, buffer, ctypes.byref(size), None, 0) != 0:
            return None
        text = buffer.value.decode("ascii", "replace").strip()
    except (OSError, AttributeError, ValueError):
        return None
    return text if 0 < len(text) <= MAX_BOOT_ID_CHARS else None


def same_boot(recorded: object) -> bool | None:
    """Whether a boot id read from a marker or a lock is this boot's: True, False, or None when it cannot
    be told (no id recorded by an older version, none on this system, or not a plausible id)."""
    now = boot_id()
    if now is None or not isinstance(recorded, str) or not 0 < len(recorded) <= MAX_BOOT_ID_CHARS:
        return None
    return recorded == now
