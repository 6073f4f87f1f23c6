"""The one way this program writes a file it cares about: sessions, settings, the workspace's state, PDFs.

A write never leaves a half-written file behind: the new content goes to a temporary file in the same
folder, is flushed to the disk, and then takes the old file's place in one atomic rename. A power cut or
a killed process leaves either the old file or the new one, never a mixture.

Below storage and settings (which are siblings and must not import each other), with no Qt and nothing of
the fishbowl in it, so every layer that saves can share it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Sequence
from pathlib import Path

REPLACE_ATTEMPTS = 10
REPLACE_PAUSE_SECONDS = 0.05
FILE_MODE = 0o600
"""Readable by the owner only: sessions hold names, settings name the sessions folder."""

_sleep = time.sleep  # tests replace it to check the retry without waiting


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to flush."""
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


def write_atomically(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Write `data` (bytes, or pieces of it written one after the other) to `path` so that the path always
    holds either the old or the new content."""
    folder = path.parent
    temp = folder / f".{path.name}.{os.urandom(4).hex()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_retried(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
