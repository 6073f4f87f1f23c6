"""Naming a session file after its event: while the file still has the name a new session gets
("2026-12-01 Fishbowl.fishbowl.json"), the console offers the name its event's title and date give, and moves
the file with its backups.

`SessionFiles.rename_to_event` does the asking and the bookkeeping (saving first, the lock, autosave's path, the
crash marker, Open recent); this holds the naming rule and the move, which puts back whatever it moved if a later
step fails, so the old name stays in place and in use.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from fishbowl_desktop.atomic_file import rename_durably
from fishbowl_desktop.model import Clock, Event
from fishbowl_desktop.storage import BACKUP_COUNT, Workspace, backup_path
from fishbowl_desktop.storage.workspace import free_session_path, is_untitled_session, session_stem, session_stem_of


def event_stem(event: Event, path: Path, clock: Clock) -> str:
    """The file name the event gives: its title and date (no date set: the day the session was made, as the
    file's name says, else today)."""
    when = event.date
    if when is None:
        try:
            when = date.fromisoformat(path.name[:10])
        except ValueError:
            when = clock.now().date()
    return session_stem(event.title, when)


def rename_offer(path: Path | None, event: Event, clock: Clock) -> Path | None:
    """The name `path` would get from its event, while it still has the name a new session gets; None if it has
    another name or the event gives the same one. A name the moderator chose (Save As…, Open) is never offered."""
    if path is None or not is_untitled_session(path):
        return None
    stem = event_stem(event, path, clock)
    if stem == session_stem_of(path):
        return None
    return free_session_path(path.parent, stem)


def move_with_backups(old: Path, target: Path, workspace: Workspace) -> OSError | None:
    """Move the session file and its backups to `target`'s name; None when done, else why not (and everything
    moved is back). Backups move before the file; the workspace notes the rename first, so a power cut from
    then on still finds the evening."""
    moves = [(backup_path(old, n), backup_path(target, n)) for n in range(BACKUP_COUNT, 0, -1)]
    moves = [(source, goal) for source, goal in moves if os.path.lexists(source)] + [(old, target)]
    done: list[tuple[Path, Path]] = []
    try:
        workspace.mark_renaming(old, target)
        for source, goal in moves:
            if os.path.lexists(goal):  # appeared since the name was chosen: never replace another file
                raise FileExistsError(17, os.strerror(17), str(goal))
            rename_durably(source, goal)
            done.append((source, goal))
    except OSError as exc:
        for source, goal in reversed(done):
            with contextlib.suppress(OSError):
                rename_durably(goal, source)
        return exc
    return None
