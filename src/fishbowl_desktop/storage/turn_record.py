"""While a speaker's time runs, the spoken time is kept once a second in a small record beside the session file.

The session file is written whole (fsync, rename, folder fsync) on every change; a running turn changes it without
any intent, every second. Rewriting the whole file for that cost a venue laptop on battery most of the app's
wake-ups (benchmarks/README.md, "battery"). So while the time runs the autosaver rewrites the whole file only every
30 seconds (`controller.autosave.RUNNING_FULL_SAVE_SECONDS`), and once a second writes this record: one fixed-size
write in place, no rename, no fsync. A kill cannot tear a single write, and the kernel keeps what was written, so a
killed console restarts with the turn to within a second, as before; after a power cut the record may be older or
unreadable, and the session file itself (at most 30 seconds old) decides.

The record names its turn (speaker, start, and the time spoken before a reset): a record of another turn, of the
same turn before a reset, an unreadable one, or one that says less than the session file does is ignored; the
autosaver removes it once a save of a turn no longer running is on disk. Reading never blocks (a FIFO in its place
is no record) and never changes anything.
"""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fishbowl_desktop.model import Session

RECORD_SUFFIX = ".turn"
RECORD_BYTES = 256
"""Every record has this length (padded), so each write replaces the last one whole."""
_LONGEST_TURN = 24 * 3600.0


def record_path(session_path: Path) -> Path:
    return session_path.with_name(session_path.name + RECORD_SUFFIX)


def turn_record(session: Session) -> bytes | None:
    """The record of the running turn as it stands now; None when nobody's time runs."""
    record = running_record(session)
    return None if record is None else record()


def running_record(session: Session) -> Callable[[], bytes] | None:
    """The running turn's record as a function of the clock: called later (on the writer thread, once a second),
    it says the spoken time of that moment; the turn is read now, once (its timer and names are immutable, so the
    function needs nothing else from the session). None when nobody's time runs or the record cannot hold the turn."""
    turn = session.turn
    if turn is None or not turn.timer.is_running:
        return None
    timer, monotonic = turn.timer, session.clock.monotonic
    fields = {
        "participant_id": turn.participant_id,
        "started_at": turn.started_at.isoformat(),
        "spoken_before_reset": timer.frozen_at(monotonic()).earlier,
    }

    def record() -> bytes:
        elapsed = timer.frozen_at(monotonic()).accumulated
        text = json.dumps({**fields, "elapsed": round(elapsed, 2)}, ensure_ascii=True).encode("ascii")
        return text.ljust(RECORD_BYTES - 1) + b"\n"

    longest = json.dumps({**fields, "elapsed": round(_LONGEST_TURN, 2)}, ensure_ascii=True)
    if len(longest) >= RECORD_BYTES:
        return None  # an id too long for the record: the full saves keep the time instead
    return record


def write_turn_record(session_path: Path, record: bytes) -> None:
    """One write at the start of the file, owner-only; raises OSError (the caller then saves the whole file)."""
    fd = os.open(record_path(session_path), os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.pwrite(fd, record, 0) if hasattr(os, "pwrite") else os.write(fd, record)
    finally:
        os.close(fd)


def remove_turn_record(session_path: Path) -> None:
    try:
        os.unlink(record_path(session_path))
    except OSError:
        pass  # none there, or the folder is read-only: a stale record of an ended turn is ignored anyway


def _read_record(session_path: Path) -> dict[str, Any] | None:
    try:
        fd = os.open(record_path(session_path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = os.read(fd, RECORD_BYTES * 2)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def apply_turn_record(data: dict[str, Any], session_path: Path) -> None:
    """Take the record's spoken time into the session's data (as read from its file) where it belongs to the same
    turn and says more; the turn then comes back paused with that time, as from a full save."""
    turn = data.get("turn")
    if not isinstance(turn, dict) or not isinstance(turn.get("timer"), dict):
        return
    record = _read_record(session_path)
    if record is None:
        return
    elapsed = record.get("elapsed")
    timer = turn["timer"]
    if (
        record.get("participant_id") != turn.get("participant_id")
        or record.get("started_at") != turn.get("started_at")
        or record.get("spoken_before_reset") != timer.get("spoken_before_reset", 0.0)
        or not isinstance(elapsed, int | float)
        or isinstance(elapsed, bool)
        or not math.isfinite(elapsed)
        or not 0 <= elapsed <= _LONGEST_TURN
    ):
        return
    stored = timer.get("elapsed")
    if isinstance(stored, int | float) and not isinstance(stored, bool) and elapsed > stored:
        timer["elapsed"] = float(elapsed)
        timer["started"] = True


def restored_from_record_at(session_path: Path, session: Session) -> float | None:
    """When the record that gave `session`'s turn (just read from its file) its spoken time was written, as a
    timestamp; None when the turn's time is the file's own (no record, another turn's, or one that said less)."""
    turn = session.turn
    record = _read_record(session_path)
    if turn is None or record is None or turn.timer.is_running:
        return None
    elapsed = record.get("elapsed")
    if (
        record.get("participant_id") != turn.participant_id
        or record.get("started_at") != turn.started_at.isoformat()
        or not isinstance(elapsed, int | float)
        or abs(turn.timer.accumulated - elapsed) > 0.005
    ):
        return None
    try:
        return os.stat(record_path(session_path)).st_mtime
    except OSError:
        return None
