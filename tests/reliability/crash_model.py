"""A model of what a power cut may leave on the disk, built from the file operations the program really made.

`Recorder` wraps the `os` module that `fishbowl_desktop.atomic_file` (the one writer) uses and writes down every
open, write, fsync, close, replace, link and unlink that succeeded, in order, with markers the test adds when a
call returned to the moderator ("acknowledged"). No strace: the writer makes one `os` call per step.

`crash_states` replays that list on a snapshot of the folder taken before the recording, in the manner of the
ALICE study of crash consistency: after every prefix of the operations (the file system kept them in order),
and for each file whose newest data was not yet flushed with fsync, the same prefix with the names in place but
that file's data lost ("renames persisted, data not"). Each state says what the moderator had been told was
saved by then.
"""

from __future__ import annotations

import os
import shutil
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Op:
    kind: str
    """open, write, fsync, close, replace, link, unlink, or ack (a call returned: `what` = `value`)."""
    path: str = ""
    target: str = ""
    fd: int = -1
    data: bytes = b""
    flags: int = 0
    what: str = ""
    value: Any = None

    def describe(self, root: Path) -> str:
        def short(p: str) -> str:
            return os.path.relpath(p, root) if p else ""

        if self.kind in ("replace", "link"):
            return f"{self.kind} {short(self.path)} → {short(self.target)}"
        if self.kind == "write":
            return f"write {len(self.data)} bytes to {short(self.path)}"
        if self.kind == "ack":
            return f"acknowledged {self.what}"
        return f"{self.kind} {short(self.path)}"


class Recorder:
    """A stand-in for `os` inside atomic_file: the real call first, then a note of it if it succeeded."""

    def __init__(self) -> None:
        self.ops: list[Op] = []
        self._paths: dict[int, str] = {}
        real = os

        def record_open(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
            fd = real.open(path, flags, mode, *args, **kwargs)
            self._paths[fd] = os.fspath(path)
            folder = os.path.isdir(path)  # a folder opened to flush it: known now, not at replay time
            self.ops.append(Op("open", os.fspath(path), fd=fd, flags=flags, what="folder" if folder else ""))
            return fd

        def record_write(fd: int, data: Any) -> int:
            written = real.write(fd, data)
            self.ops.append(Op("write", self._paths.get(fd, "?"), fd=fd, data=bytes(data[:written])))
            return written

        def record_fsync(fd: int) -> None:
            real.fsync(fd)
            self.ops.append(Op("fsync", self._paths.get(fd, "?"), fd=fd))

        def record_close(fd: int) -> None:
            real.close(fd)
            self.ops.append(Op("close", self._paths.pop(fd, "?"), fd=fd))

        def record_replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
            real.replace(source, target, *args, **kwargs)
            self.ops.append(Op("replace", os.fspath(source), os.fspath(target)))

        def record_link(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
            real.link(source, target, *args, **kwargs)
            self.ops.append(Op("link", os.fspath(source), os.fspath(target)))

        def record_unlink(path: Any, *args: Any, **kwargs: Any) -> None:
            real.unlink(path, *args, **kwargs)
            self.ops.append(Op("unlink", os.fspath(path)))

        shim = types.ModuleType("os")
        shim.__dict__.update(real.__dict__)
        shim.open = record_open  # type: ignore[attr-defined]
        shim.write = record_write  # type: ignore[attr-defined]
        shim.fsync = record_fsync  # type: ignore[attr-defined]
        shim.close = record_close  # type: ignore[attr-defined]
        shim.replace = record_replace  # type: ignore[attr-defined]
        shim.rename = record_replace  # type: ignore[attr-defined]
        shim.link = record_link  # type: ignore[attr-defined]
        shim.unlink = record_unlink  # type: ignore[attr-defined]
        shim.remove = record_unlink  # type: ignore[attr-defined]
        self.os = shim

    def ack(self, what: str, value: Any) -> None:
        self.ops.append(Op("ack", what=what, value=value))


# ------------------------------------------------------------------------------------------ the disk
@dataclass
class _Inode:
    data: bytearray = field(default_factory=bytearray)
    synced: bytes = b""
    is_folder: bool = False


@dataclass
class CrashState:
    name: str
    files: dict[str, bytes]
    """Absolute path → content, for every file the state holds under the snapshot's root."""
    acknowledged: dict[str, Any]
    """What the moderator had been told was done by then (the newest value of each `ack`)."""


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


class _Disk:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.names: dict[str, _Inode] = {}
        for path, content in files.items():
            self.names[path] = _Inode(bytearray(content), content)
        self.fds: dict[int, _Inode] = {}

    def apply(self, op: Op) -> None:
        if op.kind == "open":
            if op.what == "folder":
                self.fds[op.fd] = _Inode(is_folder=True)
                return
            inode = self.names.get(op.path)
            if inode is None:
                inode = self.names[op.path] = _Inode()
            if op.flags & os.O_TRUNC:
                inode.data = bytearray()
            self.fds[op.fd] = inode
        elif op.kind == "write":
            self.fds[op.fd].data += op.data
        elif op.kind == "fsync":
            inode = self.fds[op.fd]
            inode.synced = bytes(inode.data)
        elif op.kind == "close":
            self.fds.pop(op.fd, None)
        elif op.kind == "replace":
            self.names[op.target] = self.names.pop(op.path)
        elif op.kind == "link":
            self.names[op.target] = self.names[op.path]
        elif op.kind == "unlink":
            self.names.pop(op.path)

    def files(self, lose: _Inode | None = None) -> dict[str, bytes]:
        return {
            path: (inode.synced if inode is lose else bytes(inode.data))
            for path, inode in self.names.items()
            if not inode.is_folder
        }

    def lying(self, before: set[int]) -> dict[str, bytes]:
        """A disk whose cache said fsync was done and lost everything written since the recording began: every
        file created in it is empty, the names are in place."""
        return {
            path: (bytes(inode.data) if id(inode) in before else b"")
            for path, inode in self.names.items()
            if not inode.is_folder
        }

    def unsynced(self) -> list[tuple[str, _Inode]]:
        seen: set[int] = set()
        found = []
        for path, inode in self.names.items():
            if not inode.is_folder and bytes(inode.data) != inode.synced and id(inode) not in seen:
                seen.add(id(inode))
                found.append((path, inode))
        return found


def final_files(before: dict[str, bytes], ops: list[Op]) -> dict[str, bytes]:
    """What the disk holds after every recorded operation: must equal the real folder (else something wrote
    past the one writer, and its steps are missing from every crash state)."""
    disk = _Disk(before)
    for op in ops:
        if op.kind != "ack":
            disk.apply(op)
    return disk.files()


def crash_states(before: dict[str, bytes], ops: list[Op], root: Path, lying_disk: bool = False) -> Iterator[CrashState]:
    """Every state a power cut may leave (see the module docstring); with `lying_disk`, instead, the states of a
    disk that acknowledged every fsync but kept the data in a cache the power cut emptied."""
    disk = _Disk(before)
    old_inodes = {id(inode) for inode in disk.names.values()}
    acknowledged: dict[str, Any] = {}
    for number in range(len(ops) + 1):
        if number:
            op = ops[number - 1]
            if op.kind == "ack":
                acknowledged[op.what] = op.value
                continue
            disk.apply(op)
        where = f"after {number} of {len(ops)} operations" + (
            f" (the last: {ops[number - 1].describe(root)})" if number else " (none yet)"
        )
        if lying_disk:
            yield CrashState(f"{where}, a disk that lied about fsync", disk.lying(old_inodes), dict(acknowledged))
            continue
        yield CrashState(where, disk.files(), dict(acknowledged))
        for path, inode in disk.unsynced():
            yield CrashState(
                f"{where}, names persisted but the data of {os.path.relpath(path, root)} not",
                disk.files(lose=inode),
                dict(acknowledged),
            )


def build(root: Path, state: CrashState, adjust: Callable[[str, bytes], bytes | None] | None = None) -> None:
    """Put the state on the disk under `root` (whatever was there goes); `adjust` may change or drop a file."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(mode=0o700, parents=True)
    for path, content in state.files.items():
        if adjust is not None:
            changed = adjust(path, content)
            if changed is None:
                continue
            content = changed
        target = Path(path)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        target.write_bytes(content)
        target.chmod(0o600)
