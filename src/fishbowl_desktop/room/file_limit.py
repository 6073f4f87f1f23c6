"""The process's file-descriptor budget: saving the evening must never compete with strangers for it.

Every socket the room accepts is a file descriptor, and so is every temporary file of a save, a backup, a PDF's
pipes and the session lock. A macOS GUI app starts with a soft limit of 256, a Linux desktop with 1,024; a
hall of idle connections used to take them all, and then every save failed ("Too many open files"). Two
defences live here: the soft limit is raised towards the hard one where the OS allows it, and the room's
server is given a budget (`ServerBudget`) that always leaves a reserve for the session's own files.

Pure Python, no Qt, no aiohttp.
"""

from __future__ import annotations

import os
import sys

from fishbowl_desktop.value_class import value_class

WANTED_SOFT_LIMIT = 8192
"""Enough for a full hall and the app; macOS refuses more than kern.maxfilesperproc (often 10,240)."""
RESERVE_MIN = 64
"""Descriptors the app keeps for itself beyond what it has open: saves, backups, PDFs, the lock, Qt."""
MAX_TOTAL = 1200
"""The server never holds more sockets than this, whatever the limit."""
MIN_TOTAL = 24
"""With a tiny limit the room still works for a few phones (and the reserve shrinks instead)."""
CONTROL_SLOTS = 6
"""Co-moderators' control links: their own slots, never taken by the audience or timers."""
MAX_TIMERS = 300
"""Tablets, and the phones of people who opened the timer link instead of the audience one."""
MAX_AUDIENCE = 500


def soft_limit() -> int | None:
    """The current soft limit on open files, or None where there is none to read (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return None if soft == resource.RLIM_INFINITY else int(soft)


def raise_file_limit(wanted: int = WANTED_SOFT_LIMIT) -> int | None:
    """Raise the soft limit towards min(hard, wanted) and return the soft limit now in force.

    Never lowers it; where the OS refuses (a hard limit, a sandbox) the old limit stays and is returned."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
    if soft != resource.RLIM_INFINITY and soft < target:
        for candidate in (target, 10240, 4096, 2048, 1024):
            if soft < candidate <= target:
                try:
                    resource.setrlimit(resource.RLIMIT_NOFILE, (candidate, hard))
                except (ValueError, OSError):
                    continue  # macOS: above kern.maxfilesperproc; try a smaller step
                break
    return soft_limit()


def open_descriptors() -> int | None:
    """How many descriptors the process holds now, or None where that cannot be counted cheaply."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        if sys.platform.startswith("linux") and folder == "/dev/fd":
            continue
        try:
            return max(0, len(os.listdir(folder)) - 1)  # listdir's own descriptor is in the list
        except OSError:
            continue
    return None


@value_class
class ServerBudget:
    """How many sockets the room may hold in all, and per kind of link."""

    total: int
    audience: int
    timer: int
    control: int

    @property
    def plain(self) -> int:
        """Room always left for connections that are not (yet) a phone's link: page loads, handshakes."""
        return self.total - self.audience - self.timer - self.control


def server_budget(limit: int | None, own: int | None) -> ServerBudget:
    """The budget for a soft limit `limit` when the app itself holds `own` descriptors (both None: unknown,
    as on Windows, where sockets are not counted against a small per-process limit)."""
    if limit is None:
        total = MAX_TOTAL
    else:
        reserve = max(RESERVE_MIN, limit // 8)
        total = max(MIN_TOTAL, min(MAX_TOTAL, limit - (own or 0) - reserve))
    control = min(CONTROL_SLOTS, max(2, total // 8))
    plain = max(8, total // 5)
    timer = min(MAX_TIMERS, max(2, (total - control - plain) // 3))
    audience = min(MAX_AUDIENCE, max(2, total - control - plain - timer))
    return ServerBudget(total=total, audience=audience, timer=timer, control=control)
