"""The one way this program reads the small files it keeps for itself: settings.json, state.json, the crash
markers (running-PID.json) and the room's links (room.json).

These files are conveniences, but a damaged one used to stop the console from starting (deep nesting raised
RecursionError, /dev/zero MemoryError, a pid of 10^30 OverflowError), or hang it forever (a named pipe in
place of the file), or reset every preference without a word. Here every read is guarded:

- only a regular file is opened, and without blocking (a pipe or a device is refused, never waited on);
- a size cap: none of these files is more than a few kilobytes, so a 2 GB file is damage, not data;
- UTF-8 with or without Notepad's byte-order mark, and UTF-16 with its mark (Windows "Unicode") are read;
- NaN, Infinity, 1e400, a key written twice and nesting deeper than any of these files has are refused;
- any exception at all while reading or checking is a refusal with a reason, never a crash.

A refused file is set aside (renamed beside itself, never deleted) so nothing is lost and the next start
does not trip over it again; the caller tells the moderator which file it was and what was reset.
No Qt and nothing of the fishbowl: settings, storage, the room and the start-up all share it.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fishbowl_desktop.value_class import value_class

MAX_SUPPORT_BYTES = 1_000_000
"""settings.json is ~1 KB, state.json a few KB with eight recent paths; a megabyte is already damage."""
MAX_DEPTH = 16
"""The deepest of these files nests three levels; deeper is damage (and unbounded depth exhausts the stack)."""
SET_ASIDE_SUFFIX = ".broken"
MAX_PATH_CHARS = 4096
"""PATH_MAX on Linux; a longer "path" in state.json or a marker is not one (and makes stat() raise)."""


@value_class
class Refusal:
    """Why a support file was not used. `kind` is one of the KINDS below (a UI turns it into words in the
    moderator's language); `detail` is the specific finding: a number, a key, a file type, an OS message."""

    path: Path
    kind: str
    detail: str = ""
    set_aside_as: Path | None = None
    """Where the file now is (None: it could not be moved, or there was nothing to move)."""

    def describe(self) -> str:
        """One line in English for the log and the terminal: the file, the reason, where it went."""
        where = f"; set aside as {self.set_aside_as.name}" if self.set_aside_as is not None else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.path.name}: {KINDS.get(self.kind, self.kind)}{detail}{where}"


KINDS: dict[str, str] = {
    "not_regular": "not a regular file",
    "too_big": "far too big",
    "unreadable": "cannot be read",
    "not_text": "not text",
    "not_json": "damaged",
    "too_deep": "nested too deeply",
    "duplicate_key": "a name written twice",
    "bad_number": "a number that is not a number",
    "newer": "written by a newer version",
    "invalid": "a value that does not fit",
}
"""English words for the log (`Refusal.describe`); the console's own sentences are in startup.refusals."""


class SupportFileRefused(Exception):
    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


def file_type(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def read_bytes(path: Path, limit: int = MAX_SUPPORT_BYTES) -> bytes | None:
    """The file's bytes, None if there is no file, or SupportFileRefused. A pipe, a device or a folder is
    refused from stat() before it is opened; the open itself never blocks (O_NONBLOCK), and the file is
    checked again through its descriptor, so a pipe swapped in between is refused too."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return None
        raise SupportFileRefused("unreadable", exc.strerror or type(exc).__name__) from None
    if not stat.S_ISREG(info.st_mode):
        raise SupportFileRefused("not_regular", file_type(info.st_mode))
    if info.st_size > limit:
        raise SupportFileRefused("too_big", f"{info.st_size:,} bytes")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SupportFileRefused("unreadable", exc.strerror or type(exc).__name__) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise SupportFileRefused("not_regular", file_type(opened.st_mode))
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:  # grew while we read
                raise SupportFileRefused("too_big", f"more than {limit:,} bytes")
            chunks.append(chunk)
    except OSError as exc:
        raise SupportFileRefused("unreadable", exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) or UTF-16 with its mark; anything else is not text."""
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SupportFileRefused("not_text") from None


def _no_constant(name: str) -> object:
    raise SupportFileRefused("bad_number", name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise SupportFileRefused("bad_number", text[:40])
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 18:
        raise SupportFileRefused("bad_number", f"{len(text.lstrip('-'))} digits")
    return int(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise SupportFileRefused("duplicate_key", key[:80])
        result[key] = value
    return result


def _depth(value: object) -> int:
    """How deep the parsed value nests, counted without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in item)
    return deepest


def parse(text: str) -> object:
    """Strict JSON: no NaN or Infinity, no number beyond a float or 18 digits, no key twice, shallow."""
    if "\x00" in text:
        raise SupportFileRefused("not_text")
    try:
        data = json.loads(
            text,
            parse_constant=_no_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
            object_pairs_hook=_unique_keys,
        )
    except SupportFileRefused:
        raise
    except json.JSONDecodeError as exc:
        raise SupportFileRefused("not_json", f"{exc.lineno}:{exc.colno}") from None
    except RecursionError:
        raise SupportFileRefused("too_deep") from None
    if _depth(data) > MAX_DEPTH:
        raise SupportFileRefused("too_deep")
    return data


def set_aside(path: Path) -> Path | None:
    """Rename a refused file to NAME.broken (NAME.broken-2, … when that is taken): never deleted, never
    overwriting an earlier one. None when it cannot be moved (a read-only folder); then it stays."""
    for number in range(1, 100):
        target = path.with_name(path.name + SET_ASIDE_SUFFIX + ("" if number == 1 else f"-{number}"))
        if os.path.lexists(target):
            continue
        try:
            os.rename(path, target)
        except OSError:
            return None
        return target
    return None


def read_support_json(
    path: Path,
    check: Callable[[Any], Any] | None = None,
    limit: int = MAX_SUPPORT_BYTES,
    move_aside: bool = True,
) -> tuple[Any, Refusal | None]:
    """(value, None) for a good file; (None, None) when there is none; (None, refusal) when it was refused
    (and set aside unless `move_aside` is False). `check` validates and converts the parsed value; it raises
    SupportFileRefused (or anything else: every exception here is a refusal, never a crash)."""
    try:
        raw = read_bytes(path, limit)
        if raw is None:
            return None, None
        data = parse(decode(raw))
        return (check(data) if check is not None else data), None
    except SupportFileRefused as refused:
        kind, detail = refused.kind, refused.detail
    except RecursionError:
        kind, detail = "too_deep", ""
    except MemoryError:
        kind, detail = "too_big", ""
    except Exception as exc:  # OverflowError, OSError, UnicodeError, ValueError, …: a refusal all the same
        kind, detail = "invalid", f"{type(exc).__name__}: {str(exc)[:120]}"
    moved = set_aside(path) if move_aside else None
    return None, Refusal(path, kind, detail, moved)


def plausible_path(value: object) -> bool:
    """A string that can be a path on this system: not empty, no NUL, not longer than PATH_MAX."""
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH_CHARS and "\x00" not in value


def require_object(data: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise SupportFileRefused("invalid", "not a group of named values")
    return data
