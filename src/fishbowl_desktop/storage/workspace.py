"""The app's own folders and memory between runs: where sessions live, what was open recently, and
whether the last run ended with a crash, so the next start can reopen the autosave and say so.

Everything is kept in one small JSON file (`state.json`) and one marker per running copy
(`running-ID.json`, by the copy's id: under Flatpak every copy is process 2) in the data folder; all are written
atomically like sessions and read through the guarded reader (`support_file`). A damaged state file or marker
is set aside and treated as empty (it only holds conveniences, never data a moderator would lose); `refusals`
keeps what was set aside, for the console to say. Whether a marker's copy still runs is asked of the OS lock
that copy holds on `running-ID.lock` for its whole life (`running_copy`); markers of older versions
(`running-PID.json`, no copy named) are judged by the pid and the boot id, so a pid reused after a reboot never
passes for the crashed console still running.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fishbowl_desktop.atomic_file import remove_durably, write_atomically
from fishbowl_desktop.boot_id import boot_id, same_boot
from fishbowl_desktop.storage.files import BACKUP_COUNT, backup_path
from fishbowl_desktop.storage.running_copy import (
    copy_id,
    create_held,
    holds,
    pid_alive,
    plausible_copy_id,
    remove_held,
    still_running,
)
from fishbowl_desktop.support_file import (
    Refusal,
    SupportFileRefused,
    plausible_path,
    read_support_json,
    require_object,
)

APP_NAME = "fishbowl-desktop"
HOME_VARIABLE = "FISHBOWL_DESKTOP_HOME"
MAX_RECENT = 8
STATE_FILE = "state.json"
RUNNING_FILE = "running.json"
"""The single crash marker of earlier versions; still read, so their crash is recognised after an update."""
RUNNING_PREFIX = "running-"
HELD_SUFFIX = ".lock"
"""`running-ID.lock`: the file a running copy holds locked for its whole life, beside its marker."""
SESSION_SUFFIX = ".fishbowl.json"
MAX_PID = 2**32
"""Larger than any process id of Linux (2^22), macOS or Windows; os.kill() overflows on 10^30."""
RENAMING_KEY = "renaming"
"""In the crash marker and the state file while "Rename file" moves a session: {"from": old, "to": new}."""


def default_base_dir() -> Path:
    """FISHBOWL_DESKTOP_HOME if set (tests, benchmarks, a portable install on a USB stick), else the
    platform's per-user data folder (not roaming: sessions hold personal data and stay on this machine)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def file_name_part(title: str, limit: int = 60) -> str:
    """A file-name-safe version of a title that keeps umlauts and other letters readable: sessions and PDFs."""
    text = unicodedata.normalize("NFC", title)
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return text[:limit].rstrip(" .") or "Fishbowl"


UNTITLED_SESSION = re.compile(r"\d{4}-\d{2}-\d{2} Fishbowl(?: \(\d+\))?" + re.escape(SESSION_SUFFIX))
"""The name `new_session_path` gives a session before its event has a title ("2026-12-01 Fishbowl (2)…")."""


def session_stem(title: str, when: date) -> str:
    """The file name of a session without its suffix: its date and its title ("2026-12-03 Neue Hannoveraner")."""
    return f"{when:%Y-%m-%d} {file_name_part(title or 'Fishbowl')}"


def is_untitled_session(path: Path) -> bool:
    """The file still has the name a new session gets, not one the moderator gave it or its event gives it."""
    return UNTITLED_SESSION.fullmatch(path.name) is not None


def session_stem_of(path: Path) -> str:
    """The stem `path` was made from, without its " (2)" and its suffix."""
    name = path.name.removesuffix(SESSION_SUFFIX)
    return re.sub(r" \(\d+\)$", "", name)


def free_session_path(folder: Path, stem: str) -> Path:
    """`folder/STEM.fishbowl.json`, or with " (2)", " (3)" … if that name is in use: by a file, a dangling
    symlink planted under the name, or backups (NAME.bak1…) left by a session of that name."""
    candidate = folder / f"{stem}{SESSION_SUFFIX}"
    number = 2
    while _name_taken(candidate):
        candidate = folder / f"{stem} ({number}){SESSION_SUFFIX}"
        number += 1
    return candidate


def _name_taken(candidate: Path) -> bool:
    return os.path.lexists(candidate) or any(
        os.path.lexists(backup_path(candidate, n)) for n in range(1, BACKUP_COUNT + 1)
    )


def _found(raw: object, renaming: object) -> Path | None:
    """The session file `raw` names, or the name it was being given when the program stopped (a rename cut
    short after the file moved); None if neither exists."""
    if not isinstance(raw, str):
        return None
    if _is_file(on_disk(raw)):
        return on_disk(raw)
    if isinstance(renaming, dict) and renaming.get("from") == raw:
        target = renaming.get("to")
        if isinstance(target, str) and _is_file(on_disk(target)):
            return on_disk(target)
    return None


OTHERS_CAN_WRITE = "other users can write to this folder"
OWNED_BY_OTHERS = "the folder belongs to another user"


def unsafe_folder(folder: Path) -> OSError | None:
    """Why `folder` is not safe for session files on a shared machine (POSIX), or None: anyone who can write to
    it (mode 1777 in /tmp, 0777) can swap a session or plant a link under the next file name. Group-writable
    folders pass: most Linux desktops give each user a private group. Windows relies on ACLs: not checked."""
    if os.name != "posix":
        return None
    info = folder.stat()
    if info.st_mode & stat.S_IWOTH:
        return PermissionError(errno.EPERM, OTHERS_CAN_WRITE, str(folder))
    if hasattr(os, "getuid") and info.st_uid not in (os.getuid(), 0):
        return PermissionError(errno.EPERM, OWNED_BY_OTHERS, str(folder))
    return None


def folder_problem(folder: Path | str) -> OSError | None:
    """Why new sessions could not be saved in `folder` (None if they can): it is created if missing, refused if
    others can write to it, and a probe file is written and removed, because permission bits alone do not
    tell (network shares, ACLs)."""
    folder = Path(folder)
    try:
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(20, "not a folder", str(folder))
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        unsafe = unsafe_folder(folder)
        if unsafe is not None:
            return unsafe
        probe = folder / f".fishbowl-write-test-{os.getpid()}.tmp"
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        probe.unlink()
    except OSError as exc:
        return exc
    return None


class Workspace:
    def __init__(self, base_dir: Path | str | None = None, sessions_dir: Path | str | None = None) -> None:
        self.base_dir = Path(base_dir) if base_dir is not None else default_base_dir()
        self._sessions_dir = Path(sessions_dir) if sessions_dir else None
        self.refusals: list[Refusal] = []
        """State and marker files refused and set aside since this workspace was made, oldest first."""

    # ------------------------------------------------------------------ folders
    @property
    def sessions_dir(self) -> Path:
        """Where new sessions are saved: the folder chosen in the settings, else `sessions` in the data folder."""
        return self._sessions_dir if self._sessions_dir is not None else self.base_dir / "sessions"

    @property
    def default_sessions_dir(self) -> Path:
        return self.base_dir / "sessions"

    def use_sessions_dir(self, folder: Path | str | None) -> OSError | None:
        """Save new sessions in `folder` (None or "" for the default) if it is usable; otherwise keep the
        current folder and return why not. Sessions already open stay where they are."""
        target = Path(folder) if folder else None
        problem = folder_problem(target) if target is not None else None
        if problem is None:
            self._sessions_dir = target
        return problem

    def ensure(self) -> None:
        """Create the folders, private to this user (they hold names and notes about people)."""
        for folder in (self.base_dir, self.sessions_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    def new_session_path(self, title: str = "", when: datetime | None = None) -> Path:
        """A fresh file name in the sessions folder, e.g. `2026-12-03 Neue Hannoveraner.fishbowl.json`;
        never one that exists already."""
        self.ensure()
        return free_session_path(self.sessions_dir, session_stem(title, when or datetime.now()))

    # ------------------------------------------------------------------ state file
    def _read_json(self, name: str) -> dict[str, Any]:
        check = _checked_marker if name.startswith(RUNNING_PREFIX) or name == RUNNING_FILE else _checked_state
        data, refusal = read_support_json(self.base_dir / name, check)
        if refusal is not None and refusal not in self.refusals:  # a file that could not be moved: said once
            self.refusals.append(refusal)
        return data if isinstance(data, dict) else {}

    def _write_json(self, name: str, data: dict[str, Any]) -> None:
        self.ensure()
        write_atomically(self.base_dir / name, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def _paths(self, key: str) -> list[Path]:
        raw = self._read_json(STATE_FILE).get(key)
        return [on_disk(p) for p in raw if isinstance(p, str)] if isinstance(raw, list) else []

    def _update_state(self, **changes: Any) -> None:
        """Written only when something changes: reopening the last evening leaves state.json as it is, which
        spares the start an atomic write (two fsyncs) before the first frame (issue 29)."""
        state = self._read_json(STATE_FILE)
        updated = {**state, **changes}
        if updated == state:
            return
        self._write_json(STATE_FILE, updated)

    # ------------------------------------------------------------------ open recent
    def recent(self) -> list[Path]:
        """Recently used session files, newest first; files that are gone are dropped from the list."""
        stored = self._paths("recent")
        renaming = self._read_json(STATE_FILE).get(RENAMING_KEY)
        found = (_found(as_text(p), renaming) for p in stored)
        present = list(dict.fromkeys(p for p in found if p is not None))
        if present != stored:
            try:
                self._update_state(recent=[as_text(p) for p in present])
            except OSError:
                pass  # tidied next time; the menu is right either way
        return present[:MAX_RECENT]

    def add_recent(self, path: Path | str) -> None:
        """Put a file at the top of Open recent and remember it as the last session."""
        path = Path(path).absolute()
        others = [p for p in self._paths("recent") if p != path]
        self._update_state(
            recent=[as_text(p) for p in [path, *others][:MAX_RECENT]],
            last_session=as_text(path),
            **{RENAMING_KEY: None},
        )

    def remove_recent(self, path: Path | str) -> None:
        path = Path(path).absolute()
        self._update_state(recent=[as_text(p) for p in self._paths("recent") if p != path])

    def last_session(self) -> Path | None:
        """The session used last, if its file still exists."""
        state = self._read_json(STATE_FILE)
        return _found(state.get("last_session"), state.get(RENAMING_KEY))

    def mark_renaming(self, old: Path, new: Path) -> None:
        """Before "Rename file" moves anything: the crash marker and the last session learn both names, so a
        power cut or a kill between the moves and the next mark_running still finds the evening under either."""
        renaming = {"from": as_text(old.absolute()), "to": as_text(new.absolute())}
        self._write_json(self.running_marker.name, {"session": renaming["from"], RENAMING_KEY: renaming, **self._me()})
        self._update_state(last_session=renaming["from"], **{RENAMING_KEY: renaming})

    # ------------------------------------------------------------------ crash detection
    @property
    def running_marker(self) -> Path:
        """This copy's crash marker: one per running copy, so a second window quitting never removes the
        marker of the first (which would hide the first one's crash)."""
        return self.base_dir / f"{RUNNING_PREFIX}{copy_id()}.json"

    def _held_file(self, copy: str) -> Path:
        return self.base_dir / f"{RUNNING_PREFIX}{copy}{HELD_SUFFIX}"

    def _me(self) -> dict[str, Any]:
        """What a marker says about this copy. Its lock is taken first (once per run), so a marker never names a
        copy that does not hold it; where no lock can be held the marker names no copy and is judged by the pid."""
        held = self._held_file(copy_id())
        if not holds(held):
            self.ensure()
            with contextlib.suppress(FileExistsError):  # left by a clean exit that could not remove it: the pid then
                if not create_held(held, f"{os.getpid()}\n".encode("ascii")):
                    remove_durably(held)  # no lock can be held here: judged by the pid, and nothing left behind
        return {
            "pid": os.getpid(),
            "boot": boot_id(),
            **({"copy": copy_id()} if holds(held) else {}),
            "since": datetime.now().astimezone().isoformat(),
        }

    def _markers(self) -> list[Path]:
        try:
            found = sorted(self.base_dir.glob(f"{RUNNING_PREFIX}*.json"))
        except OSError:
            return []
        legacy = self.base_dir / RUNNING_FILE  # written by versions before 0.x had one marker per copy
        return [*found, legacy] if legacy.is_file() else found

    def mark_running(self, path: Path | str) -> None:
        """At start (and whenever another session is opened): this process is working on `path`. The markers of
        copies that died are removed: this start has offered (or reopened) what they left."""
        path = Path(path).absolute()
        self._write_json(self.running_marker.name, {"session": as_text(path), **self._me()})
        for marker in self._markers():
            if marker != self.running_marker and not self._alive(content := self._read_json(marker.name)):
                with contextlib.suppress(OSError):
                    remove_durably(marker)
                copy = content.get("copy")
                if plausible_copy_id(copy):
                    with contextlib.suppress(OSError):
                        remove_held(self._held_file(copy))  # found unlocked: its copy is gone for good
        self._remove_orphans()
        self.add_recent(path)

    def _remove_orphans(self) -> None:
        """Lock files of copies that ended without one (killed between removing their marker and the lock)."""
        try:
            found = list(self.base_dir.glob(f"{RUNNING_PREFIX}*{HELD_SUFFIX}"))
        except OSError:
            return
        for held in found:
            copy = held.name.removeprefix(RUNNING_PREFIX).removesuffix(HELD_SUFFIX)
            if copy == copy_id() or (self.base_dir / f"{RUNNING_PREFIX}{copy}.json").exists():
                continue
            if still_running(copy, held) is False:
                with contextlib.suppress(OSError):
                    remove_held(held)

    def mark_clean_exit(self) -> None:
        """On quit, after the last save: the next start has nothing to recover from this copy. The marker goes
        before the lock, so nobody finds the marker of a copy that holds nothing."""
        remove_durably(self.running_marker)
        held = self._held_file(copy_id())
        if holds(held):
            remove_held(held)

    def _alive(self, marker: dict[str, Any]) -> bool:
        """The marker's console is running now (never this copy's own marker): the copy it names holds its lock,
        or, for markers of older versions and where no lock can be told, its pid is alive, in this boot of the
        computer (after a reboot the same pid is some other program). A marker without a boot id (older
        versions) is judged by the pid alone."""
        if same_boot(marker.get("boot")) is False:
            return False
        copy = marker.get("copy")
        if plausible_copy_id(copy):
            if copy == copy_id():
                return False
            running = still_running(copy, self._held_file(copy))
            if running is not None:
                return running
        pid = marker.get("pid")
        if not isinstance(pid, int) or pid == os.getpid():
            return False
        return pid_alive(pid)

    def crashed_last_time(self) -> Path | None:
        """Call at start, before mark_running: the session a previous run had open if that run ended
        without mark_clean_exit (crash, power cut, killed), and its file still exists; else None. With
        several, the one marked last.

        A marker of a process that is still alive (a second window of the app) is not a crash.
        """
        crashed: list[tuple[str, Path]] = []
        for marker_file in self._markers():
            marker = self._read_json(marker_file.name)
            if self._alive(marker):
                continue
            path = _found(marker.get("session"), marker.get(RENAMING_KEY))
            if path is not None:
                since = marker.get("since")
                crashed.append((since if isinstance(since, str) else "", path))
        return max(crashed, key=lambda found: found[0])[1] if crashed else None


def as_text(path: Path) -> str:
    """A path as state.json and the markers keep it: the letters of its name, also when this run reads file
    names through an ASCII locale (LANG=C with Python's UTF-8 mode off), where "ü" arrives as two escapes."""
    text = str(path)
    try:
        return os.fsencode(text).decode("utf-8")
    except (UnicodeError, ValueError):
        return text


def on_disk(text: str) -> Path:
    """The path to open for a name kept by `as_text`: as it is, or (under an ASCII locale) its UTF-8 bytes
    as this run's file system encoding sees them. Without this, LANG=C opened a new session instead of the
    last one whenever its name had an umlaut."""
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        try:
            return Path(os.fsdecode(text.encode("utf-8")))
        except UnicodeError:
            return Path(text)
    return Path(text)


def _is_file(path: Path) -> bool:
    """Path.is_file, but False instead of an exception for a name the system cannot even ask about (too long,
    an unencodable character)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _checked_state(data: object) -> dict[str, Any]:
    """state.json: the recent list and the last session, both paths; anything else in it is kept as it is."""
    state = require_object(data)
    recent = state.get("recent", [])
    if not isinstance(recent, list) or not all(plausible_path(p) for p in recent):
        raise SupportFileRefused("invalid", "recent")
    if "last_session" in state and not plausible_path(state["last_session"]):
        raise SupportFileRefused("invalid", "last_session")
    return state


def _checked_marker(data: object) -> dict[str, Any]:
    """running-ID.json: which session, which process (a pid the system can have), since when, which boot; the
    copy it names is used only if it looks like one (`Workspace._alive`)."""
    marker = require_object(data)
    pid = marker.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid < MAX_PID:
        raise SupportFileRefused("invalid", "pid")
    if not plausible_path(marker.get("session")):
        raise SupportFileRefused("invalid", "session")
    if not isinstance(marker.get("since", ""), str) or not isinstance(marker.get("boot", ""), str | None):
        raise SupportFileRefused("invalid", "since")
    return marker
