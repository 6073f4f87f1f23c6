"""Saves the session at most one second after any change, keeps a running turn's spoken time every second,
and saves at once on quit.

A running timer changes the session without any intent: its spoken time grows by itself. So while it runs, the
writer thread writes the turn's small record beside the file once a second on its own schedule (`storage.turn_record`:
one write, no fsync, so a kill -9 loses at most that much of the turn), from the turn handed over when it starts,
pauses or changes (`_WriterThread.keep`): the UI thread does nothing per second for it. The whole file follows every
RUNNING_FULL_SAVE_SECONDS (what a power cut may cost of the turn); the last save on quit always writes it and stops
the record first, so a clean quit loses nothing and a restart restores exactly what the quit saved. Rewriting the
whole file every second had cost most of the app's wake-ups on battery; handing the record over every second cost
the UI thread two posted events and the record's making (issue 29).

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
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.model import Session
from fishbowl_desktop.value_class import value_class

DEBOUNCE_MS = 1000
RUNNING_FULL_SAVE_SECONDS = 30
"""While a turn runs and nothing else changes, the whole file is rewritten this often (storage.turn_record)."""
RETRY_MS = 5000
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


@value_class(frozen=False)
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


def _nothing() -> None:
    pass


@value_class(frozen=False)
class _Keeper:
    """A running turn's record kept by the writer thread: where, what (a function of the clock, made from the turn
    when it started, paused or changed: `storage.turn_record.running_record`), when next, and whom to tell if the
    disk refuses it (called on the writer thread)."""

    path: Path
    record: Callable[[], bytes]
    due: float
    failed: Callable[[], None]


class _WriterThread:
    """One long-lived daemon thread for every autosaver's writes, in the order they were handed over."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._idle = threading.Condition()
        self._unfinished = 0
        self._keeping = threading.Lock()
        self._keepers: dict[int, _Keeper] = {}
        """Per autosaver, the running turn's record this thread writes on its own once a second (`keep`)."""

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

    def keep(self, owner: int, keeper: _Keeper | None) -> None:
        """From now on, write `keeper`'s record once a second for `owner` (an autosaver's key; None: stop). When
        this returns, no record of the owner's earlier keeper is being written or will be: a save that follows is
        the last word."""
        with self._keeping:
            if keeper is None:
                self._keepers.pop(owner, None)
                return
            self._keepers[owner] = keeper
        self.submit(_nothing)  # wakes the thread to its new schedule (and starts it, once)

    def keeps(self, owner: int) -> bool:
        with self._keeping:
            return owner in self._keepers

    def _next_record_in(self) -> float | None:
        with self._keeping:
            if not self._keepers:
                return None
            return max(0.0, min(k.due for k in self._keepers.values()) - time.monotonic())

    def _write_records(self) -> None:
        from fishbowl_desktop.storage.turn_record import write_turn_record

        with self._keeping:  # held while writing: `keep(owner, None)` waits for a write in progress
            now = time.monotonic()
            for owner, keeper in list(self._keepers.items()):
                if keeper.due > now:
                    continue
                while keeper.due <= now:  # a second missed (a long save) is not written twice
                    keeper.due += 1.0
                try:
                    write_turn_record(keeper.path, keeper.record())
                except OSError:
                    del self._keepers[owner]
                    with contextlib.suppress(BaseException):
                        keeper.failed()

    def _run(self) -> None:
        while True:
            try:
                job = self._jobs.get(timeout=self._next_record_in())
            except queue.Empty:
                self._write_records()
                continue
            with contextlib.suppress(BaseException):  # a job reports through its future; the thread lives on
                job()
            with self._idle:
                self._unfinished -= 1
                self._idle.notify_all()
            self._write_records()  # one due while the job ran


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
    _recordFailed = Signal()
    """From the writer thread: the running turn's record could not be written (the full saves take over)."""

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
        """While a speaker's time runs and no record can keep it: rewrite the file once per DEBOUNCE_MS."""
        self._running.timeout.connect(self._save_running_turn)
        self._whole = QTimer(self)
        """While the writer thread keeps the running turn's record: the whole file every RUNNING_FULL_SAVE_SECONDS."""
        self._whole.setInterval(RUNNING_FULL_SAVE_SECONDS * 1000)
        self._whole.setTimerType(Qt.TimerType.CoarseTimer)
        self._whole.timeout.connect(self._save_running_turn)
        self._record_failed = False
        self._recordFailed.connect(self._on_record_failed)
        self._key = id(self)
        key = self._key
        self.destroyed.connect(lambda *_: _WRITER.keep(key, None))  # no record for an autosaver that is gone
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
        else:
            self._follow_turn()  # nowhere to keep the turn: no record, no saves

    def moved_to(self, path: Path) -> None:
        """The session now lives in `path` (a file just opened as it is, or renamed): later saves go there."""
        self.path = path
        self._follow_turn()

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
        self._follow_turn()
        self.saved.emit(str(path))

    def detach(self, reason: str) -> None:
        """Stop saving (a session opened read-only): the content on screen is what the file holds now; later
        changes are kept in memory only, and `reason` is what closing the window says about them."""
        self._timer.stop()
        self.path = None
        self._dirty = False
        self.last_error = reason
        self._follow_turn()

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

    def _follow_turn(self) -> None:
        """The turn started, paused or changed (or the file moved): hand the writer thread the running turn's record
        as a function of the clock, which it writes once a second on its own schedule; the UI thread does nothing
        per second for it. Where no record can be kept (a read-only view, a test's own save, a record the disk
        refused, an id too long for it) the whole file is saved once a second instead."""
        keeper = self._keeper() if self._turn_running() else None
        _WRITER.keep(self._key, keeper)
        if keeper is not None:
            self._running.stop()
            if not self._whole.isActive():
                self._whole.start()
            return
        self._whole.stop()
        if not self._turn_running() or self.path is None:
            self._running.stop()
        elif not self._running.isActive():
            self._running.start(DEBOUNCE_MS)

    def _keeper(self) -> _Keeper | None:
        from fishbowl_desktop.stage.timer_view import timer_view
        from fishbowl_desktop.storage.turn_record import running_record

        if self.path is None or not self._threaded or self._record_failed:
            return None
        session = self._controller.session
        record = running_record(session)
        if record is None:
            return None
        # half a second after the clock's own wake-ups (which come when the shown second turns): the writer finds
        # the UI thread asleep, so the two never take turns at the interpreter's lock
        to_tick = timer_view(session).remaining % 1.0
        due = time.monotonic() + (to_tick + 0.5) % 1.0
        return _Keeper(self.path, record, due, self._recordFailed.emit)

    def _on_record_failed(self) -> None:
        self._record_failed = True
        self._follow_turn()

    def _save_running_turn(self) -> None:
        if not self._turn_running():
            self._running.stop()
            self._whole.stop()
            return
        if self._timer.isActive() and self.last_error is not None:
            return  # a failed save is being retried on its own schedule
        self._dirty = True
        self._generation += 1  # the spoken time moved on: what is on disk is older
        self._autosave()  # the writer thread for a big evening, like any other autosave

    def flush_final(self) -> bool:
        """The last save, on quit: a running turn's spoken time is written even if nothing else changed,
        so the next start restores it exactly. True when the file on disk is up to date."""
        if self._turn_running():
            self._dirty = True
        _WRITER.keep(self._key, None)  # no record after the last save: the file says the moment of the quit
        saved = self._flush()
        if not saved:
            self._follow_turn()  # the window stays open: keep the turn's record going
        return saved

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
        _WRITER.keep(self._key, None)  # the save below is the last word until the record follows the turn again
        saved = self._flush()
        self._follow_turn()
        return saved

    def _flush(self) -> bool:
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
