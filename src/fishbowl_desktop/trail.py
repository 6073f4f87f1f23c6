"""The trail for the morning after: what the program did and what went wrong, kept in the data folder where a
program started from the desktop menu (or a bundle) has no terminal to print to.

- `crash.log`: Python's faulthandler writes the stacks of every thread there when the process dies of a
  fatal signal (a segfault in a binding, an abort), where no Python code runs any more.
- `fishbowl.log`: a small rotating log (stdlib logging) of intents, saves, screen changes, room events and
  start-up decisions, with ids and counts, never names or notes (the organisers may send it on);
  an uncaught exception on the UI thread (a slot) or any other thread is written there with its traceback,
  and a listener (the console's message strip) says so calmly: the evening goes on.

No Qt and nothing of the fishbowl, so the start-up can set it up before the first window, and the lower
layers log through `logging.getLogger("fishbowl…")` without knowing where it goes. The handler is a small
size-rotating one written here: `logging.handlers` imports `socket` (and more), which the console's first
frame does without.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

LOG_FOLDER = "logs"
LOG_FILE = "fishbowl.log"
CRASH_FILE = "crash.log"
MAX_LOG_BYTES = 512_000
"""About 5,000 lines: an evening with a few thousand intents, and the one before it in the backups."""
LOG_BACKUPS = 2
MAX_CRASH_BYTES = 1_000_000
"""faulthandler only appends; past this the file starts again (its last crash is what matters)."""
LOGGER = "fishbowl"

log = logging.getLogger(LOGGER)

Listener = Callable[[str], None]
"""Told the exception's one-line summary (type and where), on whichever thread it happened."""


class SmallRotatingLog(logging.FileHandler):
    """Appends to the log; past `max_bytes` the file becomes `.1` (the older `.1` becomes `.2`, …)."""

    def __init__(self, path: Path, max_bytes: int = MAX_LOG_BYTES, backups: int = LOG_BACKUPS) -> None:
        super().__init__(path, mode="a", encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._rotate()
        except (OSError, ValueError):
            pass  # a log that cannot rotate keeps writing; the evening never waits for it
        super().emit(record)

    def _rotate(self) -> None:
        self.close()  # reopened by the next emit (delay=True)
        base = Path(self.baseFilename)
        for number in range(self.backups, 0, -1):
            older = base.with_name(f"{base.name}.{number}")
            newer = base.with_name(f"{base.name}.{number - 1}") if number > 1 else base
            if newer.exists():
                os.replace(newer, older)


class Trail:
    """The installed trail: where its files are, and who is told about an uncaught exception."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.listeners: list[Listener] = []
        self.handler: logging.Handler | None = None
        self._crash_file: IO[str] | None = None
        self._previous: tuple[Any, Any] | None = None

    @property
    def log_file(self) -> Path:
        return self.folder / LOG_FILE

    @property
    def crash_file(self) -> Path:
        return self.folder / CRASH_FILE

    def files(self) -> list[Path]:
        """The trail's files that exist, oldest log first: what a problem report takes."""
        logs = [self.folder / f"{LOG_FILE}.{n}" for n in range(LOG_BACKUPS, 0, -1)] + [self.log_file]
        return [p for p in [*logs, self.crash_file] if p.is_file()]

    # ------------------------------------------------------------------ uncaught exceptions
    def _report(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None, where: str) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught %s on %s\n%s", kind.__name__, where, text.rstrip())
        summary = f"{kind.__name__} on {where}"
        frames = traceback.extract_tb(tb) if tb is not None else []
        if frames:
            last = frames[-1]
            summary += f" ({Path(last.filename).name}:{last.lineno})"
        for listener in list(self.listeners):
            with contextlib.suppress(Exception):  # a notice that fails must not start another round
                listener(summary)

    def _excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        thread = threading.current_thread()
        self._report(kind, value, tb, "the UI thread" if thread is threading.main_thread() else f"thread {thread.name}")
        with contextlib.suppress(Exception):  # a bundle started from the menu may have no stderr at all
            sys.__excepthook__(kind, value, tb)  # and on stderr, for whoever started it from a terminal

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        with contextlib.suppress(Exception):
            threading.__excepthook__(args)

    # ------------------------------------------------------------------ install and remove
    def install(self) -> None:
        """Open the files, start faulthandler, hook exceptions, attach the log. Nothing here may stop the
        evening: a folder that cannot be written leaves the trail off (said in the log of stderr)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            if self.crash_file.stat().st_size > MAX_CRASH_BYTES:
                self.crash_file.unlink()
        fd = os.open(self.crash_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._crash_file = os.fdopen(fd, "a", encoding="utf-8")
        faulthandler.enable(self._crash_file, all_threads=True)
        self.handler = SmallRotatingLog(self.log_file)
        self.handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(self.handler)
        log.setLevel(logging.INFO)
        log.propagate = False
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        """Undo `install` (tests; a program that ends has nothing to undo)."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        if faulthandler.is_enabled():
            faulthandler.disable()
        if self.handler is not None:
            log.removeHandler(self.handler)
            self.handler.close()
            self.handler = None
        if self._crash_file is not None:
            self._crash_file.close()
            self._crash_file = None
        self.listeners.clear()


_current: Trail | None = None


def current_trail() -> Trail | None:
    """The trail this process installed with `start_trail`, if any (Help → Save a problem report… reads it)."""
    return _current


def start_trail(data_folder: Path) -> Trail | None:
    """The trail in `data_folder/logs`, or None when that folder cannot be written (a read-only data folder:
    the console says so elsewhere; faulthandler then still writes to stderr)."""
    trail = Trail(data_folder / LOG_FOLDER)
    try:
        trail.install()
    except OSError as exc:
        trail.uninstall()
        faulthandler.enable()
        with contextlib.suppress(Exception):
            print(f"fishbowl-desktop: no log in {trail.folder}: {exc.strerror or exc}", file=sys.stderr)
        return None
    global _current
    _current = trail
    return trail


def report_exception(exc: BaseException, where: str) -> bool:
    """An exception caught somewhere that has no excepthook (the event loop's tasks): into the trail and its
    notice, like an uncaught one. False when no trail is installed (the caller then does what it did)."""
    if _current is None:
        return False
    _current._report(type(exc), exc, exc.__traceback__, where)
    return True


def stop_trail() -> None:
    global _current
    if _current is not None:
        _current.uninstall()
        _current = None


# ---------------------------------------------------------------------- the problem report
def problem_report(files: list[Path], versions: dict[str, str]) -> bytes:
    """A zip of the trail's files and the versions, with the user's home folder written as ~ (it names them).
    The files are read as they are now; one that cannot be read is noted, not fatal."""
    import io
    import zipfile

    home = str(Path.home())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        lines = [f"{key}: {value}" for key, value in versions.items()]
        archive.writestr("versions.txt", "\n".join(lines).replace(home, "~") + "\n")
        for path in files:
            try:
                text = path.read_bytes()[-MAX_CRASH_BYTES:].decode("utf-8", "replace")
            except OSError as exc:
                text = f"(not readable: {exc.strerror or exc})"
            archive.writestr(path.name, text.replace(home, "~"))
    return buffer.getvalue()
