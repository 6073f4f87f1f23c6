"""The one way this program changes a file it cares about: sessions and their backups, settings, the workspace's
state and crash markers, the room's links, session locks, PDFs; and the renames and removals among them.

A write never leaves a half-written file behind: the new content goes to a temporary file in the same
folder (a fresh name each time, created owner-only: never a fixed name opened with O_TRUNC), is flushed to
the disk, and then takes the old file's place in one atomic rename; the folder is flushed after the rename,
so the new name survives a power cut too. A rename or a removal is flushed the same way. A power cut or a
killed process leaves either the old file or the new one, never a mixture.

Every change goes through the `os` functions named here (open, write, fsync, replace, link, unlink), one
call per step, so a test can record the sequence and rebuild every state a power cut may leave
(tests/storage/test_crash_states.py). Nothing else in the program writes these files.

Below storage and settings (which are siblings and must not import each other), with no Qt and nothing of
the fishbowl in it, so every layer that saves can share it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPLACE_ATTEMPTS = 10
REPLACE_PAUSE_SECONDS = 0.05
FILE_MODE = 0o600
"""Readable by the owner only: sessions hold names, settings name the sessions folder."""
NAME_BYTES = 255
"""The longest file name most file systems take (ext4, APFS, NTFS in UTF-16 units; UTF-8 bytes are never fewer)."""
TEMP_SUFFIX = ".tmp"
_TEMP_TAG_CHARS = 8

_sleep = time.sleep  # tests replace it to check the retry without waiting


def sidecar_name(name: str, prefix: str = "", suffix: str = "") -> str:
    """`prefix + name + suffix` (".NAME.lock", "NAME.bak1"), or, when that is longer than a file name may be
    (a session named with 240 bytes), the name cut on a letter boundary with a short hash of the whole name, so
    two long names never share a sidecar and the same name always finds its own. Lengths are counted in the
    bytes the file system gets (os.fsencode: also a name that is not UTF-8 under LANG=C)."""
    whole = f"{prefix}{name}{suffix}"
    if len(os.fsencode(whole)) <= NAME_BYTES:
        return whole
    import hashlib  # here: only a long name needs it, and it maps OpenSSL (~4 MiB) at start-up otherwise

    raw = os.fsencode(name)
    tag = "~" + hashlib.sha256(raw).hexdigest()[:10]
    cut = raw[: NAME_BYTES - len(os.fsencode(f"{prefix}{tag}{suffix}"))]
    for back in range(4):  # not in the middle of a letter of several bytes
        try:
            return f"{prefix}{cut[: len(cut) - back].decode('utf-8')}{tag}{suffix}"
        except UnicodeDecodeError:
            continue
    return f"{prefix}{os.fsdecode(cut)}{tag}{suffix}"


def _temp_stem(path: Path) -> str:
    """What every temporary file of `path` starts with: ".NAME." (shortened for a long NAME)."""
    return sidecar_name(path.name, ".", "." + "x" * _TEMP_TAG_CHARS + TEMP_SUFFIX)[: -(_TEMP_TAG_CHARS + 4)]


def temporary_path(path: Path) -> Path:
    """A fresh temporary name beside `path`: `.NAME.<8 hex>.tmp`."""
    return path.with_name(f"{_temp_stem(path)}{os.urandom(_TEMP_TAG_CHARS // 2).hex()}{TEMP_SUFFIX}")


def temporaries_of(path: Path) -> list[Path]:
    """The temporary files that saves of `path` left (a save cut short by a kill or a power cut)."""
    stem = _temp_stem(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [
        path.parent / name
        for name in names
        if name.startswith(stem) and name.endswith(TEMP_SUFFIX) and len(name) > len(stem) + len(TEMP_SUFFIX)
    ]


def fsync_folder(folder: Path) -> None:
    """Make a rename, a creation or a removal in `folder` durable (POSIX); Windows has no folder handles."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares, FAT on USB sticks) cannot; the data is flushed anyway
    finally:
        os.close(fd)


_fsync_folder = fsync_folder  # the name it had before it was shared


def replace_retried(source: Path, target: Path) -> None:
    """os.replace, retried for half a second: on Windows an antivirus scanner or the search indexer may
    hold the target open for a moment right after the previous save."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            _sleep(REPLACE_PAUSE_SECONDS)


def rename_durably(source: Path, target: Path) -> None:
    """Move `source` to `target` (replacing it) and flush the folder(s), so the move survives a power cut."""
    replace_retried(source, target)
    fsync_folder(target.parent)
    if source.parent != target.parent:
        fsync_folder(source.parent)


def remove_durably(path: Path) -> bool:
    """Remove `path` and flush its folder; False if it was not there."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    fsync_folder(path.parent)
    return True


def _write_all(fd: int, data: bytes | Sequence[bytes]) -> None:
    for piece in [data] if isinstance(data, bytes) else data:
        view = memoryview(piece)
        while view:
            view = view[os.write(fd, view) :]


def _written_temp(path: Path, data: bytes | Sequence[bytes]) -> Path:
    """A new temporary file beside `path` holding `data`, flushed to the disk; removed again if that fails."""
    temp = temporary_path(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def write_atomically(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Write `data` (bytes, or pieces of it written one after the other) to `path` so that the path always
    holds either the old or the new content."""
    temp = _written_temp(path, data)
    try:
        replace_retried(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(path.parent)


def create_exclusively(path: Path, data: bytes, before_naming: Callable[[int], object] | None = None) -> None:
    """Create `path` holding `data`, owner-only from the first byte, only if nothing is there (else
    FileExistsError): a lock. The content is on the disk before the name appears, so a power cut never leaves
    an empty lock; where hard links are not possible (FAT, some shares) the file is created in place.

    `before_naming`, if given, is handed a descriptor open on the new file before its name appears (the caller's
    to close; read-write, as NFS wants for an exclusive lock), so an OS lock can be taken on it that nobody ever
    sees missing; where the file has to be created in place, right after."""
    temp = _written_temp(path, data)
    named_early = False
    try:
        if before_naming is not None:
            before_naming(os.open(temp, os.O_RDWR | getattr(os, "O_BINARY", 0)))
            named_early = True
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some shares, Windows without NTFS): O_EXCL is exclusive as well
        _create_in_place(path, data)
        named_early = False  # what was locked is the temporary file, not this one
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    if before_naming is not None and not named_early:
        before_naming(os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0)))
    fsync_folder(path.parent)


def _create_in_place(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
