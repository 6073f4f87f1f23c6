"""Saves the session at most one second after any change, keeps a running turn's spoken time every second,
and saves at once on quit.

A running timer changes the session without any intent: its spoken time grows by itself. So while it runs,
once per DEBOUNCE_MS the turn's small record is written beside the file (`storage.turn_record`: one write, no
fsync, so a kill -9 loses at most that much of the turn), and the whole file every RUNNING_FULL_SAVE_SECONDS
(what a power cut may cost of the turn); the last save on quit always writes it, so a clean quit loses nothing.
Rewriting the whole file every second had cost most of the app's wake-ups on battery.

A failed save (folder read-only, disk full) is announced and retried; the session stays in memory.

Every autosave goes through the writer thread: the UI thread only freezes the session (`storage.freeze_session`: the
small parts as JSON, the long lists as tuples of immutable items, a fraction of a millisecond even for a long list;
figures in benchmarks/README.md); encoding the lists from the cache, the backup rotation, the temp file, fsync and
rename run on the writer thread, one save at a time, through the same `storage.save_session`. A small session used
to be saved on the UI thread (a few ms, usually), but fsync's time is the disk's to choose: a slow one (measured: up
to seconds) froze the beamer's clock for that long in the middle of a turn, because the running turn is saved every
second. The writer thread lives as long as the app (`_WriterThread`): handing it a save is a queue put, where
starting a thread per save made the UI thread wait in `Thread.start()` until the new thread had been scheduled
(milliseconds on a loaded 2-core laptop). `saved` is announced only once the file is on disk, and only if the
session has not changed since it was frozen (what the status bar calls saved is exactly what the file holds).
`flush()` (quit, switching files) stays synchronous: it waits for a write in progress, then saves the latest state
on the calling thread. An injected save function (tests) runs synchronously as before."""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, SignalInstance

from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.model import Session

DEBOUNCE_MS = 1000
RUNNING_FULL_SAVE_SECONDS = 30
"""While a turn runs and nothing else changes, the whole file is rewritten this often (storage.turn_record)."""
RETRY_MS = 5000
_AFTER_THE_TICK = QEvent.Type(QEvent.registerEventType())
SaveFunction = Callable[[Session, Path], None]


def one_line_reason(exc: BaseException) -> str:
    """Why a save failed, in one line: the disk's own words for an OSError, else the error's kind and text
    (a bug or a value the file cannot hold must be reported, not swallowed or raised into a Qt slot)."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _default_save(session: Session, path: Path) -> None:
    from fishbowl_desktop.storage import save_session

    save_session(session, path)


_log = logging.getLogger("fishbowl.saves")


@dataclass
class _Write:
    """One save on the writer thread: what it writes to, and how many changes it includes."""

    path: Path
    generation: int
    future: Future[None]


def _write_frozen(frozen: object, path: Path, future: Future[None]) -> None:
    from fishbowl_desktop import storage  # looked up per save, like _default_save

    try:
        storage.save_session(frozen, path)  # type: ignore[arg-type]  # a FrozenSession
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(None)


class _WriterThread:
    """One long-lived daemon thread for every autosaver's writes, in the order they were handed over."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._idle = threading.Condition()
        self._unfinished = 0

    def submit(self, job: Callable[[], None]) -> None:
        """Never blocks (but for starting the thread, once); `job` must not raise."""
        with self._idle:
            self._unfinished += 1
        self._jobs.put(job)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="fishbowl-autosave", daemon=True)
                self._thread.start()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every write handed over so far has ended; False if that took longer than `timeout`.
        (The tests use it: a save of one test must not run inside the next one's patched file system.)"""
        with self._idle:
            return self._idle.wait_for(lambda: self._unfinished == 0, timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            with contextlib.suppress(BaseException):  # a job reports through its future; the thread lives on
                job()
            with self._idle:
                self._unfinished -= 1
                self._idle.notify_all()


_WRITER = _WriterThread()


def wait_for_writes(timeout: float) -> bool:
    """Every autosave handed to the writer thread has ended (True), or `timeout` seconds passed (False)."""
    return _WRITER.wait_idle(timeout)


class Autosaver(QObject):
    saved = Signal(str)
    """The path, after a successful save."""
    saveFailed = Signal(str)
    """A message for the status bar; the session is still in memory and will be saved when possible."""
    _written = Signal(object)
    """From the writer thread (queued to this object's thread): the finished _Write."""

    def __init__(
        self,
        controller: SessionController,
        path: Path | None = None,
        save: SaveFunction | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent or controller)
        self._controller = controller
        self._threaded = save is None
        self._save: SaveFunction = save or _default_save
        self.path = path
        self.last_saved_at: datetime | None = None
        self.last_error: str | None = None
        self._dirty = False
        self._generation = 0
        """Counts changes: a write announces `saved` only if none came while it was on the writer thread."""
        self._writing: _Write | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._autosave)
        self._written.connect(self._on_written)
        self._running = QTimer(self)
        """While a speaker's time runs: rewrite the file once per DEBOUNCE_MS (its elapsed time)."""
        self._running.timeout.connect(self._save_running_turn)
        self._running_ticks = 0
        self._on_the_clock = False
        """The running turn's record follows the speaker clock's own wake-up (`follow_clock`), not `_running`."""
        self._record_failed = False
        self._record_hops = 0
        """The running turn's record is on its way behind the tick's repaints (`_clock_ticked`)."""
        controller.sessionChanged.connect(self._on_change)
        controller.turnChanged.connect(self._follow_turn)
        controller.sessionReplaced.connect(self._follow_turn)
        self._follow_turn()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_path(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            self._dirty = True
            self.flush()

    def moved_to(self, path: Path) -> None:
        """The session now lives in `path` (a file just opened as it is, or renamed): later saves go there."""
        self.path = path

    def saved_as(self, path: Path) -> None:
        """The session was just written whole to `path` (Save As…, on this thread): later saves go there, an
        earlier failure no longer stands, and nothing is waiting to be saved (a retry pending for the old place
        is dropped; a write still on the writer thread is ignored when it ends, `_take`)."""
        self.path = path
        self.last_error = None
        self._dirty = False
        self._generation += 1
        self._timer.stop()
        self.last_saved_at = self._controller.session.clock.now()
        self.saved.emit(str(path))

    def detach(self, reason: str) -> None:
        """Stop saving (a session opened read-only): the content on screen is what the file holds now; later
        changes are kept in memory only, and `reason` is what closing the window says about them."""
        self._timer.stop()
        self.path = None
        self._dirty = False
        self.last_error = reason

    def mark_changed(self) -> None:
        """Something not yet on disk: save within a second (and keep retrying if that fails)."""
        self._on_change("")

    def _on_change(self, _part: str) -> None:
        self._dirty = True
        self._generation += 1
        if not self._timer.isActive():  # a steady stream of changes still saves every second
            self._timer.start(DEBOUNCE_MS)

    def _turn_running(self) -> bool:
        turn = self._controller.session.turn
        return turn is not None and turn.timer.is_running

    def follow_clock(self, ticks: SignalInstance) -> None:
        """Keep the running turn on disk on `ticks` (the speaker clock's once-a-second display change) instead
        of a timer of its own: on battery, one wake-up a second instead of two."""
        self._on_the_clock = True
        self._running.stop()
        ticks.connect(self._clock_ticked)

    def _clock_ticked(self) -> None:
        """After the second's repaints, not before: handed to the writer thread while the UI thread still runs
        Python, the record made the two threads take turns at the interpreter's lock (three wake-ups a second
        instead of one); posted behind the repaints, the writer finds the UI thread asleep."""
        if self._turn_running() and not self._record_hops:
            self._post_after_the_tick()

    def _post_after_the_tick(self) -> None:
        self._record_hops += 1
        QCoreApplication.postEvent(self, QEvent(_AFTER_THE_TICK), Qt.EventPriority.LowEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if event.type() != _AFTER_THE_TICK:
            return super().event(event)
        if self._record_hops == 1:  # the repaints the tick asked for may have been posted after us: go behind them
            self._post_after_the_tick()
            return True
        self._record_hops = 0
        if self._turn_running():
            self._save_running_turn()
        return True

    def _follow_turn(self) -> None:
        if not self._turn_running() or self._on_the_clock:
            self._running.stop()
        elif not self._running.isActive():
            self._running.start(DEBOUNCE_MS)

    def _save_running_turn(self) -> None:
        if not self._turn_running():
            self._running.stop()
            return
        if self._timer.isActive() and self.last_error is not None:
            return  # a failed save is being retried on its own schedule
        self._running_ticks += 1
        if self._running_ticks % RUNNING_FULL_SAVE_SECONDS and self._keep_turn_record():
            return
        self._dirty = True
        self._generation += 1  # the spoken time moved on: what is on disk is older
        self._autosave()  # the writer thread for a big evening, like any other autosave

    def _keep_turn_record(self) -> bool:
        """The running turn's record, on the writer thread after any save handed over before it; False where
        there is none to write (a read-only view, a test's own save, a record that failed before)."""
        from fishbowl_desktop.storage.turn_record import turn_record

        path = self.path
        record = turn_record(self._controller.session) if self._threaded and not self._record_failed else None
        if path is None or record is None:
            return False
        _WRITER.submit(partial(self._write_record, path, record))
        return True

    def _write_record(self, path: Path, record: bytes) -> None:
        """On the writer thread. A record that cannot be written (a name too long for it, a full disk) turns the
        once-a-second full saves back on: they say why, if the disk is the reason."""
        from fishbowl_desktop.storage.turn_record import write_turn_record

        try:
            write_turn_record(path, record)
        except OSError:
            self._record_failed = True

    def flush_final(self) -> bool:
        """The last save, on quit: a running turn's spoken time is written even if nothing else changed,
        so the next start restores it exactly. True when the file on disk is up to date."""
        if self._turn_running():
            self._dirty = True
        return self.flush()

    def uses_writer_thread(self) -> bool:
        """Whether the debounced saves go to the writer thread: always, unless a test injected a save."""
        return self._threaded

    def _autosave(self) -> None:
        """The debounced save: frozen here, written on the writer thread."""
        if not self._threaded:
            self.flush()
            return
        if self._writing is not None:  # one write at a time; this one follows when it is done
            self._again = True
            return
        if not self._dirty or self.path is None:
            return
        from fishbowl_desktop.storage import freeze_session

        frozen = freeze_session(self._controller.session)
        write = _Write(self.path, self._generation, Future())
        self._writing = write

        def run() -> None:
            _write_frozen(frozen, write.path, write.future)
            with contextlib.suppress(RuntimeError):  # the autosaver is gone (the app is quitting)
                self._written.emit(write)

        _WRITER.submit(run)

    def _on_written(self, write: _Write) -> None:
        if write is not self._writing:
            return  # flush() already waited for it and took its outcome
        self._writing = None
        self._take(write)
        if self._dirty and self.last_error is None and (self._again or self._generation != write.generation):
            # changes came while the file was being written: they are older than the debounce already
            self._timer.start(0)
        self._again = False

    def _take(self, write: _Write) -> None:
        error = write.future.exception()
        if write.path != self.path:
            return  # the session moved (Save As…) while this write was on its way: its outcome is the old place's
        if error is None:
            if self._generation == write.generation and write.path == self.path:
                self._succeeded()
            return
        if isinstance(error, Exception):  # whatever stops a save, the moderator must hear of it
            self._failed(error)
            return
        raise error

    def _succeeded(self) -> None:
        _log.info("saved" if self.last_error is None else "saved again after a failure")
        self._dirty = False
        self.last_error = None
        self.last_saved_at = self._controller.session.clock.now()
        if self.path is not None and self._threaded and not self._turn_running():
            # the file now holds the turn as it stands: its record is no longer needed (after any write before)
            from fishbowl_desktop.storage.turn_record import remove_turn_record

            _WRITER.submit(partial(remove_turn_record, self.path))
        self.saved.emit(str(self.path))

    def _failed(self, exc: Exception) -> None:
        _log.warning("save failed: %s", type(exc).__name__ if not isinstance(exc, OSError) else exc.strerror)
        self.last_error = self.tr("Not saved: {reason}. The session is kept in memory; retrying.").format(
            reason=one_line_reason(exc)
        )
        self.saveFailed.emit(self.last_error)
        self._timer.start(RETRY_MS)

    def flush(self) -> bool:
        """Save now if anything changed; True when the file on disk is up to date. Synchronous: a write in
        progress on the writer thread is waited for, then the latest state is saved on this thread."""
        self._timer.stop()
        write, self._writing = self._writing, None
        if write is not None:
            with contextlib.suppress(Exception):
                write.future.exception()  # waits for it
            self._again = False
            try:
                self._take(write)
            finally:
                self._timer.stop()  # this flush saves now; no retry timer from the write above
        if not self._dirty:
            return True
        if self.path is None:
            return False
        try:
            self._save(self._controller.session, self.path)
        except Exception as exc:
            self._failed(exc)
            return False
        self._succeeded()
        return True
