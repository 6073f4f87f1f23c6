"""Session files on disk: crash-safe saving, rotating backups, and reading that refuses rather than guesses.

A save never leaves a half-written file behind: the new content goes to a temporary file in the same
folder, is flushed to the disk, and then takes the old file's place in one atomic rename. A power cut or
a killed process leaves either the old session or the new one, never a mixture.
"""

from __future__ import annotations

import json
import math
import stat
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from fishbowl_desktop.atomic_file import (
    remove_durably,
    rename_durably,
    sidecar_name,
    temporaries_of,
    write_atomically,
)
from fishbowl_desktop.model import Clock, Session
from fishbowl_desktop.storage.encode import FrozenSession, encode_frozen_parts, freeze_session
from fishbowl_desktop.storage.errors import SessionFileError
from fishbowl_desktop.storage.fields import HugeNumber, parse_int, shown
from fishbowl_desktop.storage.format import FORMAT_VERSION, session_from_dict
from fishbowl_desktop.storage.turn_record import apply_turn_record

BACKUP_COUNT = 3
BACKUP_INTERVAL_SECONDS = 10 * 60
"""Autosave runs every second during an evening; a backup per save would only keep the last three seconds.
One rotation per ten minutes keeps about half an hour of history to fall back on."""
STALE_TEMP_SECONDS = 60
MAX_FILE_BYTES = 200_000_000
"""2,000 people with 10,000 logged turns take about 2 MB; anything a hundred times that is not a session."""

# Files this process wrote or read successfully, by path: (inode, size, mtime). A file still matching its
# entry is known to be ours and need not be read again before the next autosave overwrites it.
_known_good: dict[str, tuple[int, int, int]] = {}


def backup_path(path: Path, number: int) -> Path:
    """NAME.bak1 … (shortened with a hash for a name too long to take the suffix)."""
    return path.with_name(sidecar_name(path.name, suffix=f".bak{number}"))


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _remember(path: Path) -> None:
    stamp = _stamp(path)
    if stamp is not None:
        _known_good[str(path.absolute())] = stamp


def time_of_day(when: datetime) -> str:
    """A save's time as the moderator reads it in a notice or the status bar."""
    return when.strftime("%H:%M:%S")


def saved_time(path: Path) -> str | None:
    """When the file was last written, as `time_of_day`; None when it cannot be asked (gone, unreadable)."""
    try:
        return time_of_day(datetime.fromtimestamp(path.stat().st_mtime))
    except OSError:
        return None


# ---------------------------------------------------------------------------------------- reading
def _read_text(path: Path) -> str:
    try:
        info = path.stat()
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            raise SessionFileError(path, "not_text")  # /dev/zero or a pipe: reading would never end, or never start
        size = info.st_size
        if size > MAX_FILE_BYTES:  # a video or a disk image picked by mistake: do not load it into memory
            raise SessionFileError(path, "too_big", f"{size / 1e6:.0f} MB")
        raw = path.read_bytes()
    except SessionFileError:
        raise
    except FileNotFoundError:
        raise SessionFileError(path, "missing") from None
    except IsADirectoryError:
        raise SessionFileError(path, "unreadable", "it is a folder") from None
    except OSError as exc:
        raise SessionFileError(path, "unreadable", exc.strerror or str(exc)) from None
    if not raw.strip():
        raise SessionFileError(path, "empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" (UTF-16 with its byte-order mark)
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise SessionFileError(path, "not_text", "UTF-16, damaged") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(raw):
            # Cut off in the middle of a letter (ễ is three bytes): a truncated file, as the parser will say.
            return raw[: exc.start].decode("utf-8-sig")
        raise SessionFileError(path, "not_text") from None


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a session can hold")


def _finite(text: str) -> float | HugeNumber:
    """json.loads' `parse_float`: 1e400 is no number a session holds; kept as its text for the message
    (as a float it became "the number inf")."""
    value = float(text)
    return value if math.isfinite(value) else HugeNumber(len(text), text)


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads' `object_pairs_hook`: a name written twice in one group is refused, not silently the last."""
    group = dict(pairs)
    if len(group) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(f"the name “{shown(key)}” appears twice in one group")
            seen.add(key)
    return group


def _parse(path: Path, text: str) -> object:
    try:
        return json.loads(
            text, parse_constant=_reject_constant, parse_int=parse_int, parse_float=_finite, object_pairs_hook=_unique
        )
    except json.JSONDecodeError as exc:
        if "\x00" in text:
            raise SessionFileError(path, "not_text") from None
        body = text.strip()
        if exc.pos >= len(body) or (body.startswith("{") and not body.endswith("}")):
            raise SessionFileError(path, "truncated") from None
        raise SessionFileError(path, "not_json", f"{exc.msg}, line {exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:
        raise SessionFileError(path, "not_json", str(exc)) from None


def load_session(path: Path | str, clock: Clock | None = None) -> Session:
    """Open a session file. Anything but a complete, valid session of a version we know is refused with
    a SessionFileError; the file itself is only read, never touched."""
    path = Path(path)
    data = _parse(path, _read_text(path))
    if isinstance(data, dict) and data.get("version") == FORMAT_VERSION:
        apply_turn_record(data, path)  # the spoken time of a turn that ran when the program stopped
    session = session_from_dict(data, clock, source=path)
    _remember(path.resolve() if path.is_symlink() else path)
    return session


def _check_overwritable(path: Path) -> None:
    """Refuse to replace a file that is not one of our sessions: a mistyped name must not destroy a
    spreadsheet, and a newer version's session must not be downgraded."""
    stamp = _stamp(path)
    if stamp is None:
        return  # nothing there (yet)
    if _known_good.get(str(path.absolute())) == stamp:
        return
    try:
        session_from_dict(_parse(path, _read_text(path)), source=path)
    except SessionFileError as exc:
        if exc.kind == "missing":  # removed while we looked: nothing to protect
            return
        raise SessionFileError(path, "refuse_overwrite", reason=exc) from None


# ---------------------------------------------------------------------------------------- writing
_rotated_at: dict[str, float] = {}
"""When this process last rotated each session's backups (monotonic seconds), by absolute path."""
_monotonic = time.monotonic  # tests move it on instead of waiting ten minutes


def _backup_due(path: Path, newest: Path) -> bool:
    """Whether the backups are BACKUP_INTERVAL_SECONDS old: by the newest backup's age taken against the session
    file itself (its last save), both stamped by the same clock, the file system's; or by this run's own
    monotonic clock since it last rotated them. The laptop's wall clock is compared with a file's stamp once
    per run only (the first save: an evening last saved a week ago gets its backup before tonight's changes):
    on a network share whose clock was an hour off, every autosave rotated (every age negative, or past the
    interval), and the three backups held the last three seconds instead of the last half hour."""
    key = str(path.absolute())
    try:
        saved = path.stat().st_mtime
        age = saved - newest.stat().st_mtime
    except FileNotFoundError:
        return True
    last = _rotated_at.get(key)
    if last is None:  # the first save of this run
        _rotated_at[key] = _monotonic()
        if time.time() - saved >= BACKUP_INTERVAL_SECONDS:
            return True
    elif _monotonic() - last >= BACKUP_INTERVAL_SECONDS:
        return True
    return not age < BACKUP_INTERVAL_SECONDS


def _rotate_backups(path: Path, force: bool) -> bool:
    """Keep the previous saves as name.bak1 (newest) .. name.bak3; returns whether it rotated."""
    newest = backup_path(path, 1)
    if not path.exists():
        return False
    if not force and not _backup_due(path, newest):
        return False
    for number in range(BACKUP_COUNT - 1, 0, -1):
        older = backup_path(path, number)
        if older.exists():
            rename_durably(older, backup_path(path, number + 1))
    write_atomically(newest, path.read_bytes())
    _rotated_at[str(path.absolute())] = _monotonic()
    return True


def _remove_stale_temps(path: Path) -> None:
    """Temporary files of saves that were cut short (the process was killed) are removed later."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in temporaries_of(path):
        try:
            if temp.stat().st_mtime < cutoff:
                remove_durably(temp)
        except OSError:
            pass


def save_session(session: Session | FrozenSession, path: Path | str, *, backup: bool | None = None) -> None:
    """Save atomically (see the module docstring); the file is readable by its owner only (0600).

    A `FrozenSession` (`freeze_session`, taken on the thread that owns the session) may be saved from any
    thread: the autosave writes it on its writer thread, so the UI thread only freezes.

    `backup`: None rotates the backups when the newest is older than BACKUP_INTERVAL_SECONDS (the
    autosave case); True rotates now (an explicit "Save" or closing the session); False never does.
    Raises SessionFileError without writing anything if the existing file is not a session we can read.
    """
    frozen = session if isinstance(session, FrozenSession) else freeze_session(session)
    save_encoded(encode_frozen_parts(frozen), path, backup=backup)


def save_encoded(data: bytes | Sequence[bytes], path: Path | str, *, backup: bool | None = None) -> None:
    """The disk half of save_session, for a worker thread: encode on the thread that owns the session
    (encode_session reads it), write here; the session may change meanwhile without tearing the file."""
    path = Path(path)
    if path.is_symlink() and path.resolve().is_file():  # replace the session the link points to, keep the link
        path = path.resolve()  # (a dangling link is never followed: that would create a file where it points)
    _check_overwritable(path)
    try:
        if backup is not False:
            _rotate_backups(path, force=backup is True)
        write_atomically(path, data)
    except SessionFileError:
        raise
    except OSError as exc:  # name the session file, not our temporary file, in what the moderator reads
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from exc
    _remember(path)
    _remove_stale_temps(path)
