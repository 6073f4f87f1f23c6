"""After a power cut a session file may be empty or cut short, while its backups (NAME.bak1 … bak3, at most ten
minutes apart) and the temporary file of an unfinished save still hold the evening. This finds the newest copy
that opens as a whole session, so the start-up can offer it in one step instead of a new, empty evening.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from fishbowl_desktop.atomic_file import sidecar_name, temporaries_of
from fishbowl_desktop.model import Clock, Session
from fishbowl_desktop.storage.errors import SessionFileError
from fishbowl_desktop.storage.files import BACKUP_COUNT, backup_path, load_session
from fishbowl_desktop.value_class import value_class

DAMAGE = frozenset({"empty", "truncated", "not_text", "not_json", "invalid", "inconsistent"})
"""What a file a save was cut short in, or a disk that lost its cache, may look like; a session that is refused
for other reasons (a newer version, another program's file, a missing file) is not offered a replacement."""


@value_class
class GoodCopy:
    """The last good copy of a session file that could not be opened."""

    damaged: Path
    """The session file that could not be opened."""
    copy: Path
    saved: datetime
    """When the copy was written (its modification time)."""
    unfinished_save: bool
    """The copy is the temporary file of a save that was cut off before its rename (complete all the same)."""
    session: Session


def is_damage(error: SessionFileError) -> bool:
    return error.kind in DAMAGE


def newest_good_copy(damaged: Path, clock: Clock | None = None) -> GoodCopy | None:
    """The newest backup or leftover temporary file of `damaged` that opens as a whole session, or None."""
    candidates: list[tuple[float, Path, bool]] = []
    for path, unfinished in [(backup_path(damaged, n), False) for n in range(1, BACKUP_COUNT + 1)] + [
        (temp, True) for temp in temporaries_of(damaged)
    ]:
        try:
            candidates.append((path.stat().st_mtime, path, unfinished))
        except OSError:
            continue
    for mtime, path, unfinished in sorted(candidates, key=lambda found: found[0], reverse=True):
        try:
            session = load_session(path, clock)
        except Exception:  # a damaged copy is simply not a good one; the next may be
            continue
        return GoodCopy(damaged, path, datetime.fromtimestamp(mtime), unfinished, session)
    return None


def free_aside_path(path: Path) -> Path:
    """Where a damaged session file is kept when its evening is restored: NAME.damaged, NAME.damaged2 …"""
    number = 1
    while True:
        aside = path.with_name(sidecar_name(path.name, suffix=".damaged" + (str(number) if number > 1 else "")))
        if not os.path.lexists(aside):
            return aside
        number += 1
