"""The PDF export in its own process, so the console's event loop never waits for a layout.

A layout holds the GIL for long stretches: with reportlab (pure Python), in a thread beside the UI, it froze the
beamer's clock for a noticeable moment while the 1,000-attendee sheet was laid out (benchmarks/README.md). Here the
console sends a frozen `DocumentSource` (taken on its own thread) to one long-lived worker process, which lays the
document out, writes the file atomically (`export_pdf`: temp file, fsync, rename) and sends back the page count,
page numbers as it goes (progress), or the very exception `export_pdf` raised, so the console words it exactly as it
did for an in-process export.

The worker is started on the first export (`spawn`, never `fork`: a forked Qt process is not safe), reused
for every later one, and never outlives the app: it is stopped on `shutdown()` and at interpreter exit,
and it stops by itself, also in the middle of an export, when the console crashed or was killed: it watches a
pipe that closes with the console (and on Linux asks for the kernel's parent-death signal as well; `serve`). A frozen
bundle needs `multiprocessing.freeze_support()` first thing in its entry point (see `__main__.main`).

No Qt here: the console's adapter (`ui/paper/pdf_export.py`) turns the callbacks into Qt signals.
"""

from __future__ import annotations

import _thread
import atexit
import contextlib
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from fishbowl_desktop.documents.source import DocumentSource
from fishbowl_desktop.value_class import value_class

STOP_GRACE_SECONDS = 3.0
"""On quit, a running export may finish for this long before the worker is terminated."""

WORKER_NICENESS = 10
"""How much lower the worker's CPU priority is than the console's (POSIX)."""

PageCallback = Callable[[int], None]


class WorkerStopped(RuntimeError):
    """The worker process ended before it answered (it crashed, was killed, or the app is quitting)."""


@value_class(frozen=False)
class _Job:
    """One document the worker process is making, and whom to tell about its pages."""

    future: Future[int]
    on_page: PageCallback | None = None


@value_class(frozen=False)
class _Process:
    """The worker process, the pipe to it, and the jobs it has not answered yet."""

    process: Any  # multiprocessing's SpawnProcess (no public type)
    conn: Connection
    jobs: dict[int, _Job] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    reader: threading.Thread | None = None
    lifeline: Connection | None = None
    """The console's end of the pipe the worker watches while it works; closed only by the console's end."""


_LIVE: weakref.WeakSet[PdfWorker] = weakref.WeakSet()


class PdfWorker:
    """One worker process for PDF exports; `export` returns a Future with the page count (or the exception)."""

    def __init__(self) -> None:
        self._proc: _Process | None = None
        self._ids = itertools.count(1)
        self._guard = threading.Lock()
        self.starts = 0
        """How many processes this worker has started (1 for a whole evening, unless one crashed)."""
        _LIVE.add(self)

    @property
    def pid(self) -> int | None:
        """The worker's process id while it can answer; None before the first export and once it is gone."""
        proc = self._proc
        return proc.process.pid if proc is not None and _answering(proc) else None

    def export(
        self,
        source: DocumentSource,
        kind: str,
        path: Path,
        options: Mapping[str, object] | None = None,
        on_page: PageCallback | None = None,
    ) -> Future[int]:
        """Queue one export; `on_page(n)` and the future's callbacks run on a helper thread of this process."""
        future: Future[int] = Future()
        future.set_running_or_notify_cancel()
        job_id = next(self._ids)
        message = ("export", job_id, source, kind, str(path), dict(options or {}))
        try:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            future.set_exception(exc)
            return future
        with self._guard:
            proc = self._running()
            with proc.lock:
                proc.jobs[job_id] = _Job(future, on_page)
            try:
                proc.conn.send_bytes(data)
            except OSError:  # it died a moment ago, before anyone noticed: a fresh one takes the job
                with proc.lock:
                    proc.jobs.pop(job_id, None)
                proc = self._fresh()
                with proc.lock:
                    proc.jobs[job_id] = _Job(future, on_page)
                try:
                    proc.conn.send_bytes(data)
                except OSError as exc:
                    with proc.lock:
                        proc.jobs.pop(job_id, None)
                    future.set_exception(WorkerStopped(f"the PDF worker could not be reached ({exc})"))
        return future

    def warm_up(self) -> None:
        """Start the process now (the export dialog is open: the moderator is about to need it)."""
        with self._guard:
            self._running()

    def shutdown(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop the process (after the running export, for up to `grace` seconds); idempotent."""
        with self._guard:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            proc.conn.send_bytes(pickle.dumps(("stop",)))
        proc.process.join(grace)
        if proc.process.is_alive():
            proc.process.terminate()  # SIGTERM: the worker removes its temporary file and exits
            proc.process.join(2.0)
        if proc.process.is_alive():
            proc.process.kill()
            proc.process.join(2.0)
        with contextlib.suppress(OSError):
            proc.conn.close()
        if proc.lifeline is not None:
            with contextlib.suppress(OSError):
                proc.lifeline.close()
        if proc.reader is not None and proc.reader is not threading.current_thread():
            proc.reader.join(2.0)
        _fail_all(proc, WorkerStopped("the PDF worker was stopped"))

    def _running(self) -> _Process:
        proc = self._proc
        if proc is not None and _answering(proc):
            return proc
        return self._fresh()

    def _fresh(self) -> _Process:
        """A new worker process in place of the one there was (if any: what it still owed fails)."""
        proc = self._proc
        if proc is not None:
            _fail_all(proc, WorkerStopped("the PDF worker stopped unexpectedly"))
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=True)
        watched, lifeline = context.Pipe(duplex=False)  # never written: it closes when this process ends
        from_main_thread = threading.current_thread() is threading.main_thread()
        process = context.Process(
            target=serve,
            args=(theirs, watched, os.getpid() if from_main_thread else 0),
            name="fishbowl-pdf-worker",
            daemon=True,
        )
        process.start()
        theirs.close()  # only the child holds its ends: when we die, it reads EOF and stops
        watched.close()
        proc = _Process(process, ours, lifeline=lifeline)
        proc.reader = threading.Thread(target=_read_answers, args=(proc,), name="fishbowl-pdf-answers", daemon=True)
        proc.reader.start()
        self._proc = proc
        self.starts += 1
        return proc


def _answering(proc: _Process) -> bool:
    """A worker whose answers ended (its pipe closed: killed, crashed) is gone even while the system still reports
    its process (not yet reaped, or reaped elsewhere: then is_alive() says True for ever)."""
    return proc.reader is not None and proc.reader.is_alive() and proc.process.is_alive()


def _fail_all(proc: _Process, error: Exception) -> None:
    with proc.lock:
        jobs, proc.jobs = proc.jobs, {}
    for job in jobs.values():
        if not job.future.done():
            job.future.set_exception(error)


def _read_answers(proc: _Process) -> None:
    """The console's side of the pipe: page numbers, page counts and exceptions, until the worker ends."""
    while True:
        try:
            message = pickle.loads(proc.conn.recv_bytes())
        except (EOFError, OSError):
            break
        except Exception as exc:
            _fail_all(proc, WorkerStopped(f"unreadable answer from the PDF worker ({exc})"))
            continue
        what, job_id = message[0], message[1]
        with proc.lock:
            job = proc.jobs.get(job_id) if what == "page" else proc.jobs.pop(job_id, None)
        if job is None:
            continue
        if what == "page":
            if job.on_page is not None:
                with contextlib.suppress(Exception):
                    job.on_page(int(message[2]))
        elif what == "done":
            job.future.set_result(int(message[2]))
        else:
            job.future.set_exception(message[2])
    _fail_all(proc, WorkerStopped("the PDF worker stopped unexpectedly"))


# ------------------------------------------------------------------------------------- the child process
def serve(conn: Connection, watched: Connection | None = None, parent_pid: int = 0) -> None:
    """The worker process's loop (spawn target: importable, no arguments but the pipes and who started it).

    `watched` is a pipe the console never writes to: it reads EOF the moment the console ends (killed,
    crashed, its power cut off in a VM), and the worker ends with it, also in the middle of a layout, leaving
    no PDF behind. On Linux the kernel's parent-death signal does the same even while reportlab sits in C code,
    but only when the console's main thread started the worker (`parent_pid`): the signal follows the thread
    that started a process, and the console starts it from helper threads that end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the terminal is for the console, which stops us
    signal.signal(signal.SIGTERM, _exit_cleanly)
    if parent_pid:
        _end_with_parent(parent_pid)
    if watched is not None:
        threading.Thread(target=_watch_console, args=(watched,), name="fishbowl-pdf-lifeline", daemon=True).start()
    if hasattr(os, "nice"):  # background work: on a busy laptop the console's frames come first
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    from fishbowl_desktop.documents import export_pdf
    from fishbowl_desktop.documents.typeset import listen_to_pages, warm_up

    if not conn.poll(0):  # nothing asked yet (the print dialog started us): load Typst and the fonts now
        with contextlib.suppress(Exception):
            warm_up()

    while True:
        try:
            message = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return  # the console is gone
        if message[0] != "export":
            return
        _what, job_id, source, kind, path, options = message

        def page(number: int, job_id: int = job_id) -> None:
            with contextlib.suppress(OSError):
                conn.send_bytes(pickle.dumps(("page", job_id, number)))

        try:
            with listen_to_pages(page):
                pages = export_pdf(source, kind, Path(path), **options)
            answer: tuple[object, ...] = ("done", job_id, pages)
        except Exception as exc:
            answer = ("failed", job_id, _sendable(exc))
        try:
            conn.send_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return


PARENT_GONE_GRACE_SECONDS = 5.0
"""After the console ended, the layout has this long to unwind (removing its temporary file) before the
worker leaves at once."""


def _watch_console(watched: Connection) -> None:
    """The worker's lifeline: blocks until the console's end closes, then ends this process."""
    with contextlib.suppress(EOFError, OSError):
        while True:
            watched.recv_bytes()
    _thread.interrupt_main(signal.SIGTERM)  # runs _exit_cleanly in the main thread: write_atomically unwinds
    time.sleep(PARENT_GONE_GRACE_SECONDS)  # a real process ending: nothing to wait on but its own thread
    os._exit(1)  # the main thread is stuck in C code: leave anyway (a stale temp file is removed later)


def _end_with_parent(parent_pid: int) -> None:
    """Linux: SIGTERM when the console's main thread ends (prctl PR_SET_PDEATHSIG); elsewhere nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # it died before the signal was asked for
        _exit_cleanly(signal.SIGTERM, None)


def _sendable(exc: Exception) -> Exception:
    """The exception itself if it survives pickling (OSError, FishbowlError, KeyError …), else its words."""
    try:
        copy = pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return copy if type(copy) is type(exc) else RuntimeError(f"{type(exc).__name__}: {exc}")


def _exit_cleanly(_signum: int, _frame: object) -> None:
    sys.exit(1)  # SystemExit unwinds write_atomically, which removes its temporary file


@atexit.register
def _stop_all() -> None:
    for worker in list(_LIVE):
        worker.shutdown(grace=0.5)
